"""What the office holds about one person (RODO art. 15): plain records for the PDF, and the
rule that decides whether a stored name is the person's name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from clerk_app.domain.text import fold_for_search


class HeldKind(StrEnum):
    """The kind of record that holds the person's data."""

    CASE = "case"
    INCOMING = "incoming"
    LETTER = "letter"
    STATEMENT = "statement"
    LEGACY_ACCOUNT = "legacy_account"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    HeldKind.CASE: "Sprawa",
    HeldKind.INCOMING: "Przesyłka wpływająca",
    HeldKind.LETTER: "Pismo wychodzące",
    HeldKind.STATEMENT: "Oświadczenie o stanie majątkowym",
    HeldKind.LEGACY_ACCOUNT: "Konto w Portalu Mieszkańców / e-Faktura",
}


@dataclass(frozen=True)
class HeldRecord:
    """One record holding the person's data: what it is, as whom, which data, since when."""

    kind: HeldKind
    reference: str  # case signature, entry number, letter identifier, contractor number
    capacity: str  # "wnioskodawca", "pełnomocnik", "nadawca", "adresat", …
    data: str  # the categories of data held, e.g. "imię i nazwisko, PESEL, adres"
    dated_on: date | None
    case_signature: str = ""


@dataclass(frozen=True)
class AccessRecord:
    """Someone viewed or changed a record holding the person's data."""

    at: datetime
    username: str
    full_name: str
    reference: str  # the case signature or the record it concerns
    action: str  # in Polish


@dataclass(frozen=True)
class SubjectAccessReport:
    """The answer to one request: every record and every access, oldest first."""

    request_id: str
    search_label: str  # as the PDF shows it: a masked PESEL or the name searched for
    prepared_at: datetime
    prepared_by: str
    records: tuple[HeldRecord, ...]
    accesses: tuple[AccessRecord, ...]

    @property
    def case_count(self) -> int:
        return sum(1 for r in self.records if r.kind is HeldKind.CASE)


def name_words(text: str) -> frozenset[str]:
    """The folded words of a name ("Żółkiewski  Józef" → {"zolkiewski", "jozef"})."""
    return frozenset(fold_for_search(text.replace(",", " ")).split())


_POLISH = str.maketrans("ąćęłńóśźż", "acelnoszz")


def name_matches(wanted: frozenset[str], stored: str | None) -> bool:
    """True when every word of the wanted name is a word of the stored text, in any order
    and regardless of case and Polish letters (an addressee's lines, a sender's name).

    A text that is plain ASCII once Polish letters are replaced, and lacks one of the words
    even as a substring, is told apart without folding it (the common case, ten times
    cheaper, for a search that streams every sender and addressee)."""
    if not wanted or stored is None:
        return False
    quick = stored.lower().translate(_POLISH)
    if quick.isascii() and not all(word in quick for word in wanted):
        return False
    return wanted <= name_words(stored)


def mask_pesel(pesel: str) -> str:
    """A PESEL as a report or an audit row may show it: the last four digits only."""
    return "•" * 7 + pesel[-4:]
