"""The petition's substance: read with its checklist, saved version-checked and audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.petition_checklist import ItemState, PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.deposit.petition import petition_form, save_petition
from clerk_app.services.deposit.petition_types import PetitionInput, PetitionView, ProxyInput
from tests.services.deadline_fixtures import audit_actions
from tests.services.deposit_fixtures import register_petition

Staff = dict[Role, Actor]
PROXY = ProxyInput("Anna Kowalska", "ul. Bytomska 84/2, 41-940 Piekary Śląskie",
                   ProxyRelation.OTHER, PowerOfAttorneyForm.CERTIFIED_COPY)


def _data(**over: object) -> PetitionInput:
    base = PetitionInput(
        monthly_rent=Decimal("750.50"), instalments_requested=6,
        first_due_on=date(2026, 4, 10), justification="  Utrata pracy  ",
        premises_address="ul. Źródlana 5/3, 41-940 Piekary Śląskie", signed=True)
    return replace(base, **over)  # type: ignore[arg-type]


def _states(view: PetitionView) -> dict[PetitionItem, ItemState]:
    return {line.item: line.state for line in view.checklist}


def test_save_computes_the_deposit_and_audits(ctx: AppContext, staff: Staff) -> None:
    case_id = register_petition(ctx, staff[Role.COUNTER])
    clerk = staff[Role.CLERK]
    before = petition_form(ctx, staff[Role.COUNTER], case_id)
    assert before.deposit_amount == Decimal("6123.50")
    new_version = save_petition(ctx, clerk, case_id, before.version, _data())
    view = petition_form(ctx, clerk, case_id)
    assert view.version == new_version > before.version
    assert view.deposit_amount == Decimal("7505.00")
    assert view.data.justification == "Utrata pracy"
    assert view.data.first_due_on == date(2026, 4, 10)
    assert view.data.proxy is None
    assert _states(view)[PetitionItem.POWER_OF_ATTORNEY] is ItemState.NOT_APPLICABLE
    updates = [a for a in audit_actions(ctx, case_id) if a[1] == "update_petition"]
    assert len(updates) == 1
    assert updates[0][2]["monthly_rent"] == ["612.35", "750.50"]
    assert updates[0][2]["deposit_amount"] == ["6123.50", "7505.00"]


def test_counter_may_read_but_not_save(ctx: AppContext, staff: Staff) -> None:
    case_id = register_petition(ctx, staff[Role.COUNTER])
    view = petition_form(ctx, staff[Role.COUNTER], case_id)
    with pytest.raises(PermissionDenied):
        save_petition(ctx, staff[Role.COUNTER], case_id, view.version, _data())


def test_every_bad_field_is_reported_and_nothing_saved(ctx: AppContext, staff: Staff) -> None:
    case_id = register_petition(ctx, staff[Role.COUNTER])
    clerk = staff[Role.CLERK]
    view = petition_form(ctx, clerk, case_id)
    bad = _data(monthly_rent=Decimal("-1"), instalments_requested=11,
                first_due_on=date(2026, 1, 1), premises_address=" ",
                proxy=ProxyInput("", "", None), stamp_duty_payment=StampDutyPayment.TRANSFER,
                stamp_duty_exempt_override=True)
    with pytest.raises(ValidationFailed) as err:
        save_petition(ctx, clerk, case_id, view.version, bad)
    assert set(err.value.fields) == {
        "monthly_rent", "instalments_requested", "first_due_on", "premises_address",
        "proxy_name", "proxy_address", "proxy_relation", "stamp_duty_paid_on",
        "stamp_duty_override_reason"}
    assert "Pole „Termin pierwszej raty”" in err.value.message
    assert "Pole „Adres pełnomocnika”" in err.value.message
    assert petition_form(ctx, clerk, case_id) == view


def test_stale_version_conflicts(ctx: AppContext, staff: Staff) -> None:
    case_id = register_petition(ctx, staff[Role.COUNTER])
    clerk = staff[Role.CLERK]
    old = petition_form(ctx, clerk, case_id).version
    save_petition(ctx, clerk, case_id, old, _data())
    with pytest.raises(ConflictError):
        save_petition(ctx, staff[Role.SUPERVISOR], case_id, old, _data(instalments_requested=2))
    assert petition_form(ctx, clerk, case_id).data.instalments_requested == 6


def test_proxy_stamp_duty_paid_and_exemption(ctx: AppContext, staff: Staff) -> None:
    case_id = register_petition(ctx, staff[Role.COUNTER])
    clerk = staff[Role.CLERK]
    version = petition_form(ctx, clerk, case_id).version
    version = save_petition(ctx, clerk, case_id, version, _data(proxy=PROXY))
    view = petition_form(ctx, clerk, case_id)
    assert not view.stamp_duty_exempt_proposed
    assert _states(view)[PetitionItem.STAMP_DUTY] is ItemState.MISSING
    assert _states(view)[PetitionItem.POWER_OF_ATTORNEY] is ItemState.PRESENT
    assert view.data.proxy == PROXY
    version = save_petition(ctx, clerk, case_id, version, _data(
        proxy=PROXY, stamp_duty_paid_on=date(2026, 3, 1),
        stamp_duty_payment=StampDutyPayment.CASH_DESK))
    view = petition_form(ctx, clerk, case_id)
    assert view.stamp_duty_paid and _states(view)[PetitionItem.STAMP_DUTY] is ItemState.PRESENT
    sibling = replace(PROXY, relation=ProxyRelation.SIBLING)
    version = save_petition(ctx, clerk, case_id, version, _data(proxy=sibling))
    view = petition_form(ctx, clerk, case_id)
    assert view.stamp_duty_exempt_proposed and view.stamp_duty_exempt
    assert _states(view)[PetitionItem.STAMP_DUTY] is ItemState.NOT_APPLICABLE
    save_petition(ctx, clerk, case_id, version, _data(
        proxy=sibling, stamp_duty_exempt_override=False,
        stamp_duty_override_reason="Brak dowodu pokrewieństwa"))
    view = petition_form(ctx, clerk, case_id)
    assert view.stamp_duty_exempt_proposed and not view.stamp_duty_exempt
    assert view.data.stamp_duty_override_reason == "Brak dowodu pokrewieństwa"
    assert _states(view)[PetitionItem.STAMP_DUTY] is ItemState.MISSING


def test_unknown_rent_and_unsigned_petition_are_missing(ctx: AppContext, staff: Staff) -> None:
    case_id = register_petition(ctx, staff[Role.COUNTER], statement=False)
    clerk = staff[Role.CLERK]
    version = petition_form(ctx, clerk, case_id).version
    save_petition(ctx, clerk, case_id, version, _data(monthly_rent=None, signed=False))
    view = petition_form(ctx, clerk, case_id)
    assert view.deposit_amount is None and view.data.monthly_rent is None
    assert _states(view) == {
        PetitionItem.PETITION_SIGNED: ItemState.MISSING,
        PetitionItem.PROPERTY_STATEMENT: ItemState.MISSING,
        PetitionItem.POWER_OF_ATTORNEY: ItemState.NOT_APPLICABLE,
        PetitionItem.STAMP_DUTY: ItemState.NOT_APPLICABLE,
        PetitionItem.RENT: ItemState.MISSING,
    }
