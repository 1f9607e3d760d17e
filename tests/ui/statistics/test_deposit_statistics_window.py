"""The deposit statistics panel through the main window's menu, on SQLite and PostgreSQL:
the year filter, the tables (qtmodeltester), the charts, the XLSX export; supervisors
only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCharts import QHorizontalStackedBarSeries, QStackedBarSeries
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.deposit_statistics import STATES
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.statistics.deposit_models import percent_text
from clerk_app.ui.statistics.deposit_window import DepositStatisticsWindow
from tests.services.statistics.test_deposit_statistics import fill
from tests.ui.ui_test_support import WAIT_MS, settled

SHOTS = Path("/tmp/shots/stats")


def _open(qtbot: QtBot, ctx: AppContext, actor: Actor) -> DepositStatisticsWindow:
    main = MainWindow(ctx, actor)
    qtbot.addWidget(main)
    assert main.act_deposit_statistics.isEnabled()
    main.act_deposit_statistics.trigger()
    window = main.windows["deposit_statistics"]
    assert isinstance(window, DepositStatisticsWindow)
    qtbot.waitUntil(lambda: window.stats is not None, timeout=WAIT_MS)
    settled(qtbot)
    return window


def cell(window: DepositStatisticsWindow, row: int, column: int) -> str:
    return str(window.months_model.index(row, column).data())


def test_panel_filters_by_year_and_exports(qtbot: QtBot, qtmodeltester, ctx: AppContext,
                                           staff: dict[Role, Actor], tmp_path: Path) -> None:
    fill(ctx, staff)
    window = _open(qtbot, ctx, staff[Role.SUPERVISOR])
    window.resize(1100, 720)
    window.show()
    assert window.year() == 2026
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == [
        "Wszystkie lata", "2026", "2025"]
    model = window.months_model
    total = len(STATES) + 1
    assert model.rowCount() == 13 and model.columnCount() == len(STATES) + 5
    assert cell(window, 0, 0) == "styczeń 2026" and cell(window, 0, total) == "2"
    assert cell(window, 0, STATES.index(CaseStatus.REFUSAL) + 1) == "1"
    assert [cell(window, 0, total + i) for i in (1, 2, 3)] == ["1", "1", "50,0 %"]
    assert cell(window, 1, total + 3) == "—"
    assert cell(window, 12, 0) == "Razem" and cell(window, 12, total) == "4"
    text = window.summary.text()
    assert "sprawy kaucji w ratach: <b>4</b>" in text
    assert "rozstrzygnięte w terminie miesiąca: <b>50,0 %</b> (1 z 2)" in text
    assert "rozstrzygnięcia: <b>22,5</b> (rozstrzygniętych: 2)" in text
    qtmodeltester.check(model)
    clerks = window.clerk_model
    qtmodeltester.check(clerks)
    assert clerks.rowCount() == 4
    assert [clerks.index(0, c).data() for c in range(5)] == [
        "Józef Żółkiewski", "2", "1", "3", "66,7 %"]
    assert [clerks.index(3, c).data() for c in range(5)] == ["Razem", "3", "2", "5", "60,0 %"]
    [bars] = window.states_view.chart().series()
    assert isinstance(bars, QStackedBarSeries) and bars.count() == len(STATES)
    [decisions] = window.decisions_view.chart().series()
    assert isinstance(decisions, QStackedBarSeries) and decisions.count() == 2
    [per_clerk] = window.clerks_view.chart().series()
    assert isinstance(per_clerk, QHorizontalStackedBarSeries)
    assert [b.at(2) for b in per_clerk.barSets()] == [2.0, 1.0]  # the first clerk on top
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "deposit_statistics_cases.png"))
    window.tabs.setCurrentIndex(1)
    window.grab().save(str(SHOTS / "deposit_statistics_deadlines.png"))

    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.select_year(None)
    assert window.year() is None and model.rowCount() == 4  # Dec 2025 … Feb 2026 + totals
    assert "Wszystkie lata" in window.summary.text()

    target = tmp_path / "statystyki.xlsx"
    with qtbot.waitSignal(window.saved, timeout=WAIT_MS):
        window.save_xlsx(target)
    wb = load_workbook(target)
    assert wb["Sprawy"]["A2"].value.date() == date(2025, 12, 1)
    assert wb["Podsumowanie"]["B1"].value == "wszystkie lata"


def test_clerks_do_not_get_the_panel(qtbot: QtBot, ctx: AppContext,
                                     staff: dict[Role, Actor]) -> None:
    for role in (Role.CLERK, Role.COUNTER, Role.ADMIN):
        main = MainWindow(ctx, staff[role])
        qtbot.addWidget(main)
        assert not main.act_deposit_statistics.isEnabled()
    assert main.act_deposit_statistics.text() == "Statystyki &kaucji…"


def test_percent_text() -> None:
    assert percent_text(None) == "—" and percent_text(2 / 3) == "66,7 %"
