from dataclasses import replace
from decimal import Decimal

import pytest

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.checklists import (
    ChecklistItem,
    DepositPetitionFacts,
    IokRequestFacts,
    missing_items_deposit,
    missing_items_iok,
    stamp_duty_due,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.household import income_per_person, total_income

COMPLETE_IOK = IokRequestFacts(
    email="jan@example.pl", signed=True, name="Jan Kowalski",
    premises_address="ul. Bytomska 1/2",
)
COMPLETE_DEPOSIT = DepositPetitionFacts(
    petition=True, property_statement=True, by_proxy=False, power_of_attorney=False,
    proxy_relation=None, principal_exempt=False, stamp_duty_paid=False,
)


def _codes(items: list[ChecklistItem]) -> list[str]:
    return [i.code for i in items]


def test_complete_iok_request() -> None:
    assert missing_items_iok(COMPLETE_IOK) == []


def test_iok_missing_everything() -> None:
    facts = IokRequestFacts(email=None, signed=False, name="  ", premises_address=None)
    assert _codes(missing_items_iok(facts)) == [
        "name", "premises_address", "email", "signature"
    ]
    assert all(i.label for i in missing_items_iok(facts))


def test_iok_invalid_email() -> None:
    facts = replace(COMPLETE_IOK, email="jan@")
    assert _codes(missing_items_iok(facts)) == ["email_invalid"]


def test_complete_deposit_petition() -> None:
    assert missing_items_deposit(COMPLETE_DEPOSIT) == []


def test_deposit_missing_documents() -> None:
    facts = replace(COMPLETE_DEPOSIT, petition=False, property_statement=False)
    assert _codes(missing_items_deposit(facts)) == ["petition", "property_statement"]


def test_deposit_proxy_without_power_of_attorney_and_duty() -> None:
    facts = replace(COMPLETE_DEPOSIT, by_proxy=True, proxy_relation=ProxyRelation.OTHER)
    assert _codes(missing_items_deposit(facts)) == ["power_of_attorney", "stamp_duty"]
    paid = replace(facts, power_of_attorney=True, stamp_duty_paid=True)
    assert missing_items_deposit(paid) == []


@pytest.mark.parametrize(
    "relation",
    [ProxyRelation.SPOUSE, ProxyRelation.ASCENDANT, ProxyRelation.DESCENDANT,
     ProxyRelation.SIBLING],
)
def test_deposit_proxy_family_exempt(relation: ProxyRelation) -> None:
    facts = replace(COMPLETE_DEPOSIT, by_proxy=True, power_of_attorney=True,
                    proxy_relation=relation)
    assert missing_items_deposit(facts) == []


def test_stamp_duty_due() -> None:
    assert stamp_duty_due(ProxyRelation.OTHER, principal_exempt=False)
    assert stamp_duty_due(None, principal_exempt=False)
    assert not stamp_duty_due(ProxyRelation.OTHER, principal_exempt=True)
    assert not stamp_duty_due(ProxyRelation.SPOUSE, principal_exempt=False)


def test_income_per_person() -> None:
    assert income_per_person(Decimal("3500"), 3) == Decimal("1166.67")
    assert income_per_person(Decimal("0"), 2) == Decimal("0.00")
    assert total_income([Decimal("1000.10"), Decimal("250")]) == Decimal("1250.10")
    with pytest.raises(FieldError):
        income_per_person(Decimal("1000"), 0)
    with pytest.raises(FieldError):
        income_per_person(Decimal("-1"), 1)
    with pytest.raises(TypeError):
        income_per_person(1000.0, 2)  # type: ignore[arg-type]
