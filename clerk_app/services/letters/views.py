"""Stored letter rows as the plain :class:`LetterView` the screens read."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, letter_kind_label
from clerk_app.domain.letter_state import LetterFacts, letter_state
from clerk_app.persistence.models import Case, Letter
from clerk_app.services.core.errors import NotFound
from clerk_app.services.letters.types import LetterView

EMAIL_READ_KEY = "email_read_on"  # in ``letters.extra``: a reading confirmation not counted


def email_read_on(letter: Letter) -> date | None:
    """The day of a reading confirmation recorded without counting as delivery."""
    try:
        value = json.loads(letter.extra or "{}").get(EMAIL_READ_KEY)
    except (ValueError, AttributeError):
        return None
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def letter_view(letter: Letter, signature: str) -> LetterView:
    read_on = email_read_on(letter)
    state = letter_state(LetterFacts(
        delivery_status=str(letter.delivery_status), sent_on=letter.sent_on,
        emailed=letter.email_sent_at is not None, email_read_on=read_on,
        returned_on=letter.returned_on))
    return LetterView(
        id=letter.id, identifier=letter.identifier, case_id=letter.case_id,
        case_signature=signature, kind=letter.kind, kind_label=letter_kind_label(letter.kind),
        addressee=letter.addressee, dated_on=letter.dated_on,
        delivery_method=DeliveryMethod(letter.delivery_method),
        delivery_status=DeliveryStatus(letter.delivery_status),
        delivered_on=letter.delivered_on, first_notice_on=letter.first_notice_on,
        deemed_delivered_on=letter.deemed_delivered_on, version=letter.version,
        state=state, sent_on=letter.sent_on, returned_on=letter.returned_on,
        email_read_on=read_on,
    )


def read_case_letters(session: Session, case_id: int) -> list[LetterView]:
    """The outgoing letters of a case, newest first, inside the caller's read."""
    signature = session.scalar(select(Case.signature).where(Case.id == case_id))
    if signature is None:
        raise NotFound("Nie znaleziono sprawy.")
    rows = session.scalars(select(Letter).where(Letter.case_id == case_id)
                           .order_by(Letter.dated_on.desc(), Letter.id.desc()))
    return [letter_view(letter, signature) for letter in rows]
