"""When each demo case arrives and which kind and status it has.

Cases arrive on working days over the last :data:`YEARS_BACK` years, more often lately, and
are drawn oldest first. Their status depends on their age: recent cases are mostly open,
old ones settled; every (kind, status) pair a case can reach is produced at least once.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta

from clerk_app.demo.draws import Draw, Weighted
from clerk_app.demo.people import years_before
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind, CaseStatus, allowed_transitions
from clerk_app.services.core.context import OFFICE_TZ

YEARS_BACK = 4

_S = CaseStatus
_IOK = CaseKind.IOK
_DEPOSIT = CaseKind.DEPOSIT
_GROWTH = 1.0  # the newest cases are (1 + _GROWTH) times as frequent as the oldest
_OFFICE_MINUTES = 480  # cases are registered 7:30–15:30
_IOK_SHARE = 0.58

# Share of each status among cases of a given age (days since received), per kind.
_Weights = tuple[tuple[int | None, tuple[tuple[CaseStatus, int], ...]], ...]
_IOK_WEIGHTS: _Weights = (
    (3, ((_S.REGISTERED, 80), (_S.AWAITING_COMPLETION, 8), (_S.LOGIN_SENT, 12))),
    (14, ((_S.REGISTERED, 25), (_S.AWAITING_COMPLETION, 25), (_S.LOGIN_SENT, 45),
          (_S.CLOSED, 5))),
    (45, ((_S.REGISTERED, 3), (_S.AWAITING_COMPLETION, 8), (_S.LOGIN_SENT, 35),
          (_S.CLOSED, 54))),
    (120, ((_S.LOGIN_SENT, 10), (_S.CLOSED, 90))),
    (None, ((_S.LOGIN_SENT, 2), (_S.CLOSED, 98))),
)
_DEPOSIT_WEIGHTS: _Weights = (
    (3, ((_S.REGISTERED, 85), (_S.AWAITING_COMPLETION, 8), (_S.IN_PROGRESS, 7))),
    (14, ((_S.REGISTERED, 20), (_S.AWAITING_COMPLETION, 35), (_S.IN_PROGRESS, 45))),
    (45, ((_S.AWAITING_COMPLETION, 8), (_S.IN_PROGRESS, 42), (_S.CONSENT, 15),
          (_S.REFUSAL, 10), (_S.LEFT_WITHOUT_CONSIDERATION, 10), (_S.AGREEMENT_SIGNED, 8),
          (_S.CLOSED, 7))),
    (120, ((_S.IN_PROGRESS, 4), (_S.CONSENT, 8), (_S.REFUSAL, 6),
           (_S.LEFT_WITHOUT_CONSIDERATION, 5), (_S.AGREEMENT_SIGNED, 35), (_S.CLOSED, 42))),
    (400, ((_S.CONSENT, 1), (_S.REFUSAL, 1), (_S.AGREEMENT_SIGNED, 20), (_S.CLOSED, 78))),
    (None, ((_S.AGREEMENT_SIGNED, 1), (_S.CLOSED, 99))),
)


def reachable_statuses(kind: CaseKind) -> tuple[CaseStatus, ...]:
    """Statuses a case of ``kind`` can reach from ``registered`` (in enum order)."""
    seen = {CaseStatus.REGISTERED}
    todo = [CaseStatus.REGISTERED]
    while todo:
        for nxt in allowed_transitions(kind, todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return tuple(s for s in CaseStatus if s in seen)


class CaseMix:
    """Received dates and (kind, status) of the ``total`` cases of one load."""

    def __init__(self, draw: Draw, calendar: LegalCalendar, today: date, total: int) -> None:
        self.d = draw
        self.total = total
        start = years_before(today, YEARS_BACK)
        days = (start + timedelta(days=k) for k in range((today - start).days + 1))
        self.days = [d for d in days if calendar.is_working_day(d)] or [today]
        self.day_starts = [datetime.combine(d, time(7, 30), OFFICE_TZ).astimezone(UTC)
                           for d in self.days]
        self.weights = {
            _IOK: [(limit, Weighted(pairs)) for limit, pairs in _IOK_WEIGHTS],
            _DEPOSIT: [(limit, Weighted(pairs)) for limit, pairs in _DEPOSIT_WEIGHTS],
        }
        # Each (kind, status) pair is produced at least once (given enough cases).
        self.uncovered = [(k, s) for k in CaseKind for s in reachable_statuses(k)]

    def received(self, index: int) -> tuple[date, datetime]:
        """Received date and time of the ``index``-th case: non-decreasing in ``index``."""
        share = (index + self.d.random()) / self.total
        # Inverse of the distribution whose density grows linearly (1 + _GROWTH * x).
        x = (-1 + math.sqrt(1 + _GROWTH * (2 + _GROWTH) * share)) / _GROWTH
        position = min(x, 0.999999999) * len(self.days)
        day = int(position)
        minutes = int((position - day) * _OFFICE_MINUTES)
        return self.days[day], self.day_starts[day] + timedelta(minutes=minutes)

    def status(self, index: int, age: int) -> tuple[CaseKind, CaseStatus]:
        """Kind and status of the ``index``-th case, received ``age`` days ago."""
        if self.uncovered and self.total - index <= len(self.uncovered):
            return self.uncovered.pop(0)
        kind = _IOK if self.d.chance(_IOK_SHARE) else _DEPOSIT
        table = next(t for limit, t in self.weights[kind] if limit is None or age <= limit)
        for pos, (pair_kind, pair_status) in enumerate(self.uncovered):
            if pair_kind == kind and pair_status in table.values:
                return self.uncovered.pop(pos)
        status: CaseStatus = table.draw(self.d)
        return kind, status
