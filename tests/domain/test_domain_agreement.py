"""The agreement record: deposit = 10 × rent, the schedule, checked PESEL and account."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clerk_app.domain.agreement import AGREEMENT_TITLE, AgreementTenant, build_agreement
from clerk_app.domain.agreement_texts import agreement_parties, agreement_sections
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.errors import FieldError
from tests.agreement_sample import BANK_ACCOUNT, PESEL, sample_agreement


def test_record_holds_deposit_and_schedule() -> None:
    doc = sample_agreement("623.47", 3, date(2026, 1, 31))
    assert doc.title == AGREEMENT_TITLE
    assert doc.monthly_rent == Decimal("623.47")
    assert doc.deposit == Decimal("6234.70")
    assert [i.amount for i in doc.schedule] == [
        Decimal("2078.24"), Decimal("2078.23"), Decimal("2078.23")]
    # 31 Jan 2026 is a Saturday → 2 Feb; 28 Feb (Sat) → 2 Mar; 31 Mar (Tue)
    assert [i.due_date for i in doc.schedule] == [
        date(2026, 2, 2), date(2026, 3, 2), date(2026, 3, 31)]
    assert doc.schedule_total == doc.deposit
    assert doc.instalment_count == 3
    assert doc.place_and_date == "Piekary Śląskie, 01.12.2026 r."
    assert doc.bank_account == BANK_ACCOUNT


def test_texts_name_parties_amounts_and_account() -> None:
    doc = sample_agreement("1160.58", 10)
    landlord, tenant = agreement_parties(doc)
    assert landlord.role == "Wynajmujący" and "Gmina Piekary Śląskie" in landlord.lines[0]
    assert any("Anna Nowak – Kierownik" in line for line in landlord.lines)
    assert tenant.role == "Najemca" and f"PESEL {PESEL}" in tenant.lines[0]
    text = " ".join(p for s in agreement_sections(doc) for p in s.paragraphs)
    assert "11 605,80 zł (słownie: jedenaście tysięcy sześćset pięć złotych 80/100)" in text
    assert "60 1020 1026 0000 1234 5678 9012" in text
    assert "w <b>10 ratach miesięcznych</b>" in text
    assert doc.missed_instalment_consequence in text


def _build(**changes: object) -> None:
    base: dict[str, object] = dict(
        identifier="U1", case_signature="BGM.1611.8.2026", place="Piekary Śląskie",
        signed_on=date(2026, 12, 1), municipality="Gmina Piekary Śląskie",
        signatory_name="Anna Nowak", signatory_title="",
        tenant=AgreementTenant("Jan Kowalski", PESEL, ()), flat_address="ul. Bytomska 1",
        monthly_rent=Decimal("500"), instalment_count=2, first_due=date(2027, 1, 10),
        calendar=LegalCalendar(), bank_account=BANK_ACCOUNT,
        missed_instalment_consequence="Cała kaucja staje się wymagalna.", legal_basis="")
    base.update(changes)
    build_agreement(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "key"), [
    ({"monthly_rent": Decimal("0")}, "monthly_rent"),
    ({"instalment_count": 11}, "instalment_count"),
    ({"tenant": AgreementTenant("Jan Kowalski", "85010112346", ())}, "tenant_pesel"),
    ({"tenant": AgreementTenant(" ", PESEL, ())}, "tenant_name"),
    ({"bank_account": "61102010260000123456789012"}, "deposit_bank_account"),
    ({"missed_instalment_consequence": ""}, "missed_instalment_consequence"),
    ({"flat_address": ""}, "flat_address"),
])
def test_bad_inputs_name_their_field(changes: dict[str, object], key: str) -> None:
    with pytest.raises(FieldError) as error:
        _build(**changes)
    assert error.value.key == key
    assert error.value.label != key
