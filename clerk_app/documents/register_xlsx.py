"""A register as an Excel workbook, streamed (a year of 100,000 entries in about a second).

The register's sheet: a bold header row, frozen and repeated on every printed page, an
autofilter, real dates ("DD.MM.YYYY"), landscape A4 fitted to one page wide, the register's
title in the printed page header and "Strona n z N" in its footer. Sheet "Parametry": what
the register is, when and by whom it was made.

As in ``deadline_report_xlsx``, openpyxl writes the skeleton (styles, sheet settings, the
header and one template row) and the data rows are then written into ``<sheetData>`` with
the style ids openpyxl gave the template's cells (``xlsx_parts.with_rows``).
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
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from clerk_app.documents.register_table import RegisterTable, register_table
from clerk_app.documents.xlsx_parts import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    EPOCH_ORDINAL,
    SHEET_PART,
    formatted_cell,
    header_cells,
    parameters_sheet,
    print_as_register,
    with_rows,
    xml_text_cache,
)
from clerk_app.domain.registers import CaseRegister, IncomingRegister

_TEMPLATE = {"text": "x", "int": 0, "date": date(2000, 1, 1)}
_CELL = re.compile(r'<c r="([A-Z]+)2"(?: s="(\d+)")?')


def _skeleton(table: RegisterTable, letters: list[str]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(table.sheet)
    print_as_register(ws)
    ws.oddHeader.center.text = table.title.replace("&", "&&")
    ws.oddFooter.right.text = "Strona &P z &N"
    ws.auto_filter.ref = f"A1:{letters[-1]}{len(table.rows) + 1}"
    for letter, column in zip(letters, table.columns, strict=True):
        ws.column_dimensions[letter].width = column.xlsx_chars
    ws.append(header_cells(ws, (column.title for column in table.columns)))
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
    ws = parameters_sheet(wb, 44)
    ws.append(["Rejestr", table.title])
    for label, value in table.parameters:
        ws.append([label, value])
    ws.append(["Wygenerowano", formatted_cell(ws, table.generated_at.replace(tzinfo=None),
                                              DATETIME_FORMAT)])
    ws.append(["Przez", table.generated_by])


def _rows_xml(table: RegisterTable, letters: list[str], styles: list[str]) -> Iterator[str]:
    kinds = [c.kind for c in table.columns]
    text_xml = xml_text_cache()
    for number, row in enumerate(table.rows, start=2):
        cells = []
        for letter, style, kind, value in zip(letters, styles, kinds, table.cells(row),
                                              strict=True):
            ref = f'<c r="{letter}{number}"{style}'
            if value is None or value == "":
                cells.append(f"{ref}/>")
            elif kind == "date" and isinstance(value, date):
                cells.append(f'{ref} t="n"><v>{value.toordinal() - EPOCH_ORDINAL}</v></c>')
            elif kind == "int":
                cells.append(f'{ref} t="n"><v>{int(value)}</v></c>')  # type: ignore[arg-type]
            else:
                cells.append(f'{ref} t="inlineStr"><is><t>{text_xml(str(value))}</t></is></c>')
        yield f'<row r="{number}">' + "".join(cells) + "</row>"


def render_table_xlsx(table: RegisterTable) -> bytes:
    """A register table as XLSX bytes."""
    letters = [get_column_letter(i) for i in range(1, len(table.columns) + 1)]
    skeleton = zipfile.ZipFile(io.BytesIO(_skeleton(table, letters)))
    sheet = skeleton.read(SHEET_PART).decode("utf-8")
    found = {column: f' s="{style}"' if style else "" for column, style in _CELL.findall(sheet)}
    styles = [found[letter] for letter in letters]
    return with_rows(skeleton, sheet, _rows_xml(table, letters, styles))


def render_register_xlsx(register: CaseRegister | IncomingRegister) -> bytes:
    """Either register as XLSX bytes."""
    return render_table_xlsx(register_table(register))


def write_register_xlsx(register: CaseRegister | IncomingRegister, path: Path) -> None:
    Path(path).write_bytes(render_register_xlsx(register))
