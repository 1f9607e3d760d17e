"""How a case was settled and what a deposit decision was (stored as their values).

The case register (*spis spraw*) prints the settlement in its "remarks" column.
"""

from __future__ import annotations

from enum import StrEnum


class DecisionKind(StrEnum):
    """The answer to a deposit petition (procedure card BGM.1611.8.2023)."""

    CONSENT = "consent"
    REFUSAL = "refusal"

    @property
    def label(self) -> str:
        return "Zgoda na rozłożenie kaucji na raty" if self is DecisionKind.CONSENT \
            else "Odmowa rozłożenia kaucji na raty"


class SettlementKind(StrEnum):
    """How a case ended (``cases.settlement``)."""

    AGREEMENT_SIGNED = "agreement_signed"  # consent, then the instalment agreement signed
    REFUSAL = "refusal"
    LEFT_WITHOUT_CONSIDERATION = "left_without_consideration"
    WITHDRAWN = "withdrawn"
    LOGIN_DATA_SENT = "login_data_sent"  # IOK: the account was handed over
    NOT_COMPLETED = "not_completed"  # IOK: not completed within the reply period

    @property
    def label(self) -> str:
        return _SETTLEMENT_LABELS[self]


_SETTLEMENT_LABELS = {
    SettlementKind.AGREEMENT_SIGNED: "Zgoda; zawarto umowę o rozłożenie kaucji na raty",
    SettlementKind.REFUSAL: "Odmowa rozłożenia kaucji na raty",
    SettlementKind.LEFT_WITHOUT_CONSIDERATION: "Pozostawiono bez rozpoznania",
    SettlementKind.WITHDRAWN: "Wycofano",
    SettlementKind.LOGIN_DATA_SENT: "Przekazano dane logowania do IOK",
    SettlementKind.NOT_COMPLETED: "Zamknięto: wniosek nie został uzupełniony w terminie",
}
