"""The supervisors' deadline report as an Excel workbook.

Sheet "Terminy": one row per deadline with the assignee as the first column, a frozen
header row with an autofilter, real Excel dates ("DD.MM.YYYY"), set column widths, and
overdue rows filled light red. Sheet "Parametry": the report date, horizon and author.

openpyxl builds the whole workbook – styles, sheet view, columns, filter, header and two
*template* rows (a normal and an overdue one) – and the data rows are then streamed into
the sheet's ``<sheetData>`` with the style ids openpyxl gave the template cells. openpyxl
spends about 20 µs per cell, so 100,000 rows would take 20 s; streamed they take about 1 s
(``xlsx_parts.with_rows``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from clerk_app.documents import xlsx_parts
from clerk_app.domain.deadline_report import DeadlineReport

OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
SHEET_NAME = "Terminy"
# (title, width in characters, is a date)
COLUMNS = (
    ("Prowadzący", 26, False), ("Znak sprawy", 20, False), ("Wnioskodawca", 30, False),
    ("Rodzaj sprawy", 17, False), ("Rodzaj terminu", 27, False), ("Początek", 12, True),
    ("Termin", 12, True), ("Dni robocze do terminu", 12, False), ("Status", 16, False),
)
LETTERS = tuple(get_column_letter(i) for i in range(1, len(COLUMNS) + 1))
DAYS_COLUMN = 7
_TEMPLATE = ("x", "x", "x", "x", "x", date(2000, 1, 1), date(2000, 1, 1), 0, "x")
_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?')


def _template_row(ws: object, fill: PatternFill | None) -> list[WriteOnlyCell]:
    cells = []
    for (_title, _width, is_date), value in zip(COLUMNS, _TEMPLATE, strict=True):
        cell = WriteOnlyCell(ws, value=value)
        if is_date:
            cell.number_format = xlsx_parts.DATE_FORMAT
        if fill is not None:
            cell.fill = fill
        cells.append(cell)
    return cells


def _parameters(wb: Workbook, report: DeadlineReport) -> None:
    ws = xlsx_parts.parameters_sheet(wb, 40)
    dates = [xlsx_parts.formatted_cell(ws, day, xlsx_parts.DATE_FORMAT)
             for day in (report.as_of, report.horizon_end)]
    # A date and time a spreadsheet can sort by, not text (office time, as on the PDF).
    generated = xlsx_parts.formatted_cell(ws, report.generated_at.replace(tzinfo=None),
                                          xlsx_parts.DATETIME_FORMAT)
    rows: Sequence[tuple[str, object]] = (
        ("Stan na dzień", dates[0]), ("Horyzont (dni)", report.horizon_days),
        ("Terminy do dnia", dates[1]), ("Liczba terminów", report.row_count),
        ("W tym po terminie", report.overdue_count),
        ("Wygenerowano", generated),
        ("Przez", report.generated_by),
    )
    for label, value in rows:
        ws.append([label, value])


def _skeleton(report: DeadlineReport) -> bytes:
    """The workbook from openpyxl with the header and the two template rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_NAME)
    xlsx_parts.print_as_register(ws)  # landscape, one page wide, the header on every page
    ws.auto_filter.ref = f"A1:{LETTERS[-1]}{report.row_count + 1}"
    for letter, (_title, width, _is_date) in zip(LETTERS, COLUMNS, strict=True):
        ws.column_dimensions[letter].width = width
    ws.append(xlsx_parts.header_cells(ws, (title for title, _width, _is_date in COLUMNS)))
    ws.append(_template_row(ws, None))
    ws.append(_template_row(ws, OVERDUE_FILL))
    _parameters(wb, report)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _styles(sheet_xml: str) -> tuple[list[str], list[str]]:
    """The ` s="n"` attribute of each column in template row 2 (normal) and 3 (overdue)."""
    found: dict[tuple[str, str], str] = {}
    for column, row, style in _CELL.findall(sheet_xml):
        found[(column, row)] = f' s="{style}"' if style else ""
    return ([found[(c, "2")] for c in LETTERS], [found[(c, "3")] for c in LETTERS])


def _row_template(styles: list[str]) -> str:
    """A ``str.format`` template of one data row: ``{n}`` the row number, ``{0}``… values."""
    cells = []
    for index, ((_title, _width, is_date), letter, style) in enumerate(
            zip(COLUMNS, LETTERS, styles, strict=True)):
        ref = f'<c r="{letter}{{n}}"{style}'
        if is_date:
            cells.append(f'{ref} t="n"><v>{{{index}}}</v></c>')
        elif index == DAYS_COLUMN:  # the value brings its own ending: number or empty
            cells.append(f"{ref}{{{index}}}")
        else:
            cells.append(f'{ref} t="inlineStr"><is><t>{{{index}}}</t></is></c>')
    return '<row r="{n}">' + "".join(cells) + "</row>"


def _rows_xml(report: DeadlineReport, normal: list[str], overdue: list[str]) -> Iterable[str]:
    plain, red = _row_template(normal), _row_template(overdue)
    text, epoch = xlsx_parts.xml_text_cache(), xlsx_parts.EPOCH_ORDINAL
    number = 1
    for group in report.groups:
        assignee = text(group.assignee_name)
        for row in group.rows:
            number += 1
            days = row.working_days_left
            yield (red if row.overdue else plain).format(
                assignee, text(row.signature), text(row.applicant),
                text(row.case_kind.label), text(row.deadline_kind.label),
                row.start_on.toordinal() - epoch,
                (row.due_on or row.start_on).toordinal() - epoch,  # never suspended
                "/>" if days is None else f' t="n"><v>{days}</v></c>',
                text(row.status_label), n=number)


def render_deadline_report_xlsx(report: DeadlineReport) -> bytes:
    """The report as XLSX bytes."""
    skeleton = zipfile.ZipFile(io.BytesIO(_skeleton(report)))
    sheet = skeleton.read(xlsx_parts.SHEET_PART).decode("utf-8")
    normal, overdue = _styles(sheet)
    return xlsx_parts.with_rows(skeleton, sheet, _rows_xml(report, normal, overdue))


def write_deadline_report_xlsx(report: DeadlineReport, path: Path) -> None:
    """Render the report and write it to ``path``."""
    Path(path).write_bytes(render_deadline_report_xlsx(report))
