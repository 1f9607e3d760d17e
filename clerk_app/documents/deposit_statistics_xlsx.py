"""The deposit statistics as an Excel workbook (openpyxl; the records of
``domain.deposit_statistics``).

Sheets: "Sprawy" (one row per month of registration: the month as a real Excel date shown
"MM.YYYY", the count per state, the total, decision deadlines met and missed and the share
met as a percentage, a totals row), "Referenci" (deadlines met and missed per clerk) and
"Podsumowanie" (period, as-of date, cases, decided, the median days, the share in time).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from clerk_app.documents import xlsx_parts
from clerk_app.documents.xlsx_parts import period_text as period_text  # for the window
from clerk_app.domain.deposit_statistics import STATES, DepositStatistics, share

PERCENT_FORMAT = "0.0%"
NONE = "—"


def _bold_last(ws: Worksheet, percent_column: int) -> None:
    xlsx_parts.bold_last_row(ws)
    ws.cell(row=ws.max_row, column=percent_column).number_format = PERCENT_FORMAT


def _cases(ws: Worksheet, stats: DepositStatistics) -> None:
    xlsx_parts.header_row(ws, ["Miesiąc", *(s.label for s in STATES), "Razem",
                               "Rozstrzygnięte w terminie", "Po terminie", "W terminie (%)"],
                          [11, *(14 for _ in STATES), 9, 14, 12, 14])
    share_column = len(STATES) + 5
    for row in stats.months:
        in_time = row.decided_in_time
        ws.append([row.month, *row.counts, row.total, row.decision_met, row.decision_missed,
                   in_time if in_time is not None else NONE])
        ws.cell(row=ws.max_row, column=1).number_format = xlsx_parts.MONTH_FORMAT
        ws.cell(row=ws.max_row, column=share_column).number_format = PERCENT_FORMAT
    total = stats.decided_in_time
    ws.append(["Razem", *stats.state_totals(), stats.cases, stats.decision_met,
               stats.decision_missed, total if total is not None else NONE])
    _bold_last(ws, share_column)
    ws.freeze_panes = "B2"


def _clerks(ws: Worksheet, stats: DepositStatistics) -> None:
    xlsx_parts.header_row(ws, ["Referent", "Dotrzymane", "Przekroczone", "Razem",
                               "Dotrzymane (%)"], [34, 12, 13, 9, 15])
    for clerk in stats.clerks:
        met_share = clerk.met_share
        ws.append([clerk.name, clerk.met, clerk.missed, clerk.total,
                   met_share if met_share is not None else NONE])
        ws.cell(row=ws.max_row, column=5).number_format = PERCENT_FORMAT
    met, missed = stats.clerk_met, stats.clerk_missed
    total = share(met, missed)
    ws.append(["Razem", met, missed, met + missed, total if total is not None else NONE])
    _bold_last(ws, 5)


def _summary(ws: Worksheet, stats: DepositStatistics) -> None:
    median, in_time = stats.median_days_to_decision, stats.decided_in_time
    xlsx_parts.summary_rows(ws, 52, stats, (
        ("Sprawy kaucji w ratach", stats.cases),
        ("Rozstrzygnięte (z datą kompletnego wniosku)", stats.decided),
        ("Mediana dni od kompletnego wniosku do rozstrzygnięcia",
         median if median is not None else NONE),
        ("Rozstrzygnięte w terminie miesiąca", in_time if in_time is not None else NONE)))
    ws["B6"].number_format = PERCENT_FORMAT


def statistics_workbook(stats: DepositStatistics) -> bytes:
    """The workbook's bytes."""
    return xlsx_parts.workbook_bytes([("Sprawy", lambda ws: _cases(ws, stats)),
                                      ("Referenci", lambda ws: _clerks(ws, stats)),
                                      ("Podsumowanie", lambda ws: _summary(ws, stats))])


def write_statistics_xlsx(stats: DepositStatistics, path: Path) -> Path:
    path.write_bytes(statistics_workbook(stats))
    return path
