"""Outgoing letters: content builders per letter kind and the PDF renderer.

A letter is a :class:`LetterHeader` (sender, addressee, signature, identifier) and a
:class:`LetterBody` (subject, paragraphs, enumerated items, legal basis, signatory). Each
letter kind has a builder that turns its own content dataclass into a ``LetterBody``; to add
a letter (consent, refusal, agreement cover letter), add a content dataclass and a builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.letter_layout import (
    EnvelopeLabel,
    LetterHeader,
    render_envelope_label,
    render_letter_pdf,
)
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.text import format_date_pl, polish_plural

__all__ = [
    "DelayNoticeContent", "EnvelopeLabel", "LetterBody", "LetterHeader", "SummonsContent",
    "delay_notice_body", "render_envelope_label", "render_letter", "summons_body",
]

KPA = "ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego"
_PETITION = {
    CaseKind.DEPOSIT: ("prośbą o rozłożenie kaucji zabezpieczającej na raty", "złożoną",
                       "prośby", "prośba o rozłożenie kaucji zabezpieczającej na raty",
                       "złożona"),
    CaseKind.IOK: ("wnioskiem o utworzenie konta IOK", "złożonym", "wniosku",
                   "wniosek o utworzenie konta IOK", "złożony"),
}


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
        legal_basis="art. 64 § 2 Kodeksu postępowania administracyjnego",
        signatory_name=c.signatory_name, signatory_title=c.signatory_title,
    )


def delay_notice_body(c: DelayNoticeContent) -> LetterBody:
    """Notice that the case will not be settled on time, with the reason and a new date."""
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
        paragraphs=paragraphs, legal_basis="art. 36 § 1 Kodeksu postępowania administracyjnego",
        signatory_name=c.signatory_name, signatory_title=c.signatory_title,
    )


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT_REGULAR, fontSize=10.5, leading=14.5,
                          alignment=TA_JUSTIFY, spaceAfter=2.5 * mm)
    return {
        "subject": ParagraphStyle("subject", parent=body, fontName=FONT_BOLD, fontSize=12,
                                  leading=15, alignment=TA_LEFT, spaceAfter=5 * mm),
        "body": body,
        "item": ParagraphStyle("item", parent=body, leftIndent=9 * mm, bulletIndent=3 * mm,
                               spaceAfter=1.2 * mm),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11,
                                alignment=TA_LEFT, spaceAfter=0),
        "sign": ParagraphStyle("sign", parent=body, alignment=TA_LEFT, leftIndent=82 * mm,
                               spaceAfter=0, fontSize=10, leading=13),
    }


def _markup(text: str) -> str:
    """Escape user text but keep the builders' own <b>…</b> emphasis."""
    return escape(text).replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>")


def body_story(body: LetterBody) -> list[Flowable]:
    """Platypus flowables for a letter body (subject to the copies list)."""
    st = _styles()
    story: list[Flowable] = [Paragraph(escape(body.subject), st["subject"])]
    story += [Paragraph(_markup(p), st["body"]) for p in body.paragraphs]
    for number, item in enumerate(body.items, start=1):
        story.append(Paragraph(escape(item), st["item"], bulletText=f"{number}."))
    if body.items:
        story.append(Spacer(0, 2 * mm))
    story += [Paragraph(_markup(p), st["body"]) for p in body.after_items]
    if body.legal_basis:
        story.append(Paragraph(f"Podstawa prawna: {escape(body.legal_basis)}.", st["small"]))
    signature = [Spacer(0, 14 * mm),
                 Paragraph("." * 48, st["sign"]),
                 Paragraph(escape(body.signatory_name) or "&nbsp;", st["sign"]),
                 Paragraph(escape(body.signatory_title), st["sign"])]
    story.append(KeepTogether(signature))
    if body.copies:
        copies = [Spacer(0, 10 * mm), Paragraph("Otrzymują:", st["small"])]
        copies += [Paragraph(f"{n}. {escape(c)}", st["small"])
                   for n, c in enumerate(body.copies, start=1)]
        story.append(KeepTogether(copies))
    return story


def render_letter(header: LetterHeader, body: LetterBody) -> bytes:
    """The complete letter as PDF bytes (A4, DejaVu fonts, barcode of the identifier)."""
    return render_letter_pdf(header, body_story(body))
