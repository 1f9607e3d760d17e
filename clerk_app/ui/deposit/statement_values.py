"""Between the statement service's records and the editor's rows: rows from a stored
statement, a statement from the rows (texts that are no amount or date are refused here,
named like the service names them: "Kwota dochodu (osoba 1, dochód 2)"), and where a
member's or income's error points to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clerk_app.domain.errors import FieldError
from clerk_app.domain.field_labels import field_label
from clerk_app.domain.money import parse_money
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.statement_types import IncomeInput, MemberInput, StatementInput
from clerk_app.ui.deposit.petition_form import amount_text
from clerk_app.ui.deposit.statement_models import (
    IncomeRow,
    MemberRow,
    amount_error,
    date_text,
    parse_date,
)

_WHERE = re.compile(r"osoba (\d+)(?:, dochód (\d+))?")


def member_rows(data: StatementInput) -> list[MemberRow]:
    return [MemberRow(m.full_name, m.relation, m.pesel or "", date_text(m.birth_date),
                      [IncomeRow(i.source, amount_text(i.amount)) for i in m.incomes])
            for m in data.members]


@dataclass(frozen=True)
class ErrorPlace:
    """Where an error of a member's field is: member row, income row (or None)."""

    member: int
    income: int | None


def error_place(error: FieldError) -> ErrorPlace | None:
    """The member (and income) a field error names in its label, counted from 0."""
    found = _WHERE.search(error.label or "")
    if found is None:
        return None
    income = int(found.group(2)) - 1 if found.group(2) else None
    return ErrorPlace(int(found.group(1)) - 1, income)


def _err(key: str, message: str, where: str = "") -> FieldError:
    return FieldError(key, message, f"{field_label(key)} ({where})" if where else None)


def read_statement_input(rows: list[MemberRow], signed_on: date | None,
                         texts: dict[str, str], savings: str, debts: str) -> StatementInput:
    """The statement the rows and fields say; ValidationFailed for unreadable texts."""
    errors: list[FieldError] = []

    def money(text: str, key: str, where: str = "") -> Decimal:
        message = amount_error(text)
        if message:
            errors.append(_err(key, message, where))
            return Decimal("0.00")
        return parse_money(text) if text.strip() else Decimal("0.00")

    members = []
    for n, m in enumerate(rows, start=1):
        where = f"osoba {n}"
        born = None
        try:
            born = parse_date(m.birth)
        except ValueError:
            errors.append(_err("member_birth_date", "Podaj datę w postaci dd.mm.rrrr.", where))
        incomes = []
        for k, income in enumerate(m.incomes, start=1):
            amount = money(income.amount, "income_amount", f"{where}, dochód {k}")
            incomes.append(IncomeInput(income.source, amount))
        members.append(MemberInput(m.full_name, m.relation, m.pesel.strip() or None, born,
                                   tuple(incomes)))
    saved = money(savings, "savings")
    owed = money(debts, "debts")
    if errors:
        raise ValidationFailed(errors)
    return StatementInput(
        signed_on=signed_on,
        members=tuple(members), real_estate=texts["real_estate"], vehicles=texts["vehicles"],
        savings=saved, other_assets=texts["other_assets"], debts=owed,
        debts_description=texts["debts_description"], remarks=texts["remarks"])
