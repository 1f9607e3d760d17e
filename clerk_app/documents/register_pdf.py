"""A register as a PDF: A4 landscape, the title and column headers on every page.

Cells wrap to at most their column's number of lines (the last one cut with an ellipsis),
so rows have different heights; all rows are measured and laid out on pages before any is
drawn, which gives "Strona n z N" up front. Each page is drawn straight onto the canvas in
one content stream by :class:`PageWriter` (no Platypus table, whose cost grows with the
rows): a year of 100,000 entries takes seconds, not minutes.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from clerk_app.documents.pdf_text import PageWriter, without_ascii85
from clerk_app.documents.register_table import Column, RegisterTable, Value, register_table
from clerk_app.domain.registers import CaseRegister, IncomingRegister
from clerk_app.domain.text import format_date_pl

MARGIN = 12 * mm
SIZE = 7.6
LINE_H = 9.0
PAD = 2.0
HEADER_SIZE = 7.4
HEADER_FILL = (0.88, 0.88, 0.88)
GRID = 0.25
Lines = tuple[tuple[str, ...], ...]  # one row: the lines of each printed column


class _Layout:
    """Wraps texts to column widths (cached: registers repeat their words)."""

    def __init__(self, writer: PageWriter, columns: tuple[Column, ...]) -> None:
        self.w = writer
        self.columns = [c for c in columns if c.pdf_mm > 0]
        self.printed = [i for i, c in enumerate(columns) if c.pdf_mm > 0]
        self.widths = [c.pdf_mm * mm - 2 * PAD for c in self.columns]
        self._wrapped: dict[tuple[str, float, int], tuple[str, ...]] = {}
        self._dates: dict[date, str] = {}

    def text_of(self, value: Value) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            text = self._dates.get(value)
            if text is None:
                text = self._dates[value] = format_date_pl(value)
            return text
        return str(value)

    def wrap(self, text: str, width: float, max_lines: int, font: str = FONT_REGULAR,
             size: float = SIZE) -> tuple[str, ...]:
        key = (text, width, max_lines)
        hit = self._wrapped.get(key)
        if hit is None:
            hit = self._wrapped[key] = self._wrap(text, width, max_lines, font, size)
        return hit

    def _wrap(self, text: str, width: float, max_lines: int, font: str,
              size: float) -> tuple[str, ...]:
        text = " ".join(text.split())
        w = self.w
        if w.width(font, size, text) <= width or max_lines <= 1:
            return (w.fit(font, size, text, width),) if text else ()
        lines: list[str] = []
        words = text.split(" ")
        while words:
            if len(lines) == max_lines - 1:
                lines.append(w.fit(font, size, " ".join(words), width))
                break
            line = words.pop(0)
            if w.width(font, size, line) > width:  # a word longer than the column: split it
                cut = _prefix_fitting(w, font, size, line, width)
                line, rest = line[:cut], line[cut:]
                words.insert(0, rest)
            while words and w.width(font, size, f"{line} {words[0]}") <= width:
                line = f"{line} {words.pop(0)}"
            lines.append(w.fit(font, size, line, width))
        return tuple(lines)

    def row_lines(self, values: tuple[Value, ...]) -> Lines:
        return tuple(self.wrap(self.text_of(values[i]), width, column.lines)
                     for i, column, width in zip(self.printed, self.columns, self.widths,
                                                 strict=True))


def _prefix_fitting(w: PageWriter, font: str, size: float, word: str, width: float) -> int:
    """The length of the longest start of ``word`` that fits ``width`` (at least 1)."""
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if w.width(font, size, word[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def _height(lines: Lines) -> float:
    return max(1, *(len(cell) for cell in lines)) * LINE_H + 2 * PAD


def _paginate(heights: list[float], capacity: float) -> list[range]:
    pages: list[range] = []
    start, used = 0, 0.0
    for index, height in enumerate(heights):
        if used + height > capacity and index > start:
            pages.append(range(start, index))
            start, used = index, 0.0
        used += height
    pages.append(range(start, len(heights)))
    return pages


def _anchor(x0: float, column: Column) -> float:
    if column.align == "right":
        return x0 + column.pdf_mm * mm - PAD
    if column.align == "center":
        return x0 + column.pdf_mm * mm / 2
    return x0 + PAD


class _Pages:
    def __init__(self, table: RegisterTable, writer: PageWriter, layout: _Layout) -> None:
        self.table, self.w, self.layout = table, writer, layout
        self.page_w, self.page_h = (landscape(A4) if table.landscape else portrait(A4))
        self.xs: list[float] = []
        x = MARGIN
        for column in layout.columns:
            self.xs.append(x)
            x += column.pdf_mm * mm
        self.right = x
        self.anchors = [_anchor(x0, c) for x0, c in zip(self.xs, layout.columns, strict=True)]
        self.headers = [layout.wrap(c.title, width, 3, FONT_BOLD, HEADER_SIZE)
                        for c, width in zip(layout.columns, layout.widths, strict=True)]
        self.header_h = max(len(h) for h in self.headers) * LINE_H + 2 * PAD
        self.table_top = self.page_h - 26 * mm
        self.bottom = 16 * mm

    @property
    def capacity(self) -> float:
        return self.table_top - self.header_h - self.bottom

    def draw(self, rows: list[Lines], heights: list[float], number: int, total: int) -> None:
        w, table = self.w, self.table
        w.text(MARGIN, self.page_h - 14 * mm, FONT_BOLD, 13, table.title)
        w.text(MARGIN, self.page_h - 20 * mm, FONT_REGULAR, 8.5, table.subtitle)
        top = y = self.table_top
        w.rect(MARGIN, y - self.header_h, self.right - MARGIN, self.header_h, HEADER_FILL)
        for anchor, column, title in zip(self.anchors, self.layout.columns, self.headers,
                                         strict=True):
            for k, line in enumerate(title):
                w.text(anchor, y - PAD - (k + 1) * LINE_H + 2.2, FONT_BOLD, HEADER_SIZE,
                       line, column.align)
        y -= self.header_h
        w.line(MARGIN, y, self.right, y, 0.6)
        aligned = [(anchor, c.align) for anchor, c in zip(self.anchors, self.layout.columns,
                                                            strict=True)]
        for lines, height in zip(rows, heights, strict=True):
            for (anchor, align), cell in zip(aligned, lines, strict=True):
                for k, line in enumerate(cell):  # already fitted to the column by _wrap
                    w.text(anchor, y - PAD - (k + 1) * LINE_H + 2.2, FONT_REGULAR, SIZE, line,
                           align)
            y -= height
            w.line(MARGIN, y, self.right, y, GRID)
        for x in (*self.xs, self.right):
            w.line(x, top, x, y, GRID)
        if not rows:  # one box across the table with the message
            w.line(MARGIN, y, MARGIN, y - 20, GRID)
            w.line(self.right, y, self.right, y - 20, GRID)
            y -= 20
            w.line(MARGIN, y, self.right, y, GRID)
            w.text(MARGIN + PAD, y + 6.5, FONT_REGULAR, 9, table.empty_text)
        w.line(MARGIN, top, self.right, top, GRID)
        w.line(MARGIN, 11 * mm, self.page_w - MARGIN, 11 * mm, 0.4)
        generated = table.generated_at.strftime("%d.%m.%Y %H:%M")
        w.text(MARGIN, 7 * mm, FONT_REGULAR, 7.5,
               f"{table.title} · wygenerowano {generated} przez {table.generated_by}")
        w.text(self.page_w - MARGIN, 7 * mm, FONT_REGULAR, 7.5, f"Strona {number} z {total}",
               "right")
        w.flush()


def render_table_pdf(table: RegisterTable) -> bytes:
    """A register table as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    with without_ascii85():
        canvas = Canvas(buffer, pagesize=landscape(A4) if table.landscape else portrait(A4),
                        pageCompression=1, initialFontName=FONT_REGULAR)
        canvas.setTitle(table.title)
        canvas.setAuthor(table.generated_by)
        canvas.setCreator("clerk-app")
        writer = PageWriter(canvas)
        layout = _Layout(writer, table.columns)
        pages = _Pages(table, writer, layout)
        lines = [layout.row_lines(table.cells(row)) for row in table.rows]
        heights = [_height(row) for row in lines]
        chunks = _paginate(heights, pages.capacity)
        for number, chunk in enumerate(chunks, start=1):
            pages.draw(lines[chunk.start:chunk.stop], heights[chunk.start:chunk.stop], number,
                       len(chunks))
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def render_register_pdf(register: CaseRegister | IncomingRegister) -> bytes:
    """Either register as PDF bytes."""
    return render_table_pdf(register_table(register))


def write_register_pdf(register: CaseRegister | IncomingRegister, path: Path) -> None:
    Path(path).write_bytes(render_register_pdf(register))
