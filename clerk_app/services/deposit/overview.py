"""Where a deposit case stands, and what the clerk may do next (the windows enable their
buttons from :class:`~clerk_app.services.deposit.workflow_types.DepositActions`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.money import amount_in_words
from clerk_app.domain.petition_checklist import missing
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.persistence.models import (
    Case,
    Instalment,
    InstalmentAgreement,
    Letter,
    User,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.deposit.petition_read import read_petition
from clerk_app.services.deposit.workflow_common import DECIDABLE, current_decision, open_deadline
from clerk_app.services.deposit.workflow_types import (
    AgreementView,
    DecisionView,
    DepositActions,
    DepositOverview,
    ScheduleRow,
)

_K = DeadlineKind
_S = CaseStatus


def schedule_row(number: int, due_on: date, amount: Decimal) -> ScheduleRow:
    """One schedule row with the amount in words."""
    return ScheduleRow(number, due_on, amount, amount_in_words(amount))


def agreement_letter(session: Session, case_id: int) -> Letter | None:
    """The newest agreement document issued in the case."""
    return session.scalars(select(Letter).where(
        Letter.case_id == case_id, Letter.kind == LetterKind.AGREEMENT.value)
        .order_by(Letter.id.desc()).limit(1)).first()


def _decision_view(session: Session, case_id: int) -> DecisionView | None:
    d = current_decision(session, case_id)
    if d is None:
        return None
    letter = session.get(Letter, d.letter_id) if d.letter_id else None
    return DecisionView(d.id, DecisionKind(d.kind), d.decided_on, d.instalment_count,
                        d.first_due_on, d.reasoning, d.letter_id,
                        letter.identifier if letter else None)


def _agreement_view(session: Session, case_id: int) -> AgreementView | None:
    a = session.scalars(select(InstalmentAgreement)
                        .where(InstalmentAgreement.case_id == case_id)).first()
    if a is None:
        return None
    rows = session.scalars(select(Instalment).where(Instalment.agreement_id == a.id)
                           .order_by(Instalment.number))
    letter = agreement_letter(session, case_id)
    return AgreementView(a.id, letter.id if letter else None,
                         letter.identifier if letter else None, a.deposit_amount,
                         a.instalment_count, a.first_due_on,
                         tuple(schedule_row(r.number, r.due_on, r.amount) for r in rows),
                         a.signed_on)


def read_overview(session: Session, case_id: int, today: date,
                  may_act: bool = True) -> DepositOverview:
    """The overview of a deposit case inside the caller's transaction."""
    case = session.get(Case, case_id)
    if case is None or CaseKind(case.kind) is not CaseKind.DEPOSIT:
        raise NotFound("Nie znaleziono sprawy prośby o rozłożenie kaucji na raty.")
    checklist = read_petition(session, case_id).checklist
    lacking = tuple(missing(checklist))
    status = CaseStatus(case.status)
    deficiency = open_deadline(session, case_id, (_K.DEFICIENCY,))
    deficiency_due = deficiency.due_on if deficiency else None
    decision_row = open_deadline(session, case_id, (_K.DECISION, _K.DELAY_NEW_DATE))
    decision_due = decision_row.due_on if decision_row else None
    agreement = _agreement_view(session, case_id)
    unsigned = agreement is not None and agreement.signed_on is None
    actions = DepositActions(
        can_summon=may_act and bool(lacking) and status in (*DECIDABLE,
                                                            _S.AWAITING_COMPLETION),
        can_decide=may_act and not lacking and status in DECIDABLE,
        can_leave_without_consideration=(
            may_act and bool(lacking) and status is _S.AWAITING_COMPLETION
            and deficiency_due is not None and deficiency_due < today),
        can_issue_delay_notice=may_act and status in DECIDABLE and decision_row is not None,
        can_prepare_agreement=may_act and status is _S.CONSENT and (
            agreement is None or unsigned),
        can_record_signing=may_act and status is _S.CONSENT and unsigned,
    )
    return DepositOverview(
        case_id=case.id, case_version=case.version, signature=case.signature, status=status,
        checklist=checklist, missing=lacking, deficiency_due=deficiency_due,
        decision_due=decision_due, decision=_decision_view(session, case_id),
        agreement=agreement, settled_on=case.settled_on,
        settlement=SettlementKind(case.settlement) if case.settlement else None,
        actions=actions)


def may_handle(session: Session, actor: Actor) -> bool:
    """Whether the actor's current role may act on cases (read from the database)."""
    user = session.get(User, actor.user_id)
    return user is not None and user.active and role_can(user.role, Permission.HANDLE_CASE)


def deposit_overview(ctx: AppContext, actor: Actor, case_id: int) -> DepositOverview:
    """Status, checklist, deadlines, decision, agreement, settlement and allowed actions."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_overview(session, case_id, ctx.today(), may_handle(session, actor))

