"""Kinds of outgoing letters and how they are delivered (stored as their values)."""

from __future__ import annotations

from enum import StrEnum


class LetterKind(StrEnum):
    """Kinds of outgoing letters (``letters.kind``)."""

    SUMMONS = "summons"
    LEFT_WITHOUT_CONSIDERATION = "left_without_consideration"
    CONSENT = "consent"
    AGREEMENT = "agreement"
    REFUSAL = "refusal"
    DELAY_NOTICE = "delay_notice"
    IOK_COMPLETION = "iok_completion"  # ZGM: request to complete an IOK account request
    IOK_CONFIRMATION = "iok_confirmation"  # ZGM: login data was sent to the e-mail given

    @property
    def label(self) -> str:
        return _LETTER_LABELS.get(self, self.value)


_LETTER_LABELS = {
    LetterKind.SUMMONS: "Wezwanie do usunięcia braków formalnych",
    LetterKind.LEFT_WITHOUT_CONSIDERATION: "Zawiadomienie o pozostawieniu prośby bez rozpoznania",
    LetterKind.CONSENT: "Zgoda na rozłożenie kaucji zabezpieczającej na raty",
    LetterKind.AGREEMENT: "Umowa w sprawie rozłożenia kaucji zabezpieczającej na raty",
    LetterKind.REFUSAL: "Odmowa rozłożenia kaucji zabezpieczającej na raty",
    LetterKind.DELAY_NOTICE: "Zawiadomienie o zwłoce (nowy termin)",
    LetterKind.IOK_COMPLETION: "Prośba o uzupełnienie wniosku o konto IOK",
    LetterKind.IOK_CONFIRMATION: "Potwierdzenie wysłania danych logowania do IOK",
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
