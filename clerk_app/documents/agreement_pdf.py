"""The instalment agreement as an A4 PDF (DejaVu fonts, Code 128 barcode of its identifier).

What the agreement says comes from ``clerk_app.domain.agreement_texts``; this module lays it
out: a header with the case signature, place and date and the barcode on page 1, the title,
the parties, the numbered sections with the schedule table, the legal basis, two signature
blocks and "Strona X z Y" on every page.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.letter_layout import draw_barcode, draw_fitted
from clerk_app.documents.page_count_canvas import canvas_maker
from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.agreement_texts import (
    CLOSING_OF_PARTIES,
    AgreementSection,
    agreement_parties,
    agreement_sections,
    opening_line,
)
from clerk_app.domain.money import amount_in_words, format_money
from clerk_app.domain.text import format_date_pl

PAGE_W, PAGE_H = A4
LEFT = 25 * mm
RIGHT = PAGE_W - 20 * mm
WIDTH = RIGHT - LEFT
BODY_TOP_FIRST = 50 * mm
BODY_TOP_NEXT = 24 * mm
BODY_BOTTOM = 24 * mm


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("a-body", fontName=FONT_REGULAR, bulletFontName=FONT_REGULAR,
                          fontSize=10, leading=13.5, alignment=TA_JUSTIFY, spaceAfter=1.8 * mm)
    centre = ParagraphStyle("a-centre", parent=body, alignment=TA_CENTER)
    return {
        "title": ParagraphStyle("a-title", parent=centre, fontName=FONT_BOLD, fontSize=13.5,
                                leading=17, spaceAfter=1.5 * mm),
        "number": ParagraphStyle("a-number", parent=centre, fontName=FONT_BOLD, fontSize=11,
                                 spaceAfter=3 * mm),
        "centre": centre,
        "para": ParagraphStyle("a-para", parent=centre, fontName=FONT_BOLD, fontSize=10.5,
                               spaceBefore=3 * mm, spaceAfter=0.5 * mm),
        "heading": ParagraphStyle("a-heading", parent=centre, fontName=FONT_BOLD,
                                  spaceAfter=2 * mm),
        "body": body,
        "item": ParagraphStyle("a-item", parent=body, leftIndent=6 * mm, bulletIndent=0),
        "party": ParagraphStyle("a-party", parent=body, alignment=TA_LEFT, spaceAfter=0),
        "cell": ParagraphStyle("a-cell", parent=body, fontSize=9, leading=11.5,
                               alignment=TA_LEFT, spaceAfter=0),
        "small": ParagraphStyle("a-small", parent=body, fontSize=8.5, leading=11,
                                alignment=TA_LEFT),
        "sign": ParagraphStyle("a-sign", parent=centre, fontSize=9.5, leading=12,
                               spaceAfter=0),
        "sign_b": ParagraphStyle("a-sign-b", parent=centre, fontName=FONT_BOLD,
                                 fontSize=10.5, spaceAfter=0.5 * mm),
    }


def _markup(text: str) -> str:
    """Escape the text but keep the domain's own <b>…</b> emphasis."""
    return escape(text).replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>")


def _schedule_table(doc: AgreementDocument, st: dict[str, ParagraphStyle]) -> Table:
    # Plain strings where nothing wraps (cheaper than paragraphs); words may wrap.
    rows: list[list[Any]] = [["Nr\nraty", "Termin\npłatności", "Kwota", "Kwota słownie"]]
    for item in doc.schedule:
        rows.append([f"{item.number}.", format_date_pl(item.due_date),
                     format_money(item.amount),
                     Paragraph(escape(amount_in_words(item.amount)), st["cell"])])
    rows.append(["Razem", "", format_money(doc.schedule_total),
                 Paragraph(escape(amount_in_words(doc.schedule_total)), st["cell"])])
    table = Table(rows, colWidths=[16 * mm, 29 * mm, 30 * mm, WIDTH - 75 * mm],
                  repeatRows=1, hAlign="LEFT")
    last = len(rows) - 1
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_REGULAR, 9, 11.5),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9, 11),
        ("FONT", (0, last), (2, last), FONT_BOLD, 9, 11.5),
        ("ALIGN", (2, 1), (2, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("BACKGROUND", (0, last), (-1, last), colors.HexColor("#f2f2f2")),
        ("SPAN", (0, last), (1, last)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _section(section: AgreementSection, doc: AgreementDocument,
             st: dict[str, ParagraphStyle]) -> list[Flowable]:
    heading: list[Flowable] = [Paragraph(f"§ {section.number}", st["para"]),
                               Paragraph(escape(section.heading), st["heading"])]
    story: list[Flowable] = []
    numbered = len(section.paragraphs) > 1
    for index, text in enumerate(section.paragraphs, start=1):
        if numbered:
            story.append(Paragraph(_markup(text), st["item"], bulletText=f"{index}."))
        else:
            story.append(Paragraph(_markup(text), st["body"]))
        if section.schedule_after == index:
            story += [Spacer(0, 1 * mm), _schedule_table(doc, st), Spacer(0, 3 * mm)]
    # The heading never stays alone at the foot of a page.
    return [KeepTogether([*heading, story[0]]), *story[1:]]


def _parties(doc: AgreementDocument, st: dict[str, ParagraphStyle]) -> Table:
    rows = [[Paragraph(f"<b>{party.role}:</b>", st["party"]),
             [Paragraph(_markup(line), st["party"]) for line in party.lines]]
            for party in agreement_parties(doc)]
    table = Table(rows, colWidths=[30 * mm, WIDTH - 30 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
    ]))
    return table


def _signatures(doc: AgreementDocument, st: dict[str, ParagraphStyle]) -> Flowable:
    dots = "." * 44
    landlord = [Paragraph(dots, st["sign"]), Paragraph("Wynajmujący", st["sign_b"]),
                Paragraph(escape(doc.signatory_name), st["sign"]),
                Paragraph(escape(doc.signatory_title) or "&nbsp;", st["sign"])]
    tenant = [Paragraph(dots, st["sign"]), Paragraph("Najemca", st["sign_b"]),
              Paragraph(escape(doc.tenant.name), st["sign"])]
    table = Table([[landlord, tenant]], colWidths=[WIDTH / 2, WIDTH / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR)]))
    return KeepTogether([Spacer(0, 18 * mm), table])


def agreement_story(doc: AgreementDocument) -> list[Flowable]:
    """Platypus flowables of the whole agreement, title to signatures."""
    register_fonts()
    st = _styles()
    story: list[Flowable] = [
        Paragraph(escape(doc.title), st["title"]),
        Paragraph(f"nr {escape(doc.identifier)}", st["number"]),
        Paragraph(escape(opening_line(doc)), st["body"]),
        Spacer(0, 1.5 * mm),
        _parties(doc, st),
        Paragraph(escape(CLOSING_OF_PARTIES), st["body"]),
    ]
    for section in agreement_sections(doc):
        story += _section(section, doc, st)
    if doc.legal_basis:
        basis = escape(doc.legal_basis.rstrip("."))
        story += [Spacer(0, 2 * mm), Paragraph(f"Podstawa prawna: {basis}.", st["small"])]
    story.append(_signatures(doc, st))
    return story


def _draw_first_page(canvas: Canvas, doc: AgreementDocument) -> None:
    canvas.saveState()
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawString(LEFT, PAGE_H - 20 * mm, f"Znak sprawy: {doc.case_signature}")
    draw_fitted(canvas, LEFT, PAGE_H - 25 * mm, doc.municipality, 9, 90 * mm)
    canvas.setFont(FONT_REGULAR, 10)
    canvas.drawRightString(RIGHT, PAGE_H - 20 * mm, doc.place_and_date)
    canvas.setFont(FONT_REGULAR, 6.5)
    canvas.drawString(130 * mm, PAGE_H - 26 * mm, "Identyfikator umowy:")
    draw_barcode(canvas, doc.identifier, 130 * mm, PAGE_H - 38 * mm, 10 * mm, RIGHT - 130 * mm)
    canvas.restoreState()


def _draw_later_page(canvas: Canvas, doc: AgreementDocument) -> None:
    canvas.saveState()
    canvas.setFont(FONT_REGULAR, 8)
    canvas.drawString(LEFT, PAGE_H - 15 * mm, f"Znak sprawy: {doc.case_signature}")
    canvas.drawRightString(RIGHT, PAGE_H - 15 * mm, f"Umowa nr {doc.identifier}")
    canvas.restoreState()


def _draw_footer(canvas: Canvas, doc: AgreementDocument, page: int, pages: int) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.line(LEFT, 17 * mm, RIGHT, 17 * mm)
    canvas.setFont(FONT_REGULAR, 7.5)
    canvas.drawString(LEFT, 13 * mm, f"{doc.title} nr {doc.identifier}")
    canvas.drawRightString(RIGHT, 13 * mm, f"Strona {page} z {pages}")
    canvas.restoreState()


def render_agreement_pdf(doc: AgreementDocument) -> bytes:
    """The agreement as PDF bytes (A4, DejaVu fonts, barcode of the identifier on page 1)."""
    register_fonts()
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer, pagesize=A4, title=f"{doc.title} nr {doc.identifier}",
        author=doc.municipality, subject=doc.case_signature,
        leftMargin=LEFT, rightMargin=PAGE_W - RIGHT, topMargin=BODY_TOP_NEXT,
        bottomMargin=BODY_BOTTOM,
    )
    first = Frame(LEFT, BODY_BOTTOM, WIDTH, PAGE_H - BODY_TOP_FIRST - BODY_BOTTOM, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(LEFT, BODY_BOTTOM, WIDTH, PAGE_H - BODY_TOP_NEXT - BODY_BOTTOM, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([
        PageTemplate("first", [first], onPage=lambda c, _d: _draw_first_page(c, doc),
                     autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=lambda c, _d: _draw_later_page(c, doc)),
    ])

    template.build(agreement_story(doc), canvasmaker=canvas_maker(
        lambda canvas, page, pages: _draw_footer(canvas, doc, page, pages)))
    return buffer.getvalue()
