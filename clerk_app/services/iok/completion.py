"""Completeness of an IOK request: ZGM's request for completion (by post or e-mail, with
the reply period from settings), the completion that resumes the office's target, and IOK's
own ending when nobody answers (closed as not completed; no "left without consideration")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseStatus, DeadlineKind
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission
from clerk_app.domain.settlement import SettlementKind
from clerk_app.domain.validators import validate_email
from clerk_app.persistence.models import Case, IokRequest
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import Work, unit_of_work
from clerk_app.services.deadlines import engine
from clerk_app.services.deadlines.actions import office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import apply_event
from clerk_app.services.deposit.workflow_common import move, settle
from clerk_app.services.iok.request_rows import load_request, missing_labels
from clerk_app.services.iok.types import CompletionOutcome
from clerk_app.services.letters.issue import issue_iok_completion

DELIVERY_FIELD = "delivery"


def valid_email(case: Case) -> str | None:
    """The applicant's e-mail when it is a valid address."""
    try:
        return validate_email(case.applicant_email or "")
    except FieldError:
        return None


def request_completion(ctx: AppContext, actor: Actor, case_id: int, by_email: bool,
                       missing: Sequence[str] = ()) -> CompletionOutcome:
    """Issue ZGM's request for completion (``missing``: what to ask for; empty: what the
    request lacks); the case waits for the applicant, the target stops and the reply period
    (``iok_reply_days``) runs from today. By e-mail only where a valid address is known;
    the caller sends it afterwards (``services.mail.letters.send_letter_by_email``)."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, r = load_request(work.session, case_id, lock=True)
        if r.export_id is not None or r.account_created_on is not None:
            raise FieldError("status", "Wniosek przekazano już do utworzenia konta.")
        items = tuple(m.strip() for m in missing if m and m.strip()) or missing_labels(case, r)
        if not items:
            raise FieldError("missing", "Wniosek jest kompletny: nie ma o co prosić.",
                             "Braki")
        if by_email and valid_email(case) is None:
            raise FieldError(DELIVERY_FIELD, "Wnioskodawca nie podał prawidłowego adresu "
                             "e-mail: prośbę trzeba wysłać pocztą.", "Sposób wysyłki")
        _letter, result, reply_by = issue_iok_completion(work, case, items, by_email)
        return CompletionOutcome(result, by_email, reply_by)


def complete_if_ready(work: Work, case: Case, r: IokRequest, on: date) -> bool:
    """Inside a unit of work: a request waiting for the applicant that lacks nothing now is
    completed on ``on`` (the reply period ends, the target resumes)."""
    if CaseStatus(case.status) is not CaseStatus.AWAITING_COMPLETION:
        return False
    if missing_labels(case, r):
        return False
    move(work, case, CaseStatus.REGISTERED, action="iok_completed")
    apply_event(work, calendar_for(work.session), case, CaseEvent.IOK_REQUEST_COMPLETED, on)
    return True


def close_not_completed(ctx: AppContext, actor: Actor, case_id: int) -> date:
    """Close a request whose reply period passed without completion (settlement
    ``not_completed``); returns the day it closed."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, _r = load_request(work.session, case_id, lock=True)
        if CaseStatus(case.status) is not CaseStatus.AWAITING_COMPLETION:
            raise FieldError("status", "Zamknąć jako nieuzupełniony można tylko wniosek, "
                                       "który czeka na uzupełnienie.")
        today = office_today(work)
        reply = engine.open_rows(work, case.id, [DeadlineKind.IOK_REPLY], include_missed=True)
        if reply and reply[-1].due_on is not None and reply[-1].due_on >= today:
            raise FieldError("status", "Termin na uzupełnienie jeszcze biegnie (do "
                             f"{reply[-1].due_on:%d.%m.%Y}).")
        apply_event(work, calendar_for(work.session), case,
                    CaseEvent.IOK_CLOSED_NOT_COMPLETED, today)
        move(work, case, CaseStatus.CLOSED, action="iok_not_completed")
        settle(case, today, SettlementKind.NOT_COMPLETED,
               "Wniosek nie został uzupełniony w wyznaczonym terminie.")
        work.audit_changes(case, "settle", case_id=case.id)
        return today
