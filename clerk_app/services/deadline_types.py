"""Plain data returned by the deadline, letter and delivery services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_app.domain.cases import DeadlineKind, DeadlineState
from clerk_app.domain.letter_texts import LetterDocument


class PeriodUnit(StrEnum):
    """How a deadline's period is counted (stored in ``deadlines.period_unit``)."""

    DAYS = "days"  # art. 57 § 1 KPA
    MONTHS = "months"  # art. 57 § 3 KPA
    FIXED = "date"  # a date set by the office: start_on + period_count calendar days


class LetterKind(StrEnum):
    """Kinds of outgoing letters (``letters.kind``)."""

    SUMMONS = "summons"
    DELAY_NOTICE = "delay_notice"

    @property
    def label(self) -> str:
        return _LETTER_LABELS.get(self, self.value)


_LETTER_LABELS = {
    LetterKind.SUMMONS: "Wezwanie do usunięcia braków formalnych",
    LetterKind.DELAY_NOTICE: "Zawiadomienie o zwłoce (nowy termin)",
}


def letter_kind_label(kind: str) -> str:
    """Polish name of a stored letter kind (unknown kinds shown as stored)."""
    try:
        return LetterKind(kind).label
    except ValueError:
        return kind


class DeliveryMethod(StrEnum):
    """How a letter reached the addressee."""

    POST = "post"
    COUNTER = "counter"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return {"post": "Poczta (ZPO)", "counter": "Odbiór w urzędzie",
                "email": "E-mail"}[self.value]


class DeliveryStatus(StrEnum):
    """``letters.delivery_status``."""

    PENDING = "pending"
    DELIVERED = "delivered"
    DEEMED = "deemed"  # not collected: deemed delivered (art. 44 KPA)

    @property
    def label(self) -> str:
        return {"pending": "Oczekuje na doręczenie", "delivered": "Doręczono",
                "deemed": "Doręczenie zastępcze (art. 44 KPA)"}[self.value]


@dataclass(frozen=True)
class DeadlineView:
    """One deadline of a case with the lines that explain its date."""

    id: int
    case_id: int
    kind: DeadlineKind
    state: DeadlineState
    start_event: str
    start_on: date
    period_count: int
    period_unit: PeriodUnit
    nominal_end_on: date
    due_on: date
    suspended_on: date | None
    suspended_days: int
    extended_reason: str | None
    closed_on: date | None
    letter_id: int | None
    explanation_lines: tuple[str, ...]
    version: int

    @property
    def is_open(self) -> bool:
        """Running or suspended, or missed and not yet dealt with."""
        return self.closed_on is None and self.state in (
            DeadlineState.RUNNING, DeadlineState.SUSPENDED, DeadlineState.MISSED)


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
