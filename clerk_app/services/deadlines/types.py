"""Plain data returned by the deadline services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit


@dataclass(frozen=True)
class DeadlineView:
    """One deadline of a case with the lines that explain its date."""

    id: int
    case_id: int
    kind: DeadlineKind
    state: DeadlineState
    start_event: str  # Polish wording of the start event
    event: CaseEvent
    start_on: date
    period_count: int
    period_unit: PeriodUnit
    nominal_end_on: date | None  # both empty while suspended
    due_on: date | None
    suspended_on: date | None
    suspended_days: int
    extended_reason: str | None
    closed_on: date | None
    letter_id: int | None
    explanation_lines: tuple[str, ...]
    version: int

    @property
    def is_open(self) -> bool:
        """Running or suspended, or missed and not yet dealt with."""
        return self.closed_on is None and self.state in (
            DeadlineState.RUNNING, DeadlineState.SUSPENDED, DeadlineState.MISSED)
