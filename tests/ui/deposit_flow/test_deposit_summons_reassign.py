"""The summons dialog pre-ticked from the petition's checklist, and the supervisor's
reassignment from the case view."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.cases.detail import get_case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.issue import list_case_letters
from clerk_app.ui.case_action_dialogs import SummonsDialog
from clerk_app.ui.deposit.reassign_dialog import ReassignDialog
from tests.ui.deposit_flow.deposit_flow_support import (
    open_case,
    record_statement,
    register_petition,
)
from tests.ui.ui_test_support import WAIT_MS, settle, settled

POA, DUTY = PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY


def open_summons(qtbot: QtBot, ctx: AppContext, clerk: Actor, case_id: int) -> SummonsDialog:
    view = open_case(qtbot, ctx, clerk, case_id)
    tab = view.letters_tab
    qtbot.waitUntil(lambda: tab.summons_button.isEnabled(), timeout=WAIT_MS)
    tab.summons_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, SummonsDialog)
    qtbot.waitUntil(lambda: dialog.checks[0].property("itemCode") == "petition_signed",
                    timeout=WAIT_MS)
    return dialog


def test_proxy_not_a_relative_without_stamp_duty_demands_exactly_those_two(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    case_id = register_petition(ctx, staff, relation=ProxyRelation.OTHER)
    record_statement(ctx, clerk, case_id)
    dialog = open_summons(qtbot, ctx, clerk, case_id)
    ticked = [c.property("itemCode") for c in dialog.checks if c.isChecked()]
    assert ticked == [POA.value, DUTY.value]
    assert all(c.isEnabled() for c in dialog.checks)
    assert dialog.items() == [POA.label, DUTY.label]
    dialog.other_edit.setPlainText("Czytelny podpis pełnomocnika")
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert not dialog.isVisible()
    [letter] = list_case_letters(ctx, clerk, case_id)
    assert letter.kind.value == "summons"
    assert get_case(ctx, clerk, case_id).status.value == "awaiting_completion"


def test_spouse_stamp_duty_is_shown_disabled_and_cannot_be_demanded(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    case_id = register_petition(ctx, staff, relation=ProxyRelation.SPOUSE)
    dialog = open_summons(qtbot, ctx, clerk, case_id)
    by_code = {c.property("itemCode"): c for c in dialog.checks}
    duty = by_code[DUTY.value]
    assert not duty.isEnabled() and not duty.isChecked()
    assert "nie dotyczy" in duty.text()
    duty.setChecked(True)  # even forced, a disabled item is never demanded
    assert DUTY.label not in dialog.items()
    assert by_code[POA.value].isChecked() and POA.label in dialog.items()
    dialog.other_edit.setPlainText("Czytelny podpis pełnomocnika")  # a free-text item too
    assert dialog.items()[-1] == "Czytelny podpis pełnomocnika"


def test_supervisor_reassigns_and_a_clerk_has_no_button(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk, boss = staff[Role.CLERK], staff[Role.SUPERVISOR]
    case_id = register_petition(ctx, staff)
    clerks_view = open_case(qtbot, ctx, clerk, case_id)
    assert not clerks_view.reassign_button.isVisibleTo(clerks_view)
    assert clerks_view.open_reassign() is None

    view = open_case(qtbot, ctx, boss, case_id)
    assert view.reassign_button.isVisibleTo(view) and view.reassign_button.isEnabled()
    view.reassign_button.click()
    dialog = view.reassign_dialog
    assert isinstance(dialog, ReassignDialog)
    settled(qtbot)
    names = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert any(boss.full_name in n for n in names) and any(clerk.full_name in n for n in names)
    assert dialog.chosen_id() == clerk.user_id  # the current assignee first selected
    dialog.combo.setCurrentIndex(dialog.combo.findData(boss.user_id))
    with qtbot.waitSignals([view.loaded, clerks_view.loaded], timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert not dialog.isVisible()
    assert get_case(ctx, boss, case_id).assignee_id == boss.user_id
    assert view.header_values["assignee"].text() == boss.full_name
    assert clerks_view.header_values["assignee"].text() == boss.full_name
