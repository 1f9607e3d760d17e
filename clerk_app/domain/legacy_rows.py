"""Rows of a Portal Mieszkańców / e-Faktura export: parsing, checks and classification
(issue 10, point 7). Pure: the text and "today" are passed in.

A row is *rejected* (not stored; reported with its line and a Polish reason) when it has no
contractor number, an unreadable or future date, an unreadable tak/nie value, or repeats an
earlier row's contractor number with different data (an identical repeat is no error). A
malformed e-mail is no rejection: the account simply has no valid e-mail and so needs
consent (the office asks for an address).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from clerk_app.domain.errors import FieldError
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.validators import validate_email

COLUMNS = ("nr_kontrahenta", "nazwa", "ulica", "nr_budynku", "nr_lokalu", "email",
           "data_utworzenia", "data_deklaracji_email", "e_faktura", "aktywne")
OPTIONAL_COLUMNS = frozenset({"ulica", "nr_budynku", "nr_lokalu", "data_deklaracji_email"})
CONSENT_CUTOFF = date(2018, 1, 1)  # accounts created earlier always need consent
_YES = frozenset({"tak", "t", "1", "true", "yes", "y"})
_NO = frozenset({"nie", "n", "0", "false", "no", ""})


class LegacyFileError(Exception):
    """The file as a whole cannot be read (encoding, no header, missing columns)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LegacyRecord:
    """One good row, cleaned: what ``legacy_accounts`` stores of it."""

    contractor_number: str
    name: str
    street: str
    building: str
    flat: str
    email: str | None  # only a valid address, normalised
    created_on: date
    email_declared_on: date | None
    e_invoice: bool
    active: bool

    @property
    def account_class(self) -> LegacyClass:
        return classify(self.active, self.created_on, self.email)


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


@dataclass
class LegacyParse:
    """The outcome of reading a file: good records (one per contractor), rows by class."""

    records: list[LegacyRecord] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    counts: dict[LegacyClass, int] = field(
        default_factory=lambda: dict.fromkeys(LegacyClass, 0))


def classify(active: bool, created_on: date, email: str | None) -> LegacyClass:
    """The issue's rules: inactive → skipped; before 2018 → needs consent; from 2018 with a
    valid e-mail → migrate; without one → needs consent."""
    if not active:
        return LegacyClass.SKIPPED
    if created_on < CONSENT_CUTOFF or not email:
        return LegacyClass.NEEDS_CONSENT
    return LegacyClass.MIGRATE


def class_after_update(new: LegacyClass, answered: bool) -> LegacyClass:
    """A later file may change the class, but an account already answered stays migrate."""
    return LegacyClass.MIGRATE if answered else new


def decode_export(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes strictly, else Windows-1250."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1250")
        except UnicodeDecodeError:
            raise LegacyFileError("nie można odczytać pliku: nieznane kodowanie znaków "
                                  "(oczekiwano UTF-8 albo Windows-1250).") from None


def csv_lines(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a CSV text, the header first; ``;`` or ``,`` as Polish Excel
    writes it (decided from the header line)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def parse_date(text: str, today: date) -> date:
    """``YYYY-MM-DD`` or ``DD.MM.YYYY`` not after ``today``; ValueError with a Polish text."""
    value = text.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            parsed = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if parsed > today:
            raise ValueError(f"data z przyszłości „{value}”")
        return parsed
    raise ValueError(f"nieczytelna data „{value}”")


def _flag(text: str, column: str) -> bool:
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(f"nieprawidłowa wartość „{text.strip()}” w kolumnie {column} (tak/nie)")


def _column_index(header: Sequence[str]) -> dict[str, int]:
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    index = {name: names.index(name) for name in COLUMNS if name in names}
    missing = [c for c in COLUMNS if c not in index and c not in OPTIONAL_COLUMNS]
    if missing:
        raise LegacyFileError("w pierwszym wierszu pliku brak kolumn: " + ", ".join(missing)
                              + f" (oczekiwane nagłówki: {', '.join(COLUMNS)}).")
    return index


def parse_row(cells: dict[str, str], today: date) -> LegacyRecord:
    """A record from one row's cells by column name; ValueError with the Polish reason."""
    number = cells.get("nr_kontrahenta", "").strip()
    if not number:
        raise ValueError("brak numeru kontrahenta")
    created_text = cells.get("data_utworzenia", "").strip()
    if not created_text:
        raise ValueError("brak daty utworzenia konta")
    created = parse_date(created_text, today)
    declared_text = cells.get("data_deklaracji_email", "").strip()
    declared = parse_date(declared_text, today) if declared_text else None
    email: str | None = None
    raw_email = cells.get("email", "").strip()
    if raw_email:
        try:
            email = validate_email(raw_email)
        except FieldError:
            email = None  # a malformed address: no valid e-mail, the account needs consent
    return LegacyRecord(
        contractor_number=number[:40], name=cells.get("nazwa", "").strip()[:200],
        street=cells.get("ulica", "").strip()[:120],
        building=cells.get("nr_budynku", "").strip()[:20],
        flat=cells.get("nr_lokalu", "").strip()[:20], email=email, created_on=created,
        email_declared_on=declared, e_invoice=_flag(cells.get("e_faktura", ""), "e_faktura"),
        active=_flag(cells.get("aktywne", ""), "aktywne"))


def parse_table(lines: Iterable[tuple[int, Sequence[str]]], today: date) -> LegacyParse:
    """Check and classify every row after the header (blank rows are ignored)."""
    rows = iter(lines)
    try:
        _, header = next(rows)
    except StopIteration:
        raise LegacyFileError("plik jest pusty (brak wiersza nagłówka).") from None
    index = _column_index(header)
    result = LegacyParse()
    seen: dict[str, tuple[int, LegacyRecord]] = {}
    for line, row in rows:
        if not any(str(c).strip() for c in row):
            continue
        cells = {name: str(row[i]) if i < len(row) else "" for name, i in index.items()}
        try:
            record = parse_row(cells, today)
        except ValueError as exc:
            result.rejected.append(RejectedRow(line, str(exc)))
            continue
        earlier = seen.get(record.contractor_number)
        if earlier is not None and earlier[1] != record:
            result.rejected.append(RejectedRow(
                line, f"numer kontrahenta {record.contractor_number} powtarza wiersz "
                      f"{earlier[0]} z innymi danymi"))
            continue
        if earlier is None:
            seen[record.contractor_number] = (line, record)
            result.records.append(record)
        result.counts[record.account_class] += 1
    return result
