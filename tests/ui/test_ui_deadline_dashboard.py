"""Deadline dashboard: colours, the delay-notice list, the supervisor's assignee filter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.deadline_report import DeadlineRow
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.deadline_dashboard import ALL_ASSIGNEES, DeadlineDashboard
from clerk_app.ui.deadline_table_model import (
    APPLICANT_MISSED_BACKGROUND,
    COL_APPLICANT,
    COL_DAYS_LEFT,
    COL_DUE,
    COL_STATUS,
    OVERDUE_BACKGROUND,
    SOON_BACKGROUND,
    CaseIdRole,
    DeadlineTableModel,
)
from tests.services.test_deadlines_report import fill
from tests.ui.ui_test_support import WAIT_MS


def _dashboard(qtbot: QtBot, ctx: AppContext, actor: Actor) -> DeadlineDashboard:
    dashboard = DeadlineDashboard(ctx, actor)
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.refreshed, timeout=WAIT_MS):
        pass  # the first load was started by the constructor
    return dashboard


def _background(model: DeadlineTableModel, row: int) -> object:
    brush = model.index(row, COL_DUE).data(Qt.ItemDataRole.BackgroundRole)
    return None if brush is None else brush.color()


def test_clerk_sees_own_deadlines_coloured(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    ids = fill(ctx, staff)
    dashboard = _dashboard(qtbot, ctx, staff[Role.CLERK])
    assert not dashboard.assignee_combo.isVisibleTo(dashboard)
    model = dashboard.model
    by_case = {model.index(r, 0).data(CaseIdRole): r for r in range(model.rowCount())}
    assert set(by_case) == {ids["overdue"], ids["soon"], ids["waiting"]}
    # the overdue one is the applicant's period (deficiencies): not the office's red
    assert _background(model, by_case[ids["overdue"]]) == APPLICANT_MISSED_BACKGROUND
    assert "nie jest to uchybienie urzędu" in model.index(
        by_case[ids["overdue"]], COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert _background(model, by_case[ids["soon"]]) == SOON_BACKGROUND
    assert _background(model, by_case[ids["waiting"]]) is None
    assert model.index(by_case[ids["overdue"]], COL_DAYS_LEFT).data() == "-1"
    assert model.index(by_case[ids["waiting"]], COL_STATUS).data() == "Wstrzymany"
    delay = dashboard.delay_model
    assert delay.rowCount() == 1
    assert delay.index(0, 0).data(CaseIdRole) == ids["soon"]
    assert delay.index(0, COL_APPLICANT).data() == "Ąbacka Ewa"
    with qtbot.waitSignal(dashboard.caseActivated, timeout=WAIT_MS) as signal:
        dashboard.table.doubleClicked.emit(model.index(by_case[ids["soon"]], 1))
    assert signal.args == [ids["soon"]]


def test_supervisor_filters_by_assignee(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    ids = fill(ctx, staff)
    boss, clerk = staff[Role.SUPERVISOR], staff[Role.CLERK]
    dashboard = _dashboard(qtbot, ctx, boss)
    assert dashboard.assignee_combo.isVisibleTo(dashboard)
    names = [dashboard.assignee_combo.itemText(i)
             for i in range(dashboard.assignee_combo.count())]
    assert names == ["Wszyscy referenci", "(nieprzydzielone)", "Józef Żółkiewski",
                     "Krystyna Kierownik"]
    assert dashboard.model.rowCount() == 5
    dashboard.set_assignee_filter(boss.user_id)
    assert [dashboard.model.index(r, 0).data(CaseIdRole)
            for r in range(dashboard.model.rowCount())] == [ids["later"]]
    dashboard.set_assignee_filter(None)
    assert dashboard.model.rowCount() == 1
    dashboard.set_assignee_filter(clerk.user_id)
    assert dashboard.model.rowCount() == 3 and dashboard.delay_model.rowCount() == 1
    dashboard.set_assignee_filter(ALL_ASSIGNEES)
    assert dashboard.model.rowCount() == 5
    with qtbot.waitSignal(dashboard.refreshed, timeout=WAIT_MS):
        dashboard.refresh()
    assert dashboard.model.rowCount() == 5


def _row(n: int, due: date, left: int | None, overdue: bool = False) -> DeadlineRow:
    return DeadlineRow(n, n, f"BGM.7141.{n}.2026", f"Nowak {n}", CaseKind.DEPOSIT,
                       DeadlineKind.DECISION, date(2026, 3, 2), due, left, overdue,
                       DeadlineState.SUSPENDED if left is None else DeadlineState.RUNNING,
                       CaseStatus.IN_PROGRESS, None, "(nieprzydzielone)", 1)


def test_table_model_passes_qt_model_tester(qtmodeltester: object) -> None:
    model = DeadlineTableModel()
    model.set_rows([_row(3, date(2026, 3, 9), 5), _row(1, date(2026, 2, 27), -1, True),
                    _row(2, date(2026, 4, 2), None)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(COL_DAYS_LEFT, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).deadline_id for r in range(3)] == [1, 3, 2]  # type: ignore[union-attr]
    model.sort(COL_DUE, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(r).deadline_id for r in range(3)] == [2, 3, 1]  # type: ignore[union-attr]
    assert model.index(0, COL_DUE).data() == "—"
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_rows([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_office_overdue_is_red_and_old_misses_need_no_delay_notice() -> None:
    """The office's own missed decision is red and named so; a decision missed by weeks is
    no longer among the delay notices to write now (it was)."""
    model = DeadlineTableModel()
    fresh = _row(1, date(2026, 2, 27), -1, True)  # one working day late: notice now
    old = _row(2, date(2026, 1, 30), -21, True)  # weeks late: the overdue list
    soon = _row(3, date(2026, 3, 9), 5)
    model.set_rows([fresh, old, soon])
    assert model.index(0, COL_DUE).data(Qt.ItemDataRole.BackgroundRole).color() == \
        OVERDUE_BACKGROUND
    assert "Termin urzędu został przekroczony" in model.index(0, COL_STATUS).data(
        Qt.ItemDataRole.ToolTipRole)
    assert fresh.office_overdue and not fresh.applicant_missed
    assert [r.needs_delay_notice for r in (fresh, old, soon)] == [True, False, True]
    assert not _row(4, date(2026, 3, 16), 6).needs_delay_notice  # not yet
