"""A summons is issued, its barcode is "scanned" into the delivery dialog, the delivery date
is confirmed, and the 7-day deadline shows up in the dashboard with the right date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import DeadlineKind
from clerk_app.domain.letter_kinds import DeliveryStatus
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.issue import issue_summons
from clerk_app.ui.deadline_dashboard import DeadlineDashboard
from clerk_app.ui.deadline_table_model import COL_DAYS_LEFT, COL_DUE, COL_SIGNATURE
from clerk_app.ui.delivery_dialog import NOT_COLLECTED, DeliveryDialog
from tests.services.deadline_fixtures import make_case, set_today
from tests.ui.ui_test_support import WAIT_MS, settle, settled


def _issue(ctx: AppContext, clerk: Actor, clock: object) -> tuple[int, str]:
    set_today(clock, date(2025, 12, 10))
    case_id = make_case(ctx, clerk.user_id, received_on=date(2025, 12, 8),
                        assignee_id=clerk.user_id)
    letter = issue_summons(ctx, clerk, case_id, ["Oświadczenie o stanie majątkowym"])
    set_today(clock, date(2025, 12, 18))
    return case_id, letter.identifier


def test_scan_confirm_delivery_and_see_deadline(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id, identifier = _issue(ctx, clerk, clock)

    dialog = DeliveryDialog(ctx, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.identifier_edit.setFocus()
    qtbot.keyClicks(dialog.identifier_edit, identifier.lower())
    settle(qtbot, dialog.runner,
           lambda: qtbot.keyClick(dialog.identifier_edit, Qt.Key.Key_Return))
    assert dialog.isVisible()  # Enter looked the letter up; it did not press OK
    assert dialog.letter is not None and dialog.letter.identifier == identifier
    assert "BGM.7141.1.2025" in dialog.letter_label.text()
    assert "Józef Żółkiewski" in dialog.letter_label.text()
    assert dialog.ok_button.isEnabled()
    assert dialog.date_edit.date() == QDate(2025, 12, 18)  # today by default

    dialog.date_edit.setDate(QDate(2025, 12, 17))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.outcome is not None
    assert dialog.outcome.letter.delivery_status is DeliveryStatus.DELIVERED
    assert dialog.outcome.started_deadline is not None
    assert dialog.outcome.started_deadline.due_on == date(2025, 12, 29)

    dashboard = DeadlineDashboard(ctx, clerk)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.refreshed, timeout=WAIT_MS):
        pass
    model = dashboard.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [(r.case_id, r.deadline_kind) for r in rows if r] == [
        (case_id, DeadlineKind.DEFICIENCY)]
    assert model.index(0, COL_DUE).data() == "29.12.2025"
    assert model.index(0, COL_SIGNATURE).data() == "BGM.7141.1.2025"
    # 19, 22, 23, 29 December are the working days after 18.12 up to 29.12
    assert model.index(0, COL_DAYS_LEFT).data() == "4"


def test_not_collected_shows_deemed_delivery(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.COUNTER]
    _case_id, identifier = _issue(ctx, staff[Role.CLERK], clock)
    set_today(clock, date(2026, 1, 5))
    dialog = DeliveryDialog.for_identifier(ctx, clerk, identifier)
    qtbot.addWidget(dialog)
    dialog.show()
    settled(qtbot)  # the letter and the calendar are read off the GUI thread
    dialog.method_group.button(NOT_COLLECTED).click()
    dialog.date_edit.setDate(QDate(2025, 12, 12))
    text = dialog.deemed_text()
    # 12.12 + 14 days = 26.12 (holiday) → 27 Sat, 28 Sun → 29.12.2025
    assert "Doręczenie zastępcze (art. 44 KPA): 29.12.2025" in text
    assert "Pominięto: 26.12.2025" in text
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.outcome is not None
    assert dialog.outcome.started_deadline is not None
    assert dialog.outcome.started_deadline.due_on == date(2026, 1, 5)

    again = DeliveryDialog.for_identifier(ctx, clerk, identifier)
    qtbot.addWidget(again)
    unknown = DeliveryDialog.for_identifier(ctx, clerk, "L2025999999")
    qtbot.addWidget(unknown)
    settled(qtbot)
    assert again.letter is not None and not again.ok_button.isEnabled()  # already recorded
    assert "Nie znaleziono pisma" in unknown.error_text()


def test_the_deemed_delivery_explanation_shows_every_line_below_the_date(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    """It overlapped the date field and its last line was cut off."""
    _case_id, identifier = _issue(ctx, staff[Role.CLERK], clock)
    set_today(clock, date(2026, 1, 5))
    dialog = DeliveryDialog.for_identifier(ctx, staff[Role.COUNTER], identifier)
    qtbot.addWidget(dialog)
    dialog.show()
    settled(qtbot)
    dialog.method_group.button(NOT_COLLECTED).click()
    dialog.date_edit.setDate(QDate(2025, 12, 12))
    settled(qtbot)
    label = dialog.deemed_label
    assert label.text().splitlines()[-1] == "Termin upływa: 29.12.2025"
    assert label.geometry().top() >= dialog.how_box.geometry().bottom()
    assert label.height() >= label.sizeHint().height()  # no line cut off
    assert label.geometry().bottom() <= dialog.buttons.geometry().top()
    assert dialog.date_label.width() >= dialog.date_label.sizeHint().width()


def test_the_desk_opened_from_the_menu_waits_for_a_scan_without_an_error(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    from clerk_app.ui.main_window import MainWindow

    window = MainWindow(ctx, staff[Role.COUNTER])
    qtbot.addWidget(window)
    window.show()
    window.act_delivery.trigger()
    settled(qtbot)
    dialog = window.windows.get("delivery")
    assert isinstance(dialog, DeliveryDialog)
    assert dialog.error_text() == ""
    qtbot.keyClick(dialog.identifier_edit, Qt.Key.Key_Return)  # Enter on an empty code
    settled(qtbot)
    assert "Zeskanuj kod kreskowy pisma" in dialog.error_text()
    assert "Nie znaleziono" not in dialog.error_text()
    window.close()
