"""The checklist panel: each item's state as text and colour, refreshed after saves and
case reloads; the model passes qtmodeltester."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.petition_checklist import ChecklistLine, ItemState, PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.deposit.checklist_panel import ChecklistModel
from tests.ui.deposit_petition.deposit_ui_support import (
    open_petition,
    register_by_proxy,
    save,
)
from tests.ui.ui_test_support import settled

Staff = dict[Role, Actor]


def test_proxy_not_related_without_stamp_duty_lacks_power_and_duty(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER)
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    states = tab.checklist.states()
    assert states["power_of_attorney"] == "Brak"
    assert states["stamp_duty"] == "Brak"
    assert states["petition_signed"] == "Jest" and states["rent"] == "Jest"
    model = tab.checklist.model
    row = [line.item for line in model.rows()].index(PetitionItem.STAMP_DUTY)
    cell = model.index(row, 1)
    assert cell.data() == "✘ Brak"
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert "Braki" in tab.checklist.summary.text()
    # The clerk records the power of attorney and the paid duty: the panel follows the save.
    p = tab.form.proxy
    p.address.setText("ul. Roosevelta 20, 41-940 Piekary Śląskie")
    p.power.setCurrentIndex(p.power.findData(PowerOfAttorneyForm.ORIGINAL.value))
    p.paid_on.set_date_value(date(2026, 3, 2))
    p.payment.setCurrentIndex(p.payment.findData(StampDutyPayment.CASH_DESK.value))
    save(qtbot, tab)
    settled(qtbot)
    assert tab.error_label.text() == ""
    states = tab.checklist.states()
    assert states["power_of_attorney"] == "Jest" and states["stamp_duty"] == "Jest"


def test_spouse_needs_no_stamp_duty(qtbot: QtBot, ctx: AppContext, staff: Staff) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.SPOUSE,
                                has_power_of_attorney=True)
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    states = tab.checklist.states()
    assert states["stamp_duty"] == "Nie dotyczy"
    assert states["power_of_attorney"] == "Jest"
    assert tab.form.proxy.exempt.isChecked()
    assert tab.form.proxy.proposal.text() == "zwolniony – małżonek"
    assert not tab.form.proxy.paid_on.isEnabled()


def test_panel_follows_a_save_made_elsewhere(qtbot: QtBot, ctx: AppContext,
                                             staff: Staff) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER)
    _v1, clerk_tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    _v2, counter_tab = open_petition(qtbot, ctx, staff[Role.COUNTER], case_id)
    clerk_tab.form.proxy.address.setText("ul. Roosevelta 20, 41-940 Piekary Śląskie")
    p = clerk_tab.form.proxy
    p.power.setCurrentIndex(p.power.findData(PowerOfAttorneyForm.ORIGINAL.value))
    save(qtbot, clerk_tab)
    settled(qtbot)
    assert counter_tab.checklist.states()["power_of_attorney"] == "Jest"
    assert counter_tab.form.proxy.power.currentText() == "Oryginał"


def test_checklist_model(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    model = ChecklistModel()
    qtmodeltester.check(model)
    model.set_rows([ChecklistLine(PetitionItem.PETITION_SIGNED, ItemState.PRESENT),
                    ChecklistLine(PetitionItem.STAMP_DUTY, ItemState.NOT_APPLICABLE),
                    ChecklistLine(PetitionItem.RENT, ItemState.MISSING)])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "– Nie dotyczy"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Element prośby"
