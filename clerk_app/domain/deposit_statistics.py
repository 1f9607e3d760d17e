"""Plain records of the supervisors' deposit statistics (issue 11, point 7) and the arithmetic
on them: cases by month of registration and state, the decision deadlines met and missed
(the month for the decision kept or not), the median days from the complete petition to the
first decision, and the deadlines met and missed per clerk. The service fills them
(``services/statistics/deposit.py``); the panel and the workbook only show them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clerk_app.domain.cases import CaseStatus, DeadlineState
from clerk_app.domain.iok_statistics import month_start, period_months

# The columns of the state table: every status a deposit case can have, in workflow order.
STATES = (CaseStatus.REGISTERED, CaseStatus.AWAITING_COMPLETION, CaseStatus.IN_PROGRESS,
          CaseStatus.CONSENT, CaseStatus.REFUSAL, CaseStatus.LEFT_WITHOUT_CONSIDERATION,
          CaseStatus.AGREEMENT_SIGNED, CaseStatus.CLOSED)
CLOSED_STATES = (DeadlineState.MET, DeadlineState.MISSED)  # the deadlines that count


def share(met: int, missed: int) -> float | None:
    """The share of ``met`` among the closed deadlines (0.0–1.0); None without any."""
    return met / (met + missed) if met + missed else None


@dataclass(frozen=True)
class StateMonth:
    """Deposit cases registered in one month: how many are now in each state (aligned with
    :data:`STATES`), and their decision deadlines met and missed."""

    month: date  # the first day of the month
    counts: tuple[int, ...]
    decision_met: int = 0
    decision_missed: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def decided_in_time(self) -> float | None:
        return share(self.decision_met, self.decision_missed)


@dataclass(frozen=True)
class ClerkDeadlines:
    """The deadlines of one clerk's deposit cases (the case's assignee; ``None``: not
    assigned) that were met or missed."""

    user_id: int | None
    name: str
    met: int
    missed: int

    @property
    def total(self) -> int:
        return self.met + self.missed

    @property
    def met_share(self) -> float | None:
        return share(self.met, self.missed)


@dataclass(frozen=True)
class DepositStatistics:
    """Everything the panel shows for one year (``year`` None: all years); always the
    deposit cases registered (``cases.received_on``) in the period."""

    year: int | None
    as_of: date
    years: tuple[int, ...]  # the years with any deposit case, for the period filter
    months: tuple[StateMonth, ...]
    decided: int  # cases with a complete petition and a decision
    median_days_to_decision: float | None
    clerks: tuple[ClerkDeadlines, ...]

    @property
    def cases(self) -> int:
        return sum(m.total for m in self.months)

    def state_totals(self) -> tuple[int, ...]:
        return tuple(sum(m.counts[i] for m in self.months) for i in range(len(STATES)))

    @property
    def decision_met(self) -> int:
        return sum(m.decision_met for m in self.months)

    @property
    def decision_missed(self) -> int:
        return sum(m.decision_missed for m in self.months)

    @property
    def decided_in_time(self) -> float | None:
        return share(self.decision_met, self.decision_missed)

    @property
    def clerk_met(self) -> int:
        return sum(c.met for c in self.clerks)

    @property
    def clerk_missed(self) -> int:
        return sum(c.missed for c in self.clerks)


def state_months(states: Iterable[tuple[date, CaseStatus, int]],
                 decisions: Iterable[tuple[date, DeadlineState, int]],
                 year: int | None) -> tuple[StateMonth, ...]:
    """Rows of ``(a day of the month, status, count)`` and ``(a day of the month, met or
    missed, count)`` as months: the twelve of ``year``, or every month from the first to the
    last registration (no gaps) when None."""
    counts: dict[date, list[int]] = {}
    index = {state: i for i, state in enumerate(STATES)}
    for day, status, n in states:
        counts.setdefault(month_start(day), [0] * len(STATES))[index[CaseStatus(status)]] += n
    closed: dict[tuple[date, DeadlineState], int] = {}
    for day, state, n in decisions:
        key = (month_start(day), DeadlineState(state))
        closed[key] = closed.get(key, 0) + n
    zero = [0] * len(STATES)
    return tuple(StateMonth(month, tuple(counts.get(month, zero)),
                            closed.get((month, DeadlineState.MET), 0),
                            closed.get((month, DeadlineState.MISSED), 0))
                 for month in period_months(counts, year))


def median_of_counts(histogram: Iterable[tuple[int, int]]) -> float | None:
    """The median of values given as ``(value, how many times)``; None without any."""
    pairs = sorted((v, n) for v, n in histogram if n > 0)
    total = sum(n for _v, n in pairs)
    if not total:
        return None
    low, high = (total - 1) // 2, total // 2  # the middle positions (0-based)
    found: list[int] = []
    seen = 0
    for value, n in pairs:
        while len(found) < 2 and seen + n > (low, high)[len(found)]:
            found.append(value)
        seen += n
    return (found[0] + found[1]) / 2
