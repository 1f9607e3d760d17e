"""The records of the IOK hand-over files: a line for the IOK administrator, a line of the
administrator's result, and how their columns and dates are read (pure; no file I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HANDOVER_HEADERS = ("Znak sprawy", "Nr kontrahenta", "Nazwa", "Lokal", "E-mail",
                    "E-faktura")
# Column names of the result file, folded (lower case, no spaces or underscores).
NUMBER_HEADERS = frozenset({"nrkontrahenta", "numerkontrahenta", "kontrahent"})
CREATED_HEADERS = frozenset({"datautworzenia", "kontoutworzone", "datautworzeniakonta",
                             "utworzono", "kontoutworzonednia"})
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PL = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass(frozen=True)
class HandoverRow:
    """One line of the hand-over file for the IOK administrator (never a password)."""

    case_id: int
    signature: str
    contractor_number: str
    name: str
    premises: str
    email: str
    e_invoice_consent: bool

    def cells(self) -> tuple[str, ...]:
        return (self.signature, self.contractor_number, self.name, self.premises,
                self.email, "tak" if self.e_invoice_consent else "nie")


@dataclass(frozen=True)
class ResultLine:
    """One line of the administrator's result file: contractor number → created on."""

    line: int
    contractor_number: str
    created_on: date | None
    problem: str = ""  # what the reader could not understand (Polish)


def fold_header(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", (text or "").strip().lower())


def parse_day(text: str) -> date | None:
    """``2026-03-05`` or ``5.03.2026``; None when it is neither or no real date."""
    text = (text or "").strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _PL.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def result_line(line: int, number: object, created: object) -> ResultLine:
    """A result line from its two cells (text, or a date from a spreadsheet)."""
    contractor = str(number or "").strip()
    if contractor.endswith(".0") and contractor[:-2].isdigit():
        contractor = contractor[:-2]  # a number cell read as a float
    if not contractor:
        return ResultLine(line, "", None, "brak numeru kontrahenta")
    if isinstance(created, date):
        return ResultLine(line, contractor, created)
    day = parse_day(str(created or ""))
    if day is None:
        return ResultLine(line, contractor, None,
                          f"nieczytelna data utworzenia konta „{created or ''}”")
    return ResultLine(line, contractor, day)
