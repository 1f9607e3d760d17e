"""The IOK hand-over file (XLSX, or CSV for Polish Excel: ``;``, UTF-8 with BOM) and the
reader of the administrator's result file (CSV in UTF-8 or Windows-1250, ``;`` or ``,``;
or XLSX)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from clerk_app.domain.iok_files import (
    CREATED_HEADERS,
    HANDOVER_HEADERS,
    NUMBER_HEADERS,
    HandoverRow,
    ResultLine,
    fold_header,
    result_line,
)

_WIDTHS = (22, 16, 30, 34, 34, 10)


class ResultFileError(ValueError):
    """A result file that cannot be read at all (Polish message)."""


def handover_csv(rows: Sequence[HandoverRow]) -> bytes:
    """``;``-separated, UTF-8 with a BOM (Polish Excel opens it with the right letters)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HANDOVER_HEADERS)
    writer.writerows(row.cells() for row in rows)
    return out.getvalue().encode("utf-8-sig")


def handover_xlsx(rows: Sequence[HandoverRow]) -> bytes:
    """One sheet, a bold header row; the contractor number stays text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Do utworzenia kont"
    sheet.append(list(HANDOVER_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row.cells()))
        sheet.cell(sheet.max_row, 2).number_format = "@"
    for index, width in enumerate(_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def handover_bytes(rows: Sequence[HandoverRow], file_format: str) -> bytes:
    return handover_xlsx(rows) if file_format == "xlsx" else handover_csv(rows)


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1250")


def _columns(header: Sequence[object]) -> tuple[int, int]:
    folded = [fold_header(str(h or "")) for h in header]
    number = next((i for i, h in enumerate(folded) if h in NUMBER_HEADERS), None)
    created = next((i for i, h in enumerate(folded) if h in CREATED_HEADERS), None)
    if number is None or created is None:
        raise ResultFileError("Plik nie ma kolumn „nr_kontrahenta” i „data_utworzenia”.")
    return number, created


def _lines(table: Iterable[Sequence[object]]) -> list[ResultLine]:
    rows = iter(table)
    header = next(rows, None)
    if header is None:
        raise ResultFileError("Plik jest pusty.")
    number, created = _columns(header)
    found = []
    for line, row in enumerate(rows, start=2):
        cells = [*row, None, None]
        if not any(str(c or "").strip() for c in cells):
            continue
        value = cells[created] if created < len(cells) else None
        if isinstance(value, datetime):
            value = value.date()
        found.append(result_line(line, cells[number] if number < len(cells) else None,
                                 value))
    return found


def read_results(path: Path) -> list[ResultLine]:
    """The result lines of an XLSX or CSV file; ``ResultFileError`` when unreadable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ResultFileError(f"Nie można odczytać pliku {path.name}.") from exc
    if path.suffix.lower() == ".xlsx":
        try:
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ResultFileError(f"Plik {path.name} nie jest poprawnym arkuszem XLSX.") \
                from exc
        sheet = book.worksheets[0]
        return _lines(sheet.iter_rows(values_only=True))
    text = _decode(raw)
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return _lines(csv.reader(io.StringIO(text), delimiter=delimiter))
