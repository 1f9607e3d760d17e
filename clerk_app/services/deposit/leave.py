"""Leaving a deposit petition without consideration when the 7 days passed unmet.

:func:`cases_to_leave` lists the cases still waiting for the applicant whose deficiency
deadline ended before today with something still missing; :func:`leave_without_consideration`
issues the notice, reports ``LEFT_WITHOUT_CONSIDERATION`` (the 7 days close as missed, the
decision month is cancelled) and closes the case with its settlement. A completion that
arrived before the notice was issued keeps the petition alive (see ``completion``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind
from clerk_app.domain.deposit_letter_texts import (
    LeftWithoutConsiderationContent,
    Signatory,
    left_without_consideration_body,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import LetterBody
from clerk_app.domain.roles import Permission
from clerk_app.domain.settlement import SettlementKind
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Deadline, Letter
from clerk_app.services.admin.settings import LetterTexts, OfficeSettings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines.actions import office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import apply_event
from clerk_app.services.deposit.workflow_common import (
    OPEN_DEADLINE_STATES,
    load_deposit_case,
    missing_of,
    move,
    open_deadline,
    settle,
)
from clerk_app.services.deposit.workflow_types import LeaveCandidate
from clerk_app.services.letters.issue import issue_case_letter
from clerk_app.services.letters.types import LetterResult


def _newest_summons(session: Session, case_id: int) -> Letter | None:
    return session.scalars(select(Letter).where(
        Letter.case_id == case_id, Letter.kind == LetterKind.SUMMONS.value)
        .order_by(Letter.id.desc()).limit(1)).first()


def cases_to_leave(ctx: AppContext, actor: Actor) -> list[LeaveCandidate]:
    """Deposit cases waiting for the applicant whose 7 days ended before today unmet,
    the longest overdue first."""
    with read_as(ctx, actor, Permission.HANDLE_CASE) as session:
        today = ctx.today()
        rows = session.execute(
            select(Case, Deadline).join(Deadline, Deadline.case_id == Case.id)
            .where(Case.kind == CaseKind.DEPOSIT.value,
                   Case.status == CaseStatus.AWAITING_COMPLETION.value,
                   Deadline.kind == DeadlineKind.DEFICIENCY.value,
                   Deadline.closed_on.is_(None), Deadline.state.in_(OPEN_DEADLINE_STATES))
            .order_by(Deadline.id)).all()
        newest = {case.id: (case, row.due_on) for case, row in rows}  # a later summons wins
        result = []
        for case, due in sorted(newest.values(), key=lambda cd: (cd[1] or today, cd[0].id)):
            if due is None or due >= today:
                continue
            lacking = missing_of(session, case.id)
            if not lacking:
                continue
            summons = _newest_summons(session, case.id)
            result.append(LeaveCandidate(
                case.id, case.version, case.signature,
                f"{case.applicant_first_name} {case.applicant_last_name}".strip(),
                summons.identifier if summons else None, due, (today - due).days, lacking))
        return result


def _check_may_leave(work: Work, case: Case, today: date) -> date:
    status = CaseStatus(case.status)
    if status is not CaseStatus.AWAITING_COMPLETION:
        raise FieldError("status", f"Sprawa ma status „{status.label}”: bez rozpoznania "
                                   "pozostawia się tylko prośbę, której braków nie usunięto.")
    if not missing_of(work.session, case.id):
        raise FieldError("status", "Prośba jest kompletna: braki usunięto, więc nie można "
                                   "jej pozostawić bez rozpoznania.")
    row = open_deadline(work.session, case.id, (DeadlineKind.DEFICIENCY,))
    if row is None or row.due_on is None:
        raise FieldError("status", "Termin na usunięcie braków jeszcze nie biegnie (brak "
                                   "doręczenia wezwania).")
    if row.due_on >= today:
        raise FieldError("status", "Termin na usunięcie braków jeszcze trwa (upływa "
                                   f"{format_date_pl(row.due_on)}).")
    return row.due_on


def leave_without_consideration(ctx: AppContext, actor: Actor, case_id: int,
                                case_version: int) -> LetterResult:
    """Issue the notice of leaving the petition without consideration and close the case."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, _petition = load_deposit_case(work, case_id, case_version)
        today = office_today(work)
        due = _check_may_leave(work, case, today)
        lacking = missing_of(work.session, case.id)
        summons = _newest_summons(work.session, case.id)

        def compose(settings: OfficeSettings, texts: LetterTexts) -> LetterBody:
            return left_without_consideration_body(LeftWithoutConsiderationContent(
                case.received_on, summons.identifier if summons else None,
                summons.dated_on if summons else None, due,
                tuple(item.label for item in lacking),
                texts.legal_basis(LetterKind.LEFT_WITHOUT_CONSIDERATION),
                Signatory(settings.signatory_name, settings.signatory_title)))

        letter, result = issue_case_letter(
            work, case, LetterKind.LEFT_WITHOUT_CONSIDERATION, compose,
            {"missing": [i.value for i in lacking], "deficiency_due": due.isoformat()})
        apply_event(work, calendar_for(work.session), case,
                    CaseEvent.LEFT_WITHOUT_CONSIDERATION, today)
        kind = SettlementKind.LEFT_WITHOUT_CONSIDERATION
        settle(case, today, kind, f"{kind.label} ({letter.identifier} z dnia "
                                  f"{format_date_pl(today)})")
        move(work, case, CaseStatus.LEFT_WITHOUT_CONSIDERATION, CaseStatus.CLOSED,
             action="left_without_consideration")
        return result
