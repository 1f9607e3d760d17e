"""Household figures from the property statement."""

from __future__ import annotations

from collections.abc import Iterable
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
