"""The decision dialogs by keyboard: focus on open, Tab order, Enter / Ctrl+Enter save,
Escape cancels; every input is named by its field key."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.ui.deposit.consent_dialog import ConsentDialog
from clerk_app.ui.deposit.refusal_dialog import RefusalDialog
from tests.ui.deposit_flow.test_deposit_decisions import complete_case
from tests.ui.ui_test_support import WAIT_MS, settled

Ctrl = Qt.KeyboardModifier.ControlModifier


def test_consent_by_keyboard(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor],
                             clock: object) -> None:
    view, panel = complete_case(qtbot, ctx, staff, clock)
    panel.consent_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, ConsentDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 10, timeout=WAIT_MS)
    assert dialog.findChild(type(dialog.count_edit), "instalment_count") is dialog.count_edit
    assert dialog.first_due_edit.objectName() == "first_due_on"
    assert QApplication.focusWidget() is dialog.count_edit
    qtbot.keyClick(dialog.count_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.first_due_edit
    with qtbot.waitSignal(dialog.scheduleShown, timeout=WAIT_MS):
        dialog.count_edit.setValue(5)
    qtbot.keyClick(dialog.count_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()  # cancelled: nothing decided
    assert deposit_overview(ctx, staff[Role.CLERK], view.case_id).decision is None

    panel.consent_button.click()
    again = panel.dialog
    assert isinstance(again, ConsentDialog) and again is not dialog
    qtbot.waitUntil(lambda: again.ok_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS):
        qtbot.keyClick(again.count_edit, Qt.Key.Key_Return)  # Enter saves
    settled(qtbot)
    assert deposit_overview(ctx, staff[Role.CLERK], view.case_id).status is CaseStatus.CONSENT


def test_refusal_enter_writes_a_line_and_ctrl_enter_saves(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    view, panel = complete_case(qtbot, ctx, staff, clock)
    panel.refusal_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, RefusalDialog)
    edit = dialog.reasoning_edit
    assert dialog.focusWidget() is edit and edit.objectName() == "reasoning"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=WAIT_MS)
    qtbot.keyClicks(edit, "Dochod pozwala")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "na wplate kaucji.")
    assert dialog.isVisible() and edit.toPlainText() == "Dochod pozwala\nna wplate kaucji."
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS):
        qtbot.keyClick(edit, Qt.Key.Key_Return, Ctrl)
    settled(qtbot)
    overview = deposit_overview(ctx, staff[Role.CLERK], view.case_id)
    assert overview.decision is not None
    assert overview.decision.reasoning == "Dochod pozwala\nna wplate kaucji."
    assert overview.settled_on == date(2026, 3, 9)
