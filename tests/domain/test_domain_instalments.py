from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import (
    Instalment,
    deposit_for_rent,
    instalment_schedule,
)

CAL = LegalCalendar()


def test_deposit_is_ten_times_rent() -> None:
    assert deposit_for_rent(Decimal("623.47")) == Decimal("6234.70")
    assert deposit_for_rent(Decimal("1000")) == Decimal("10000.00")


@pytest.mark.parametrize("rent", [Decimal("0"), Decimal("-5")])
def test_deposit_requires_positive_rent(rent: Decimal) -> None:
    with pytest.raises(FieldError):
        deposit_for_rent(rent)


def test_deposit_rejects_float() -> None:
    with pytest.raises(TypeError):
        deposit_for_rent(623.47)  # type: ignore[arg-type]


def test_schedule_remainder_on_first() -> None:
    schedule = instalment_schedule(Decimal("1000.00"), 3, date(2026, 1, 15), CAL)
    assert [i.amount for i in schedule] == [
        Decimal("333.34"), Decimal("333.33"), Decimal("333.33")
    ]
    assert [i.number for i in schedule] == [1, 2, 3]
    assert sum(i.amount for i in schedule) == Decimal("1000.00")


def test_schedule_remainder_on_last() -> None:
    schedule = instalment_schedule(
        Decimal("1000.00"), 3, date(2026, 1, 15), CAL, remainder_on_first=False
    )
    assert [i.amount for i in schedule][-1] == Decimal("333.34")


def test_schedule_due_dates_month_end_rule_and_shift() -> None:
    schedule = instalment_schedule(Decimal("6000.00"), 4, date(2026, 1, 30), CAL)
    # 30 Jan (Fri); 28 Feb (Sat) → 2 Mar; 30 Mar (Mon); 30 Apr (Thu)
    assert [i.due_date for i in schedule] == [
        date(2026, 1, 30), date(2026, 3, 2), date(2026, 3, 30), date(2026, 4, 30)
    ]
    assert schedule[0] == Instalment(1, date(2026, 1, 30), Decimal("1500.00"))


def test_schedule_counts_from_first_due_not_cumulatively() -> None:
    schedule = instalment_schedule(Decimal("900.00"), 3, date(2025, 1, 31), CAL)
    # Feb → 28 (Fri); March → 31 (Mon), not 28
    assert [i.due_date for i in schedule] == [
        date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)
    ]


def test_first_due_on_holiday_is_shifted() -> None:
    schedule = instalment_schedule(Decimal("200.00"), 2, date(2025, 12, 24), CAL)
    assert schedule[0].due_date == date(2025, 12, 29)
    assert schedule[1].due_date == date(2026, 1, 26)  # 24 Jan 2026 is a Saturday


@pytest.mark.parametrize("count", [0, 1, 11])
def test_schedule_count_limits(count: int) -> None:
    with pytest.raises(FieldError) as error:
        instalment_schedule(Decimal("1000"), count, date(2026, 1, 15), CAL)
    assert error.value.key == "instalment_count"


def test_schedule_rejects_non_positive_or_tiny_deposit() -> None:
    with pytest.raises(FieldError):
        instalment_schedule(Decimal("0"), 2, date(2026, 1, 15), CAL)
    with pytest.raises(FieldError):
        instalment_schedule(Decimal("0.05"), 10, date(2026, 1, 15), CAL)


@settings(max_examples=200, deadline=None)
@given(
    deposit=st.decimals(
        min_value=Decimal("0.10"), max_value=Decimal("1000000"), places=2,
        allow_nan=False, allow_infinity=False,
    ),
    count=st.integers(min_value=2, max_value=10),
    first_due=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    remainder_on_first=st.booleans(),
)
def test_schedule_properties(
    deposit: Decimal, count: int, first_due: date, remainder_on_first: bool
) -> None:
    schedule = instalment_schedule(deposit, count, first_due, CAL, remainder_on_first)
    amounts = [i.amount for i in schedule]
    assert len(schedule) == count
    assert sum(amounts) == deposit
    assert all(a == a.quantize(Decimal("0.01")) and a > 0 for a in amounts)
    regular = amounts[1:] if remainder_on_first else amounts[:-1]
    special = amounts[0] if remainder_on_first else amounts[-1]
    assert len(set(regular)) == 1
    remainder = special - regular[0]
    assert Decimal("0") <= remainder < Decimal("0.01") * count
    dues = [i.due_date for i in schedule]
    assert dues == sorted(dues) and len(set(dues)) == count
    assert all(CAL.is_working_day(d) for d in dues)
    assert dues[0] >= first_due
