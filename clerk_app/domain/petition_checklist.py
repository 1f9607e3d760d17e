"""Completeness of a deposit-instalment petition, item by item, from what is recorded.

Each item is present, missing or not applicable: the power of attorney only where a proxy
acts, the proof of stamp duty only where a proxy acts and no exemption applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class ItemState(StrEnum):
    PRESENT = "present"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    ItemState.PRESENT: "Jest",
    ItemState.MISSING: "Brak",
    ItemState.NOT_APPLICABLE: "Nie dotyczy",
}


class PetitionItem(StrEnum):
    PETITION_SIGNED = "petition_signed"
    PROPERTY_STATEMENT = "property_statement"
    POWER_OF_ATTORNEY = "power_of_attorney"
    STAMP_DUTY = "stamp_duty"
    RENT = "rent"

    @property
    def label(self) -> str:
        return _ITEM_LABELS[self]


_ITEM_LABELS = {
    PetitionItem.PETITION_SIGNED: "Podpisana prośba o rozłożenie kaucji na raty",
    PetitionItem.PROPERTY_STATEMENT: "Podpisane oświadczenie o stanie majątkowym",
    PetitionItem.POWER_OF_ATTORNEY:
        "Pełnomocnictwo (oryginał lub urzędowo poświadczony odpis)",
    PetitionItem.STAMP_DUTY: "Dowód zapłaty opłaty skarbowej od pełnomocnictwa (17 zł)",
    PetitionItem.RENT: "Wysokość miesięcznego czynszu",
}


@dataclass(frozen=True)
class PetitionRecord:
    """What is recorded about a petition and its attachments.

    The property statement counts as present when a signed statement was filed on paper
    (``statement_on_paper``) or the statement entered in the editor (``statement_present``)
    has its signing date (``statement_signed``).
    """

    signed: bool
    statement_present: bool
    statement_signed: bool
    by_proxy: bool
    power_of_attorney: bool
    stamp_duty_exempt: bool
    stamp_duty_paid: bool
    monthly_rent: Decimal | None
    statement_on_paper: bool = False


@dataclass(frozen=True)
class ChecklistLine:
    item: PetitionItem
    state: ItemState

    @property
    def label(self) -> str:
        return self.item.label


def _state(present: bool) -> ItemState:
    return ItemState.PRESENT if present else ItemState.MISSING


def petition_checklist(record: PetitionRecord) -> tuple[ChecklistLine, ...]:
    """Every item of the petition's checklist with its state, in a fixed order."""
    na = ItemState.NOT_APPLICABLE
    power = _state(record.power_of_attorney) if record.by_proxy else na
    duty = (_state(record.stamp_duty_paid)
            if record.by_proxy and not record.stamp_duty_exempt else na)
    rent_known = record.monthly_rent is not None and record.monthly_rent > 0
    return (
        ChecklistLine(PetitionItem.PETITION_SIGNED, _state(record.signed)),
        ChecklistLine(PetitionItem.PROPERTY_STATEMENT,
                      _state(record.statement_on_paper
                             or (record.statement_present and record.statement_signed))),
        ChecklistLine(PetitionItem.POWER_OF_ATTORNEY, power),
        ChecklistLine(PetitionItem.STAMP_DUTY, duty),
        ChecklistLine(PetitionItem.RENT, _state(rent_known)),
    )


def is_complete(lines: tuple[ChecklistLine, ...]) -> bool:
    """True when no item of the checklist is missing."""
    return not missing(lines)


def missing(lines: tuple[ChecklistLine, ...]) -> list[PetitionItem]:
    """The items of a checklist that are missing."""
    return [line.item for line in lines if line.state is ItemState.MISSING]
