"""The substance of a deposit-instalment petition: power of attorney, stamp duty.

Card BGM.1611.8.2023: where a proxy acts, a written power of attorney (the original or an
officially certified copy) with proof of the 17 zł stamp duty; a spouse, ascendant,
descendant or sibling is exempt, as is an exempt principal. The application proposes the
exemption; the clerk may override it, giving a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_app.domain.cases import ProxyRelation

MIN_INSTALMENTS = 2
MAX_INSTALMENTS = 10


class PowerOfAttorneyForm(StrEnum):
    """The form in which the power of attorney was filed."""

    ORIGINAL = "original"
    CERTIFIED_COPY = "certified_copy"

    @property
    def label(self) -> str:
        return _POA_LABELS[self]


_POA_LABELS = {
    PowerOfAttorneyForm.ORIGINAL: "Oryginał",
    PowerOfAttorneyForm.CERTIFIED_COPY: "Urzędowo poświadczony odpis",
}


class StampDutyPayment(StrEnum):
    """How the stamp duty on a power of attorney was paid."""

    CASH_DESK = "cash_desk"
    TRANSFER = "transfer"
    POSTAL_ORDER = "postal_order"

    @property
    def label(self) -> str:
        return _PAYMENT_LABELS[self]


_PAYMENT_LABELS = {
    StampDutyPayment.CASH_DESK: "W kasie urzędu",
    StampDutyPayment.TRANSFER: "Przelewem",
    StampDutyPayment.POSTAL_ORDER: "Przekazem pocztowym",
}


@dataclass(frozen=True)
class StampDutyExemption:
    """The proposed exemption, the clerk's override (None: none) and the outcome."""

    proposed: bool
    override: bool | None
    reason: str

    @property
    def exempt(self) -> bool:
        return self.proposed if self.override is None else self.override

    @property
    def overridden(self) -> bool:
        return self.override is not None and self.override != self.proposed


def proposed_exemption(relation: ProxyRelation | None, principal_exempt: bool) -> bool:
    """Exempt when the principal is, or the proxy is a spouse, ascendant, descendant or
    sibling; an unknown relation is not exempt."""
    if principal_exempt:
        return True
    return relation is not None and relation.stamp_duty_exempt


def stamp_duty_exemption(relation: ProxyRelation | None, principal_exempt: bool,
                         override: bool | None, reason: str) -> StampDutyExemption:
    """The exemption of a power of attorney as proposed and as the clerk decided it."""
    proposed = proposed_exemption(relation, principal_exempt)
    kept = None if override is None or override == proposed else override
    return StampDutyExemption(proposed, kept, reason.strip() if kept is not None else "")
