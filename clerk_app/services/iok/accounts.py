"""An IOK account created (entered by hand when no result file came) and its login data
sent: the case closes (settlement ``login_data_sent``, target met or missed) and ZGM's
confirmation letter may be issued. The login data itself never passes through here."""

from __future__ import annotations

from datetime import date

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.errors import FieldError
from clerk_app.domain.iok_letter_texts import IokConfirmationContent, iok_confirmation_body
from clerk_app.domain.letter_kinds import DeliveryMethod, LetterKind
from clerk_app.domain.roles import Permission
from clerk_app.domain.settlement import SettlementKind
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError
from clerk_app.services.core.unit_of_work import unit_of_work
from clerk_app.services.deadlines.actions import check_not_future
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import apply_event
from clerk_app.services.deposit.workflow_common import move, settle
from clerk_app.services.iok.completion import valid_email
from clerk_app.services.iok.request_rows import load_request, request_premises
from clerk_app.services.iok.types import LoginSentOutcome
from clerk_app.services.letters.issue import issue_case_letter, zgm_signature


def record_account_created(ctx: AppContext, actor: Actor, case_id: int, version: int,
                           created_on: date) -> int:
    """The date the IOK administrator created the account (by hand); returns the
    request's new version."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, r = load_request(work.session, case_id, lock=True)
        if r.version != version:
            raise ConflictError()
        if CaseStatus(case.status) is not CaseStatus.REGISTERED:
            raise FieldError("account_created_on", "Konto zakłada się dla wniosku "
                             "kompletnego, w toku.", "Konto utworzone dnia")
        check_not_future(work, created_on, "account_created_on")
        if created_on < case.received_on:
            raise FieldError("account_created_on", "Konto nie mogło powstać przed wpływem "
                             "wniosku.", "Konto utworzone dnia")
        r.account_created_on = created_on
        work.audit_changes(r, "iok_account_created", case_id=case.id)
        work.session.flush()
        return r.version


def record_login_sent(ctx: AppContext, actor: Actor, case_id: int, version: int,
                      sent_on: date, confirmation: bool = True,
                      by_email: bool = False) -> LoginSentOutcome:
    """The login data went to the e-mail of the request on ``sent_on``: the target ends
    (met or missed), the case closes, and with ``confirmation`` ZGM's confirmation letter is
    issued (``by_email``: to be sent as an attachment afterwards)."""
    key, label = "login_sent_on", "Dane logowania wysłane dnia"
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, r = load_request(work.session, case_id, lock=True)
        if r.version != version:
            raise ConflictError()
        if r.account_created_on is None:
            raise FieldError(key, "Najpierw zapisz datę utworzenia konta.", label)
        check_not_future(work, sent_on, key)
        if sent_on < r.account_created_on:
            raise FieldError(key, "Dane logowania nie mogły zostać wysłane przed "
                             "utworzeniem konta.", label)
        email = valid_email(case)
        if email is None:
            raise FieldError(key, "Wniosek nie ma prawidłowego adresu e-mail.", label)
        r.login_sent_on = sent_on
        work.audit_changes(r, "iok_login_sent", case_id=case.id)
        outcome = apply_event(work, calendar_for(work.session), case,
                              CaseEvent.LOGIN_DATA_SENT, sent_on)
        move(work, case, CaseStatus.LOGIN_SENT, CaseStatus.CLOSED, action="iok_login_sent")
        settle(case, sent_on, SettlementKind.LOGIN_DATA_SENT,
               "Dane logowania wysłane na adres e-mail z wniosku.")
        work.audit_changes(case, "settle", case_id=case.id)
        ended = [d for d in outcome.ended if d.kind == DeadlineKind.IOK_TARGET]
        met = ended[-1].state == DeadlineState.MET if ended else None
        letter_result = None
        if confirmation:
            settings = read_settings(work.session)
            content = IokConfirmationContent(
                case.received_on, sent_on, email, request_premises(r), r.contractor_number,
                r.e_invoice_consent, zgm_signature(settings))
            letter, letter_result = issue_case_letter(
                work, case, LetterKind.IOK_CONFIRMATION,
                lambda _s, _t: iok_confirmation_body(content),
                {"login_sent_on": sent_on.isoformat()})
            if by_email:
                letter.delivery_method = DeliveryMethod.EMAIL
        return LoginSentOutcome(case.id, met, letter_result)
