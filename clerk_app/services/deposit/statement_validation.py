"""Checks of a property statement: every bad field is reported at once, in Polish.

A member's fields name the person by number in their label ("PESEL (osoba 2)"); the key is
the field's own (``member_pesel``), registered in ``domain.field_labels``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from clerk_app.domain.errors import FieldError
from clerk_app.domain.field_labels import field_label
from clerk_app.domain.validators import pesel_birth_date, require_text, validate_pesel
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.statement_types import IncomeInput, MemberInput, StatementInput

MAX_TEXT = 4000
TEXT_FIELDS = ("real_estate", "vehicles", "other_assets", "debts_description", "remarks")


class _Errors:
    def __init__(self) -> None:
        self.found: list[FieldError] = []

    def add(self, key: str, message: str, where: str = "") -> None:
        label = f"{field_label(key)} ({where})" if where else None
        self.found.append(FieldError(key, message, label))

    def text(self, value: str, key: str, max_len: int, where: str) -> str:
        try:
            return require_text(value, key, max_len)
        except FieldError as exc:
            self.add(key, exc.message, where)
            return value

    def amount(self, value: Decimal, key: str, where: str = "") -> None:
        if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
            self.add(key, "Podaj kwotę nie mniejszą od zera.", where)
        elif value != value.quantize(Decimal("0.01")):
            self.add(key, "Podaj kwotę z dokładnością do grosza.", where)


def _pesel_and_birth(e: _Errors, m: MemberInput, where: str,
                     today: date) -> tuple[str | None, date | None]:
    pesel, born = None, m.birth_date
    if m.pesel and m.pesel.strip():
        try:
            pesel = validate_pesel(m.pesel, "member_pesel")
        except FieldError as exc:
            e.add("member_pesel", exc.message, where)
    if pesel is not None:
        encoded = pesel_birth_date(pesel)
        if born is not None and born != encoded:
            e.add("member_birth_date", "Data urodzenia nie zgadza się z numerem PESEL.", where)
        born = encoded
    if born is not None and born > today:
        e.add("member_birth_date", "Data urodzenia nie może być z przyszłości.", where)
    return pesel, born


def _member(e: _Errors, m: MemberInput, n: int, today: date) -> MemberInput:
    where = f"osoba {n}"
    name = e.text(m.full_name, "member_full_name", 200, where)
    relation = e.text(m.relation, "member_relation", 60, where)
    pesel, born = _pesel_and_birth(e, m, where, today)
    incomes = []
    for k, income in enumerate(m.incomes, start=1):
        at = f"{where}, dochód {k}"
        source = e.text(income.source, "income_source", 120, at)
        e.amount(income.amount, "income_amount", at)
        incomes.append(IncomeInput(source, income.amount))
    return MemberInput(name, relation, pesel, born, tuple(incomes))


def validate_statement(data: StatementInput, today: date) -> StatementInput:
    """The statement with texts stripped and birth dates taken from PESEL numbers."""
    e = _Errors()
    if data.signed_on is not None and data.signed_on > today:
        e.add("signed_on", "Data podpisania nie może być z przyszłości.")
    if not data.members:
        e.add("household_members", "Gospodarstwo musi liczyć co najmniej 1 osobę.")
    members = []
    for n, member in enumerate(data.members, start=1):
        members.append(_member(e, member, n, today))
    e.amount(data.savings, "savings")
    e.amount(data.debts, "debts")
    texts: dict[str, str] = {}
    for key in TEXT_FIELDS:
        texts[key] = (getattr(data, key) or "").strip()
        if len(texts[key]) > MAX_TEXT:
            e.add(key, f"Tekst może mieć najwyżej {MAX_TEXT} znaków.")
    if e.found:
        raise ValidationFailed(e.found)
    return replace(data, members=tuple(members), real_estate=texts["real_estate"],
                   vehicles=texts["vehicles"], other_assets=texts["other_assets"],
                   debts_description=texts["debts_description"], remarks=texts["remarks"])
