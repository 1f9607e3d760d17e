"""The registers' dialog: the table at once, then the PDF preview; save, print, refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.registers.registers import case_register, incoming_register
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.registers.register_dialog import RegisterDialog
from clerk_app.ui.registers.register_model import RegisterTableModel
from tests.services.registers.register_fixtures import fill_registers
from tests.ui.ui_test_support import WAIT_MS, settle


def test_case_register_then_incoming_register(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    fill_registers(ctx, staff)
    dialog = RegisterDialog(ctx, staff[Role.SUPERVISOR])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.generated, timeout=WAIT_MS):
        dialog.show()  # the choices, the rows and the preview come without a click
    assert dialog.params() == ("cases", "ZGM", "0143", 2026)
    assert [dialog.class_combo.itemText(i) for i in range(dialog.class_combo.count())] == [
        "ZGM.0143", "BGM.7141"]
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 3).data() == "Józef Żółkiewski"
    assert dialog.model.index(0, 5).data() == "27.02.2026"
    assert dialog.pdf_doc.status() == QPdfDocument.Status.Ready
    assert dialog.pdf_doc.pageCount() == 1
    assert "spraw 2, w tym załatwionych ostatecznie 1" in dialog.summary.text()
    assert dialog.pdf_button.isEnabled() and dialog.xlsx_button.isEnabled()

    pdf = tmp_path / "spis.pdf"
    dialog.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "spis.xlsx"
    settle(qtbot, dialog.runner, lambda: dialog.save_xlsx(xlsx))
    assert load_workbook(xlsx)["Spis spraw"].max_row == 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "wydruk.pdf"))
    assert dialog.print_to(printer) == 1

    with qtbot.waitSignal(dialog.generated, timeout=WAIT_MS):
        dialog.kind_combo.setCurrentIndex(1)  # the incoming register: no class to choose
        assert not dialog.pdf_button.isEnabled()
        assert "Parametry zmienione" in dialog.summary.text()
    assert dialog.class_combo.isHidden()
    assert dialog.params() == ("incoming", "", "", 2026)
    assert dialog.model.rowCount() == 5 and dialog.model.columnCount() == 9
    assert dialog.model.index(4, 1).data() == "03.03.2026"
    assert dialog._default_name("pdf") == "rejestr_przesylek_2026.pdf"

    with qtbot.waitSignal(dialog.generated, timeout=WAIT_MS):
        dialog.year_spin.setValue(2025)
    assert dialog.model.rowCount() == 1


def test_models_pass_the_model_tester(
    qtmodeltester: object, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    fill_registers(ctx, staff)
    model = RegisterTableModel()
    model.set_register(case_register(ctx, staff[Role.SUPERVISOR], "ZGM", "0143", 2026))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) \
        == Qt.AlignmentFlag.AlignCenter
    assert model.headerData(8, Qt.Orientation.Horizontal) == "Uwagi (sposób załatwienia)"
    model.set_register(incoming_register(ctx, staff[Role.SUPERVISOR], 2026))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_register(None)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_clerk_is_refused(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]) -> None:
    dialog = RegisterDialog(ctx, staff[Role.CLERK])
    qtbot.addWidget(dialog)
    settle(qtbot, dialog.runner, dialog.show)
    assert dialog.register is None
    assert "nie pozwala" in dialog.summary.text()
    assert not dialog.print_button.isEnabled() and not dialog.xlsx_button.isEnabled()



@pytest.mark.parametrize("role", [Role.COUNTER, Role.CLERK, Role.SUPERVISOR, Role.ADMIN])
def test_menu_entry_under_reports_for_supervisors(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], role: Role
) -> None:
    window = MainWindow(ctx, staff[role])
    qtbot.addWidget(window)
    reports = next(a.menu() for a in window.menuBar().actions()
                   if a.text().replace("&", "") == "Raporty")
    assert window.act_registers in reports.actions()  # type: ignore[union-attr]
    assert window.act_registers.isEnabled() is (role is Role.SUPERVISOR)
    if role is Role.SUPERVISOR:
        dialog = window.open_registers()
        assert isinstance(dialog, RegisterDialog)
        qtbot.waitUntil(lambda: dialog.pdf_ready() and dialog.runner.is_idle(),
                        timeout=WAIT_MS)
        assert window.open_registers() is dialog  # one at a time, raised again
        dialog.close()
