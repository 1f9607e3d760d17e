"""The petition tab of a deposit case: editing and saving, the deposit computed live, a
conflict from a second save, errors at the field, counter staff read-only."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import load_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError
from clerk_app.services.deposit.petition import petition_form
from tests.ui.deposit_petition.deposit_ui_support import (
    open_petition,
    register,
    register_by_proxy,
    save,
)
from tests.ui.ui_test_support import settled

Staff = dict[Role, Actor]


def test_petition_is_edited_and_saved_with_deposit_live(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles[:2] == ["Dane", "Prośba o raty"]
    f = tab.form
    assert f.rent.text() == "612,35"
    assert f.deposit.text() == "Kaucja (10 × czynsz): 6 123,50 zł"
    f.rent.setText("1 234,56")
    assert f.deposit.text() == "Kaucja (10 × czynsz): 12 345,60 zł"
    f.instalments.setValue(6)
    f.first_due.set_date_value(date(2026, 4, 15))
    f.justification.setPlainText("Utrata pracy.\nDwoje dzieci na utrzymaniu.")
    f.premises.setText("ul. Bytomska 12/3, 41-940 Piekary Śląskie")
    f.signed.setChecked(False)
    assert tab.is_dirty()
    save(qtbot, tab)
    assert tab.error_label.text() == ""
    assert tab.info_label.text() == "Zapisano prośbę."
    stored = petition_form(ctx, staff[Role.CLERK], case_id)
    assert stored.data.monthly_rent == Decimal("1234.56")
    assert stored.deposit_amount == Decimal("12345.60")
    assert stored.data.instalments_requested == 6
    assert stored.data.first_due_on == date(2026, 4, 15)
    assert stored.data.justification == "Utrata pracy.\nDwoje dzieci na utrzymaniu."
    assert stored.data.premises_address == "ul. Bytomska 12/3, 41-940 Piekary Śląskie"
    assert stored.data.signed is False  # recorded as entered, not forced
    settled(qtbot)
    assert tab.checklist.states()["petition_signed"] == "Brak"
    assert not tab.is_dirty()


def test_second_save_conflicts_and_keeps_typed_data(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    _v1, first = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    _v2, second = open_petition(qtbot, ctx, staff[Role.SUPERVISOR], case_id)
    second.form.justification.setPlainText("Wpisane przez kierownika")
    first.form.rent.setText("700,00")
    save(qtbot, first)
    settled(qtbot)
    assert first.error_label.text() == ""
    # The broadcast reloaded the second tab, which kept what was typed (and its version).
    assert second.form.justification.toPlainText() == "Wpisane przez kierownika"
    save(qtbot, second)
    assert second.error_label.text() == ConflictError().message
    assert second.reload_button.isVisible()
    assert second.form.justification.toPlainText() == "Wpisane przez kierownika"
    assert petition_form(ctx, staff[Role.CLERK], case_id).data.monthly_rent == Decimal("700.00")
    with qtbot.waitSignal(second.runner.settled, timeout=10000):
        second.reload_button.click()
    assert second.form.rent.text() == "700,00"
    assert second.form.justification.toPlainText() == "Trudna sytuacja materialna"
    second.form.justification.setPlainText("Wpisane przez kierownika")
    save(qtbot, second)
    assert second.error_label.text() == ""
    stored = petition_form(ctx, staff[Role.CLERK], case_id).data
    assert stored.justification == "Wpisane przez kierownika"
    assert stored.monthly_rent == Decimal("700.00")


def test_errors_are_shown_at_the_named_field(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    f = tab.form
    f.rent.setText("12,345")
    tab.save_button.click()  # refused before any call: the amount cannot be read
    assert "Czynsz miesięczny" in tab.error_label.text()
    assert f.rent.hasFocus() and "dwa miejsca" in f.rent.toolTip()
    f.rent.setText("612,35")
    f.premises.setText("")
    f.by_proxy.setChecked(True)
    f.proxy.relation.setCurrentIndex(f.proxy.relation.findData(ProxyRelation.SPOUSE.value))
    assert f.proxy.exempt.isChecked()  # proposed from the relation
    f.proxy.exempt.setChecked(False)  # overridden without a reason
    assert f.proxy.reason.isEnabled()
    save(qtbot, tab)
    text = tab.error_label.text()
    assert "Adres lokalu" in text and "Pełnomocnik" in text
    assert "Powód zmiany zwolnienia" in text
    assert f.premises.hasFocus()  # the first bad field of the form
    assert f.proxy.reason.styleSheet() and f.proxy.name.styleSheet()
    assert f.premises.objectName() == "premises_address"


def test_proxy_with_override_and_payment_round_trip(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    f, p = tab.form, tab.form.proxy
    assert not p.isVisible()
    f.by_proxy.setChecked(True)
    assert p.isVisible() and p.duty_amount.text() == "17,00 zł"
    p.name.setText("Tomasz Wróblewski")
    p.address.setText("ul. Jana Pawła II 4, 41-940 Piekary Śląskie")
    p.relation.setCurrentIndex(p.relation.findData(ProxyRelation.OTHER.value))
    p.power.setCurrentIndex(p.power.findData(PowerOfAttorneyForm.CERTIFIED_COPY.value))
    assert not p.exempt.isChecked() and p.proposal.text() == "opłata należna"
    p.paid_on.set_date_value(date(2026, 3, 1))
    p.payment.setCurrentIndex(p.payment.findData(StampDutyPayment.TRANSFER.value))
    save(qtbot, tab)
    assert tab.error_label.text() == ""
    stored = petition_form(ctx, staff[Role.CLERK], case_id)
    assert stored.data.proxy is not None
    assert stored.data.proxy.address == "ul. Jana Pawła II 4, 41-940 Piekary Śląskie"
    assert stored.data.proxy.power_of_attorney is PowerOfAttorneyForm.CERTIFIED_COPY
    assert stored.data.stamp_duty_payment is StampDutyPayment.TRANSFER
    assert stored.stamp_duty_paid and not stored.stamp_duty_exempt
    # Then the clerk grants the exemption against the proposal, with a reason.
    settled(qtbot)
    p.exempt.setChecked(True)
    p.reason.setText("Mocodawca przedłożył decyzję o zwolnieniu")
    save(qtbot, tab)
    assert tab.error_label.text() == ""
    stored = petition_form(ctx, staff[Role.CLERK], case_id)
    assert stored.stamp_duty_exempt and not stored.stamp_duty_exempt_proposed
    assert stored.data.stamp_duty_override_reason == "Mocodawca przedłożył decyzję o zwolnieniu"
    settled(qtbot)
    assert tab.checklist.states()["stamp_duty"] == "Nie dotyczy"
    assert p.exempt.isChecked() and p.reason.text().startswith("Mocodawca")


def test_counter_sees_the_petition_read_only(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    _view, tab = open_petition(qtbot, ctx, staff[Role.COUNTER], case_id)
    assert tab.form.rent.text() == "612,35"
    assert tab.form.rent.isReadOnly() and not tab.form.instalments.isEnabled()
    assert not tab.save_button.isVisible()
    assert tab.statement_button is None and tab.viewers_button is None


def test_stamp_duty_amount_comes_from_the_settings(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    settings = load_settings(ctx)
    save_settings(ctx, staff[Role.ADMIN], dataclasses.replace(settings, stamp_duty="20.00"))
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER)
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    assert tab.form.proxy.duty_amount.text() == "20,00 zł"
    model = tab.checklist.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Dowód zapłaty opłaty skarbowej (20,00 zł)" in names
