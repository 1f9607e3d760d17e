"""A computed deadline together with the facts that explain it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from clerk_app.domain.text import format_date_pl


@dataclass(frozen=True)
class SkippedDay:
    """A day the end of a period was moved past, and why (e.g. ``sobota``)."""

    day: date
    reason: str


@dataclass(frozen=True)
class ComputedDate:
    """Result of a deadline computation: start event, rule, nominal end and skipped days."""

    result: date
    start: date
    start_event: str
    rule: str
    nominal_end: date
    skipped: tuple[SkippedDay, ...]

    @property
    def was_shifted(self) -> bool:
        """True when the nominal end fell on a day off and the deadline moved."""
        return self.result != self.nominal_end

    def explanation_lines(self) -> list[str]:
        """Polish lines explaining how the date was reached, one fact per line."""
        lines = [
            f"Zdarzenie początkowe: {self.start_event} {format_date_pl(self.start)}",
            f"Reguła: {self.rule}",
            f"Koniec nominalny: {format_date_pl(self.nominal_end)}",
        ]
        lines.extend(
            f"Pominięto: {format_date_pl(s.day)} {s.reason}" for s in self.skipped
        )
        lines.append(f"Termin upływa: {format_date_pl(self.result)}")
        return lines


def month_length(year: int, month: int) -> int:
    """Number of days in the given month."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def add_calendar_months(start: date, months: int) -> date:
    """Same day number ``months`` later, or that month's last day (art. 57 § 3 KPA)."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, month_length(year, month)))
