"""Plain records of the supervisors' IOK statistics (issue 10, point 8) and the arithmetic
on them: requests by channel and month, the median days from filing to "login data sent",
and the progress of the migration of old accounts. The service fills them
(``services/statistics/iok.py``); the panel and the workbook only show them."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clerk_app.domain.cases import Channel
from clerk_app.domain.legacy_accounts import LegacyClass

CHANNELS = tuple(Channel)  # the columns of the channel table, always all of them


@dataclass(frozen=True)
class MonthRow:
    """Requests filed in one month, by channel (aligned with :data:`CHANNELS`)."""

    month: date  # the first day of the month
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ClassCount:
    account_class: LegacyClass
    count: int


@dataclass(frozen=True)
class BatchProgress:
    """One consent batch: its letters, the answers, and those unanswered after N days."""

    number: int
    letter_date: date
    accounts: int
    answered: int
    no_answer: int  # unanswered, and the N days since the letter have passed

    @property
    def waiting(self) -> int:
        return self.accounts - self.answered - self.no_answer


@dataclass(frozen=True)
class IokStatistics:
    """Everything the panel shows for one year (``year`` None: all years)."""

    year: int | None
    as_of: date
    years: tuple[int, ...]  # the years with any data, for the period filter
    months: tuple[MonthRow, ...]
    login_sent: int  # requests of the period whose login data was sent
    median_days_to_login: float | None
    classes: tuple[ClassCount, ...]
    batches: tuple[BatchProgress, ...]
    no_answer_days: int

    @property
    def requests(self) -> int:
        return sum(m.total for m in self.months)

    def channel_totals(self) -> tuple[int, ...]:
        return tuple(sum(m.counts[i] for m in self.months) for i in range(len(CHANNELS)))

    @property
    def batch_letters(self) -> int:
        return sum(b.accounts for b in self.batches)

    @property
    def answered(self) -> int:
        return sum(b.answered for b in self.batches)

    @property
    def no_answer(self) -> int:
        return sum(b.no_answer for b in self.batches)


def month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_months(months: Iterable[date], year: int | None) -> tuple[date, ...]:
    """The first days of the months a table shows: the twelve of ``year``, or every month
    from the first to the last of ``months`` (no gaps) when None."""
    if year is not None:
        first, last = date(year, 1, 1), date(year, 12, 1)
    else:
        found = [month_start(m) for m in months]
        if not found:
            return ()
        first, last = min(found), max(found)
    shown, month = [], first
    while month <= last:
        shown.append(month)
        month = _next_month(month)
    return tuple(shown)


def month_rows(counted: Iterable[tuple[date, Channel, int]],
               year: int | None) -> tuple[MonthRow, ...]:
    """Rows of ``(a day of the month, channel, count)`` as months: the twelve months of
    ``year``, or every month from the first to the last filing (no gaps) when None."""
    counts: dict[date, list[int]] = {}
    index = {channel: i for i, channel in enumerate(CHANNELS)}
    for day, channel, n in counted:
        counts.setdefault(month_start(day), [0] * len(CHANNELS))[index[Channel(channel)]] += n
    return tuple(MonthRow(month, tuple(counts.get(month, [0] * len(CHANNELS))))
                 for month in period_months(counts, year))


def median_days(pairs: Iterable[tuple[date, date]]) -> float | None:
    """The median of calendar days from each first date to its second; None without any."""
    days = [(end - start).days for start, end in pairs]
    return float(statistics.median(days)) if days else None
