"""The case list: model contract, lazy pages, server-side sorting, search box and filters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.roles import Role
from clerk_app.services.cases.query import CaseQuery
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, SenderInput
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.case_table_model import CaseTableModel
from tests.services.test_intake import deposit_petition, iok_request

PEOPLE = [("Józef", "Żółkiewski", "Bytomska"), ("Łucja", "Łęcka", "Kalwaryjska"),
          ("Anna", "Nowak", "Szpitalna"), ("Piotr", "Ślusarczyk", "Oświęcimska"),
          ("Ewa", "Kowalska", "Bytomska")]


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks cannot type letters outside Latin-1: Ł, ś…)."""
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() else int(Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     ch))


def register_people(ctx: AppContext, staff: dict[Role, Actor], count: int = 5) -> list[int]:
    """``count`` cases, cycling through PEOPLE; even ones are IOK requests for the clerk."""
    ids = []
    for i in range(count):
        first, last, street = PEOPLE[i % len(PEOPLE)]
        sender = SenderInput(first, last, None, street, str(10 + i), "", "41-940",
                             "Piekary Śląskie", None, f"osoba{i}@example.pl")
        if i % 2 == 0:
            data = iok_request(sender=sender, assignee_id=staff[Role.CLERK].user_id)
        else:
            data = deposit_petition(sender=sender,
                                    deposit=DepositDetailsInput(Decimal("500.00"), 5))
        ids.append(intake.register_item(ctx, staff[Role.COUNTER], data).case_id or 0)
    return ids


def test_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 7)
    model = CaseTableModel(ctx, staff[Role.CLERK], asynchronous=False, page_size=3,
                           max_pages=2)
    model.set_query(CaseQuery())
    assert model.rowCount() == 7
    qtmodeltester.check(model)
    model.sort(CaseTableModel.APPLICANT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_pages_are_lazy_bounded_and_sorted_by_the_database(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 10)
    model = CaseTableModel(ctx, staff[Role.CLERK], page_size=3, max_pages=2)
    with qtbot.waitSignal(model.loaded, timeout=10000) as blocker:
        model.set_query(CaseQuery(sort_key="applicant", descending=False))
    assert blocker.args == [10]
    assert model.cached_pages() == 1 and model.is_row_loaded(2) and not model.is_row_loaded(3)
    assert model.data(model.index(9, 0)) == "…"  # asks for the last page
    qtbot.waitUntil(lambda: model.is_row_loaded(9), timeout=10000)
    assert model.data(model.index(4, 0)) == "…"
    qtbot.waitUntil(lambda: model.is_row_loaded(4), timeout=10000)
    assert model.cached_pages() == 2  # the LRU cache dropped the oldest page
    applicants = []
    for row in range(10):
        qtbot.waitUntil(lambda r=row: model.row_at(r) is not None, timeout=10000)
        applicants.append(model.data(model.index(row, CaseTableModel.APPLICANT)))
    assert applicants == sorted(applicants, key=lambda a: a.replace("Ż", "Z").replace(
        "Ł", "L").replace("Ś", "S"))
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.sort(CaseTableModel.APPLICANT, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "applicant" and model.query.descending
    assert model.data(model.index(0, CaseTableModel.APPLICANT)) == "Żółkiewski Józef"


def search(qtbot: QtBot, widget: CaseListWidget, text: str) -> list[str]:
    """Type into the search box and return the signatures the list then shows."""
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.search_edit.clear()
        type_text(widget.search_edit, text)
    model = widget.model
    return [model.data(model.index(r, CaseTableModel.APPLICANT))
            for r in range(model.rowCount())]


def test_search_box_filters_and_open(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 5)
    widget = CaseListWidget(ctx, staff[Role.CLERK])
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 5, timeout=10000)
    assert search(qtbot, widget, "zolkiewski") == ["Żółkiewski Józef"]
    assert search(qtbot, widget, "ŁĘCKA") == ["Łęcka Łucja"]
    assert sorted(search(qtbot, widget, "bytomska")) == ["Kowalska Ewa", "Żółkiewski Józef"]
    assert widget.count_label.text() == "Spraw: 2"
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.kind_combo.setCurrentIndex(widget.kind_combo.findData(CaseKind.DEPOSIT.value))
    assert widget.model.rowCount() == 0
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.kind_combo.setCurrentIndex(0)
        widget.search_edit.clear()
        widget.apply_filters_now()
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.mine_check.setChecked(True)  # the clerk has the three IOK requests
    assert widget.model.rowCount() == 3
    widget.view.setFocus()
    widget.view.setCurrentIndex(widget.model.index(1, 0))
    with qtbot.waitSignal(widget.case_opened, timeout=5000) as opened:
        qtbot.keyClick(widget.view, Qt.Key.Key_Return)
    assert opened.args == [widget.model.case_id(1)]


@pytest.mark.parametrize("text", ["zolkiewski", "Żółkiewski"])
def test_debounce_runs_one_query(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], text: str
) -> None:
    register_people(ctx, staff, 3)
    widget = CaseListWidget(ctx, staff[Role.COUNTER])
    qtbot.addWidget(widget)
    qtbot.waitSignal(widget.model.loaded, timeout=10000).wait()
    calls = []
    widget.model.loaded.connect(calls.append)
    type_text(widget.search_edit, text)
    assert calls == []  # nothing runs while typing
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)


def test_my_cases_are_the_open_ones_unless_asked_for_closed_too(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    """"Moje sprawy" listed closed cases and there was no "open only" filter."""
    from sqlalchemy import update

    from clerk_app.domain.cases import CaseStatus
    from clerk_app.persistence.models import Case

    ids = register_people(ctx, staff, 5)  # the clerk has ids[0], ids[2], ids[4]
    with ctx.db.transaction() as session:
        session.execute(update(Case).where(Case.id == ids[2]).values(status=CaseStatus.CLOSED))
    widget = CaseListWidget(ctx, staff[Role.CLERK])
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 5, timeout=10000)
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.mine_check.setChecked(True)
    assert widget.open_check.isChecked()
    shown = {widget.model.case_id(r) for r in range(widget.model.rowCount())}
    assert shown == {ids[0], ids[4]}
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.open_check.setChecked(False)
    assert widget.model.rowCount() == 3
    with qtbot.waitSignal(widget.model.loaded, timeout=10000):
        widget.mine_check.setChecked(False)
        widget.open_check.setChecked(True)
    assert widget.model.rowCount() == 4
    assert CaseQuery(only_open=True).only_open


def test_cut_cells_show_their_whole_text_as_a_tooltip(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    sender = SenderInput("Anna", "Nowak", None, "Kardynała Stefana Wyszyńskiego", "112a", "14",
                         "41-940", "Piekary Śląskie", None, "anna@example.pl")
    intake.register_item(ctx, staff[Role.COUNTER], iok_request(sender=sender))
    model = CaseTableModel(ctx, staff[Role.CLERK], asynchronous=False)
    model.set_query(CaseQuery())
    tooltip = Qt.ItemDataRole.ToolTipRole
    address = model.index(0, CaseTableModel.ADDRESS)
    status = model.index(0, CaseTableModel.STATUS)
    assert model.data(address, tooltip) == "Kardynała Stefana Wyszyńskiego 112a/14"
    assert model.data(status, tooltip) == model.data(status) != ""
