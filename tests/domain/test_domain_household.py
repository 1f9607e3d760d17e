"""Household totals of a property statement, to the grosz."""

from __future__ import annotations

from decimal import Decimal

from clerk_app.domain.household import household_totals


def test_totals_per_member_household_and_person() -> None:
    t = household_totals([[Decimal("1000.10"), Decimal("0.01")], [], [Decimal("500")]],
                         Decimal("300"), Decimal("1000.50"))
    assert t.member_incomes == (Decimal("1000.11"), Decimal("0.00"), Decimal("500.00"))
    assert t.total_income == Decimal("1500.11")
    assert t.income_per_person == Decimal("500.04")  # 500.0366… rounds half up
    assert t.savings == Decimal("300.00") and t.debts == Decimal("1000.50")
    assert t.savings_less_debts == Decimal("-700.50")


def test_half_grosz_rounds_up() -> None:
    assert household_totals([[Decimal("0.01")], []], Decimal(0), Decimal(0)) \
        .income_per_person == Decimal("0.01")


def test_nobody_listed_has_no_income_per_person() -> None:
    t = household_totals([], Decimal("0"), Decimal("0"))
    assert t.member_incomes == () and t.total_income == Decimal("0.00")
    assert t.income_per_person is None
