"""The case list is painted once per search: no second repaint when a result that fits on
one screen follows one that does not (the scroll bar coming and going resized every column)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.case_list_widget import CaseListWidget
from tests.ui.test_ui_case_list import register_people


class FullPaints(QObject):
    """Counts the paint events that cover most of a viewport."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__()
        self.viewport, self.count = viewport, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.viewport and isinstance(event, QPaintEvent)
                and event.rect().height() > self.viewport.height() // 2):
            self.count += 1
        return False


def test_one_repaint_per_search_as_results_grow_and_shrink(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    register_people(ctx, staff, 30)  # more rows than the list shows at once
    widget = CaseListWidget(ctx, staff[Role.CLERK])
    qtbot.addWidget(widget)
    widget.resize(900, 360)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 30, timeout=10000)
    qtbot.wait(100)
    paints = FullPaints(widget.view.viewport())
    widget.view.viewport().installEventFilter(paints)
    searches = ["osoba1@", "", "osoba2@", "", "osoba3@", ""]  # 1 row, 30 rows, …
    for text in searches:
        with qtbot.waitSignal(widget.model.loaded, timeout=10000):
            widget.search_edit.setText(text)
            widget.apply_filters_now()
        qtbot.wait(100)  # every repaint the search causes
        assert widget.model.rowCount() == (1 if text else 30)
    qtbot.wait(200)
    assert paints.count == len(searches)
