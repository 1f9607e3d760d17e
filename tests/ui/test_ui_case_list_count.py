"""A large result shows its first page with a lower-bound count; the exact count follows once
the query has stood still."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_ui_case_list import register_people

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.roles import Role
from clerk_app.domain.text import fold_for_search
from clerk_app.services.cases import query as case_query
from clerk_app.services.cases.query import CaseQuery
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui import case_table_model
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.case_table_model import CaseTableModel


def test_first_page_then_exact_rows_appended(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 7)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=3)
    qtmodeltester.check(model)
    totals: list[tuple[int, bool]] = []
    model.loaded.connect(lambda n: totals.append((n, model.total_is_exact)))
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.set_query(CaseQuery(search="piekary"))  # received order: one page read
    assert totals == [(4, False), (7, True)]
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in range(7)), timeout=10_000)
    received = [model.row_at(r).received_on for r in range(7)]  # type: ignore[union-attr]
    assert received == sorted(received, reverse=True)


def test_filtered_search_counts_exactly_afterwards(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 9)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=2)
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.set_query(CaseQuery(search="piekary", kind=CaseKind.IOK))
    assert model.total_is_exact and model.rowCount() == 5
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in range(5)), timeout=10_000)
    assert {model.row_at(r).kind for r in range(5)} == {CaseKind.IOK}  # type: ignore[union-attr]


def test_other_sort_orders_count_capped_first(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_query, "COUNT_CAP", 2)
    monkeypatch.setattr(case_query, "BROAD_MATCHES", 2)
    monkeypatch.setattr(case_query, "PG_BROAD_MATCHES", 2)
    register_people(ctx, staff, 7)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=3)
    totals: list[tuple[int, bool]] = []
    model.loaded.connect(lambda n: totals.append((n, model.total_is_exact)))
    query = CaseQuery(search="piekary", kind=CaseKind.IOK, sort_key="applicant",
                      descending=False)
    with qtbot.waitSignals([model.loaded, model.loaded], timeout=10_000):
        model.set_query(query)
    (first, first_exact), exact = totals
    assert not first_exact and 3 <= first <= 4  # a lower bound ("ponad …") at once
    assert exact == (4, True)  # then the exact count
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in range(4)), timeout=10_000)
    names = [model.row_at(r).applicant for r in range(4)]  # type: ignore[union-attr]
    assert names == sorted(names, key=fold_for_search)  # the folded sort key


def test_label_says_more_than_while_counting(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 5)
    widget = CaseListWidget(ctx, staff[Role.CLERK])
    qtbot.addWidget(widget)
    widget.model.page_size = 2
    labels: list[str] = []
    widget.model.loaded.connect(lambda _n: labels.append(widget.count_label.text()))
    widget.model.set_query(CaseQuery(search="piekary"))
    qtbot.waitUntil(lambda: len(labels) >= 2, timeout=10_000)
    assert labels[-2:] == ["Spraw: ponad 2", "Spraw: 5"]


def test_no_count_while_the_search_is_still_changing(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    register_people(ctx, staff, 5)
    counted: list[str] = []
    real_count = case_table_model.count_cases

    def recording_count(ctx: AppContext, actor: Actor, q: CaseQuery) -> int:
        counted.append(q.search)
        return real_count(ctx, actor, q)

    monkeypatch.setattr(case_table_model, "count_cases", recording_count)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=2)
    for search in ("pie", "piek", "piekar"):
        with qtbot.waitSignal(model.loaded, timeout=10_000):
            model.set_query(CaseQuery(search=search))
        assert not model.total_is_exact
    qtbot.waitUntil(lambda: model.total_is_exact, timeout=10_000)
    assert counted == ["piekar"] and model.rowCount() == 5


def test_without_search_the_count_is_exact_at_once(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 5)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=3)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_query(CaseQuery(kind=CaseKind.IOK))
    assert model.total_is_exact and model.rowCount() == 3
