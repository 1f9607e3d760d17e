"""The header of a demo letter, by the rules of ``clerk_app.services.letters.issue``: the same
sender lines, return address, place and date, addressee block and identifier.

The parts that depend only on the settings and the case kind are worked out once per load.
"""

from __future__ import annotations

from datetime import date

from clerk_app.demo.rows import Row
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.letter_texts import LetterHeader
from clerk_app.domain.text import format_date_pl
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.letters.issue import (
    PLACE,
    letter_identifier,
    sender_lines,
)
from clerk_app.services.letters.issue import (
    _return_address as return_address,
)

__all__ = ["HeaderRules", "letter_identifier"]

_STREET_PREFIXES = ("ul.", "al.", "pl.", "os.", "aleja", "plac", "osiedle", "rondo")


def applicant_address(case: Row) -> tuple[str, ...]:
    """Street line and postal line of a case row's applicant, as
    :func:`clerk_app.services.letters.addressee.applicant_address_lines` gives them."""
    street = (case["street"] or "").strip()
    if street and not street.lower().startswith(_STREET_PREFIXES):
        street = f"ul. {street}"
    number = case["building"] + (f"/{case['flat']}" if case["flat"] else "")
    lines = [f"{street} {number}".strip(), f"{case['postal_code']} {case['city']}".strip()]
    return tuple(line for line in lines if line)


def applicant_lines(case: Row) -> tuple[str, ...]:
    """The addressee block of a case row's applicant (no proxy acts), as
    :func:`clerk_app.services.letters.addressee.case_addressee_lines` gives it."""
    name = f"{case['applicant_first_name']} {case['applicant_last_name']}".strip()
    return tuple(line for line in (name, *applicant_address(case)) if line)


class HeaderRules:
    """Builds :class:`LetterHeader` values for demo letters of one office."""

    def __init__(self, settings: OfficeSettings) -> None:
        self.settings = settings
        self._sender = {kind: sender_lines(settings, kind) for kind in CaseKind}
        self._return = {kind: return_address(settings, kind) for kind in CaseKind}
        self._place: dict[date, str] = {}

    def place_and_date(self, dated_on: date) -> str:
        text = self._place.get(dated_on)
        if text is None:
            text = self._place[dated_on] = f"{PLACE}, {format_date_pl(dated_on)}"
        return text

    def header(self, kind: CaseKind, identifier: str, dated_on: date, signature: str,
               addressee: tuple[str, ...], handled_by: str, title: str) -> LetterHeader:
        """The header of a letter of a ``kind`` case, dated ``dated_on``."""
        return LetterHeader(
            identifier=identifier, sender_lines=self._sender[kind],
            return_address=self._return[kind], place_and_date=self.place_and_date(dated_on),
            case_signature=signature, addressee_lines=addressee, handled_by=handled_by,
            title=title)
