"""The answer to a data subject's access request (RODO art. 15) as a PDF: A4, DejaVu fonts,
the records holding the person's data, then who viewed or changed them; "Strona X z Y"."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.page_count_canvas import canvas_maker
from clerk_app.domain.change_text import local_time
from clerk_app.domain.rodo_report import SubjectAccessReport
from clerk_app.domain.text import format_date_pl

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
WIDTH = PAGE_W - 2 * MARGIN
TITLE = "Informacja o przetwarzanych danych osobowych (art. 15 RODO)"
NOTE = ("Zestawienie obejmuje sprawy (wnioskodawca lub pełnomocnik), przesyłki wpływające "
        "(nadawca), pisma wychodzące (adresat), oświadczenia o stanie majątkowym (także "
        "członkowie gospodarstwa domowego) i konta w Portalu Mieszkańców / e-Faktura. "
        "Wyszukanie po imieniu i nazwisku może objąć inną osobę o tym samym imieniu i "
        "nazwisku: przed wydaniem sprawdź każdą pozycję.")
RECORD_COLUMNS = (("Lp.", 9), ("Rodzaj", 33), ("Oznaczenie", 36), ("W charakterze", 32),
                  ("Dane", 50), ("Data", 20))
ACCESS_COLUMNS = (("Lp.", 9), ("Kiedy", 27), ("Kto", 44), ("Dotyczy", 36), ("Czynność", 64))


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("r-body", fontName=FONT_REGULAR, fontSize=9, leading=11.5)
    return {
        "title": ParagraphStyle("r-title", parent=body, fontName=FONT_BOLD, fontSize=13,
                                leading=16, spaceAfter=4),
        "heading": ParagraphStyle("r-heading", parent=body, fontName=FONT_BOLD, fontSize=10.5,
                                  leading=13, spaceBefore=8, spaceAfter=4),
        "body": body,
        "cell": ParagraphStyle("r-cell", parent=body, fontSize=7.8, leading=9.4),
        "head": ParagraphStyle("r-head", parent=body, fontName=FONT_BOLD, fontSize=7.8,
                               leading=9.4),
    }


def _table(columns: tuple[tuple[str, int], ...], rows: list[tuple[str, ...]],
           styles: dict[str, ParagraphStyle]) -> Table:
    data = [[Paragraph(escape(title), styles["head"]) for title, _w in columns]]
    data += [[Paragraph(escape(cell), styles["cell"]) for cell in row] for row in rows]
    table = Table(data, colWidths=[w * mm for _t, w in columns], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.Color(0.55, 0.55, 0.55)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _reference(reference: str, case_signature: str) -> str:
    if case_signature and case_signature != reference:
        return f"{reference or '—'} (sprawa {case_signature})"
    return reference or "—"


def _story(report: SubjectAccessReport) -> list[Flowable]:
    s = _styles()
    story: list[Flowable] = [
        Paragraph(escape(TITLE), s["title"]),
        Paragraph(escape(f"Osoba: {report.search_label}. Zapytanie nr {report.request_id}, "
                         f"sporządzono {local_time(report.prepared_at)}, sporządził(a): "
                         f"{report.prepared_by}."), s["body"]),
        Spacer(1, 3 * mm), Paragraph(escape(NOTE), s["body"]),
        Paragraph(escape(f"1. Dokumenty zawierające dane osoby ({len(report.records)})"),
                  s["heading"]),
    ]
    if report.records:
        story.append(_table(RECORD_COLUMNS, [
            (str(n), r.kind.label, _reference(r.reference, r.case_signature), r.capacity, r.data,
             format_date_pl(r.dated_on)) for n, r in enumerate(report.records, start=1)], s))
    else:
        story.append(Paragraph("Nie znaleziono dokumentów zawierających dane tej osoby.",
                               s["body"]))
    story.append(Paragraph(escape(
        f"2. Kto przeglądał lub zmieniał te dane ({len(report.accesses)})"), s["heading"]))
    if report.accesses:
        story.append(_table(ACCESS_COLUMNS, [
            (str(n), local_time(a.at), f"{a.full_name} ({a.username})" if a.full_name
             else a.username, a.reference or "—", a.action)
            for n, a in enumerate(report.accesses, start=1)], s))
    else:
        story.append(Paragraph("Brak zapisów w dzienniku zdarzeń.", s["body"]))
    return story


def render_access_report(report: SubjectAccessReport) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count."""
    register_fonts()
    buffer = io.BytesIO()
    counted: list[int] = []

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        counted[:] = [pages]
        canvas.saveState()
        canvas.setLineWidth(0.3)
        canvas.line(MARGIN, 12 * mm, PAGE_W - MARGIN, 12 * mm)
        canvas.setFont(FONT_REGULAR, 7.5)
        canvas.drawString(MARGIN, 8 * mm, f"Art. 15 RODO – zapytanie nr {report.request_id}")
        canvas.drawRightString(PAGE_W - MARGIN, 8 * mm, f"Strona {page} z {pages}")
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=A4, title=TITLE, author=report.prepared_by,
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=18 * mm)
    doc.build(_story(report), canvasmaker=canvas_maker(footer))
    return buffer.getvalue(), counted[0]


def write_access_report_pdf(report: SubjectAccessReport, path: Path) -> int:
    """Render the report to ``path``; returns its page count."""
    data, pages = render_access_report(report)
    Path(path).write_bytes(data)
    return pages
