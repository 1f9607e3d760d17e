"""The statistics workbook read back with openpyxl: dates are dates, counts are numbers,
totals add up (filled from the real service on SQLite and PostgreSQL)."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook

from clerk_app.documents.iok_statistics_xlsx import statistics_workbook
from clerk_app.domain.iok_statistics import CHANNELS
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.statistics.iok import iok_statistics
from tests.services.statistics.test_iok_statistics import fill


def test_workbook_reads_back(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    boss = staff[Role.SUPERVISOR]
    fill(ctx, boss.user_id)
    wb = load_workbook(io.BytesIO(statistics_workbook(iok_statistics(ctx, boss, 2026))))
    assert wb.sheetnames == ["Wnioski", "Migracja", "Podsumowanie"]
    requests = wb["Wnioski"]
    header = [c.value for c in requests[1]]
    assert header == ["Miesiąc", *(c.label for c in CHANNELS), "Razem"]
    january = [c.value for c in requests[2]]
    assert isinstance(january[0], datetime) and january[0].date() == date(2026, 1, 1)
    assert requests["A2"].number_format == "MM.YYYY"
    assert january[-1] == 2 and sum(january[1:-1]) == 2
    totals = [c.value for c in requests[14]]
    assert totals[0] == "Razem" and totals[-1] == 4

    migration = wb["Migracja"]
    rows = [[c.value for c in row] for row in migration.iter_rows()]
    assert [r[:2] for r in rows[1:4]] == [
        ["Do przeniesienia", 5], ["Wymaga zgody i adresu e-mail", 6],
        ["Pominięte (nieaktywne)", 1]]
    batch = next(r for r in rows if r[0] == 1)
    assert batch[1] == datetime(2026, 1, 10) and batch[2:] == [5, 3, 2, 0]
    assert migration.cell(row=rows.index(batch) + 1, column=2).number_format == "DD.MM.YYYY"
    assert rows[-1] == ["Razem", None, 9, 4, 2, 3]

    summary = {r[0].value: r[1].value for r in wb["Podsumowanie"].iter_rows()}
    assert summary["Okres"] == "rok 2026"
    assert summary["Stan na dzień"] == datetime(2026, 3, 2)
    assert summary["Wnioski o konto IOK"] == 4 and summary["Wysłane dane logowania"] == 3
    assert summary["Mediana dni od wpływu do wysłania danych logowania"] == 10
