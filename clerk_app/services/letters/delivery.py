"""Delivery of outgoing letters: by post (ZPO date), not collected (art. 44), counter, e-mail.

Recording the delivery of a summons starts the deficiency deadline counted from the
delivery date – the actual one, or the deemed one when the letter was not collected.
An e-mail reading confirmation counts as delivery only when the office says so
(``OfficeSettings.email_read_counts_as_delivery``, off by default): otherwise it is recorded
on the letter and starts nothing. The day a letter was sent and the day it came back to the
sender are recorded too. The counter may do all of it (``Permission.RECORD_DELIVERY``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.domain.calendar import ComputedDate, LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.errors import FieldError
from clerk_app.domain.letter_kinds import (
    DeliveryMethod,
    DeliveryStatus,
    LetterKind,
)
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Letter
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines.actions import check_not_future, load_case
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.engine import to_view
from clerk_app.services.deadlines.events import EventFacts, apply_event
from clerk_app.services.letters.issue import normalise_identifier
from clerk_app.services.letters.types import DeliveryResult, LetterView
from clerk_app.services.letters.views import EMAIL_READ_KEY, letter_view

DATE_FIELD = "delivered_on"
NOTICE_FIELD = "first_notice_on"
SENT_FIELD = "sent_on"
RETURNED_FIELD = "returned_on"


@dataclass(frozen=True)
class DeliveryDesk:
    """The delivery dialog's data for a scanned code: the letter (None when no letter has
    that identifier) and the legal calendar, to work out a deemed delivery on the spot."""

    letter: LetterView | None
    calendar: LegalCalendar
    email_read_counts: bool = False  # OfficeSettings.email_read_counts_as_delivery


def _letter_with_identifier(session: Session, identifier: str) -> LetterView | None:
    wanted = normalise_identifier(identifier)
    if not wanted:
        return None
    row = session.execute(
        select(Letter, Case.signature).join(Case, Case.id == Letter.case_id)
        .where(Letter.identifier == wanted)).first()
    return letter_view(row[0], row[1]) if row else None


def find_letter_by_identifier(ctx: AppContext, actor: Actor,
                              identifier: str) -> LetterView | None:
    """The letter with this (scanned) identifier, or None."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return _letter_with_identifier(session, identifier)


def delivery_desk(ctx: AppContext, actor: Actor, identifier: str) -> DeliveryDesk:
    """The letter with this identifier and the calendar, in one read."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return DeliveryDesk(_letter_with_identifier(session, identifier),
                            calendar_for(session),
                            read_settings(session).email_read_counts_as_delivery)


def preview_deemed_delivery(ctx: AppContext, first_notice_on: date) -> ComputedDate:
    """The deemed delivery date (art. 44 KPA) with its explanation, for the dialog."""
    with ctx.db.read() as session:
        return calendar_for(session).deemed_delivery(first_notice_on)


def _locked(work: Work, letter_id: int, version: int) -> tuple[Letter, str]:
    letter = work.session.get(Letter, letter_id, with_for_update=True)
    if letter is None:
        raise NotFound("Nie znaleziono pisma.")
    if letter.version != version:
        raise ConflictError()
    signature = work.session.scalar(select(Case.signature).where(Case.id == letter.case_id))
    return letter, signature or ""


def _load(work: Work, letter_id: int, version: int) -> tuple[Letter, str]:
    letter, signature = _locked(work, letter_id, version)
    if letter.returned_on is not None:
        raise FieldError("returned_on", "To pismo wróciło do nadawcy "
                         f"({format_date_pl(letter.returned_on)}).")
    if letter.delivery_status != DeliveryStatus.PENDING.value:
        when = letter.delivered_on or letter.deemed_delivered_on
        raise FieldError("delivery_status", "Doręczenie tego pisma zostało już zarejestrowane"
                         + (f" ({format_date_pl(when)})." if when else "."))
    return letter, signature


def _check_date(work: Work, letter: Letter, day: date, field: str) -> None:
    if day < letter.dated_on:
        raise FieldError(field, "Data nie może być wcześniejsza niż data pisma "
                                f"({format_date_pl(letter.dated_on)}).")
    check_not_future(work, day, field)


def _still_waiting(work: Work, case: Case, letter: Letter) -> bool:
    """The case still waits for the applicant on this summons: it is the newest summons and
    the deficiencies have not been removed (a late receipt then starts no new deadline)."""
    newest = work.session.scalar(select(func.max(Letter.id)).where(
        Letter.case_id == letter.case_id, Letter.kind == LetterKind.SUMMONS.value))
    return case.status == CaseStatus.AWAITING_COMPLETION and newest == letter.id


def _after_delivery(work: Work, letter: Letter, signature: str, on: date,
                    event: CaseEvent) -> DeliveryResult:
    work.audit_changes(letter, "delivery", case_id=letter.case_id)
    started = None
    if letter.kind == LetterKind.SUMMONS.value:
        case = load_case(work, letter.case_id)
        cal = calendar_for(work.session)
        facts = EventFacts(letter_id=letter.id, reference=letter.identifier,
                           still_waiting=_still_waiting(work, case, letter))
        outcome = apply_event(work, cal, case, event, on, facts)
        started = to_view(cal, outcome.started[0]) if outcome.started else None
    work.session.flush()
    return DeliveryResult(letter_view(letter, signature), started)


def record_delivery(ctx: AppContext, actor: Actor, letter_id: int, version: int,
                    delivered_on: date,
                    method: DeliveryMethod = DeliveryMethod.POST) -> DeliveryResult:
    """Delivered on ``delivered_on``: the ZPO date (post), the day it was handed over at the
    counter, or the day of the reading confirmation (e-mail)."""
    with unit_of_work(ctx, actor, Permission.RECORD_DELIVERY) as work:
        letter, signature = _load(work, letter_id, version)
        _check_date(work, letter, delivered_on, DATE_FIELD)
        if (DeliveryMethod(method) is DeliveryMethod.EMAIL
                and not read_settings(work.session).email_read_counts_as_delivery):
            return _reading_confirmation(work, letter, signature, delivered_on)
        letter.delivery_method = DeliveryMethod(method)
        letter.delivery_status = DeliveryStatus.DELIVERED
        letter.delivered_on = delivered_on
        event = {DeliveryMethod.POST: CaseEvent.SUMMONS_DELIVERED,
                 DeliveryMethod.COUNTER: CaseEvent.SUMMONS_HANDED_OVER,
                 DeliveryMethod.EMAIL: CaseEvent.SUMMONS_READ}[DeliveryMethod(method)]
        return _after_delivery(work, letter, signature, delivered_on, event)


def _reading_confirmation(work: Work, letter: Letter, signature: str,
                          read_on: date) -> DeliveryResult:
    """Keep the day of the reading confirmation on the letter; it is not a delivery, so the
    letter still waits and no deadline starts."""
    extra = json.loads(letter.extra or "{}")
    old = extra.get(EMAIL_READ_KEY)
    extra[EMAIL_READ_KEY] = read_on.isoformat()
    letter.extra = json.dumps(extra, ensure_ascii=False)
    old_method = str(letter.delivery_method)
    letter.delivery_method = DeliveryMethod.EMAIL
    work.session.flush()
    work.audit("letters", letter.id, "email_read",
               {EMAIL_READ_KEY: [old, read_on.isoformat()],
                "delivery_method": [old_method, DeliveryMethod.EMAIL.value]},
               case_id=letter.case_id)
    return DeliveryResult(letter_view(letter, signature), None)


def record_counter_delivery(ctx: AppContext, actor: Actor, letter_id: int, version: int,
                            delivered_on: date) -> DeliveryResult:
    """Handed over at the counter on ``delivered_on``."""
    return record_delivery(ctx, actor, letter_id, version, delivered_on, DeliveryMethod.COUNTER)


def record_email_delivery(ctx: AppContext, actor: Actor, letter_id: int, version: int,
                          confirmed_on: date) -> DeliveryResult:
    """Sent by e-mail; ``confirmed_on`` is the day of the reading confirmation."""
    return record_delivery(ctx, actor, letter_id, version, confirmed_on, DeliveryMethod.EMAIL)


def record_not_collected(ctx: AppContext, actor: Actor, letter_id: int, version: int,
                         first_notice_on: date) -> DeliveryResult:
    """Not collected after the first notice on ``first_notice_on``: deemed delivered at the
    end of 14 days (art. 44 KPA), shifted past days off; the deadline runs from that day."""
    with unit_of_work(ctx, actor, Permission.RECORD_DELIVERY) as work:
        letter, signature = _load(work, letter_id, version)
        _check_date(work, letter, first_notice_on, NOTICE_FIELD)
        deemed = calendar_for(work.session).deemed_delivery(first_notice_on)
        letter.delivery_method = DeliveryMethod.POST
        letter.delivery_status = DeliveryStatus.DEEMED
        letter.first_notice_on = first_notice_on
        letter.deemed_delivered_on = deemed.result
        return _after_delivery(work, letter, signature, deemed.result,
                               CaseEvent.SUMMONS_DEEMED_DELIVERED)


def record_sent(ctx: AppContext, actor: Actor, letter_id: int, version: int,
                sent_on: date) -> LetterView:
    """The letter left the office on ``sent_on`` (posted, handed to the courier, e-mailed)."""
    with unit_of_work(ctx, actor, Permission.RECORD_DELIVERY) as work:
        letter, signature = _locked(work, letter_id, version)
        _check_date(work, letter, sent_on, SENT_FIELD)
        delivered = letter.delivered_on or letter.first_notice_on
        if delivered is not None and sent_on > delivered:
            raise FieldError(SENT_FIELD, "Data wysłania nie może być późniejsza niż data "
                                         f"doręczenia ({format_date_pl(delivered)}).")
        letter.sent_on = sent_on
        work.audit_changes(letter, "sent", case_id=letter.case_id)
        work.session.flush()
        return letter_view(letter, signature)


def record_returned(ctx: AppContext, actor: Actor, letter_id: int, version: int,
                    returned_on: date) -> LetterView:
    """The letter came back to the sender on ``returned_on`` (e.g. addressee unknown, or not
    collected: a deemed delivery stays as it was). A delivered letter cannot come back."""
    with unit_of_work(ctx, actor, Permission.RECORD_DELIVERY) as work:
        letter, signature = _locked(work, letter_id, version)
        if letter.returned_on is not None:
            raise FieldError(RETURNED_FIELD, "Zwrot tego pisma został już zarejestrowany "
                                             f"({format_date_pl(letter.returned_on)}).")
        if letter.delivery_status == DeliveryStatus.DELIVERED.value:
            raise FieldError(RETURNED_FIELD, "To pismo zostało doręczone "
                                             f"({format_date_pl(letter.delivered_on)}); "
                                             "nie mogło wrócić do nadawcy.")
        _check_date(work, letter, returned_on, RETURNED_FIELD)
        if letter.sent_on is not None and returned_on < letter.sent_on:
            raise FieldError(RETURNED_FIELD, "Data zwrotu nie może być wcześniejsza niż data "
                                             f"wysłania ({format_date_pl(letter.sent_on)}).")
        letter.returned_on = returned_on
        work.audit_changes(letter, "returned", case_id=letter.case_id)
        work.session.flush()
        return letter_view(letter, signature)
