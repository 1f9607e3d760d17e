"""A4 letter page layout: sender, place and date, DL window address field, barcode, footer.

Geometry follows DIN 5008 form B, which fits Polish DL window envelopes (window 90×45 mm,
20 mm from the left): the address field is 20 mm from the left and 45 mm from the top of
the sheet, and fold marks sit at 105 mm and 210 mm. The barcode of the letter identifier
stays outside the window, at the right.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.page_count_canvas import canvas_maker
from clerk_app.domain.letter_texts import EnvelopeLabel, LetterHeader

PAGE_W, PAGE_H = A4
LEFT = 25 * mm
RIGHT = PAGE_W - 20 * mm
ADDRESS_X = 20 * mm
ADDRESS_TOP = 45 * mm
ADDRESS_W = 85 * mm
BODY_TOP_FIRST = 100 * mm
BODY_TOP_NEXT = 25 * mm
BODY_BOTTOM = 25 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
PUNCH_MARK = PAGE_H / 2


def _y(from_top: float) -> float:
    return PAGE_H - from_top


def draw_fitted(canvas: Canvas, x: float, y: float, text: str, size: float,
                max_width: float, min_size: float = 4.5) -> None:
    """Draw one line in the regular face, smaller (down to ``min_size``) or cut with an
    ellipsis so that it never runs past ``max_width``."""
    while size > min_size and stringWidth(text, FONT_REGULAR, size) > max_width:
        size -= 0.25
    if stringWidth(text, FONT_REGULAR, size) > max_width:
        while text and stringWidth(text + "…", FONT_REGULAR, size) > max_width:
            text = text[:-1]
        text = text.rstrip() + "…"
    canvas.setFont(FONT_REGULAR, size)
    canvas.drawString(x, y, text)


def draw_barcode(canvas: Canvas, value: str, x: float, y: float, height: float,
                 max_width: float) -> float:
    """Draw a Code 128 barcode of ``value`` with its text below; returns the width used."""
    bar_width = 0.36 * mm
    code = Code128(value, barHeight=height, barWidth=bar_width, humanReadable=False,
                   quiet=False)
    if code.width > max_width:
        code = Code128(value, barHeight=height, barWidth=bar_width * max_width / code.width,
                       humanReadable=False, quiet=False)
    code.drawOn(canvas, x, y)
    canvas.setFont(FONT_REGULAR, 8)
    canvas.drawCentredString(x + code.width / 2, y - 3.5 * mm, value)
    return float(code.width)


def _draw_first_page(canvas: Canvas, header: LetterHeader) -> None:
    canvas.saveState()
    text = canvas.beginText(LEFT, _y(18 * mm))
    for index, line in enumerate(header.sender_lines):
        text.setFont(FONT_BOLD if index == 0 else FONT_REGULAR, 10 if index == 0 else 9)
        text.textLine(line)
    canvas.drawText(text)
    canvas.setFont(FONT_REGULAR, 10)
    canvas.drawRightString(RIGHT, _y(18 * mm), header.place_and_date)
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawString(LEFT, _y(40 * mm), f"Znak sprawy: {header.case_signature}")

    draw_fitted(canvas, ADDRESS_X + 5 * mm, _y(ADDRESS_TOP + 4 * mm), header.return_address,
                6.5, ADDRESS_W - 10 * mm)
    canvas.setLineWidth(0.3)
    canvas.line(ADDRESS_X + 5 * mm, _y(ADDRESS_TOP + 5 * mm),
                ADDRESS_X + ADDRESS_W - 5 * mm, _y(ADDRESS_TOP + 5 * mm))
    address = canvas.beginText(ADDRESS_X + 5 * mm, _y(ADDRESS_TOP + 13 * mm))
    for index, line in enumerate(header.addressee_lines):
        address.setFont(FONT_BOLD if index == 0 else FONT_REGULAR, 11)
        address.textLine(line)
    canvas.drawText(address)

    draw_barcode(canvas, header.identifier, 125 * mm, _y(66 * mm), 13 * mm, 65 * mm)
    canvas.setFont(FONT_REGULAR, 7)
    canvas.drawString(125 * mm, _y(50 * mm), "Identyfikator pisma (zwrotne potwierdzenie):")
    _draw_marks(canvas)
    canvas.restoreState()


def _draw_marks(canvas: Canvas) -> None:
    canvas.setLineWidth(0.3)
    for mark in FOLD_MARKS:
        canvas.line(4 * mm, _y(mark), 9 * mm, _y(mark))
    canvas.line(4 * mm, PUNCH_MARK, 11 * mm, PUNCH_MARK)


def _draw_footer(canvas: Canvas, header: LetterHeader, page: int, pages: int) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.line(LEFT, 18 * mm, RIGHT, 18 * mm)
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.drawString(LEFT, 14 * mm, f"Sprawę prowadzi: {header.handled_by}")
    canvas.drawRightString(RIGHT, 14 * mm, f"Pismo {header.identifier} – strona {page} z {pages}")
    if page > 1:
        canvas.setFont(FONT_REGULAR, 8)
        canvas.drawString(LEFT, _y(15 * mm), f"Znak sprawy: {header.case_signature}")
        canvas.drawRightString(RIGHT, _y(15 * mm), header.title)
    canvas.restoreState()


def render_letter_pdf(header: LetterHeader, story: Sequence[Flowable]) -> bytes:
    """Lay out ``story`` under the header on A4 pages; returns the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, title=f"{header.title} {header.case_signature}",
        author=header.sender_lines[0] if header.sender_lines else "", subject=header.title,
        leftMargin=LEFT, rightMargin=PAGE_W - RIGHT, topMargin=BODY_TOP_NEXT,
        bottomMargin=BODY_BOTTOM,
    )
    width = RIGHT - LEFT
    first = Frame(LEFT, BODY_BOTTOM, width, PAGE_H - BODY_TOP_FIRST - BODY_BOTTOM, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(LEFT, BODY_BOTTOM, width, PAGE_H - BODY_TOP_NEXT - BODY_BOTTOM, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate("first", [first], onPage=lambda c, _d: _draw_first_page(c, header),
                     autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=lambda c, _d: _draw_marks(c)),
    ])

    doc.build(list(story), canvasmaker=canvas_maker(
        lambda canvas, page, pages: _draw_footer(canvas, header, page, pages)))
    return buffer.getvalue()


LABEL_W, LABEL_H = 100 * mm, 50 * mm


def render_envelope_label(label: EnvelopeLabel) -> bytes:
    """A one-page 100 × 50 mm PDF label: return address, addressee, barcode of the letter."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(LABEL_W, LABEL_H), initialFontName=FONT_REGULAR)
    canvas.setTitle(f"Etykieta {label.identifier}")
    draw_fitted(canvas, 4 * mm, LABEL_H - 5 * mm, label.return_address, 6, LABEL_W - 8 * mm)
    text = canvas.beginText(4 * mm, LABEL_H - 11 * mm)
    for index, line in enumerate(label.addressee_lines):
        text.setFont(FONT_BOLD if index == 0 else FONT_REGULAR, 9.5)
        text.textLine(line)
    canvas.drawText(text)
    draw_barcode(canvas, label.identifier, 4 * mm, 7 * mm, 9 * mm, 60 * mm)
    canvas.setFont(FONT_REGULAR, 6.5)
    canvas.drawRightString(LABEL_W - 4 * mm, 4 * mm, label.case_signature)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
