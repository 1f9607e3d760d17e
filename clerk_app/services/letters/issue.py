"""Outgoing letters: identifiers, the summons and the delay notice, stored with their content.

The letter's header and body are stored as issued (JSON in ``letters.extra``), so printing it
again gives the same letter; rendering to PDF is the documents layer's job.

Each letter gets an identifier ``L`` + year + 6-digit number from the gapless ``letter``
sequence (e.g. ``L2026000017``); it is printed as a Code 128 barcode on the letter and on the
envelope label, and the delivery desk scans it from the returned receipt.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import (
    CaseKind,
    CaseStatus,
    DeadlineKind,
    check_transition,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import (
    DelayNoticeContent,
    EnvelopeLabel,
    LetterDocument,
    SummonsContent,
    delay_notice_body,
    summons_body,
)
from clerk_app.domain.petition_checklist import ItemState
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, DepositPetition, Letter
from clerk_app.services.admin.settings import (
    read_letter_texts,
    read_settings,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines import engine as engine
from clerk_app.services.deadlines.actions import load_case, office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import EventFacts, apply_event
from clerk_app.services.deposit.petition_read import read_petition
from clerk_app.services.letters.case_letter import (
    LETTER_SCOPE,
    MISSING_FIELD,
    PLACE,
    _header,
    _new_identifier,
    _return_address,
    _store,
    addressee_lines,
    issue_case_letter,
    letter_identifier,
    new_letter_identifier,
    normalise_identifier,
    return_address,
    sender_lines,
    stored_document,
)
from clerk_app.services.letters.iok_letters import issue_iok_completion, zgm_signature
from clerk_app.services.letters.types import LetterResult, LetterView
from clerk_app.services.letters.views import read_case_letters

_DELAY_ALLOWED = (CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS)


def _refuse_not_applicable(work: Work, case_id: int, items: list[str]) -> None:
    """A deposit summons may not demand what the checklist says does not apply (e.g. the
    stamp duty of a proxy who is the applicant's spouse)."""
    if work.session.get(DepositPetition, case_id) is None:
        return
    lines = read_petition(work.session, case_id).checklist
    not_applicable = {line.label.casefold(): line.label for line in lines
                      if line.state is ItemState.NOT_APPLICABLE}
    for item in items:
        if item.casefold() in not_applicable:
            raise FieldError(MISSING_FIELD, f"„{not_applicable[item.casefold()]}” nie dotyczy "
                             "tej sprawy (lista kompletności: „Nie dotyczy”), więc nie można "
                             "go żądać w wezwaniu.")


def issue_summons(ctx: AppContext, actor: Actor, case_id: int,
                  missing: list[str]) -> LetterResult:
    """Summons to remove formal deficiencies (art. 64 § 2 KPA): the letter with its PDF,
    the case moves to *awaiting completion*, and a running decision deadline is suspended.
    An IOK request gets ZGM's request for completion instead (:func:`issue_iok_completion`)."""
    items = [m.strip() for m in missing if m and m.strip()]
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        if not items:
            raise FieldError(MISSING_FIELD, "Wymień co najmniej jeden brak do usunięcia.")
        case = load_case(work, case_id)
        kind, status = CaseKind(case.kind), CaseStatus(case.status)
        if kind is CaseKind.IOK:  # no KPA summons: ZGM's request for completion instead
            return issue_iok_completion(work, case, tuple(items), by_email=False)[1]
        if kind is CaseKind.DEPOSIT:
            _refuse_not_applicable(work, case.id, items)
        if status is not CaseStatus.AWAITING_COMPLETION:
            check_transition(kind, status, CaseStatus.AWAITING_COMPLETION)
            case.status = CaseStatus.AWAITING_COMPLETION
            work.audit_changes(case, "summons", case_id=case.id)
        today = office_today(work)
        identifier = _new_identifier(work, today)
        header, settings = _header(work, case, identifier, today, LetterKind.SUMMONS.label)
        texts = read_letter_texts(work.session)
        where = ("Braki można usunąć osobiście w Punkcie Informacyjnym Obsługi Mieszkańców "
                 f"({settings.counter_addresses}), w Biurze Gospodarki Mieszkaniowej "
                 f"({settings.bgm_address}) albo przesłać pocztą, podając znak sprawy."
                 if kind is CaseKind.DEPOSIT else
                 f"Braki można usunąć osobiście lub pocztą ({settings.zgm_address}) albo "
                 "e-mailem (skan lub czytelne zdjęcie), podając znak sprawy.")
        body = summons_body(SummonsContent(
            kind, case.received_on, tuple(items), settings.deficiency_days, where,
            settings.signatory_name,
            settings.signatory_title if kind is CaseKind.DEPOSIT else settings.zgm_name,
            *((texts.legal_basis(LetterKind.SUMMONS),) if kind is CaseKind.DEPOSIT else ())))
        letter = _store(work, case, LetterKind.SUMMONS, header, body, today,
                        {"missing": items, "days": settings.deficiency_days})
        apply_event(work, calendar_for(work.session), case, CaseEvent.SUMMONS_ISSUED, today,
                    EventFacts(letter_id=letter.id, reference=identifier))
        return LetterResult(letter.id, letter.identifier, case.id, LetterKind.SUMMONS,
                            stored_document(letter), letter.version)


def issue_delay_notice(ctx: AppContext, actor: Actor, case_id: int, new_due: date,
                       reason: str) -> LetterResult:
    """Delay notice (art. 36 KPA practice): the letter with the reason and the new date; the
    open decision deadline is cancelled and a deadline on ``new_due`` starts."""
    reason = (reason or "").strip()
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        if not reason:
            raise FieldError("reason", "Podaj przyczynę niezałatwienia sprawy w terminie.",
                             "Przyczyna zwłoki")
        case = load_case(work, case_id)
        status = CaseStatus(case.status)
        if status is CaseStatus.AWAITING_COMPLETION:
            raise FieldError("status", "Sprawa czeka na usunięcie braków przez wnioskodawcę: "
                                       "ten czas nie wlicza się do terminu, więc zawiadomienia "
                                       "o zwłoce się nie wysyła.")
        if status not in _DELAY_ALLOWED:
            raise FieldError("status", f"Sprawa ma status „{status.label}”: zawiadomienie o "
                                       "zwłoce wysyła się tylko w sprawie w toku.")
        today = office_today(work)
        cal = calendar_for(work.session)
        if new_due <= today:
            raise FieldError("new_due", "Nowy termin musi być późniejszy niż dzisiaj.")
        if cal.office_day_off_reason(new_due):
            raise FieldError("new_due", f"{format_date_pl(new_due)} to dzień wolny "
                                            f"({cal.office_day_off_reason(new_due)}).")
        previous = engine.open_rows(work, case.id, [DeadlineKind.DECISION,
                                                    DeadlineKind.DELAY_NEW_DATE],
                                    include_missed=True)
        original = previous[-1].due_on if previous else None
        identifier = _new_identifier(work, today)
        header, settings = _header(work, case, identifier, today,
                                   LetterKind.DELAY_NOTICE.label)
        texts = read_letter_texts(work.session)
        body = delay_notice_body(DelayNoticeContent(
            CaseKind(case.kind), case.received_on, original, new_due,
            reason, settings.signatory_name, settings.signatory_title,
            legal_basis=texts.legal_basis(LetterKind.DELAY_NOTICE),
            authority=texts.remedy_authority, through=texts.remedy_through))
        letter = _store(work, case, LetterKind.DELAY_NOTICE, header, body, today,
                        {"new_due": new_due.isoformat(), "reason": reason})
        apply_event(work, cal, case, CaseEvent.DELAY_NOTICE_ISSUED, today, EventFacts(
            letter_id=letter.id, reference=identifier, new_due=new_due, reason=reason))
        return LetterResult(letter.id, letter.identifier, case.id, LetterKind.DELAY_NOTICE,
                            stored_document(letter), letter.version)


def letter_document(ctx: AppContext, actor: Actor, letter_id: int) -> LetterDocument:
    """A letter's content as issued (for printing it again)."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFound("Nie znaleziono pisma.")
        return stored_document(letter)


def envelope_label(ctx: AppContext, actor: Actor, letter_id: int) -> EnvelopeLabel:
    """What goes on the letter's 100 × 50 mm envelope label (addressee and barcode)."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        row = session.execute(select(Letter, Case).join(Case, Case.id == Letter.case_id)
                              .where(Letter.id == letter_id)).first()
        if row is None:
            raise NotFound("Nie znaleziono pisma.")
        letter, case = row
        settings = read_settings(session)
        return EnvelopeLabel(letter.identifier, return_address(settings, CaseKind(case.kind)),
                             tuple(letter.addressee.splitlines()), case.signature)


def list_case_letters(ctx: AppContext, actor: Actor, case_id: int) -> list[LetterView]:
    """The outgoing letters of a case with their delivery state, newest first."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_case_letters(session, case_id)


__all__ = ["LETTER_SCOPE", "MISSING_FIELD", "PLACE", "_header", "_new_identifier",
           "_return_address", "_store", "addressee_lines", "issue_case_letter",
           "issue_iok_completion", "letter_identifier", "new_letter_identifier",
           "normalise_identifier", "return_address", "sender_lines", "stored_document",
           "zgm_signature"]
