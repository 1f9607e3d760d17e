"""The instalment agreement (umowa w sprawie rozłożenia kaucji zabezpieczającej na raty).

A plain record of everything the agreement says, built from the case, the settings and the
schedule; ``clerk_app.documents.agreement_pdf`` renders it. The deposit is always ten times
the monthly rent (:func:`clerk_app.domain.instalments.deposit_for_rent`) and the schedule
comes from :func:`clerk_app.domain.instalments.instalment_schedule`. The texts the office
may word differently (the consequence of a missed instalment, the legal basis) are passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import Instalment, deposit_for_rent, instalment_schedule
from clerk_app.domain.money import to_money
from clerk_app.domain.text import format_date_pl
from clerk_app.domain.validators import require_text, validate_nrb, validate_pesel

AGREEMENT_TITLE = "Umowa w sprawie rozłożenia kaucji zabezpieczającej na raty"
# Labels of the agreement's own fields (keys not in the shared field-label table).
_LABELS = {
    "identifier": "Identyfikator umowy",
    "case_signature": "Znak sprawy",
    "place": "Miejsce zawarcia umowy",
    "municipality": "Wynajmujący (gmina)",
    "tenant_name": "Najemca (imię i nazwisko)",
    "tenant_pesel": "PESEL najemcy",
    "flat_address": "Adres lokalu",
    "missed_instalment_consequence": "Skutek niezapłacenia raty",
}


@dataclass(frozen=True)
class AgreementTenant:
    """The tenant as the agreement names them: full name, PESEL and address lines."""

    name: str
    pesel: str
    address_lines: tuple[str, ...]


@dataclass(frozen=True)
class AgreementDocument:
    """Everything an instalment agreement says, as issued."""

    identifier: str
    case_signature: str
    place: str
    signed_on: date
    municipality: str
    signatory_name: str
    signatory_title: str
    tenant: AgreementTenant
    flat_address: str
    monthly_rent: Decimal
    deposit: Decimal
    schedule: tuple[Instalment, ...]
    bank_account: str
    missed_instalment_consequence: str
    legal_basis: str
    title: str = AGREEMENT_TITLE

    @property
    def place_and_date(self) -> str:
        """``Piekary Śląskie, 24.11.2026 r.``"""
        return f"{self.place}, {format_date_pl(self.signed_on)} r."

    @property
    def instalment_count(self) -> int:
        return len(self.schedule)

    @property
    def schedule_total(self) -> Decimal:
        """The sum of the instalments (equal to the deposit, to the grosz)."""
        return sum((i.amount for i in self.schedule), Decimal("0.00"))

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (dates ISO, amounts as strings), for storing with the letter."""
        return {
            "identifier": self.identifier, "case_signature": self.case_signature,
            "place": self.place, "signed_on": self.signed_on.isoformat(),
            "municipality": self.municipality, "signatory_name": self.signatory_name,
            "signatory_title": self.signatory_title,
            "tenant": {"name": self.tenant.name, "pesel": self.tenant.pesel,
                       "address_lines": list(self.tenant.address_lines)},
            "flat_address": self.flat_address, "monthly_rent": str(self.monthly_rent),
            "deposit": str(self.deposit),
            "schedule": [[i.number, i.due_date.isoformat(), str(i.amount)]
                         for i in self.schedule],
            "bank_account": self.bank_account,
            "missed_instalment_consequence": self.missed_instalment_consequence,
            "legal_basis": self.legal_basis, "title": self.title,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AgreementDocument:
        """The document :meth:`to_json` stored, exactly."""
        tenant = data["tenant"]
        return cls(
            identifier=data["identifier"], case_signature=data["case_signature"],
            place=data["place"], signed_on=date.fromisoformat(data["signed_on"]),
            municipality=data["municipality"], signatory_name=data["signatory_name"],
            signatory_title=data["signatory_title"],
            tenant=AgreementTenant(tenant["name"], tenant["pesel"],
                                   tuple(tenant["address_lines"])),
            flat_address=data["flat_address"], monthly_rent=Decimal(data["monthly_rent"]),
            deposit=Decimal(data["deposit"]),
            schedule=tuple(Instalment(int(n), date.fromisoformat(d), Decimal(a))
                           for n, d, a in data["schedule"]),
            bank_account=data["bank_account"],
            missed_instalment_consequence=data["missed_instalment_consequence"],
            legal_basis=data["legal_basis"], title=data.get("title", AGREEMENT_TITLE),
        )


def build_agreement(
    *,
    identifier: str,
    case_signature: str,
    place: str,
    signed_on: date,
    municipality: str,
    signatory_name: str,
    signatory_title: str,
    tenant: AgreementTenant,
    flat_address: str,
    monthly_rent: Decimal,
    instalment_count: int,
    first_due: date,
    calendar: LegalCalendar,
    bank_account: str,
    missed_instalment_consequence: str,
    legal_basis: str,
    remainder_on_first: bool = True,
) -> AgreementDocument:
    """The agreement for ``monthly_rent``: deposit = 10 × rent, paid in ``instalment_count``
    monthly instalments from ``first_due``; PESEL and account number are checked.

    Raises :class:`~clerk_app.domain.errors.FieldError` naming the field by key.
    """
    rent = to_money(monthly_rent)
    deposit = deposit_for_rent(rent)
    schedule = instalment_schedule(deposit, instalment_count, first_due, calendar,
                                   remainder_on_first)
    checked_tenant = AgreementTenant(
        name=_text(tenant.name, "tenant_name"),
        pesel=_labelled(validate_pesel, tenant.pesel, "tenant_pesel"),
        address_lines=tuple(line.strip() for line in tenant.address_lines if line.strip()),
    )
    return AgreementDocument(
        identifier=_text(identifier, "identifier", 40),
        case_signature=_text(case_signature, "case_signature", 60),
        place=_text(place, "place"),
        signed_on=signed_on,
        municipality=_text(municipality, "municipality"),
        signatory_name=require_text(signatory_name, "signatory_name"),
        signatory_title=(signatory_title or "").strip(),
        tenant=checked_tenant,
        flat_address=_text(flat_address, "flat_address"),
        monthly_rent=rent,
        deposit=deposit,
        schedule=tuple(schedule),
        bank_account=validate_nrb(bank_account, "deposit_bank_account"),
        missed_instalment_consequence=_text(
            missed_instalment_consequence, "missed_instalment_consequence", 2000),
        legal_basis=(legal_basis or "").strip(),
    )


def _text(value: str | None, key: str, max_len: int = 200) -> str:
    return _labelled(lambda v, k: require_text(v, k, max_len), value or "", key)


def _labelled(check: Callable[[str, str], str], value: str, key: str) -> str:
    """Run ``check(value, key)``; its error carries the agreement's label of the field."""
    try:
        return check(value, key)
    except FieldError as error:
        raise FieldError(key, error.message, _LABELS.get(key)) from None
