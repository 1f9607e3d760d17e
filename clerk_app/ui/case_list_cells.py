"""What each cell of the case list shows, worked out once per row in the worker thread.

A repaint asks ``data()`` for some 1,600 cells and roles; with the texts ready it is a tuple
lookup instead of formatting dates and labels on the GUI thread every time.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from clerk_app.domain.text import format_date_pl
from clerk_app.services.cases.query import CaseListRow

# Column order of the case list.
SIGNATURE, KIND, APPLICANT, ADDRESS, STATUS, RECEIVED, NEXT_DEADLINE, ASSIGNEE = range(8)
COLUMN_COUNT = 8


class ShownRow(NamedTuple):
    """A list row with its cell texts (in column order) and whether its deadline passed."""

    row: CaseListRow
    texts: tuple[str, ...]
    overdue: bool


def shown_rows(rows: list[CaseListRow], today: date) -> list[ShownRow]:
    """The rows as the list shows them on ``today``."""
    return [ShownRow(r, cell_texts(r), is_overdue(r, today)) for r in rows]


def cell_texts(row: CaseListRow) -> tuple[str, ...]:
    return (
        row.signature, row.kind.label, row.applicant, row.address, row.status.label,
        format_date_pl(row.received_on),
        format_date_pl(row.next_deadline) if row.next_deadline else "",
        row.assignee,
    )


def is_overdue(row: CaseListRow, today: date) -> bool:
    """An open case whose next deadline is already behind it."""
    return row.next_deadline is not None and row.next_deadline < today and row.status.is_open
