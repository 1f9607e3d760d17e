"""The IOK statistics panel through the main window's menu, on SQLite and PostgreSQL: the
year filter, the tables (qtmodeltester), the charts, the XLSX export; supervisors only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCharts import QPieSeries, QStackedBarSeries
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import Channel
from clerk_app.domain.iok_statistics import CHANNELS
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.statistics.iok_window import IokStatisticsWindow
from tests.services.statistics.test_iok_statistics import fill
from tests.ui.ui_test_support import WAIT_MS, settled


def _open(qtbot: QtBot, ctx: AppContext, actor: Actor) -> IokStatisticsWindow:
    main = MainWindow(ctx, actor)
    qtbot.addWidget(main)
    assert main.act_iok_statistics.isEnabled()
    main.act_iok_statistics.trigger()
    window = main.windows["iok_statistics"]
    assert isinstance(window, IokStatisticsWindow)
    qtbot.waitUntil(lambda: window.stats is not None, timeout=WAIT_MS)
    settled(qtbot)
    return window


def cell(window: IokStatisticsWindow, row: int, column: int) -> str:
    return str(window.months_model.index(row, column).data())


def test_panel_filters_by_year_and_exports(qtbot: QtBot, qtmodeltester, ctx: AppContext,
                                           staff: dict[Role, Actor], tmp_path: Path) -> None:
    boss = staff[Role.SUPERVISOR]
    fill(ctx, boss.user_id)
    window = _open(qtbot, ctx, boss)
    window.resize(1100, 720)
    window.show()
    assert window.year() == 2026
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == [
        "Wszystkie lata", "2026", "2025"]
    model = window.months_model
    assert model.rowCount() == 13 and model.columnCount() == len(CHANNELS) + 2
    assert cell(window, 0, 0) == "styczeń 2026" and cell(window, 0, len(CHANNELS) + 1) == "2"
    assert cell(window, 12, 0) == "Razem" and cell(window, 12, len(CHANNELS) + 1) == "4"
    email = CHANNELS.index(Channel.EMAIL) + 1
    assert cell(window, 1, email) == "2"
    assert "wnioski o konto IOK: <b>4</b>" in window.summary.text()
    assert "mediana dni od wpływu do wysłania danych logowania: <b>10</b>" in \
        window.summary.text()
    qtmodeltester.check(model)
    qtmodeltester.check(window.batch_model)
    assert window.batch_model.rowCount() == 2
    assert window.batch_model.index(0, 1).data() == "10.01.2026"
    assert "brak odpowiedzi po 30 dniach: 2" in window.migration_summary.text()
    [bars] = window.requests_view.chart().series()
    assert isinstance(bars, QStackedBarSeries) and bars.count() == len(CHANNELS)
    [pie] = window.classes_view.chart().series()
    assert isinstance(pie, QPieSeries) and pie.count() == 3
    window.grab().save("/tmp/shots/mail/iok_statistics_requests.png")
    window.tabs.setCurrentIndex(1)
    window.grab().save("/tmp/shots/mail/iok_statistics_migration.png")

    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.select_year(None)
    assert window.year() is None and model.rowCount() == 4  # Dec 2025 … Feb 2026 + totals
    assert "Wszystkie lata" in window.summary.text()

    target = tmp_path / "statystyki.xlsx"
    with qtbot.waitSignal(window.saved, timeout=WAIT_MS):
        window.save_xlsx(target)
    wb = load_workbook(target)
    assert wb["Wnioski"]["A2"].value.date() == date(2025, 12, 1)
    assert wb["Podsumowanie"]["B1"].value == "wszystkie lata"


def test_clerks_do_not_get_the_panel(qtbot: QtBot, ctx: AppContext,
                                     staff: dict[Role, Actor]) -> None:
    main = MainWindow(ctx, staff[Role.CLERK])
    qtbot.addWidget(main)
    assert not main.act_iok_statistics.isEnabled()
    assert main.act_iok_statistics.text() == "&Statystyki IOK…"
