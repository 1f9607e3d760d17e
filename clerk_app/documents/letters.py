"""Rendering outgoing letters to PDF (A4, DejaVu fonts, Code 128 barcode of the identifier).

What a letter says is composed in ``clerk_app.domain.letter_texts``; this module only lays it
out: :func:`render_letter` for a :class:`LetterDocument`, :func:`render_envelope_label` for its
envelope label.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.letter_layout import render_envelope_label, render_letter_pdf
from clerk_app.domain.letter_texts import LetterBody, LetterDocument

__all__ = ["body_story", "render_envelope_label", "render_letter"]


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT_REGULAR, bulletFontName=FONT_REGULAR,
                          fontSize=10.5, leading=14.5, alignment=TA_JUSTIFY,
                          spaceAfter=2.5 * mm)
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
        label = "Podstawa prawna" if "art." in body.legal_basis else "Podstawa"
        story.append(Paragraph(f"{label}: {escape(body.legal_basis)}.", st["small"]))
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


def render_letter(document: LetterDocument) -> bytes:
    """The complete letter as PDF bytes (A4, DejaVu fonts, barcode of the identifier)."""
    return render_letter_pdf(document.header, body_story(document.body))
