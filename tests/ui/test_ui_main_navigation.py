"""The main window opens cases: from a barcode burst anywhere in it, and registers items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.registration_dialog import RegistrationDialog
from tests.services.test_intake import iok_request
from tests.ui.ui_test_support import settle, settled


def _window(qtbot: QtBot, ctx: AppContext, actor: Actor) -> MainWindow:
    window = MainWindow(ctx, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _scan(qtbot: QtBot, target: QLineEdit, code: str) -> None:
    qtbot.keyClicks(target, code)  # no delay between keys: a scanner's burst
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_scanned_signature_opens_the_case(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    result = intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    window = _window(qtbot, ctx, staff[Role.CLERK])
    search = window.case_list.search_edit
    _scan(qtbot, search, result.signature or "")
    key = f"case:{result.case_id}"
    qtbot.waitUntil(lambda: key in window.windows, timeout=5000)
    view = window.windows[key]
    assert isinstance(view, CaseView) and view.isVisible()
    assert search.text() == ""  # the burst did not land in the search box
    window.close()


def test_unknown_code_is_reported_in_the_status_bar(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    window = _window(qtbot, ctx, staff[Role.COUNTER])
    _scan(qtbot, window.case_list.search_edit, "XYZ.1.2.2026")
    settled(qtbot)  # the code is looked up off the GUI thread
    assert "Nie znaleziono sprawy ani pisma" in window.statusBar().currentMessage()
    window.close()


def test_register_action_opens_the_dialog_and_refreshes_the_list(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    window = _window(qtbot, ctx, staff[Role.COUNTER])
    window.act_register.trigger()
    dialog = window.windows["registration"]
    assert isinstance(dialog, RegistrationDialog) and dialog.isVisible()
    assert not MainWindow(ctx, staff[Role.ADMIN]).act_register.isEnabled()
    window.close()


def test_supervisor_opens_the_deadline_report(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    from clerk_app.ui.report_dialog import ReportDialog

    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    window.act_reports.trigger()
    assert isinstance(window.windows["report"], ReportDialog)
    window.close()


def test_admin_adds_a_day_off_and_sees_deadlines_moved(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    from datetime import date

    from clerk_app.domain.calendar_days_off import DayOffKind
    from clerk_app.services.deadlines.actions import list_case_deadlines
    from clerk_app.ui.days_off_dialog import DaysOffDialog
    from clerk_app.ui.qt_helpers import to_qdate

    case = intake.register_item(ctx, staff[Role.COUNTER], iok_request())  # due 16.03.2026
    window = _window(qtbot, ctx, staff[Role.ADMIN])
    window.act_days_off.trigger()
    dialog = window.windows["days_off"]
    assert isinstance(dialog, DaysOffDialog)
    settled(qtbot)  # the days off are read off the GUI thread
    dialog.day_edit.setDate(to_qdate(date(2026, 3, 16)))
    dialog.name_edit.setText("")
    settle(qtbot, dialog.runner, dialog.add_button.click)
    assert "Nazwa dnia wolnego" in dialog.error_text()
    assert dialog.model.rowCount() == 0
    # An office closure never moves a deadline …
    assert dialog.kind_combo.currentData() == DayOffKind.OFFICE_CLOSURE
    dialog.name_edit.setText("Urząd nieczynny")  # keyClicks cannot type ń, ę
    settle(qtbot, dialog.runner, dialog.add_button.click)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "Przeliczono otwartych terminów: 0" in dialog.info.text()
    assert dialog.model.index(0, dialog.model.KIND).data() == (
        DayOffKind.OFFICE_CLOSURE.short_label)
    [deadline] = list_case_deadlines(ctx, staff[Role.CLERK], case.case_id or 0)
    assert deadline.due_on == date(2026, 3, 16)
    # … a day off set by law does.
    dialog.table.selectRow(0)
    settle(qtbot, dialog.runner, dialog.remove_button.click)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(DayOffKind.STATUTORY))
    dialog.name_edit.setText("Dzien wolny ustawowy")
    settle(qtbot, dialog.runner, dialog.add_button.click)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.rowCount() == 1
    assert "Przeliczono otwartych terminów: 1" in dialog.info.text()
    [deadline] = list_case_deadlines(ctx, staff[Role.CLERK], case.case_id or 0)
    assert deadline.due_on == date(2026, 3, 17)
    dialog.grab().save("/tmp/days_off_dialog.png")
    window.close()


def test_scanned_letter_opens_the_delivery_dialog(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    from clerk_app.services.letters.issue import issue_summons
    from clerk_app.ui.delivery_dialog import DeliveryDialog

    case = intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    letter = issue_summons(ctx, staff[Role.CLERK], case.case_id or 0, ["Podpis na wniosku"])
    window = _window(qtbot, ctx, staff[Role.COUNTER])
    _scan(qtbot, window.case_list.search_edit, letter.identifier)
    settled(qtbot)  # the code, then the letter, are looked up off the GUI thread
    dialog = window.windows.get("delivery")
    assert isinstance(dialog, DeliveryDialog)
    assert dialog.letter is not None and dialog.letter.identifier == letter.identifier
    window.close()
