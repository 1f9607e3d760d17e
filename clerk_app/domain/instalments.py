"""Security deposit (10 × monthly rent) and its schedule of monthly instalments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.computed_date import add_calendar_months
from clerk_app.domain.errors import FieldError
from clerk_app.domain.money import GROSZ, to_money

DEPOSIT_RENT_MULTIPLE = 10
MIN_INSTALMENTS = 2
MAX_INSTALMENTS = 10


@dataclass(frozen=True)
class Instalment:
    """One instalment: its 1-based number, due date (a working day) and amount."""

    number: int
    due_date: date
    amount: Decimal


def deposit_for_rent(monthly_rent: Decimal) -> Decimal:
    """The security deposit: exactly ten times the monthly rent (rent must be > 0)."""
    rent = to_money(monthly_rent)
    if rent <= 0:
        raise FieldError("monthly_rent", "Czynsz musi być większy od zera.")
    return to_money(rent * DEPOSIT_RENT_MULTIPLE)


def split_amount(total: Decimal, count: int, remainder_on_first: bool = True) -> list[Decimal]:
    """Split ``total`` into ``count`` grosz-equal parts; one part absorbs the remainder."""
    base = (total / count).quantize(GROSZ, rounding=ROUND_DOWN)
    remainder = total - base * count
    parts = [base] * count
    parts[0 if remainder_on_first else -1] = base + remainder
    return parts


def instalment_schedule(
    deposit: Decimal,
    count: int,
    first_due: date,
    calendar: LegalCalendar,
    remainder_on_first: bool = True,
) -> list[Instalment]:
    """Monthly instalments summing exactly to ``deposit``, due dates moved to working days.

    The k-th nominal due date is ``first_due`` plus k months (same day number or the
    month's last day, always counted from ``first_due``), then shifted to the next
    working day.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError("count must be int")
    if not MIN_INSTALMENTS <= count <= MAX_INSTALMENTS:
        raise FieldError(
            "instalment_count",
            f"Liczba rat musi wynosić od {MIN_INSTALMENTS} do {MAX_INSTALMENTS}.",
        )
    total = to_money(deposit)
    if total <= 0:
        raise FieldError("deposit_amount", "Kwota kaucji musi być większa od zera.")
    if total < GROSZ * count:
        raise FieldError("instalment_count", "Kwota kaucji jest zbyt mała na tyle rat.")
    amounts = split_amount(total, count, remainder_on_first)
    schedule: list[Instalment] = []
    for index, amount in enumerate(amounts):
        nominal = add_calendar_months(first_due, index)
        due, _ = calendar.next_working_day_on_or_after(nominal)
        schedule.append(Instalment(number=index + 1, due_date=due, amount=amount))
    return schedule
