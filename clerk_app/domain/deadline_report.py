"""Plain records of the deadline dashboard and the supervisors' report.

Services fill them; ``clerk_app.documents`` renders them (PDF, XLSX) without importing
services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState

UNASSIGNED = "(nieprzydzielone)"
DELAY_NOTICE_WORKING_DAYS = 5
AMBER_WORKING_DAYS = 2
_UNDECIDED = frozenset({CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS})
# Periods the applicant has to act in (the office waits): their end is the applicant's
# failure, not a deadline the office missed.
APPLICANT_PERIODS = frozenset({DeadlineKind.DEFICIENCY})


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline of one case, as listed in the dashboard and in the report."""

    deadline_id: int
    case_id: int
    signature: str
    applicant: str
    case_kind: CaseKind
    deadline_kind: DeadlineKind
    start_on: date
    due_on: date | None  # None while suspended
    working_days_left: int | None  # None while suspended; negative when overdue
    overdue: bool
    state: DeadlineState
    case_status: CaseStatus
    assignee_id: int | None
    assignee_name: str
    version: int

    @property
    def applicants_period(self) -> bool:
        """The applicant's period (removing deficiencies), not the office's deadline."""
        return self.deadline_kind in APPLICANT_PERIODS

    @property
    def applicant_missed(self) -> bool:
        """The applicant's period ended without the applicant acting (the office may now
        leave the request without consideration): not the office's missed deadline."""
        return self.applicants_period and (
            self.state is DeadlineState.MISSED
            or (self.overdue and self.state is DeadlineState.RUNNING))

    @property
    def office_overdue(self) -> bool:
        """A deadline of the office itself that has passed."""
        return not self.applicants_period and (self.overdue
                                               or self.state is DeadlineState.MISSED)

    @property
    def status_label(self) -> str:
        """State in Polish; a running deadline past its date reads "Po terminie", and the
        applicant's period that ended unanswered says so."""
        if self.applicant_missed:
            return "Upłynął – braki nieusunięte"
        if self.overdue and self.state is DeadlineState.RUNNING:
            return "Po terminie"
        return self.state.label

    @property
    def due_soon(self) -> bool:
        """Due within two working days (and not overdue)."""
        return (not self.overdue and self.working_days_left is not None
                and self.working_days_left <= AMBER_WORKING_DAYS)

    @property
    def needs_delay_notice(self) -> bool:
        """A decision not yet made, due within five working days or overdue by at most five
        (art. 36 KPA: the notice is due when the delay shows; one missed by weeks belongs to
        the overdue list and the report, not to the notices to write now)."""
        return (self.deadline_kind in (DeadlineKind.DECISION, DeadlineKind.DELAY_NEW_DATE)
                and self.state in (DeadlineState.RUNNING, DeadlineState.MISSED)
                and self.case_status in _UNDECIDED
                and self.working_days_left is not None
                and -DELAY_NOTICE_WORKING_DAYS <= self.working_days_left
                <= DELAY_NOTICE_WORKING_DAYS)



@dataclass(frozen=True)
class AssigneeGroup:
    """The report rows of one assignee (``assignee_id`` None: not assigned)."""

    assignee_id: int | None
    assignee_name: str
    rows: tuple[DeadlineRow, ...]

    @cached_property
    def overdue_count(self) -> int:
        return sum(1 for r in self.rows if r.overdue)


@dataclass(frozen=True)
class DeadlineReport:
    """Everything a report file shows; ``generated_at`` is office (Warsaw) time."""

    as_of: date
    horizon_days: int
    horizon_end: date
    generated_at: datetime
    generated_by: str
    groups: tuple[AssigneeGroup, ...]

    @cached_property
    def row_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)

    @cached_property
    def overdue_count(self) -> int:
        return sum(g.overdue_count for g in self.groups)
