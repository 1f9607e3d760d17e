"""The two registers as one kind of table: columns, cell values, titles, parameters.

The PDF (``register_pdf``) and the workbook (``register_xlsx``) render a
:class:`RegisterTable`; :func:`register_table` makes one from either register record.
A column may be left out of the PDF (``pdf_mm`` 0), where the page title already says it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from clerk_app.domain.registers import (
    CaseRegister,
    CaseRegisterRow,
    IncomingRegister,
    IncomingRegisterRow,
)

Kind = Literal["text", "int", "date"]
Value = str | int | date | None


@dataclass(frozen=True)
class Column:
    title: str
    pdf_mm: float  # width on the PDF page; 0: not printed
    xlsx_chars: float  # width in the workbook
    kind: Kind = "text"
    align: str = "left"
    lines: int = 3  # at most this many lines of a PDF cell (then an ellipsis)


@dataclass(frozen=True)
class RegisterTable:
    title: str
    subtitle: str
    sheet: str  # the workbook sheet's name
    columns: tuple[Column, ...]
    rows: Sequence[Any]
    cells: Callable[[Any], tuple[Value, ...]]  # a row's values, one per column
    generated_at: datetime
    generated_by: str
    empty_text: str
    parameters: tuple[tuple[str, Value], ...]
    landscape: bool = True


CASE_COLUMNS = (
    Column("Lp.", 12, 7, "int", "center", 1),
    Column("Znak sprawy", 0, 22),
    Column("Sprawa (krótka treść)", 54, 40),
    Column("Od kogo wpłynęła", 48, 30),
    Column("Znak pisma", 30, 18, lines=2),
    Column("Z dnia", 20, 11, "date", "center", 1),
    Column("Data wszczęcia sprawy", 22, 12, "date", "center", 1),
    Column("Data ostatecznego załatwienia", 24, 12, "date", "center", 1),
    Column("Uwagi (sposób załatwienia)", 63, 44),
)
INCOMING_COLUMNS = (
    Column("Nr wpisu", 21, 12, align="center", lines=1),
    Column("Data wpływu", 19, 11, "date", "center", 1),
    Column("Nadawca", 44, 30),
    Column("Znak pisma", 26, 18, lines=2),
    Column("Z dnia", 19, 11, "date", "center", 1),
    Column("Dotyczy (treść)", 58, 40),
    Column("Zał.", 10, 6, "int", "center", 1),
    Column("Przydzielono", 32, 24, lines=2),
    Column("Uwagi", 44, 32),
)


def _case_cells(row: CaseRegisterRow) -> tuple[Value, ...]:
    return (row.number, row.signature, row.subject, row.sender, row.sender_reference,
            row.sender_reference_date, row.opened_on, row.settled_on, row.remarks)


def _incoming_cells(row: IncomingRegisterRow) -> tuple[Value, ...]:
    return (row.entry_number, row.received_on, row.sender, row.sender_reference,
            row.sender_reference_date, row.subject, row.attachments, row.assigned_to,
            row.remarks)


def case_table(register: CaseRegister) -> RegisterTable:
    count, settled = len(register.rows), register.settled_count
    return RegisterTable(
        title=f"Spis spraw {register.symbol} – rok {register.year}",
        subtitle=(f"Komórka organizacyjna: {register.unit}, klasa JRWA: "
                  f"{register.jrwa_class}, rok {register.year}. Spraw: {count}, w tym "
                  f"załatwionych ostatecznie: {settled}."),
        sheet="Spis spraw", columns=CASE_COLUMNS, rows=register.rows, cells=_case_cells,
        generated_at=register.generated_at, generated_by=register.generated_by,
        empty_text="W tym spisie nie ma spraw.",
        parameters=(("Komórka organizacyjna", register.unit),
                    ("Klasa JRWA", register.jrwa_class), ("Rok", register.year),
                    ("Liczba spraw", count), ("Załatwionych ostatecznie", settled)))


def incoming_table(register: IncomingRegister) -> RegisterTable:
    count = len(register.rows)
    return RegisterTable(
        title=f"Rejestr przesyłek wpływających – rok {register.year}",
        subtitle=f"Wpisów w roku {register.year}: {count}.",
        sheet="Rejestr przesyłek", columns=INCOMING_COLUMNS, rows=register.rows,
        cells=_incoming_cells, generated_at=register.generated_at,
        generated_by=register.generated_by,
        empty_text="W tym roku nie zarejestrowano przesyłek.",
        parameters=(("Rok", register.year), ("Liczba wpisów", count)))


def register_table(register: CaseRegister | IncomingRegister) -> RegisterTable:
    """The table of either register."""
    if isinstance(register, CaseRegister):
        return case_table(register)
    return incoming_table(register)


def file_stem(register: CaseRegister | IncomingRegister) -> str:
    """A file name without its extension, e.g. ``spis_spraw_ZGM.0143_2026``."""
    if isinstance(register, CaseRegister):
        return f"spis_spraw_{register.symbol}_{register.year}"
    return f"rejestr_przesylek_{register.year}"
