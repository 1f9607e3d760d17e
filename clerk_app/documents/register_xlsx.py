"""A register as an Excel workbook, streamed (a year of 100,000 entries in about a second).

The register's sheet: a bold header row, frozen and repeated on every printed page, an
autofilter, real dates ("DD.MM.YYYY"), landscape A4 fitted to one page wide, the register's
title in the printed page header and "Strona n z N" in its footer. Sheet "Parametry": what
the register is, when and by whom it was made.

As in ``deadline_report_xlsx``, openpyxl writes the skeleton (styles, sheet settings, the
header and one template row) and the data rows are then written into ``<sheetData>`` with
the style ids openpyxl gave the template's cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clerk_app.documents.register_table import RegisterTable, register_table
from clerk_app.domain.registers import CaseRegister, IncomingRegister

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
SHEET_PART = "xl/worksheets/sheet1.xml"  # the first sheet created
_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system)
_TEMPLATE = {"text": "x", "int": 0, "date": date(2000, 1, 1)}
_CELL = re.compile(r'<c r="([A-Z]+)2"(?: s="(\d+)")?')
_ROWS = re.compile(r'<row r="2".*</sheetData>', re.DOTALL)
_ROWS_PER_WRITE = 2000
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _skeleton(table: RegisterTable, letters: list[str]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(table.sheet)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = table.title.replace("&", "&&")
    ws.oddFooter.right.text = "Strona &P z &N"
    ws.auto_filter.ref = f"A1:{letters[-1]}{len(table.rows) + 1}"
    for letter, column in zip(letters, table.columns, strict=True):
        ws.column_dimensions[letter].width = column.xlsx_chars
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(ws, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    ws.append(header)
    template = []
    for column in table.columns:
        cell = WriteOnlyCell(ws, value=_TEMPLATE[column.kind])
        cell.alignment = Alignment(vertical="top", wrap_text=column.kind == "text")
        if column.kind == "date":
            cell.number_format = DATE_FORMAT
        template.append(cell)
    ws.append(template)
    _parameters(wb, table)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _parameters(wb: Workbook, table: RegisterTable) -> None:
    ws = wb.create_sheet("Parametry")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 44
    ws.append(["Rejestr", table.title])
    for label, value in table.parameters:
        ws.append([label, value])
    generated = WriteOnlyCell(ws, value=table.generated_at.replace(tzinfo=None))
    generated.number_format = DATETIME_FORMAT
    ws.append(["Wygenerowano", generated])
    ws.append(["Przez", table.generated_by])


def _escape(text: str) -> str:
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rows_xml(table: RegisterTable, letters: list[str], styles: list[str]) -> Iterator[str]:
    kinds = [c.kind for c in table.columns]
    texts: dict[str, str] = {}
    for number, row in enumerate(table.rows, start=2):
        cells = []
        for letter, style, kind, value in zip(letters, styles, kinds, table.cells(row),
                                              strict=True):
            ref = f'<c r="{letter}{number}"{style}'
            if value is None or value == "":
                cells.append(f"{ref}/>")
            elif kind == "date" and isinstance(value, date):
                cells.append(f'{ref} t="n"><v>{value.toordinal() - _EPOCH_ORDINAL}</v></c>')
            elif kind == "int":
                cells.append(f'{ref} t="n"><v>{int(value)}</v></c>')  # type: ignore[arg-type]
            else:
                text = str(value)
                escaped = texts.get(text)
                if escaped is None:
                    escaped = texts[text] = _escape(text)
                cells.append(f'{ref} t="inlineStr"><is><t>{escaped}</t></is></c>')
        yield f'<row r="{number}">' + "".join(cells) + "</row>"


def render_table_xlsx(table: RegisterTable) -> bytes:
    """A register table as XLSX bytes."""
    letters = [get_column_letter(i) for i in range(1, len(table.columns) + 1)]
    skeleton = zipfile.ZipFile(io.BytesIO(_skeleton(table, letters)))
    sheet = skeleton.read(SHEET_PART).decode("utf-8")
    found = {column: f' s="{style}"' if style else "" for column, style in _CELL.findall(sheet)}
    styles = [found[letter] for letter in letters]
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
                for row in _rows_xml(table, letters, styles):  # written as they come
                    chunk.append(row)
                    if len(chunk) == _ROWS_PER_WRITE:
                        part.write("".join(chunk).encode("utf-8"))
                        chunk.clear()
                part.write(("".join(chunk) + tail).encode("utf-8"))
    return out.getvalue()


def render_register_xlsx(register: CaseRegister | IncomingRegister) -> bytes:
    """Either register as XLSX bytes."""
    return render_table_xlsx(register_table(register))


def write_register_xlsx(register: CaseRegister | IncomingRegister, path: Path) -> None:
    Path(path).write_bytes(render_register_xlsx(register))
