"""Outgoing letters: identifiers, the summons and the delay notice, stored with their content.

The letter's header and body are stored as issued (JSON in ``letters.extra``), so printing it
again gives the same letter; rendering to PDF is the documents layer's job.

Each letter gets an identifier ``L`` + year + 6-digit number from the gapless ``letter``
sequence (e.g. ``L2026000017``); it is printed as a Code 128 barcode on the letter and on the
envelope label, and the delivery desk scans it from the returned receipt.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
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
    LetterBody,
    LetterDocument,
    LetterHeader,
    SummonsContent,
    delay_notice_body,
    summons_body,
)
from clerk_app.domain.petition_checklist import ItemState
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, DepositPetition, Letter
from clerk_app.services.admin.settings import (
    LetterTexts,
    OfficeSettings,
    read_letter_texts,
    read_settings,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.numbering import next_number
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines import engine as engine
from clerk_app.services.deadlines.actions import load_case, office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import EventFacts, apply_event
from clerk_app.services.deposit.petition_read import read_petition
from clerk_app.services.letters.addressee import (
    address_parts,
    addressee_of,
    case_addressee_lines,
)
from clerk_app.services.letters.records import keep_rendered
from clerk_app.services.letters.types import LetterResult, LetterView
from clerk_app.services.letters.views import read_case_letters

LETTER_SCOPE = "letter"
PLACE = "Piekary Śląskie"
MISSING_FIELD = "missing"
_DELAY_ALLOWED = (CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS)


def letter_identifier(year: int, number: int) -> str:
    return f"L{year}{number:06d}"


def normalise_identifier(text: str) -> str:
    """What a scanner or a person typed, as stored: no spaces, upper case."""
    return re.sub(r"\s+", "", text or "").upper()


def addressee_lines(case: Case, petition: DepositPetition | None = None) -> tuple[str, ...]:
    """The addressee block: the proxy (with the principal named) where one acts, otherwise
    the applicant (KPA art. 40 § 2)."""
    return case_addressee_lines(case, petition)


def sender_lines(settings: OfficeSettings, kind: CaseKind) -> tuple[str, ...]:
    """The letterhead: ZGM (with its phones) writes IOK letters, the BGM deposit ones."""
    if kind is CaseKind.IOK:
        phones = (f"tel. {settings.zgm_phones.strip()}",) if settings.zgm_phones.strip() \
            else ()
        return (settings.zgm_name, *address_parts(settings.zgm_address), *phones)
    return (settings.city_office_name, settings.bgm_name,
            *address_parts(settings.bgm_address))


def return_address(settings: OfficeSettings, kind: CaseKind) -> str:
    """One short line above the address window (rooms dropped: the post does not need them).
    ZGM's goes by its short name: the full name would not fit above the window."""
    address = settings.zgm_address if kind is CaseKind.IOK else settings.bgm_address
    parts = [p.strip() for p in address.split(",") if not p.strip().lower().startswith("pok")]
    if kind is CaseKind.IOK:
        return f"{settings.iok_unit}, {', '.join(parts)}"
    return f"{settings.city_office_name} – {settings.deposit_unit}, {', '.join(parts)}"


_return_address = return_address  # the demo's letter header still imports the old name


def _header(work: Work, case: Case, identifier: str, dated_on: date,
            title: str) -> tuple[LetterHeader, OfficeSettings]:
    settings = read_settings(work.session)
    kind = CaseKind(case.kind)
    actor = work.actor
    handled_by = actor.full_name if actor else "clerk-app"
    header = LetterHeader(
        identifier=identifier, sender_lines=sender_lines(settings, kind),
        return_address=return_address(settings, kind),
        place_and_date=f"{PLACE}, {format_date_pl(dated_on)}",
        case_signature=case.signature, addressee_lines=addressee_of(work.session, case),
        handled_by=handled_by, title=title)
    return header, settings


def _store(work: Work, case: Case, kind: LetterKind, header: LetterHeader, body: LetterBody,
           dated_on: date, extra: dict[str, object]) -> Letter:
    document = LetterDocument(header, body)
    letter = Letter(
        identifier=header.identifier, case_id=case.id, kind=kind.value,
        addressee="\n".join(header.addressee_lines), dated_on=dated_on, created_at=work.now,
        created_by_id=work.actor.user_id if work.actor else None, delivery_method="post",
        delivery_status="pending",
        extra=json.dumps({**extra, "document": document.to_json()}, ensure_ascii=False))
    work.session.add(letter)
    work.audit_new(letter, "issue", case_id=case.id)
    keep_rendered(work, letter, document)
    return letter


def _new_identifier(work: Work, dated_on: date) -> str:
    return letter_identifier(dated_on.year,
                             next_number(work.session, LETTER_SCOPE, dated_on.year))


def new_letter_identifier(work: Work, dated_on: date) -> str:
    """The next letter identifier (``L`` + year + number), inside the caller's transaction."""
    return _new_identifier(work, dated_on)


def issue_case_letter(work: Work, case: Case, kind: LetterKind,
                      compose: Callable[[OfficeSettings, LetterTexts], LetterBody],
                      extra: dict[str, object]) -> tuple[Letter, LetterResult]:
    """Inside an open unit of work: a new identifier, the header (to the proxy where one
    acts), the body ``compose`` writes from the settings; the letter is stored, audited and
    its PDF kept when the context renders. ``compose`` gets the office settings and the
    letter texts (legal bases, remedies)."""
    today = office_today(work)
    identifier = _new_identifier(work, today)
    header, settings = _header(work, case, identifier, today, kind.label)
    body = compose(settings, read_letter_texts(work.session))
    letter = _store(work, case, kind, header, body, today, extra)
    return letter, LetterResult(letter.id, letter.identifier, case.id, kind,
                                stored_document(letter), letter.version)


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
    the case moves to *awaiting completion*, and a running decision deadline is suspended."""
    items = [m.strip() for m in missing if m and m.strip()]
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        if not items:
            raise FieldError(MISSING_FIELD, "Wymień co najmniej jeden brak do usunięcia.")
        case = load_case(work, case_id)
        kind, status = CaseKind(case.kind), CaseStatus(case.status)
        if kind is CaseKind.IOK:
            raise FieldError("kind", "Wniosek IOK nie jest sprawą KPA: zamiast wezwania ZGM "
                             "wysyła prośbę o uzupełnienie (zakładka „Wniosek IOK”).")
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


def stored_document(letter: Letter) -> LetterDocument:
    """The letter exactly as issued."""
    return LetterDocument.from_json(json.loads(letter.extra)["document"])


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
