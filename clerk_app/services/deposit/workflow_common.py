"""Shared steps of the deposit workflow services, inside an open unit of work or read.

Loading a deposit case version-checked, its current decision, its checklist, moving its
status through the allowed transitions, recording how it was settled.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, check_transition
from clerk_app.domain.petition_checklist import ChecklistLine, PetitionItem, missing
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.models import Case, Deadline, DepositDecision, DepositPetition
from clerk_app.services.core.errors import ConflictError, NotFound
from clerk_app.services.core.unit_of_work import Work
from clerk_app.services.deposit.petition_read import read_petition

OPEN_DEADLINE_STATES = ("running", "suspended", "missed")
DECIDABLE = (CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS)


def load_deposit_case(work: Work, case_id: int,
                      case_version: int | None = None) -> tuple[Case, DepositPetition]:
    """The deposit case (row-locked) and its petition; a stale ``case_version`` conflicts."""
    case = work.session.get(Case, case_id, with_for_update=True)
    if case is None or CaseKind(case.kind) is not CaseKind.DEPOSIT:
        raise NotFound("Nie znaleziono sprawy prośby o rozłożenie kaucji na raty.")
    if case_version is not None and case.version != case_version:
        raise ConflictError()
    petition = work.session.get(DepositPetition, case_id)
    if petition is None:
        raise NotFound("Sprawa nie ma zapisanej prośby o rozłożenie kaucji na raty.")
    return case, petition


def checklist_of(session: Session, case_id: int) -> tuple[ChecklistLine, ...]:
    """The petition's checklist as recorded now (flush pending changes first)."""
    session.flush()
    return read_petition(session, case_id).checklist


def missing_of(session: Session, case_id: int) -> tuple[PetitionItem, ...]:
    return tuple(missing(checklist_of(session, case_id)))


def current_decision(session: Session, case_id: int) -> DepositDecision | None:
    """The newest decision of the case that no reconsideration superseded."""
    return session.scalars(
        select(DepositDecision)
        .where(DepositDecision.case_id == case_id, DepositDecision.superseded_on.is_(None))
        .order_by(DepositDecision.id.desc()).limit(1)).first()


def open_deadline(session: Session, case_id: int, kinds: tuple[DeadlineKind, ...]
                  ) -> Deadline | None:
    """The newest open (running, suspended or missed) deadline of the kinds."""
    return session.scalars(
        select(Deadline)
        .where(Deadline.case_id == case_id, Deadline.closed_on.is_(None),
               Deadline.state.in_(OPEN_DEADLINE_STATES),
               Deadline.kind.in_([k.value for k in kinds]))
        .order_by(Deadline.id.desc()).limit(1)).first()


def move(work: Work, case: Case, *statuses: CaseStatus, action: str) -> None:
    """Move the case through ``statuses`` in order, each step an allowed transition; one
    audit row per step."""
    kind = CaseKind(case.kind)
    for new in statuses:
        check_transition(kind, CaseStatus(case.status), new)
        case.status = new
        work.audit_changes(case, action, case_id=case.id)
        work.session.flush()


def settle(case: Case, on: date, kind: SettlementKind, remarks: str) -> None:
    """Record how and when the case was finally settled (the case register prints it)."""
    case.settled_on = on
    case.settlement = kind
    case.settlement_remarks = remarks[:300]
