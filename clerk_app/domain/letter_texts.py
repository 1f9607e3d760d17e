"""What outgoing letters say: header, body and the legal wording of each letter kind.

Pure data and text (no PDF): services compose a letter from a case and the settings and store
it as JSON; ``clerk_app.documents.letters`` renders it. Body texts may use ``<b>…</b>`` for
emphasis; everything else is plain text. To add a letter kind (consent, refusal, agreement
cover letter), add a content dataclass and a builder returning a :class:`LetterBody`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.text import format_date_pl, polish_plural

KPA = "ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego"
DEFAULT_AUTHORITY = "Prezydenta Miasta Piekary Śląskie"
DEFAULT_THROUGH = ("Biura Gospodarki Mieszkaniowej (ul. Bytomska 92, pok. 109, "
                   "41-940 Piekary Śląskie)")
_PETITION = {
    CaseKind.DEPOSIT: ("prośbą o rozłożenie kaucji zabezpieczającej na raty", "złożoną",
                       "prośby", "prośba o rozłożenie kaucji zabezpieczającej na raty",
                       "złożona"),
    CaseKind.IOK: ("wnioskiem o utworzenie konta IOK", "złożonym", "wniosku",
                   "wniosek o utworzenie konta IOK", "złożony"),
}


@dataclass(frozen=True)
class LetterHeader:
    """The fixed parts of a letter's first page (everything but the body)."""

    identifier: str
    sender_lines: tuple[str, ...]
    return_address: str
    place_and_date: str
    case_signature: str
    addressee_lines: tuple[str, ...]
    handled_by: str
    title: str


@dataclass(frozen=True)
class EnvelopeLabel:
    """What goes on a self-adhesive envelope label (100 × 50 mm)."""

    identifier: str
    return_address: str
    addressee_lines: tuple[str, ...]
    case_signature: str


@dataclass(frozen=True)
class LetterBody:
    """What the letter says, below the address field."""

    subject: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...] = ()
    after_items: tuple[str, ...] = ()
    legal_basis: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    copies: tuple[str, ...] = ("Adresat", "a/a")


@dataclass(frozen=True)
class SummonsContent:
    """Wezwanie do usunięcia braków formalnych (KPA art. 64 § 2)."""

    case_kind: CaseKind
    received_on: date
    missing: tuple[str, ...]
    days: int = 7
    where_to_file: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    legal_basis: str = "art. 64 § 2 Kodeksu postępowania administracyjnego"


@dataclass(frozen=True)
class DelayNoticeContent:
    """Zawiadomienie o niezałatwieniu sprawy w terminie, with a new date (KPA art. 36)."""

    case_kind: CaseKind
    received_on: date
    original_due: date | None
    new_due: date
    reason: str
    signatory_name: str = ""
    signatory_title: str = ""
    extra: tuple[str, ...] = field(default_factory=tuple)
    legal_basis: str = "art. 36 § 1 Kodeksu postępowania administracyjnego"
    authority: str = DEFAULT_AUTHORITY  # where a ponaglenie goes (genitive)
    through: str = DEFAULT_THROUGH  # through whom it is filed (genitive)


def summons_body(c: SummonsContent) -> LetterBody:
    """Summons to remove formal deficiencies within ``days`` days of delivery."""
    with_phrase, filed, of_phrase, _subject, _filed_nom = _PETITION[c.case_kind]
    days = f"{c.days} {polish_plural(c.days, 'dnia', 'dni', 'dni')}"
    paragraphs = (
        f"W związku z {with_phrase}, {filed} dnia {format_date_pl(c.received_on)}, "
        f"na podstawie art. 64 § 2 {KPA} wzywa się do usunięcia następujących braków "
        f"formalnych w terminie <b>{days} od dnia doręczenia niniejszego wezwania</b>:",
    )
    after = [
        f"Nieusunięcie braków w wyznaczonym terminie spowoduje <b>pozostawienie {of_phrase} "
        "bez rozpoznania</b>.",
        "Termin liczy się od dnia następującego po dniu doręczenia wezwania (art. 57 § 1 "
        "k.p.a.). Jeżeli koniec terminu przypada na sobotę lub dzień ustawowo wolny od "
        "pracy, termin upływa następnego dnia, który nie jest sobotą ani dniem wolnym "
        "(art. 57 § 4 k.p.a.).",
    ]
    if c.where_to_file:
        after.append(c.where_to_file)
    return LetterBody(
        subject="Wezwanie do usunięcia braków formalnych",
        paragraphs=paragraphs, items=c.missing, after_items=tuple(after),
        legal_basis=c.legal_basis,
        signatory_name=c.signatory_name, signatory_title=c.signatory_title,
    )


def delay_notice_body(c: DelayNoticeContent) -> LetterBody:
    """Notice that the case will not be settled on time, with the reason, a new date and
    the instruction on the right to a ponaglenie (art. 37)."""
    _with, _filed, _of, subject_phrase, filed_nom = _PETITION[c.case_kind]
    original = (f" w terminie do dnia {format_date_pl(c.original_due)}"
                if c.original_due else " w terminie")
    paragraphs = (
        f"Na podstawie art. 36 § 1 {KPA} zawiadamia się, że {subject_phrase}, {filed_nom} "
        f"dnia {format_date_pl(c.received_on)}, nie zostanie rozpatrzon"
        f"{'a' if c.case_kind is CaseKind.DEPOSIT else 'y'}{original}.",
        f"Przyczyna zwłoki: {c.reason}",
        f"Nowy termin załatwienia sprawy: <b>{format_date_pl(c.new_due)}</b>.",
        *c.extra,
    )
    return LetterBody(
        subject="Zawiadomienie o niezałatwieniu sprawy w terminie",
        paragraphs=paragraphs, legal_basis=c.legal_basis,
        after_items=(ponaglenie_instruction(c.authority, c.through),),
        signatory_name=c.signatory_name, signatory_title=c.signatory_title,
    )


def ponaglenie_instruction(authority: str = DEFAULT_AUTHORITY,
                           through: str = DEFAULT_THROUGH) -> str:
    """The instruction on the right to a ponaglenie (KPA art. 37) a delay notice carries."""
    return ("<b>Pouczenie:</b> na podstawie art. 37 § 1 k.p.a. stronie służy prawo do "
            "wniesienia ponaglenia, jeżeli sprawa nie zostanie załatwiona w terminie "
            "(bezczynność) lub postępowanie jest prowadzone dłużej, niż jest to niezbędne "
            f"do jej załatwienia (przewlekłość). Ponaglenie wnosi się do {authority} za "
            f"pośrednictwem {through} (art. 37 § 4 k.p.a.); ponaglenie zawiera uzasadnienie.")


@dataclass(frozen=True)
class LetterDocument:
    """A whole letter: first-page header and body, as issued (stored with the letter)."""

    header: LetterHeader
    body: LetterBody

    def to_json(self) -> dict[str, Any]:
        return {"header": dataclasses.asdict(self.header), "body": dataclasses.asdict(self.body)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LetterDocument:
        def tuples(values: dict[str, Any]) -> dict[str, Any]:
            return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}

        return cls(LetterHeader(**tuples(data["header"])), LetterBody(**tuples(data["body"])))

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)
