"""Property tests of the deposit schedule against an independent holiday oracle.

For any rent 0.01–99 999.99 zł, 2–10 instalments and a first due date in 2020–2040: the
schedule sums exactly to 10 × rent, has ``count`` rows, its amounts differ by less than
``count`` grosze, and every due date is the first day on or after its nominal date (same day
number counted from the first due date, or the month's last day) that is no Saturday, Sunday
or statutory holiday. The holidays are computed here from Easter, not from ``holidays``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from dateutil.easter import easter
from hypothesis import example, given, settings
from hypothesis import strategies as st

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.instalments import deposit_for_rent, instalment_schedule

CAL = LegalCalendar()
GROSZ = Decimal("0.01")
_FIXED = ((1, 1), (1, 6), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 25), (12, 26))


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> frozenset[date]:
    """Public holidays (ustawa o dniach wolnych od pracy): fixed days, Easter Sunday and
    Monday, Pentecost, Corpus Christi; Christmas Eve from 2025."""
    sunday = easter(year)
    days = {date(year, m, d) for m, d in _FIXED}
    days |= {sunday, sunday + timedelta(days=1), sunday + timedelta(days=49),
             sunday + timedelta(days=60)}
    if year >= 2025:
        days.add(date(year, 12, 24))
    return frozenset(days)


def _is_day_off(d: date) -> bool:
    return d.weekday() >= 5 or d in _polish_holidays(d.year)


def _nominal(first_due: date, months: int) -> date:
    index = first_due.month - 1 + months
    year, month = first_due.year + index // 12, index % 12 + 1
    return date(year, month, min(first_due.day, calendar.monthrange(year, month)[1]))


rents = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2,
                    allow_nan=False, allow_infinity=False)


@settings(max_examples=500, deadline=None)
@given(rent=rents, count=st.integers(min_value=2, max_value=10),
       first_due=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)))
@example(rent=Decimal("0.01"), count=10, first_due=date(2025, 12, 24))
@example(rent=Decimal("99999.99"), count=7, first_due=date(2026, 1, 31))
@example(rent=Decimal("0.07"), count=3, first_due=date(2028, 4, 15))  # Easter Saturday
def test_schedule_sums_to_ten_rents_and_avoids_days_off(
    rent: Decimal, count: int, first_due: date
) -> None:
    deposit = deposit_for_rent(rent)
    assert deposit == rent * 10
    schedule = instalment_schedule(deposit, count, first_due, CAL)
    amounts = [item.amount for item in schedule]
    assert len(schedule) == count
    assert [item.number for item in schedule] == list(range(1, count + 1))
    assert sum(amounts) == rent * 10
    assert all(a > 0 and a == a.quantize(GROSZ) for a in amounts)
    assert max(amounts) - min(amounts) < GROSZ * count
    for months, item in enumerate(schedule):
        assert not _is_day_off(item.due_date), item
        nominal = _nominal(first_due, months)
        assert nominal <= item.due_date
        skipped = (nominal + timedelta(days=n) for n in range((item.due_date - nominal).days))
        assert all(_is_day_off(d) for d in skipped), item
