"""Plain records of the second half of a deposit case: completion, decision, agreement, close.

These are the contract between the deposit workflow services and the windows that call them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.petition_checklist import ChecklistLine, PetitionItem
from clerk_app.domain.settlement import DecisionKind, SettlementKind


@dataclass(frozen=True)
class ScheduleRow:
    """One instalment as shown before saving and printed in the agreement."""

    number: int
    due_on: date
    amount: Decimal
    amount_in_words: str


@dataclass(frozen=True)
class SchedulePreview:
    """The schedule a consent would fix: deposit = 10 × rent, rows summing to it."""

    monthly_rent: Decimal
    deposit: Decimal
    rows: tuple[ScheduleRow, ...]
    total: Decimal


@dataclass(frozen=True)
class DecisionView:
    """The current (not superseded) decision of a case."""

    id: int
    kind: DecisionKind
    decided_on: date
    instalment_count: int | None
    first_due_on: date | None
    reasoning: str
    letter_id: int | None
    letter_identifier: str | None


@dataclass(frozen=True)
class AgreementView:
    """The instalment agreement of a case as prepared (and signed, once recorded)."""

    id: int
    letter_id: int | None
    letter_identifier: str | None
    deposit: Decimal
    instalment_count: int
    first_due_on: date
    schedule: tuple[ScheduleRow, ...]
    signed_on: date | None


@dataclass(frozen=True)
class DepositActions:
    """What the clerk may do next in this case (the windows enable buttons from it)."""

    can_summon: bool
    can_decide: bool
    can_leave_without_consideration: bool
    can_issue_delay_notice: bool
    can_prepare_agreement: bool
    can_record_signing: bool


@dataclass(frozen=True)
class DepositOverview:
    """Where a deposit case stands: status, checklist, decision, agreement, settlement."""

    case_id: int
    case_version: int
    signature: str
    status: CaseStatus
    checklist: tuple[ChecklistLine, ...]
    missing: tuple[PetitionItem, ...]
    deficiency_due: date | None  # the open 7-day deadline, if any
    decision_due: date | None  # the open decision month (or delay notice date)
    decision: DecisionView | None
    agreement: AgreementView | None
    settled_on: date | None
    settlement: SettlementKind | None
    actions: DepositActions


@dataclass(frozen=True)
class LeaveCandidate:
    """A case whose 7-day period passed with the deficiencies not removed."""

    case_id: int
    case_version: int
    signature: str
    applicant: str
    summons_identifier: str | None
    deficiency_due: date
    days_over: int
    missing: tuple[PetitionItem, ...]


@dataclass(frozen=True)
class AgreementResult:
    """A freshly prepared instalment agreement: its letter record and the document (render
    it with ``documents.agreement_pdf``; its PDF is kept when the context renders)."""

    letter_id: int
    identifier: str
    case_id: int
    document: AgreementDocument
    version: int  # the case's version after preparing
