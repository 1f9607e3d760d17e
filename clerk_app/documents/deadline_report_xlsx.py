"""The supervisors' deadline report as an Excel workbook (openpyxl, write-only mode).

Sheet "Terminy": one row per deadline with the assignee as the first column, a frozen
header row with an autofilter, real Excel dates ("DD.MM.YYYY"), set column widths, and
overdue rows filled light red. Sheet "Parametry": the report date, horizon and author.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from clerk_app.services.deadline_report import DeadlineReport

DATE_FORMAT = "DD.MM.YYYY"
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
# (title, width in characters, is a date)
COLUMNS = (
    ("Prowadzący", 26, False), ("Znak sprawy", 20, False), ("Wnioskodawca", 30, False),
    ("Rodzaj sprawy", 17, False), ("Rodzaj terminu", 27, False), ("Początek", 12, True),
    ("Termin", 12, True), ("Dni robocze do terminu", 12, False), ("Status", 16, False),
)


def _templates(ws: WriteOnlyWorksheet, fill: PatternFill | None) -> list[WriteOnlyCell]:
    """One pre-styled cell per column; write-only rows are written at once, so each row
    reuses them (styles are registered once instead of per cell)."""
    cells = []
    for _title, _width, is_date in COLUMNS:
        cell = WriteOnlyCell(ws)
        if is_date:
            cell.number_format = DATE_FORMAT
        if fill is not None:
            cell.fill = fill
        cells.append(cell)
    return cells


def _header(ws: WriteOnlyWorksheet) -> list[WriteOnlyCell]:
    cells = []
    for title, _width, _is_date in COLUMNS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cells.append(cell)
    return cells


def _parameters(wb: Workbook, report: DeadlineReport) -> None:
    ws = wb.create_sheet("Parametry")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 40
    date_cell = WriteOnlyCell(ws, value=report.as_of)
    date_cell.number_format = DATE_FORMAT
    end_cell = WriteOnlyCell(ws, value=report.horizon_end)
    end_cell.number_format = DATE_FORMAT
    rows: Sequence[tuple[str, object]] = (
        ("Stan na dzień", date_cell), ("Horyzont (dni)", report.horizon_days),
        ("Terminy do dnia", end_cell), ("Liczba terminów", report.row_count),
        ("W tym po terminie", report.overdue_count),
        ("Wygenerowano", report.generated_at.strftime("%d.%m.%Y %H:%M")),
        ("Przez", report.generated_by),
    )
    for label, value in rows:
        ws.append([label, value])


def render_deadline_report_xlsx(report: DeadlineReport) -> bytes:
    """The report as XLSX bytes."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Terminy")
    ws.freeze_panes = "A2"
    last_col = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last_col}{report.row_count + 1}"
    for index, (_title, width, _is_date) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.append(_header(ws))
    normal, overdue = _templates(ws, None), _templates(ws, OVERDUE_FILL)
    for group in report.groups:
        for row in group.rows:
            cells = overdue if row.overdue else normal
            values = (group.assignee_name, row.signature, row.applicant, row.case_kind.label,
                      row.deadline_kind.label, row.start_on, row.due_on,
                      row.working_days_left, row.status_label)
            for cell, value in zip(cells, values, strict=True):
                cell.value = value
            ws.append(cells)
    _parameters(wb, report)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_deadline_report_xlsx(report: DeadlineReport, path: Path) -> None:
    """Render the report and write it to ``path``."""
    Path(path).write_bytes(render_deadline_report_xlsx(report))
