"""Report dialog: preview with QtPdf, saving PDF and XLSX, printing to a PDF printer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.report_dialog import ReportDialog
from tests.services.test_deadlines_report import fill
from tests.ui.ui_test_support import WAIT_MS, settle


def test_preview_save_and_print(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    fill(ctx, staff)
    dialog = ReportDialog(ctx, staff[Role.SUPERVISOR])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.generated, timeout=WAIT_MS):
        dialog.show()  # the preview comes at once, without a click (it was a grey box)
    assert dialog.params() == (date(2026, 3, 2), 14)  # today, two weeks
    assert dialog.report is not None and dialog.report.row_count == 3
    assert dialog.pdf_doc.status() == QPdfDocument.Status.Ready
    assert dialog.pdf_doc.status() == QPdfDocument.Status.Ready
    assert dialog.pdf_doc.pageCount() == 1
    assert "w tym po terminie: 1" in dialog.summary.text()
    assert dialog.pdf_button.isEnabled() and dialog.xlsx_button.isEnabled()

    pdf = tmp_path / "raport.pdf"
    dialog.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "raport.xlsx"
    settle(qtbot, dialog.runner, lambda: dialog.save_xlsx(xlsx))
    assert load_workbook(xlsx)["Terminy"].max_row == 4

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "wydruk.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == 1
    assert printed.stat().st_size > 10000

    with qtbot.waitSignal(dialog.generated, timeout=WAIT_MS):
        dialog.horizon_spin.setValue(60)  # stale preview: saving waits for the new one
        assert not dialog.pdf_button.isEnabled()
        assert "Parametry zmienione" in dialog.summary.text()
    assert dialog.report is not None and dialog.report.row_count == 4
    assert dialog.pdf_button.isEnabled()


def test_clerk_is_refused(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]) -> None:
    dialog = ReportDialog(ctx, staff[Role.CLERK])
    qtbot.addWidget(dialog)
    settle(qtbot, dialog.runner, dialog.preview_button.click)
    assert dialog.report is None
    assert "nie pozwala" in dialog.summary.text()
    assert not dialog.print_button.isEnabled()
