"""Completeness checks: which required items an IOK request or deposit petition lacks."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.errors import FieldError
from clerk_app.domain.validators import validate_email

# Stamp duty on a power of attorney (ustawa o opłacie skarbowej), in PLN.
STAMP_DUTY_POWER_OF_ATTORNEY = Decimal("17.00")


@dataclass(frozen=True)
class ChecklistItem:
    """A missing element: stable ``code`` for storage, Polish ``label`` for letters and UI."""

    code: str
    label: str


IOK_EMAIL = ChecklistItem(
    "email", "Adres e-mail, na który zostaną wysłane dane logowania"
)
IOK_EMAIL_INVALID = ChecklistItem(
    "email_invalid", "Prawidłowy adres e-mail (podany adres jest niepoprawny)"
)
IOK_SIGNATURE = ChecklistItem(
    "signature", "Własnoręczny podpis na wniosku (akceptacja regulaminu IOK)"
)
IOK_NAME = ChecklistItem("name", "Imię i nazwisko wnioskodawcy")
IOK_PREMISES = ChecklistItem(
    "premises_address", "Adres lokalu (ulica, numer budynku, numer lokalu)"
)

DEPOSIT_PETITION = ChecklistItem(
    "petition", "Prośba o rozłożenie kaucji zabezpieczającej na raty (załącznik nr 1)"
)
DEPOSIT_PROPERTY_STATEMENT = ChecklistItem(
    "property_statement", "Oświadczenie o stanie majątkowym (załącznik nr 2)"
)
DEPOSIT_POWER_OF_ATTORNEY = ChecklistItem(
    "power_of_attorney",
    "Pełnomocnictwo w formie pisemnej (oryginał lub urzędowo poświadczony odpis)",
)
DEPOSIT_STAMP_DUTY = ChecklistItem(
    "stamp_duty", "Dowód zapłaty opłaty skarbowej od pełnomocnictwa (17 zł)"
)


@dataclass(frozen=True)
class IokRequestFacts:
    """What the clerk found on an IOK account request."""

    email: str | None
    signed: bool
    name: str | None
    premises_address: str | None


@dataclass(frozen=True)
class DepositPetitionFacts:
    """What the clerk found in a deposit-instalment petition and its attachments."""

    petition: bool
    property_statement: bool
    by_proxy: bool
    power_of_attorney: bool
    proxy_relation: ProxyRelation | None
    principal_exempt: bool
    stamp_duty_paid: bool


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def missing_items_iok(facts: IokRequestFacts) -> list[ChecklistItem]:
    """Deficiencies of an IOK request (e-mail is required and must be valid; signature)."""
    missing: list[ChecklistItem] = []
    if _blank(facts.name):
        missing.append(IOK_NAME)
    if _blank(facts.premises_address):
        missing.append(IOK_PREMISES)
    if facts.email is None or _blank(facts.email):
        missing.append(IOK_EMAIL)
    else:
        try:
            validate_email(facts.email)
        except FieldError:
            missing.append(IOK_EMAIL_INVALID)
    if not facts.signed:
        missing.append(IOK_SIGNATURE)
    return missing


def stamp_duty_due(relation: ProxyRelation | None, principal_exempt: bool) -> bool:
    """True when a power of attorney bears the 17 zł stamp duty.

    Exempt: the principal is exempt, or the proxy is a spouse, ascendant, descendant or
    sibling. An unknown relation (None) is treated as not exempt.
    """
    if principal_exempt:
        return False
    return relation is None or not relation.stamp_duty_exempt


def missing_items_deposit(facts: DepositPetitionFacts) -> list[ChecklistItem]:
    """Formal deficiencies of a deposit-instalment petition (card BGM.1611.8.2023)."""
    missing: list[ChecklistItem] = []
    if not facts.petition:
        missing.append(DEPOSIT_PETITION)
    if not facts.property_statement:
        missing.append(DEPOSIT_PROPERTY_STATEMENT)
    if facts.by_proxy:
        if not facts.power_of_attorney:
            missing.append(DEPOSIT_POWER_OF_ATTORNEY)
        due = stamp_duty_due(facts.proxy_relation, facts.principal_exempt)
        if due and not facts.stamp_duty_paid:
            missing.append(DEPOSIT_STAMP_DUTY)
    return missing
