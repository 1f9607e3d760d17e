"""Where an issued letter stands, computed from its stored columns (never stored itself).

issued → sent (the day it left the office) → delivered (ZPO date, counter, e-mail where a
reading confirmation counts) or not collected (deemed delivered, art. 44 KPA) — or returned
to the sender (``returned_on``), which wins over everything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class LetterState(StrEnum):
    """The stable English values (the CLI prints them) with Polish labels."""

    ISSUED = "issued"
    SENT = "sent"
    DELIVERED = "delivered"
    NOT_COLLECTED = "not_collected"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    LetterState.ISSUED: "Wystawione",
    LetterState.SENT: "Wysłane",
    LetterState.DELIVERED: "Doręczone",
    LetterState.NOT_COLLECTED: "Nieodebrane (doręczenie zastępcze, art. 44 KPA)",
    LetterState.RETURNED: "Zwrócone do nadawcy",
}


@dataclass(frozen=True)
class LetterFacts:
    """The columns that decide a letter's state (``delivery_status`` as its stored value)."""

    delivery_status: str
    sent_on: date | None = None
    emailed: bool = False
    email_read_on: date | None = None
    returned_on: date | None = None


def letter_state(facts: LetterFacts) -> LetterState:
    """The state of one letter; a reading confirmation that does not count as delivery
    leaves it *sent*."""
    if facts.returned_on is not None:
        return LetterState.RETURNED
    if facts.delivery_status == "deemed":
        return LetterState.NOT_COLLECTED
    if facts.delivery_status == "delivered":
        return LetterState.DELIVERED
    if facts.sent_on is not None or facts.emailed or facts.email_read_on is not None:
        return LetterState.SENT
    return LetterState.ISSUED
