"""Parts shared by the XLSX writers: number formats, the bold header row, the printed page,
the "Parametry" sheet, a workbook of filled sheets, and data rows streamed into the first
sheet of a skeleton that openpyxl wrote (openpyxl spends about 20 µs per cell)."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
MONTH_FORMAT = "MM.YYYY"
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
BOLD = Font(bold=True)
SHEET_PART = "xl/worksheets/sheet1.xml"  # the first sheet created
EPOCH_ORDINAL = date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system)
_ROWS = re.compile(r'<row r="2".*</sheetData>', re.DOTALL)
_ROWS_PER_WRITE = 2000
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Yearly(Protocol):
    @property
    def year(self) -> int | None: ...

    @property
    def as_of(self) -> date: ...


def period_text(stats: _Yearly) -> str:
    """The statistics' period: ``"rok 2026"`` or ``"wszystkie lata"``."""
    return f"rok {stats.year}" if stats.year is not None else "wszystkie lata"


def summary_rows(ws: Worksheet, label_width: int, stats: _Yearly,
                 rows: Iterable[tuple[str, object]]) -> None:
    """The period and the as-of date (a date cell), then ``rows``: bold labels in A."""
    ws.column_dimensions["A"].width = label_width
    ws.column_dimensions["B"].width = 16
    for label, value in (("Okres", period_text(stats)), ("Stan na dzień", stats.as_of),
                         *rows):
        ws.append([label, value])
        ws.cell(row=ws.max_row, column=1).font = BOLD
    ws["B2"].number_format = DATE_FORMAT


def header_row(ws: Worksheet, titles: Sequence[str], widths: Sequence[int]) -> None:
    """Append a bold grey header row and set the widths of its columns from A."""
    ws.append(list(titles))
    for column, width in enumerate(widths, start=1):
        cell = ws.cell(row=ws.max_row, column=column)
        cell.font, cell.fill = BOLD, HEADER_FILL
        ws.column_dimensions[get_column_letter(column)].width = width


def bold_last_row(ws: Worksheet) -> None:
    """The last row in bold (a totals row)."""
    for cell in ws[ws.max_row]:
        cell.font = BOLD


def workbook_bytes(sheets: Sequence[tuple[str, Callable[[Worksheet], None]]]) -> bytes:
    """A workbook of the named sheets, each filled by its function, as bytes."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    for n, (title, fill) in enumerate(sheets):
        ws = first if n == 0 else wb.create_sheet(title)
        ws.title = title
        fill(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def print_as_register(ws: Any) -> None:
    """Frozen header row; printed landscape A4, one page wide, the header on every page."""
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"


def header_cells(ws: Any, titles: Iterable[str]) -> list[WriteOnlyCell]:
    """A write-only header row: bold, grey, wrapped, centred vertically."""
    cells = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cells.append(cell)
    return cells


def formatted_cell(ws: Any, value: object, number_format: str) -> WriteOnlyCell:
    """A write-only cell shown with ``number_format``."""
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = number_format
    return cell


def parameters_sheet(wb: Workbook, value_width: int) -> Any:
    """The "Parametry" sheet of a write-only workbook: labels in A, values in B."""
    ws = wb.create_sheet("Parametry")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = value_width
    return ws


def xml_text(text: str) -> str:
    """``text`` escaped for an inline string, without the characters XML does not allow."""
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_text_cache() -> Callable[[str], str]:
    """``xml_text`` remembering what it escaped (a register repeats its names and labels)."""
    return functools.lru_cache(maxsize=None)(xml_text)


def with_rows(skeleton: zipfile.ZipFile, sheet: str, rows: Iterable[str]) -> bytes:
    """The skeleton's workbook with its first sheet's rows from 2 on (the template rows)
    replaced by ``rows`` (``<row>`` XML), written as they come."""
    match = _ROWS.search(sheet)
    assert match is not None  # the template row openpyxl wrote
    head, tail = sheet[:match.start()], "</sheetData>" + sheet[match.end():]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as target:
        for info in skeleton.infolist():
            if info.filename != SHEET_PART:
                target.writestr(info.filename, skeleton.read(info.filename))
                continue
            with target.open(SHEET_PART, "w") as part:
                part.write(head.encode("utf-8"))
                chunk: list[str] = []
                for row in rows:
                    chunk.append(row)
                    if len(chunk) == _ROWS_PER_WRITE:
                        part.write("".join(chunk).encode("utf-8"))
                        chunk.clear()
                part.write(("".join(chunk) + tail).encode("utf-8"))
    return out.getvalue()
