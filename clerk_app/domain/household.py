"""Household figures from the property statement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from clerk_app.domain.errors import FieldError
from clerk_app.domain.money import to_money


def total_income(incomes: Iterable[Decimal]) -> Decimal:
    """Sum of monthly incomes (each converted with ``to_money``)."""
    return to_money(sum((to_money(i) for i in incomes), Decimal("0")))


def income_per_person(total_monthly_income: Decimal, members: int) -> Decimal:
    """Monthly income per household member, rounded half up to the grosz."""
    if isinstance(members, bool) or not isinstance(members, int):
        raise TypeError("members must be int")
    if members < 1:
        raise FieldError(
            "household_members", "Gospodarstwo musi liczyć co najmniej 1 osobę."
        )
    total = to_money(total_monthly_income)
    if total < 0:
        raise FieldError("monthly_income", "Dochód nie może być ujemny.")
    return to_money(total / members)


@dataclass(frozen=True)
class HouseholdTotals:
    """The figures of a property statement, to the grosz."""

    member_incomes: tuple[Decimal, ...]  # each member's monthly incomes added up
    total_income: Decimal
    income_per_person: Decimal | None  # None for a statement listing nobody
    savings: Decimal
    debts: Decimal
    savings_less_debts: Decimal


def household_totals(incomes_by_member: Sequence[Sequence[Decimal]], savings: Decimal,
                     debts: Decimal) -> HouseholdTotals:
    """Each member's income, the household's, the income per person and savings less debts."""
    members = tuple(total_income(incomes) for incomes in incomes_by_member)
    total = total_income(members)
    per_person = income_per_person(total, len(members)) if members else None
    saved, owed = to_money(savings), to_money(debts)
    return HouseholdTotals(members, total, per_person, saved, owed, saved - owed)
