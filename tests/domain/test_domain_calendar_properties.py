"""Property tests of KPA deadline arithmetic over the years 2000–2060."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.domain.calendar import ComputedDate, LegalCalendar
from clerk_app.domain.calendar_days_off import statutory_holidays
from clerk_app.domain.computed_date import month_length

CAL = LegalCalendar()
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
DAYS = st.integers(min_value=1, max_value=400)
MONTHS = st.integers(min_value=1, max_value=36)


def _assert_valid_deadline(computed: ComputedDate) -> None:
    result = computed.result
    assert result.weekday() not in (5, 6)
    assert result not in statutory_holidays(result.year)
    assert result >= computed.nominal_end
    # every day between the nominal end and the result is a skipped day off, in order
    expected = [
        computed.nominal_end + timedelta(days=i)
        for i in range((result - computed.nominal_end).days)
    ]
    assert [s.day for s in computed.skipped] == expected
    assert all(not CAL.is_working_day(d) for d in expected)
    lines = computed.explanation_lines()
    assert lines[-1].startswith("Termin upływa: ")
    assert len(lines) == 4 + len(computed.skipped)


@settings(max_examples=300, deadline=None)
@given(start=DATES, days=DAYS)
def test_add_days_property(start: date, days: int) -> None:
    computed = CAL.add_days(start, days, "zdarzenie")
    assert computed.nominal_end == start + timedelta(days=days)
    _assert_valid_deadline(computed)


@settings(max_examples=300, deadline=None)
@given(start=DATES, months=MONTHS)
def test_add_months_property(start: date, months: int) -> None:
    computed = CAL.add_months(start, months, "zdarzenie")
    nominal = computed.nominal_end
    total = start.year * 12 + start.month - 1 + months
    assert nominal.year * 12 + nominal.month - 1 == total
    last = month_length(nominal.year, nominal.month)
    assert nominal.day == min(start.day, last)
    _assert_valid_deadline(computed)


@settings(max_examples=300, deadline=None)
@given(first_notice=DATES)
def test_deemed_delivery_property(first_notice: date) -> None:
    computed = CAL.deemed_delivery(first_notice)
    assert computed.nominal_end == first_notice + timedelta(days=14)
    _assert_valid_deadline(computed)


@settings(max_examples=100, deadline=None)
@given(start=DATES, end=DATES)
def test_working_days_between_is_antisymmetric(start: date, end: date) -> None:
    if abs((end - start).days) > 800:
        end = start + timedelta(days=(end - start).days % 800)
    forward = CAL.working_days_between(start, end)
    assert forward == -CAL.working_days_between(end, start)
    if start <= end and CAL.is_working_day(end) and forward > 0:
        assert CAL.add_working_days(start, forward) == end
