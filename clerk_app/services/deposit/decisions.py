"""The decision on a deposit petition: consent with its schedule, or refusal with the remedy.

Consent fixes the number of instalments (2–10) and the first due date; the schedule is
10 × rent split by :func:`~clerk_app.domain.instalments.instalment_schedule` with the legal
calendar, shown before saving (:func:`preview_schedule`). Refusal needs the clerk's own
reasoning; its letter names the remedy (podanie o ponowne rozpatrzenie to the Prezydent
Miasta Piekary Śląskie, through the BGM). A refused case is settled and closed at once
(REFUSAL → CLOSED); a request for reconsideration registered later reopens it
(:func:`reopen_for_reconsideration`: decision superseded, settlement cleared, IN_PROGRESS,
a new decision month from the request's received date).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, CaseStatus, check_reopening
from clerk_app.domain.deposit_letter_texts import (
    ConsentContent,
    RefusalContent,
    ScheduleLine,
    Signatory,
    consent_body,
    refusal_body,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import deposit_for_rent, instalment_schedule
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import LetterBody
from clerk_app.domain.roles import Permission
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.domain.text import format_date_pl
from clerk_app.domain.validators import format_nrb
from clerk_app.persistence.models import Case, DepositDecision, DepositPetition
from clerk_app.services.admin.settings import LetterTexts, OfficeSettings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines.actions import office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import apply_event
from clerk_app.services.deposit.overview import schedule_row
from clerk_app.services.deposit.petition_read import load_petition
from clerk_app.services.deposit.workflow_common import (
    DECIDABLE,
    current_decision,
    load_deposit_case,
    missing_of,
    move,
    settle,
)
from clerk_app.services.deposit.workflow_types import SchedulePreview
from clerk_app.services.letters.issue import issue_case_letter
from clerk_app.services.letters.types import LetterResult

REASONING_MAX = 8000


def _schedule(session: Session, petition: DepositPetition, count: int, first_due_on: date | None,
              today: date) -> SchedulePreview:
    if petition.monthly_rent is None or petition.monthly_rent <= 0:
        raise FieldError("monthly_rent", "Wysokość czynszu nie jest znana: uzupełnij prośbę.")
    if first_due_on is None:
        raise FieldError("first_due_on", "Podaj termin pierwszej raty.")
    if first_due_on < today:
        raise FieldError("first_due_on", "Termin pierwszej raty nie może być wcześniejszy niż "
                                         "dzisiaj.")
    deposit = deposit_for_rent(petition.monthly_rent)
    rows = instalment_schedule(deposit, count, first_due_on, calendar_for(session))
    return SchedulePreview(petition.monthly_rent, deposit,
                           tuple(schedule_row(i.number, i.due_date, i.amount) for i in rows),
                           sum((i.amount for i in rows), Decimal("0.00")))


def preview_schedule(ctx: AppContext, actor: Actor, case_id: int, instalment_count: int,
                     first_due_on: date) -> SchedulePreview:
    """The schedule a consent with these terms would fix (nothing is saved)."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        _case, petition = load_petition(session, case_id)
        try:
            return _schedule(session, petition, instalment_count, first_due_on, ctx.today())
        except FieldError as exc:
            raise ValidationFailed([exc]) from exc


def _check_decidable(work: Work, case: Case) -> None:
    status = CaseStatus(case.status)
    if status not in DECIDABLE:
        raise FieldError("status", f"Sprawa ma status „{status.label}”: rozstrzygnąć można "
                                   "tylko prośbę w toku.")
    lacking = missing_of(work.session, case.id)
    if lacking:
        names = "; ".join(item.label for item in lacking)
        raise FieldError("checklist", f"Prośba jest niekompletna (brak: {names}). Wezwij do "
                                      "usunięcia braków przed rozstrzygnięciem.")


def _signatory(settings: OfficeSettings) -> Signatory:
    return Signatory(settings.signatory_name, settings.signatory_title)


def _record(work: Work, case: Case, kind: DecisionKind, letter_id: int, today: date, *,
            count: int | None = None, first_due: date | None = None,
            reasoning: str = "") -> DepositDecision:
    decision = DepositDecision(
        case_id=case.id, kind=kind, decided_on=today, instalment_count=count,
        first_due_on=first_due, reasoning=reasoning, letter_id=letter_id,
        created_at=work.now, created_by_id=work.actor.user_id if work.actor else None)
    work.session.add(decision)
    work.audit_new(decision, "decide", case_id=case.id)
    apply_event(work, calendar_for(work.session), case, CaseEvent.DECISION_ISSUED, today)
    return decision


def grant_consent(ctx: AppContext, actor: Actor, case_id: int, case_version: int,
                  instalment_count: int, first_due_on: date) -> LetterResult:
    """Consent to pay the deposit in ``instalment_count`` instalments from ``first_due_on``:
    the decision, the consent letter with the schedule; the case moves to CONSENT."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, petition = load_deposit_case(work, case_id, case_version)
        _check_decidable(work, case)
        today = office_today(work)
        preview = _schedule(work.session, petition, instalment_count, first_due_on, today)

        def compose(settings: OfficeSettings, texts: LetterTexts) -> LetterBody:
            account = settings.deposit_bank_account
            return consent_body(ConsentContent(
                case.received_on, preview.monthly_rent, preview.deposit,
                tuple(ScheduleLine(r.number, r.due_on, r.amount) for r in preview.rows),
                texts.legal_basis(LetterKind.CONSENT),
                format_nrb(account) if account else "",
                f"Miejsce podpisania umowy: {settings.bgm_name}, {settings.bgm_address}.",
                _signatory(settings)))

        letter, result = issue_case_letter(work, case, LetterKind.CONSENT, compose, {
            "instalment_count": instalment_count, "first_due_on": first_due_on.isoformat(),
            "deposit": str(preview.deposit)})
        _record(work, case, DecisionKind.CONSENT, letter.id, today, count=instalment_count,
                first_due=first_due_on)
        path = (CaseStatus.IN_PROGRESS, CaseStatus.CONSENT) \
            if CaseStatus(case.status) is CaseStatus.REGISTERED else (CaseStatus.CONSENT,)
        move(work, case, *path, action="consent")
        return result


def refuse(ctx: AppContext, actor: Actor, case_id: int, case_version: int,
           reasoning: str) -> LetterResult:
    """Refusal with the clerk's reasoning and the remedy; the case is refused, settled and
    closed (a reconsideration request reopens it)."""
    text = "\n".join(line.rstrip() for line in (reasoning or "").strip().splitlines())
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        if not text:
            raise FieldError("reasoning", "Podaj uzasadnienie odmowy (własnymi słowami).")
        if len(text) > REASONING_MAX:
            raise FieldError("reasoning", f"Uzasadnienie może mieć najwyżej {REASONING_MAX} "
                                          "znaków.")
        case, _petition = load_deposit_case(work, case_id, case_version)
        _check_decidable(work, case)
        today = office_today(work)

        def compose(settings: OfficeSettings, texts: LetterTexts) -> LetterBody:
            return refusal_body(RefusalContent(
                case.received_on, text, texts.legal_basis(LetterKind.REFUSAL),
                texts.remedy_authority, texts.remedy_through, _signatory(settings)))

        letter, result = issue_case_letter(work, case, LetterKind.REFUSAL, compose,
                                           {"reasoning": text})
        _record(work, case, DecisionKind.REFUSAL, letter.id, today, reasoning=text)
        if CaseStatus(case.status) is CaseStatus.REGISTERED:
            move(work, case, CaseStatus.IN_PROGRESS, action="refusal")
        settle(case, today, SettlementKind.REFUSAL,
               f"{SettlementKind.REFUSAL.label} ({letter.identifier} z dnia "
               f"{format_date_pl(today)})")
        move(work, case, CaseStatus.REFUSAL, CaseStatus.CLOSED, action="refusal")
        return result


def reopen_for_reconsideration(work: Work, case: Case, received_on: date) -> bool:
    """Inside ``register_item``: a request for reconsideration of a refused case reopens
    it. Returns False (nothing changed) when the case was not settled by a refusal."""
    decision = current_decision(work.session, case.id)
    refused = decision is not None and DecisionKind(decision.kind) is DecisionKind.REFUSAL
    try:
        check_reopening(CaseKind(case.kind), CaseStatus(case.status), refused)
    except FieldError:
        return False
    assert decision is not None
    decision.superseded_on = received_on
    work.audit_changes(decision, "superseded", case_id=case.id)
    case.settled_on = None
    case.settlement = None
    case.settlement_remarks = ""
    case.status = CaseStatus.IN_PROGRESS  # reopening is not a regular transition
    work.audit_changes(case, "reconsideration", case_id=case.id)
    apply_event(work, calendar_for(work.session), case, CaseEvent.RECONSIDERATION_REQUESTED,
                received_on)
    return True
