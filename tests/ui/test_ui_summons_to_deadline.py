"""Issue 4 end to end in the main window: a summons is printed, its barcode is scanned as key
events anywhere in the window, the delivery date is confirmed, and the 7-day deadline shows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from clerk_app.documents.letters import render_letter
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.letters.issue import issue_summons
from clerk_app.ui.deadline_table_model import COL_DUE, COL_SIGNATURE
from clerk_app.ui.delivery_dialog import DeliveryDialog
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.pdf_printing import print_pdf_to
from clerk_app.ui.qt_helpers import to_qdate
from tests.conftest import FakeClock
from tests.services.test_intake import deposit_petition
from tests.ui.ui_test_support import settled


def test_printed_summons_scanned_and_delivered_starts_the_deadline(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: FakeClock, tmp_path: Path
) -> None:
    clerk = staff[Role.CLERK]
    clock.current = datetime(2025, 12, 10, 9, 0, tzinfo=UTC)
    case = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
        received_at=clock.current, assignee_id=clerk.user_id))
    letter = issue_summons(ctx, clerk, case.case_id or 0, ["Oświadczenie o stanie majątkowym"])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "wezwanie.pdf"))
    assert print_pdf_to(render_letter(letter.document), printer) == 1

    clock.current = datetime(2025, 12, 18, 9, 0, tzinfo=UTC)  # the receipt comes back
    window = MainWindow(ctx, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.case_list.search_edit, letter.identifier)  # the scanner's burst
    qtbot.keyClick(window.case_list.search_edit, Qt.Key.Key_Return)
    settled(qtbot)  # the code, then the letter, are looked up off the GUI thread
    dialog = window.windows.get("delivery")
    assert isinstance(dialog, DeliveryDialog) and dialog.letter is not None
    assert window.case_list.search_edit.text() == ""
    dialog.date_edit.setDate(to_qdate(date(2025, 12, 17)))  # date on the ZPO
    with qtbot.waitSignal(dialog.runner.settled, timeout=10_000):
        dialog.ok_button.click()
    assert dialog.outcome is not None and dialog.outcome.started_deadline is not None
    assert dialog.outcome.started_deadline.due_on == date(2025, 12, 29)

    model = window.dashboard.model
    qtbot.waitUntil(lambda: any(
        model.index(r, COL_SIGNATURE).data() == case.signature
        and model.index(r, COL_DUE).data() == "29.12.2025" for r in range(model.rowCount())),
        timeout=10_000)
    window.close()
