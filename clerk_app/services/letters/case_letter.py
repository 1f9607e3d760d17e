"""The parts every letter of a case shares: its identifier, the letterhead (ZGM for IOK,
the BGM for deposits), the return address above the window, storing it with its kept PDF.

Each letter gets an identifier ``L`` + year + 6-digit number from the gapless ``letter``
sequence (e.g. ``L2026000017``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import LetterBody, LetterDocument, LetterHeader
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, DepositPetition, Letter
from clerk_app.services.admin.settings import (
    LetterTexts,
    OfficeSettings,
    read_letter_texts,
    read_settings,
)
from clerk_app.services.core.numbering import next_number
from clerk_app.services.core.unit_of_work import Work
from clerk_app.services.deadlines.actions import office_today
from clerk_app.services.letters.addressee import (
    address_parts,
    addressee_of,
    case_addressee_lines,
)
from clerk_app.services.letters.records import keep_rendered
from clerk_app.services.letters.types import LetterResult

LETTER_SCOPE = "letter"
PLACE = "Piekary Śląskie"
MISSING_FIELD = "missing"


def letter_identifier(year: int, number: int) -> str:
    return f"L{year}{number:06d}"


def normalise_identifier(text: str) -> str:
    """What a scanner or a person typed, as stored: no spaces, upper case."""
    return re.sub(r"\s+", "", text or "").upper()


def addressee_lines(case: Case, petition: DepositPetition | None = None) -> tuple[str, ...]:
    """The addressee block: the proxy (with the principal named) where one acts, otherwise
    the applicant (KPA art. 40 § 2)."""
    return case_addressee_lines(case, petition)


def sender_lines(settings: OfficeSettings, kind: CaseKind) -> tuple[str, ...]:
    """The letterhead: ZGM (with its phones) writes IOK letters, the BGM deposit ones."""
    if kind is CaseKind.IOK:
        phones = (f"tel. {settings.zgm_phones.strip()}",) if settings.zgm_phones.strip() \
            else ()
        return (settings.zgm_name, *address_parts(settings.zgm_address), *phones)
    return (settings.city_office_name, settings.bgm_name,
            *address_parts(settings.bgm_address))


def return_address(settings: OfficeSettings, kind: CaseKind) -> str:
    """One short line above the address window (rooms dropped: the post does not need them).
    ZGM's goes by its short name: the full name would not fit above the window."""
    address = settings.zgm_address if kind is CaseKind.IOK else settings.bgm_address
    parts = [p.strip() for p in address.split(",") if not p.strip().lower().startswith("pok")]
    if kind is CaseKind.IOK:
        return f"{settings.iok_unit}, {', '.join(parts)}"
    return f"{settings.city_office_name} – {settings.deposit_unit}, {', '.join(parts)}"


_return_address = return_address  # the demo's letter header still imports the old name


def _header(work: Work, case: Case, identifier: str, dated_on: date,
            title: str) -> tuple[LetterHeader, OfficeSettings]:
    settings = read_settings(work.session)
    kind = CaseKind(case.kind)
    actor = work.actor
    handled_by = actor.full_name if actor else "clerk-app"
    header = LetterHeader(
        identifier=identifier, sender_lines=sender_lines(settings, kind),
        return_address=return_address(settings, kind),
        place_and_date=f"{PLACE}, {format_date_pl(dated_on)}",
        case_signature=case.signature, addressee_lines=addressee_of(work.session, case),
        handled_by=handled_by, title=title)
    return header, settings


def _store(work: Work, case: Case, kind: LetterKind, header: LetterHeader, body: LetterBody,
           dated_on: date, extra: dict[str, object]) -> Letter:
    document = LetterDocument(header, body)
    letter = Letter(
        identifier=header.identifier, case_id=case.id, kind=kind.value,
        addressee="\n".join(header.addressee_lines), dated_on=dated_on, created_at=work.now,
        created_by_id=work.actor.user_id if work.actor else None, delivery_method="post",
        delivery_status="pending",
        extra=json.dumps({**extra, "document": document.to_json()}, ensure_ascii=False))
    work.session.add(letter)
    work.audit_new(letter, "issue", case_id=case.id)
    keep_rendered(work, letter, document)
    return letter


def _new_identifier(work: Work, dated_on: date) -> str:
    return letter_identifier(dated_on.year,
                             next_number(work.session, LETTER_SCOPE, dated_on.year))


def new_letter_identifier(work: Work, dated_on: date) -> str:
    """The next letter identifier (``L`` + year + number), inside the caller's transaction."""
    return _new_identifier(work, dated_on)


def issue_case_letter(work: Work, case: Case, kind: LetterKind,
                      compose: Callable[[OfficeSettings, LetterTexts], LetterBody],
                      extra: dict[str, object]) -> tuple[Letter, LetterResult]:
    """Inside an open unit of work: a new identifier, the header (to the proxy where one
    acts), the body ``compose`` writes from the settings; the letter is stored, audited and
    its PDF kept when the context renders. ``compose`` gets the office settings and the
    letter texts (legal bases, remedies)."""
    today = office_today(work)
    identifier = _new_identifier(work, today)
    header, settings = _header(work, case, identifier, today, kind.label)
    body = compose(settings, read_letter_texts(work.session))
    letter = _store(work, case, kind, header, body, today, extra)
    return letter, LetterResult(letter.id, letter.identifier, case.id, kind,
                                stored_document(letter), letter.version)


def stored_document(letter: Letter) -> LetterDocument:
    """The letter exactly as issued."""
    return LetterDocument.from_json(json.loads(letter.extra)["document"])


