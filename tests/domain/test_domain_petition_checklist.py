"""The deposit petition's checklist item by item, and the stamp-duty exemption."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.deposit_petition import proposed_exemption, stamp_duty_exemption
from clerk_app.domain.petition_checklist import (
    ItemState,
    PetitionItem,
    PetitionRecord,
    missing,
    petition_checklist,
)

P, M, NA = ItemState.PRESENT, ItemState.MISSING, ItemState.NOT_APPLICABLE
NO_PROXY = PetitionRecord(
    signed=True, statement_present=True, statement_signed=True, by_proxy=False,
    power_of_attorney=False, stamp_duty_exempt=False, stamp_duty_paid=False,
    monthly_rent=Decimal("800.00"),
)


def _states(record: PetitionRecord) -> dict[PetitionItem, ItemState]:
    return {line.item: line.state for line in petition_checklist(record)}


def test_no_proxy_complete_power_and_duty_not_applicable() -> None:
    assert _states(NO_PROXY) == {
        PetitionItem.PETITION_SIGNED: P, PetitionItem.PROPERTY_STATEMENT: P,
        PetitionItem.POWER_OF_ATTORNEY: NA, PetitionItem.STAMP_DUTY: NA,
        PetitionItem.RENT: P,
    }
    assert missing(petition_checklist(NO_PROXY)) == []


def test_relative_proxy_stamp_duty_not_applicable() -> None:
    exempt = stamp_duty_exemption(ProxyRelation.SPOUSE, False, None, "").exempt
    record = replace(NO_PROXY, by_proxy=True, power_of_attorney=True, stamp_duty_exempt=exempt)
    states = _states(record)
    assert states[PetitionItem.POWER_OF_ATTORNEY] is P
    assert states[PetitionItem.STAMP_DUTY] is NA


def test_non_relative_proxy_without_stamp_duty_is_missing() -> None:
    exempt = stamp_duty_exemption(ProxyRelation.OTHER, False, None, "").exempt
    record = replace(NO_PROXY, by_proxy=True, power_of_attorney=True, stamp_duty_exempt=exempt)
    assert _states(record)[PetitionItem.STAMP_DUTY] is M
    assert missing(petition_checklist(record)) == [PetitionItem.STAMP_DUTY]
    paid = replace(record, stamp_duty_paid=True)
    assert _states(paid)[PetitionItem.STAMP_DUTY] is P


def test_proxy_without_power_of_attorney_is_missing() -> None:
    record = replace(NO_PROXY, by_proxy=True, stamp_duty_exempt=True)
    assert _states(record)[PetitionItem.POWER_OF_ATTORNEY] is M


def test_exempt_principal_with_other_proxy_needs_no_duty() -> None:
    exempt = stamp_duty_exemption(ProxyRelation.OTHER, True, None, "").exempt
    record = replace(NO_PROXY, by_proxy=True, power_of_attorney=True, stamp_duty_exempt=exempt)
    assert _states(record)[PetitionItem.STAMP_DUTY] is NA


@pytest.mark.parametrize(("present", "signed", "state"),
                         [(True, True, P), (True, False, M), (False, False, M)])
def test_property_statement_present_and_signed(present: bool, signed: bool,
                                               state: ItemState) -> None:
    record = replace(NO_PROXY, statement_present=present, statement_signed=signed)
    assert _states(record)[PetitionItem.PROPERTY_STATEMENT] is state


@pytest.mark.parametrize(("on_paper", "present", "signed", "state"),
                         [(True, False, False, P), (True, True, False, P),
                          (False, True, True, P), (False, True, False, M)])
def test_property_statement_on_paper_or_signed_in_editor(
        on_paper: bool, present: bool, signed: bool, state: ItemState) -> None:
    record = replace(NO_PROXY, statement_on_paper=on_paper, statement_present=present,
                     statement_signed=signed)
    assert _states(record)[PetitionItem.PROPERTY_STATEMENT] is state


@pytest.mark.parametrize(("rent", "state"),
                         [(None, M), (Decimal("0.00"), M), (Decimal("0.01"), P)])
def test_rent_known(rent: Decimal | None, state: ItemState) -> None:
    assert _states(replace(NO_PROXY, monthly_rent=rent))[PetitionItem.RENT] is state


def test_unsigned_petition_is_missing_first() -> None:
    record = replace(NO_PROXY, signed=False, monthly_rent=None)
    assert missing(petition_checklist(record)) == [PetitionItem.PETITION_SIGNED,
                                                   PetitionItem.RENT]


@pytest.mark.parametrize("relation", [ProxyRelation.SPOUSE, ProxyRelation.ASCENDANT,
                                      ProxyRelation.DESCENDANT, ProxyRelation.SIBLING])
def test_relatives_are_proposed_exempt(relation: ProxyRelation) -> None:
    assert proposed_exemption(relation, principal_exempt=False)


def test_other_or_unknown_relation_not_proposed_exempt() -> None:
    assert not proposed_exemption(ProxyRelation.OTHER, principal_exempt=False)
    assert not proposed_exemption(None, principal_exempt=False)
    assert proposed_exemption(None, principal_exempt=True)


def test_override_against_the_proposal_keeps_its_reason() -> None:
    over = stamp_duty_exemption(ProxyRelation.SPOUSE, False, False, " brak aktu małżeństwa ")
    assert over.proposed and not over.exempt and over.overridden
    assert over.reason == "brak aktu małżeństwa"
    same = stamp_duty_exemption(ProxyRelation.SPOUSE, False, True, "zbędny")
    assert same.override is None and same.exempt and same.reason == ""
