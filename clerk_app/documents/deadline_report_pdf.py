"""The supervisors' deadline report as a PDF: A4 landscape, grouped by assignee.

Every page repeats the title and the column headers; an assignee's group continued on a new
page gets its heading again with "(cd.)". Overdue rows are shaded light red. The footer says
"Wygenerowano dd.mm.rrrr gg:mm przez …" and "Strona n z N". Rows are single lines of fixed
height, so pages are laid out before drawing and the page count is known up front.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.pdf_text import PageWriter, without_ascii85
from clerk_app.domain.deadline_report import AssigneeGroup, DeadlineReport, DeadlineRow
from clerk_app.domain.text import format_date_pl

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 12 * mm
TABLE_TOP = PAGE_H - 30 * mm
TABLE_BOTTOM = 16 * mm
ROW_H = 12.0
GROUP_H = 16.0
SIZE = 7.8
PAD = 2.0
OVERDUE_FILL = (0.99, 0.85, 0.85)
HEADER_FILL = (0.88, 0.88, 0.88)
GROUP_FILL = (0.86, 0.9, 0.96)

# (title, width in mm, alignment)
COLUMNS = (
    ("Znak sprawy", 36, "left"), ("Wnioskodawca", 58, "left"),
    ("Rodzaj sprawy", 28, "left"), ("Rodzaj terminu", 46, "left"),
    ("Początek", 22, "left"), ("Termin", 22, "left"),
    ("Dni rob.", 22, "center"), ("Status", 39, "left"),
)


@dataclass(frozen=True)
class _Line:
    group: AssigneeGroup
    row: DeadlineRow | None  # None: the group heading
    continued: bool = False


def _paginate(report: DeadlineReport) -> list[list[_Line]]:
    capacity = TABLE_TOP - ROW_H - TABLE_BOTTOM
    pages: list[list[_Line]] = [[]]
    used = 0.0
    for group in report.groups:
        if used + GROUP_H + ROW_H > capacity and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(_Line(group, None))
        used += GROUP_H
        for row in group.rows:
            if used + ROW_H > capacity:
                pages.append([_Line(group, None, continued=True)])
                used = GROUP_H
            pages[-1].append(_Line(group, row))
            used += ROW_H
    return pages


def _cells(row: DeadlineRow, dates: dict[date, str]) -> tuple[str, ...]:
    days = "—" if row.working_days_left is None else str(row.working_days_left)
    start = dates.get(row.start_on)
    if start is None:
        start = dates[row.start_on] = format_date_pl(row.start_on)
    due = dates.get(row.due_on) if row.due_on else "—"  # the report lists no suspended one
    if due is None:
        due = format_date_pl(row.due_on)
        if row.due_on is not None:
            dates[row.due_on] = due
    return (row.signature, row.applicant, row.case_kind.label, row.deadline_kind.label,
            start, due, days, row.status_label)


def _anchor(x0: float, width_mm: float, align: str) -> float:
    if align == "right":
        return x0 + width_mm * mm - PAD
    if align == "center":
        return x0 + width_mm * mm / 2
    return x0 + PAD


def _subtitle(report: DeadlineReport) -> str:
    return (f"Terminy przypadające do {format_date_pl(report.horizon_end)} (horyzont "
            f"{report.horizon_days} dni) oraz wszystkie przekroczone. Razem: "
            f"{report.row_count}, w tym po terminie: {report.overdue_count}. Dni rob. – dni "
            "robocze do terminu (ujemne: po terminie).")


def _draw_page(w: PageWriter, report: DeadlineReport, lines: list[_Line], number: int,
               total: int, subtitle: str, dates: dict[date, str]) -> None:
    w.text(MARGIN, PAGE_H - 15 * mm, FONT_BOLD, 13,
           f"Raport terminów – stan na {format_date_pl(report.as_of)}")
    w.text(MARGIN, PAGE_H - 21 * mm, FONT_REGULAR, 8.5, subtitle)
    xs, x = [], MARGIN
    for _title, width, _align in COLUMNS:
        xs.append(x)
        x += width * mm
    right = x
    cells = [(_anchor(x0, width, align), width * mm - 2 * PAD, align)
             for (_title, width, align), x0 in zip(COLUMNS, xs, strict=True)]
    y = TABLE_TOP
    w.rect(MARGIN, y - ROW_H, right - MARGIN, ROW_H, HEADER_FILL)
    for (title, width, align), x0 in zip(COLUMNS, xs, strict=True):
        w.text(_anchor(x0, width, align), y - ROW_H + 3.5, FONT_BOLD, SIZE, title, align)
    y -= ROW_H
    w.line(MARGIN, y, right, y, 0.6)
    for line in lines:
        if line.row is None:
            y -= GROUP_H
            w.rect(MARGIN, y + 1.5, right - MARGIN, GROUP_H - 3, GROUP_FILL)
            g = line.group
            heading = (f"Prowadzący: {g.assignee_name}{' (cd.)' if line.continued else ''} – "
                       f"terminów: {len(g.rows)}, w tym po terminie: {g.overdue_count}")
            w.text(MARGIN + PAD, y + 5, FONT_BOLD, 8.5, heading)
            continue
        y -= ROW_H
        if line.row.overdue:
            w.rect(MARGIN, y, right - MARGIN, ROW_H, OVERDUE_FILL)
        for (anchor, max_width, align), text in zip(cells, _cells(line.row, dates),
                                                    strict=True):
            w.cell(anchor, y + 3.5, FONT_REGULAR, SIZE, text, max_width, align)
    if not report.groups:
        w.text(MARGIN + PAD, y - 16, FONT_REGULAR, 10, "Brak terminów w wybranym okresie.")
    w.line(MARGIN, 11 * mm, PAGE_W - MARGIN, 11 * mm, 0.4)
    generated = report.generated_at.strftime("%d.%m.%Y %H:%M")
    w.text(MARGIN, 7 * mm, FONT_REGULAR, 7.5,
           f"Wygenerowano {generated} przez {report.generated_by}")
    w.text(PAGE_W - MARGIN, 7 * mm, FONT_REGULAR, 7.5, f"Strona {number} z {total}", "right")
    w.flush()


def render_deadline_report_pdf(report: DeadlineReport) -> bytes:
    """The report as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    with without_ascii85():
        canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1,
                        initialFontName=FONT_REGULAR)
        canvas.setTitle(f"Raport terminów – stan na {format_date_pl(report.as_of)}")
        canvas.setAuthor(report.generated_by)
        canvas.setCreator("clerk-app")
        writer = PageWriter(canvas)
        pages = _paginate(report)
        subtitle, dates = _subtitle(report), dict[date, str]()
        for number, lines in enumerate(pages, start=1):
            _draw_page(writer, report, lines, number, len(pages), subtitle, dates)
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def write_deadline_report_pdf(report: DeadlineReport, path: Path) -> None:
    """Render the report and write it to ``path``."""
    Path(path).write_bytes(render_deadline_report_pdf(report))
