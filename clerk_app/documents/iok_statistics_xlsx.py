"""The IOK statistics as an Excel workbook (openpyxl; the records of ``domain.iok_statistics``).

Sheets: "Wnioski" (one row per month: the month as a real Excel date shown "MM.YYYY", the
count per channel and the total, a totals row), "Migracja" (old accounts per class; each
batch with its letter date as a date, letters, answers, no answer, waiting) and
"Podsumowanie" (period, as-of date, requests, logins sent, the median days).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from clerk_app.documents.xlsx_parts import (
    BOLD,
    DATE_FORMAT,
    MONTH_FORMAT,
    bold_last_row,
    header_row,
    summary_rows,
    workbook_bytes,
)
from clerk_app.documents.xlsx_parts import period_text as period_text  # for the window
from clerk_app.domain.iok_statistics import CHANNELS, IokStatistics


def _requests(ws: Worksheet, stats: IokStatistics) -> None:
    header_row(ws, ["Miesiąc", *(c.label for c in CHANNELS), "Razem"],
               [11, *(16 for _ in CHANNELS), 9])
    for row in stats.months:
        ws.append([row.month, *row.counts, row.total])
        ws.cell(row=ws.max_row, column=1).number_format = MONTH_FORMAT
    ws.append(["Razem", *stats.channel_totals(), stats.requests])
    bold_last_row(ws)
    ws.freeze_panes = "B2"


def _migration(ws: Worksheet, stats: IokStatistics) -> None:
    header_row(ws, ["Klasa konta", "Liczba kont"], [34, 14])
    for item in stats.classes:
        ws.append([item.account_class.label, item.count])
    ws.append([])
    ws.append([f"Partie (brak odpowiedzi po {stats.no_answer_days} dniach)"])
    ws.cell(row=ws.max_row, column=1).font = BOLD
    titles = ["Nr partii", "Data pism", "Pism", "Odpowiedzi", "Brak odpowiedzi", "Czeka"]
    header_row(ws, titles, (34, 14, 10, 12, 16, 10))  # A and B as the classes above
    for batch in stats.batches:
        ws.append([batch.number, batch.letter_date, batch.accounts, batch.answered,
                   batch.no_answer, batch.waiting])
        ws.cell(row=ws.max_row, column=2).number_format = DATE_FORMAT
    ws.append(["Razem", None, stats.batch_letters, stats.answered, stats.no_answer,
               stats.batch_letters - stats.answered - stats.no_answer])
    bold_last_row(ws)


def _summary(ws: Worksheet, stats: IokStatistics) -> None:
    median = stats.median_days_to_login
    summary_rows(ws, 44, stats, (("Wnioski o konto IOK", stats.requests),
                                 ("Wysłane dane logowania", stats.login_sent),
                                 ("Mediana dni od wpływu do wysłania danych logowania",
                                  median if median is not None else "—")))


def statistics_workbook(stats: IokStatistics) -> bytes:
    """The workbook's bytes."""
    return workbook_bytes([("Wnioski", lambda ws: _requests(ws, stats)),
                           ("Migracja", lambda ws: _migration(ws, stats)),
                           ("Podsumowanie", lambda ws: _summary(ws, stats))])


def write_statistics_xlsx(stats: IokStatistics, path: Path) -> Path:
    path.write_bytes(statistics_workbook(stats))
    return path
