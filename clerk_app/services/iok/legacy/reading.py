"""Reading an export file (CSV or XLSX) into checked, classified rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from clerk_app.domain.legacy_rows import (
    LegacyFileError,
    LegacyParse,
    csv_lines,
    decode_export,
    parse_table,
)
from clerk_app.services.core.errors import ServiceError


class LegacyFileUnreadable(ServiceError):
    """The file cannot be read at all (nothing was imported)."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell(v) for v in row]
    finally:
        book.close()


def read_legacy_file(path: Path, today: date) -> LegacyParse:
    """The file's rows checked and classified; ``LegacyFileUnreadable`` in Polish when the
    file is missing, not CSV/XLSX, or lacks the expected header."""
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return parse_table(_xlsx_lines(path), today)
        return parse_table(csv_lines(decode_export(path.read_bytes())), today)
    except LegacyFileError as exc:
        raise LegacyFileUnreadable(f"Plik „{path.name}”: {exc.message}") from None
    except OSError as exc:
        raise LegacyFileUnreadable(f"Nie można odczytać pliku „{path.name}”: "
                                   f"{exc.strerror or exc.__class__.__name__}.") from None
    except Exception as exc:  # a damaged workbook: openpyxl's zip / XML errors
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise LegacyFileUnreadable(f"Plik „{path.name}” nie jest poprawnym skoroszytem "
                                       "XLSX.") from exc
        raise
