"""A large result shows its first page after a capped count; the exact count follows."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_ui_case_list import register_people

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.roles import Role
from clerk_app.services import case_query
from clerk_app.services.case_query import CaseQuery
from clerk_app.services.context import Actor, AppContext
from clerk_app.ui import case_table_model
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.case_table_model import CaseTableModel


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(case_table_model, "COUNT_CAP", 2)
    monkeypatch.setattr(case_query, "COUNT_CAP", 2)
    monkeypatch.setattr(case_query, "BROAD_MATCHES", 2)


def test_capped_count_then_exact_rows_appended(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: AppContext, staff: dict[Role, Actor],
    small_cap: None,
) -> None:
    register_people(ctx, staff, 7)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=3)
    qtmodeltester.check(model)
    # A search with a filter is never counted in the trigram index: the cap applies on both.
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.set_query(CaseQuery(search="piekary", kind=CaseKind.IOK))
    qtbot.waitUntil(lambda: model.total_is_exact, timeout=10_000)
    assert model.rowCount() == 4
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in range(4)), timeout=10_000)
    assert {model.row_at(r).kind for r in range(4)} == {CaseKind.IOK}  # type: ignore[union-attr]


def test_label_says_more_than_while_counting(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], small_cap: None
) -> None:
    register_people(ctx, staff, 5)
    widget = CaseListWidget(ctx, staff[Role.CLERK])
    qtbot.addWidget(widget)
    labels: list[str] = []
    widget.model.loaded.connect(lambda _n: labels.append(widget.count_label.text()))
    widget.model.set_query(CaseQuery(search="piekary", kind=CaseKind.IOK))
    qtbot.waitUntil(lambda: len(labels) >= 2, timeout=10_000)
    assert labels[-2] == "Spraw: ponad 2"
    assert labels[-1] == "Spraw: 3"


def test_without_search_the_count_is_exact_at_once(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], small_cap: None
) -> None:
    register_people(ctx, staff, 5)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=3)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_query(CaseQuery(kind=CaseKind.IOK))
    assert model.total_is_exact and model.rowCount() == 3
