"""Plain records of the case register (*spis spraw*) and the incoming-mail register.

Services fill them (``clerk_app.services.registers``); ``clerk_app.documents`` renders them
(PDF, XLSX) and the register dialog shows them, none of them reading the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class CaseRegisterRow:
    """One case of a *spis spraw*: the office manual's columns."""

    number: int  # the case number within unit, class and year ("l.p.")
    signature: str
    subject: str
    sender: str  # from whom the case came (the opening item's sender)
    sender_reference: str
    sender_reference_date: date | None
    opened_on: date
    settled_on: date | None
    remarks: str  # how it was settled, with the clerk's remarks


@dataclass(frozen=True)
class CaseRegister:
    """The case register of one organisational unit, JRWA class and year."""

    unit: str
    jrwa_class: str
    year: int
    generated_at: datetime  # office time
    generated_by: str
    rows: tuple[CaseRegisterRow, ...]

    @property
    def symbol(self) -> str:
        """The register's file symbol, e.g. ``ZGM.0143``."""
        return f"{self.unit}.{self.jrwa_class}"

    @property
    def settled_count(self) -> int:
        return sum(1 for row in self.rows if row.settled_on is not None)


@dataclass(frozen=True, slots=True)
class IncomingRegisterRow:
    """One entry of the incoming-mail register."""

    number: int  # the register number within the year
    entry_number: str  # e.g. ``17/2026``
    received_on: date  # office date
    sender: str
    sender_reference: str
    sender_reference_date: date | None
    subject: str
    attachments: int
    assigned_to: str  # the user's full name, or ""
    remarks: str  # the entry's remarks and the case it went to


@dataclass(frozen=True)
class IncomingRegister:
    """The incoming-mail register of one year."""

    year: int
    generated_at: datetime  # office time
    generated_by: str
    rows: tuple[IncomingRegisterRow, ...]


@dataclass(frozen=True)
class RegisterChoices:
    """What the register dialog offers: unit and class pairs, and years with entries."""

    classes: tuple[tuple[str, str], ...]  # (unit, JRWA class), settings' first
    case_years: tuple[int, ...]  # newest first
    incoming_years: tuple[int, ...]  # newest first


def _joined(parts: list[str]) -> str:
    """Parts joined by "; ", or by a space after a part that ends its own sentence."""
    text = ""
    for part in (p.strip() for p in parts):
        if part:
            text = part if not text else \
                f"{text}{' ' if text.endswith(('.', ';', ':', '!', '?')) else '; '}{part}"
    return text


def case_remarks(settlement_label: str | None, remarks: str) -> str:
    """The register's remarks column: how the case was settled, then the clerk's words.

    Services write remarks that often begin with the settlement itself ("Odmowa … (L… z
    dnia …)", "Zgoda; umowa …"); that beginning is not printed twice.
    """
    remarks = remarks.strip()
    if not settlement_label or not remarks:
        return settlement_label or remarks
    if remarks.casefold().startswith(settlement_label.casefold()):
        return remarks
    head = settlement_label.split(";")[0]
    if ";" in settlement_label and remarks.casefold().startswith(f"{head};".casefold()):
        remarks = remarks[len(head) + 1:]
    return _joined([settlement_label, remarks])


def incoming_remarks(remarks: str, signature: str | None) -> str:
    """The incoming register's remarks column: the entry's remarks and the case it joined."""
    return _joined([remarks, f"Sprawa {signature}" if signature else ""])
