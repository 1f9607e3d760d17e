"""Legal calendar: days off and KPA deadline arithmetic (art. 57, art. 44).

Re-exports :class:`SkippedDay` and :class:`ComputedDate` so callers import everything
from ``clerk_app.domain.calendar``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from clerk_app.domain.calendar_days_off import statutory_holiday_name, weekend_name
from clerk_app.domain.computed_date import ComputedDate, SkippedDay, add_calendar_months
from clerk_app.domain.errors import FieldError
from clerk_app.domain.field_labels import field_label
from clerk_app.domain.text import polish_plural

__all__ = ["DEEMED_DELIVERY_DAYS", "ComputedDate", "LegalCalendar", "SkippedDay"]

DEEMED_DELIVERY_DAYS = 14
_ONE_DAY = timedelta(days=1)
_SHIFT_RULE = "art. 57 § 4 KPA"


class LegalCalendar:
    """Polish working-day calendar.

    Two kinds of one-off days the admin records: ``extra_days_off`` are days off set by law
    (e.g. 12.11.2018): they move legal deadlines like any holiday. ``office_closures`` are
    days the office itself closes (e.g. a day given back for a holiday on a Saturday): they
    never move a deadline and count only in the office's own working-day figures
    (:meth:`is_office_working_day`, :meth:`working_days_between`, :meth:`add_working_days`).
    """

    def __init__(self, extra_days_off: Iterable[tuple[date, str]] = (),
                 office_closures: Iterable[tuple[date, str]] = ()) -> None:
        self._extra: dict[date, str] = {}
        for day, name in extra_days_off:
            self._extra[day] = name.strip() or "dzień wolny"
        self._closed: dict[date, str] = {}
        for day, name in office_closures:
            self._closed[day] = name.strip() or "urząd nieczynny"

    @property
    def extra_days_off(self) -> dict[date, str]:
        """Copy of the one-off days off set by law."""
        return dict(self._extra)

    @property
    def office_closures(self) -> dict[date, str]:
        """Copy of the days the office is closed (not moving any deadline)."""
        return dict(self._closed)

    def day_off_reason(self, d: date) -> str | None:
        """Why ``d`` is a day off by law (holiday, one-off day, sobota, niedziela) or None."""
        return statutory_holiday_name(d) or self._extra.get(d) or weekend_name(d)

    def is_working_day(self, d: date) -> bool:
        """True when no law makes ``d`` a day off (the art. 57 § 4 test)."""
        return self.day_off_reason(d) is None

    def office_day_off_reason(self, d: date) -> str | None:
        """Why the office does not work on ``d``: a legal day off or an office closure."""
        return self.day_off_reason(d) or self._closed.get(d)

    def is_office_working_day(self, d: date) -> bool:
        """True when the office works on ``d`` (no legal day off, no closure)."""
        return self.office_day_off_reason(d) is None

    def next_office_day_on_or_after(self, d: date) -> date:
        """The first day on or after ``d`` on which the office works."""
        while not self.is_office_working_day(d):
            d += _ONE_DAY
        return d

    def next_working_day_on_or_after(self, d: date) -> tuple[date, tuple[SkippedDay, ...]]:
        """First working day on or after ``d`` and the days passed over on the way.

        This is the art. 57 § 4 KPA shift: Saturdays, Sundays and days off are skipped.
        """
        skipped: list[SkippedDay] = []
        reason = self.day_off_reason(d)
        while reason is not None:
            skipped.append(SkippedDay(d, reason))
            d += _ONE_DAY
            reason = self.day_off_reason(d)
        return d, tuple(skipped)

    def add_days(self, start: date, days: int, start_event: str) -> ComputedDate:
        """Period of ``days`` days from ``start`` (art. 57 § 1 and § 4 KPA)."""
        _require_positive(days, "days")
        nominal = start + timedelta(days=days)
        unit = polish_plural(days, "dzień", "dni", "dni")
        rule = f"{days} {unit} (art. 57 § 1 KPA – dnia zdarzenia nie wlicza się)"
        return self._computed(start, start_event, rule, nominal)

    def add_months(self, start: date, months: int, start_event: str) -> ComputedDate:
        """Period of ``months`` months from ``start`` (art. 57 § 3 and § 4 KPA)."""
        _require_positive(months, "months")
        nominal = add_calendar_months(start, months)
        unit = polish_plural(months, "miesiąc", "miesiące", "miesięcy")
        rule = (
            f"{months} {unit} (art. 57 § 3 KPA – dzień o tej samej liczbie "
            "albo ostatni dzień miesiąca)"
        )
        return self._computed(start, start_event, rule, nominal)

    def deemed_delivery(self, first_notice: date) -> ComputedDate:
        """Deemed delivery of an uncollected letter (art. 44 KPA), shifted per art. 57 § 4."""
        nominal = first_notice + timedelta(days=DEEMED_DELIVERY_DAYS)
        rule = (
            f"{DEEMED_DELIVERY_DAYS} dni od pierwszego awizo (art. 44 KPA – doręczenie "
            f"uważa się za dokonane z upływem tego okresu; przesunięcie wg {_SHIFT_RULE})"
        )
        return self._computed(first_notice, "pierwsze awizo", rule, nominal)

    def working_days_between(self, start: date, end: date) -> int:
        """Office working days after ``start`` up to and including ``end``; negative when
        end < start (office closures count as days off here)."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        d = start + _ONE_DAY
        while d <= end:
            if self.is_office_working_day(d):
                count += 1
            d += _ONE_DAY
        return count

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th office working day after ``start`` (before it when ``n`` < 0)."""
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        d = start
        while remaining:
            d += step
            if self.is_office_working_day(d):
                remaining -= 1
        return d

    def _computed(self, start: date, event: str, rule: str, nominal: date) -> ComputedDate:
        result, skipped = self.next_working_day_on_or_after(nominal)
        return ComputedDate(
            result=result,
            start=start,
            start_event=event,
            rule=rule,
            nominal_end=nominal,
            skipped=skipped,
        )


def _require_positive(value: int, key: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{key}: expected int, got {type(value).__name__}")
    if value < 1:
        raise FieldError(key, f"{field_label(key)} musi być większa od zera.")
