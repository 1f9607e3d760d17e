"""The IOK statistics as an Excel workbook (openpyxl; the records of ``domain.iok_statistics``).

Sheets: "Wnioski" (one row per month: the month as a real Excel date shown "MM.YYYY", the
count per channel and the total, a totals row), "Migracja" (old accounts per class; each
batch with its letter date as a date, letters, answers, no answer, waiting) and
"Podsumowanie" (period, as-of date, requests, logins sent, the median days).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from clerk_app.domain.iok_statistics import CHANNELS, IokStatistics

DATE_FORMAT = "DD.MM.YYYY"
MONTH_FORMAT = "MM.YYYY"
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
BOLD = Font(bold=True)


def period_text(stats: IokStatistics) -> str:
    return f"rok {stats.year}" if stats.year is not None else "wszystkie lata"


def _header(ws: Worksheet, titles: Sequence[str], widths: Sequence[int]) -> None:
    ws.append(list(titles))
    for column, width in enumerate(widths, start=1):
        cell = ws.cell(row=ws.max_row, column=column)
        cell.font, cell.fill = BOLD, HEADER_FILL
        ws.column_dimensions[get_column_letter(column)].width = width


def _requests(ws: Worksheet, stats: IokStatistics) -> None:
    _header(ws, ["Miesiąc", *(c.label for c in CHANNELS), "Razem"],
            [11, *(16 for _ in CHANNELS), 9])
    for row in stats.months:
        ws.append([row.month, *row.counts, row.total])
        ws.cell(row=ws.max_row, column=1).number_format = MONTH_FORMAT
    ws.append(["Razem", *stats.channel_totals(), stats.requests])
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    ws.freeze_panes = "B2"


def _migration(ws: Worksheet, stats: IokStatistics) -> None:
    _header(ws, ["Klasa konta", "Liczba kont"], [34, 14])
    for item in stats.classes:
        ws.append([item.account_class.label, item.count])
    ws.append([])
    ws.append([f"Partie (brak odpowiedzi po {stats.no_answer_days} dniach)"])
    ws.cell(row=ws.max_row, column=1).font = BOLD
    titles = ["Nr partii", "Data pism", "Pism", "Odpowiedzi", "Brak odpowiedzi", "Czeka"]
    ws.append(titles)
    for column in range(1, len(titles) + 1):
        cell = ws.cell(row=ws.max_row, column=column)
        cell.font, cell.fill = BOLD, HEADER_FILL
    for letter, width in zip("CDEF", (10, 12, 16, 10), strict=True):
        ws.column_dimensions[letter].width = width
    for batch in stats.batches:
        ws.append([batch.number, batch.letter_date, batch.accounts, batch.answered,
                   batch.no_answer, batch.waiting])
        ws.cell(row=ws.max_row, column=2).number_format = DATE_FORMAT
    ws.append(["Razem", None, stats.batch_letters, stats.answered, stats.no_answer,
               stats.batch_letters - stats.answered - stats.no_answer])
    for cell in ws[ws.max_row]:
        cell.font = BOLD


def _summary(ws: Worksheet, stats: IokStatistics) -> None:
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 16
    median = stats.median_days_to_login
    for label, value in (("Okres", period_text(stats)), ("Stan na dzień", stats.as_of),
                         ("Wnioski o konto IOK", stats.requests),
                         ("Wysłane dane logowania", stats.login_sent),
                         ("Mediana dni od wpływu do wysłania danych logowania",
                          median if median is not None else "—")):
        ws.append([label, value])
        ws.cell(row=ws.max_row, column=1).font = BOLD
    ws["B2"].number_format = DATE_FORMAT


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


def statistics_workbook(stats: IokStatistics) -> bytes:
    """The workbook's bytes."""
    return workbook_bytes([("Wnioski", lambda ws: _requests(ws, stats)),
                           ("Migracja", lambda ws: _migration(ws, stats)),
                           ("Podsumowanie", lambda ws: _summary(ws, stats))])


def write_statistics_xlsx(stats: IokStatistics, path: Path) -> Path:
    path.write_bytes(statistics_workbook(stats))
    return path
