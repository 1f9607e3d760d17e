"""Plain data returned by the letter and delivery services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, LetterKind
from clerk_app.domain.letter_state import LetterState
from clerk_app.domain.letter_texts import LetterDocument
from clerk_app.services.deadlines.types import DeadlineView


@dataclass(frozen=True)
class LetterView:
    """An outgoing letter as the delivery desk sees it."""

    id: int
    identifier: str
    case_id: int
    case_signature: str
    kind: str
    kind_label: str
    addressee: str
    dated_on: date
    delivery_method: DeliveryMethod
    delivery_status: DeliveryStatus
    delivered_on: date | None
    first_notice_on: date | None
    deemed_delivered_on: date | None
    version: int
    state: LetterState = LetterState.ISSUED
    sent_on: date | None = None
    returned_on: date | None = None
    email_read_on: date | None = None  # a reading confirmation that did not count as delivery

    @property
    def effective_delivery(self) -> date | None:
        """The date the letter counts as delivered (actual or deemed)."""
        return self.delivered_on or self.deemed_delivered_on


@dataclass(frozen=True)
class LetterResult:
    """A freshly issued letter: its identifier and its content (render it to print)."""

    letter_id: int
    identifier: str
    case_id: int
    kind: LetterKind
    document: LetterDocument
    version: int


@dataclass(frozen=True)
class DeliveryResult:
    """A recorded delivery and the deadline it started, if any."""

    letter: LetterView
    started_deadline: DeadlineView | None


@dataclass(frozen=True)
class StoredPdf:
    """An issued letter's kept PDF: exactly the bytes issued, checked against their hash."""

    letter_id: int
    identifier: str
    kind: str
    case_signature: str
    sha256: str
    size_bytes: int
    pdf: bytes
    rendered_now: bool = False  # True: rendered from the stored content on this request

    @property
    def file_name(self) -> str:
        return f"{self.identifier}.pdf"
