"""A migration batch as one PDF: a letter page per account (ZGM header, DL window address,
the request, a return form with the account's barcode), then A4 sheets of envelope labels.

Drawn on the reportlab canvas directly (no platypus): 1,000 letters in a few seconds.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.letter_layout import draw_barcode, draw_fitted
from clerk_app.domain.legacy_letters import (
    FORM_LINES,
    FORM_TITLE,
    LEGAL_BASIS,
    SUBJECT,
    LegacyBatchDocument,
    LegacyLetter,
    paragraphs_for,
)

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 25 * mm, PAGE_W - 20 * mm
CUT_AT = 197 * mm  # from the top: the return form below it
LABEL_COLS, LABEL_ROWS = 3, 8
LABEL_W, LABEL_H = PAGE_W / LABEL_COLS, 37 * mm
LABEL_TOP = (PAGE_H - LABEL_ROWS * LABEL_H) / 2


def _y(from_top: float) -> float:
    return PAGE_H - from_top


def _lines(canvas: Canvas, x: float, top: float, lines: Sequence[str], font: str,
           size: float, leading: float) -> float:
    """Draw ``lines`` from ``top`` down; returns the distance from the top reached."""
    text = canvas.beginText(x, _y(top))
    text.setFont(font, size, leading)
    for line in lines:
        text.textLine(line)
    canvas.drawText(text)
    return top + leading * len(lines)


def _wrapped(text: str, size: float, width: float, font: str = FONT_REGULAR) -> list[str]:
    return simpleSplit(text, font, size, width)


def _letter_page(canvas: Canvas, doc: LegacyBatchDocument, letter: LegacyLetter) -> None:
    width = RIGHT - LEFT
    _lines(canvas, LEFT, 18 * mm, [doc.sender_name], FONT_BOLD, 9.5, 12)
    _lines(canvas, LEFT, 18 * mm + 12, [doc.sender_address, f"tel. {doc.sender_phones}"],
           FONT_REGULAR, 8.5, 11)
    canvas.setFont(FONT_REGULAR, 10)
    canvas.drawRightString(RIGHT, _y(18 * mm), doc.place_and_date)
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawString(LEFT, _y(40 * mm), f"Znak: {doc.reference}   Nr kontrahenta: "
                                         f"{letter.contractor_number}")
    # The return address in two lines above the window's addressee: never cut.
    draw_fitted(canvas, 25 * mm, _y(47.5 * mm), doc.sender_name, 6.5, 80 * mm)
    draw_fitted(canvas, 25 * mm, _y(50 * mm), doc.sender_address, 6.5, 80 * mm)
    canvas.setLineWidth(0.3)
    canvas.line(25 * mm, _y(51 * mm), 105 * mm, _y(51 * mm))
    _lines(canvas, 25 * mm, 58 * mm, letter.address_lines, FONT_REGULAR, 11, 14)
    canvas.setFont(FONT_REGULAR, 7)
    canvas.drawString(125 * mm, _y(50 * mm), "Kod konta (formularz zwrotny):")
    draw_barcode(canvas, letter.code, 125 * mm, _y(66 * mm), 13 * mm, 65 * mm)
    top = _lines(canvas, LEFT, 92 * mm, _wrapped(SUBJECT, 10.5, width, FONT_BOLD), FONT_BOLD,
                 10.5, 13) + 4
    for paragraph in paragraphs_for(letter):
        top = _lines(canvas, LEFT, top, _wrapped(paragraph, 9.5, width), FONT_REGULAR, 9.5,
                     12.5) + 4
    top = _lines(canvas, LEFT, top, _wrapped(LEGAL_BASIS, 7.5, width), FONT_REGULAR, 7.5, 9)
    signature = [doc.signatory_name, doc.signatory_title] if doc.signatory_name else \
        [doc.signatory_title]
    _lines(canvas, 120 * mm, max(top + 8, 172 * mm), signature, FONT_REGULAR, 9, 11)
    _return_form(canvas, doc, letter)
    for mark in (105 * mm, 210 * mm):
        canvas.line(4 * mm, _y(mark), 9 * mm, _y(mark))


def _return_form(canvas: Canvas, doc: LegacyBatchDocument, letter: LegacyLetter) -> None:
    canvas.saveState()
    canvas.setDash(3, 2)
    canvas.line(10 * mm, _y(CUT_AT), PAGE_W - 10 * mm, _y(CUT_AT))
    canvas.restoreState()
    canvas.setFont(FONT_REGULAR, 7)
    canvas.drawString(12 * mm, _y(CUT_AT - 2 * mm), "✂ odetnij i odeślij")
    top = CUT_AT + 8 * mm
    _lines(canvas, LEFT, top, [FORM_TITLE], FONT_BOLD, 10.5, 13)
    draw_barcode(canvas, letter.code, 135 * mm, _y(top + 22 * mm), 14 * mm, 55 * mm)
    info = [f"Kod konta: {letter.code}", f"Nr kontrahenta: {letter.contractor_number}",
            *letter.address_lines]
    top = _lines(canvas, LEFT, top + 16, info, FONT_REGULAR, 9, 11.5) + 10
    for line in FORM_LINES:
        top = _lines(canvas, LEFT, top, _wrapped(line, 9.5, RIGHT - LEFT), FONT_REGULAR,
                     9.5, 12.5) + 9
    draw_fitted(canvas, LEFT, 14 * mm, f"Odeślij na adres: {doc.return_address} (albo złóż "
                f"w punkcie obsługi mieszkańców).", 7.5, RIGHT - LEFT)
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.drawRightString(RIGHT, 9 * mm, f"Partia {doc.batch_number} – {letter.code}")


def _label_pages(canvas: Canvas, doc: LegacyBatchDocument) -> None:
    per_page = LABEL_COLS * LABEL_ROWS
    letters = doc.letters
    for start in range(0, len(letters), per_page):
        for index, letter in enumerate(letters[start:start + per_page]):
            col, row = index % LABEL_COLS, index // LABEL_COLS
            x = col * LABEL_W + 5 * mm
            top = LABEL_TOP + row * LABEL_H + 5 * mm
            draw_fitted(canvas, x, _y(top), doc.sender_name, 5.5, LABEL_W - 10 * mm)
            draw_fitted(canvas, x, _y(top + 2.3 * mm), doc.sender_address, 5.5,
                        LABEL_W - 10 * mm)
            _lines(canvas, x, top + 7 * mm, letter.address_lines[:3], FONT_REGULAR, 8.5, 10.5)
            canvas.setFont(FONT_REGULAR, 6.5)
            canvas.drawString(x, _y(top + 27 * mm), letter.code)
        canvas.showPage()


def render_batch_pdf(doc: LegacyBatchDocument, *, labels: bool = True) -> bytes:
    """All letters of the batch, then (``labels``) its envelope-label sheets."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=FONT_REGULAR)
    canvas.setTitle(f"Migracja kont do IOK – partia {doc.batch_number}")
    canvas.setAuthor(doc.sender_name)
    canvas.setLineWidth(0.3)
    for letter in doc.letters:
        _letter_page(canvas, doc, letter)
        canvas.showPage()
    if labels:
        _label_pages(canvas, doc)
    canvas.save()
    return buffer.getvalue()


def render_one_letter_pdf(doc: LegacyBatchDocument, letter: LegacyLetter) -> bytes:
    """One account's letter alone (an e-mail attachment), no labels."""
    single = LegacyBatchDocument(doc.batch_number, doc.letter_date, doc.sender_name,
                                 doc.sender_address, doc.sender_phones, doc.signatory_name,
                                 doc.signatory_title, (letter,))
    return render_batch_pdf(single, labels=False)
