"""The case list model: a million rows, fetched lazily in pages, sorted by the database.

``rowCount`` is the number of matching cases. A new query shows its first page at once with
a count that may be a lower bound (``first_case_page``); the exact count (``count_cases``)
follows once the query has stood still for ``EXACT_COUNT_DELAY_MS``, so the keystrokes of a
search being typed never queue counts nobody will read. The rows come in pages of
``page_size`` through ``fetch_case_page`` (with the exact total, pages near the end are read
from the other end of the index) and are kept in a small LRU page cache. Nothing ever loads
every row. Counting and fetching run in the thread pool; until a page arrives its cells show
"…" and the view is told with ``dataChanged`` when it does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor

from clerk_app.services.cases.query import (
    CaseListRow,
    CaseQuery,
    count_cases,
    fetch_case_page,
    first_case_page,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.ui import case_list_cells as cells
from clerk_app.ui.case_list_cells import ShownRow, shown_rows
from clerk_app.ui.page_cache import PageCache
from clerk_app.ui.worker import Task

Index = QModelIndex | QPersistentModelIndex


@dataclasses.dataclass(frozen=True)
class _Result:
    """What a pool task hands back: for a query ``key`` is the request, for a page the page."""

    stamp: int  # the request number (queries) or the generation (pages)
    key: int
    query: CaseQuery
    total: int
    rows: list[ShownRow]
    error: Exception | None = None
    exact: bool = True

LOADING = "…"
EXACT_COUNT_DELAY_MS = 250
# Roles as plain ints: data() runs for every cell and role of a repaint.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_CASE_ID = Qt.ItemDataRole.UserRole.value + 1
_ANSWERED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _CASE_ID})
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
OVERDUE = QColor("#b00020")


class CaseTableModel(QAbstractTableModel):
    """Cases matching a :class:`CaseQuery`; emits ``loaded(total)`` when a query is applied."""

    SIGNATURE, KIND, APPLICANT, ADDRESS = cells.SIGNATURE, cells.KIND, cells.APPLICANT, \
        cells.ADDRESS
    STATUS, RECEIVED, NEXT_DEADLINE, ASSIGNEE = cells.STATUS, cells.RECEIVED, \
        cells.NEXT_DEADLINE, cells.ASSIGNEE
    COLUMN_COUNT = cells.COLUMN_COUNT
    SORT_KEYS = ("signature", "kind", "applicant", "address", "status", "received",
                 "next_deadline", "assignee")
    CaseIdRole = _CASE_ID

    loaded = Signal(int)
    pageLoaded = Signal(int)
    loadingChanged = Signal(bool)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QObject | None = None, *,
                 page_size: int = 200, max_pages: int = 30, asynchronous: bool = True,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.asynchronous = asynchronous
        self._pool = pool or QThreadPool.globalInstance()
        self._headers = (self.tr("Znak sprawy"), self.tr("Rodzaj"), self.tr("Wnioskodawca"),
                         self.tr("Adres"), self.tr("Status"), self.tr("Wpłynęło"),
                         self.tr("Najbliższy termin"), self.tr("Referent"))
        self.query = CaseQuery()  # the query whose rows are shown
        self.wanted_query = self.query  # the newest query asked for (maybe still loading)
        self._total = 0
        self._generation = 0  # bumps whenever a new query is applied
        self._request = 0  # bumps on every set_query; only the newest result is applied
        self._pages: PageCache[ShownRow] = PageCache(page_size, max_pages)
        self._pending: dict[int, Task] = {}
        self._count_tasks: dict[int, Task] = {}
        self._running: set[Task] = set()
        self.total_is_exact = True
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(EXACT_COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_exactly)

    @property
    def page_size(self) -> int:
        return self._pages.page_size

    @page_size.setter
    def page_size(self, size: int) -> None:
        """A new page size empties the cache (applies from the next query on)."""
        self._pages = PageCache(size, self._pages.max_pages)

    # ------------------------------------------------------------- queries
    def set_query(self, query: CaseQuery) -> None:
        """Count and fetch the first page of ``query``; the old rows stay until it is ready."""
        self._request += 1
        self.wanted_query = query
        request, page_size = self._request, self.page_size

        def work() -> _Result:
            try:
                first = first_case_page(self.ctx, self.actor, query, page_size)
                rows = shown_rows(first.rows, self.ctx.today())
                return _Result(request, 0, query, first.total, rows, exact=first.exact)
            except Exception as exc:  # reported in the GUI thread
                return _Result(request, 0, query, 0, [], exc)

        self._count_timer.stop()
        self.loadingChanged.emit(True)
        if not self.asynchronous:
            self._apply(work())
            return
        self._count_tasks[request] = self._start(work, self._apply)

    def refresh(self) -> None:
        """Run the wanted query again (after a case was registered or edited)."""
        self.set_query(self.wanted_query)

    @Slot(object)
    def _apply(self, result: object) -> None:
        assert isinstance(result, _Result)
        self._count_tasks.pop(result.stamp, None)
        if result.stamp != self._request:
            return  # a newer query was asked for meanwhile
        self.loadingChanged.emit(False)
        if result.error is not None:
            self._report(result.error)
            return
        self.beginResetModel()
        self.query, self._total = result.query, result.total
        self._generation += 1
        self._pages.clear()
        self._pending.clear()
        self._pages.store(0, result.rows)
        self.total_is_exact = result.exact
        self.endResetModel()
        self.loaded.emit(result.total)
        if not result.exact:
            if self.asynchronous:
                self._count_timer.start()
            else:
                self._count_exactly()

    @Slot()
    def _count_exactly(self) -> None:
        """Replace the capped row count by the exact one; rows are appended when it comes."""
        generation, query = self._generation, self.query

        def work() -> _Result:
            try:
                return _Result(generation, -1, query, count_cases(self.ctx, self.actor, query),
                               [])
            except Exception as exc:  # reported in the GUI thread
                return _Result(generation, -1, query, 0, [], exc)

        if not self.asynchronous:
            self._exact_count_arrived(work())
            return
        self._pending[-1] = self._start(work, self._exact_count_arrived)

    @Slot(object)
    def _exact_count_arrived(self, result: object) -> None:
        assert isinstance(result, _Result)
        if result.stamp != self._generation:
            return
        self._pending.pop(-1, None)
        if result.error is not None:
            self._report(result.error)
            return
        # The flag changes only after the rows: a page fetched while the view reacts to the
        # insertion must not be read "from the end" of a total that is not yet the new one.
        if result.total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, result.total - 1)
            self._total = result.total
            self.endInsertRows()
        elif result.total < self._total:  # cases went away meanwhile
            self.beginRemoveRows(QModelIndex(), result.total, self._total - 1)
            self._total = result.total
            self.endRemoveRows()
        self.total_is_exact = True
        self.loaded.emit(self._total)

    def _report(self, error: Exception) -> None:
        self.failed.emit(error.message if isinstance(error, ServiceError) else str(error))

    # --------------------------------------------------------------- pages
    def is_row_loaded(self, row: int) -> bool:
        return self._pages.is_row_loaded(row)

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_at(self, row: int) -> CaseListRow | None:
        """The row if its page is cached; otherwise None and the page is requested."""
        shown = self._shown_at(row)
        return shown.row if shown is not None else None

    def _shown_at(self, row: int) -> ShownRow | None:
        if not 0 <= row < self._total:
            return None
        if not self._pages.has_page(self._pages.page_of(row)):
            self._fetch(self._pages.page_of(row))  # synchronous mode fills the cache at once
        return self._pages.row(row)

    def case_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found is not None else None

    def _fetch(self, page: int) -> None:
        if page in self._pending:
            return
        generation, query, total = self._generation, self.query, self._total
        exact_total = total if self.total_is_exact else None
        offset, limit = page * self.page_size, self.page_size

        def work() -> _Result:
            try:
                rows = fetch_case_page(self.ctx, self.actor, query, offset, limit, exact_total,
                                       matches=total)
                return _Result(generation, page, query, total,
                               shown_rows(rows, self.ctx.today()))
            except Exception as exc:  # reported in the GUI thread
                return _Result(generation, page, query, total, [], exc)

        if not self.asynchronous:  # no signals: the caller is reading the row right now
            result = work()
            if result.error is not None:
                self._report(result.error)
            else:
                self._pages.store(page, result.rows)
            return
        self._pending[page] = self._start(work, self._page_arrived)

    def _start(self, work: Callable[[], _Result], slot: Callable[[object], None]) -> Task:
        """Run ``work`` in the pool; the task is kept alive until it has reported back (a
        QRunnable collected while a pool thread runs it would be deleted under its feet)."""
        task = Task(work)
        task.setAutoDelete(False)
        self._running.add(task)
        task.signals.finished.connect(slot)
        task.signals.finished.connect(lambda _result: self._running.discard(task))
        self._pool.start(task)
        return task

    @Slot(object)
    def _page_arrived(self, result: object) -> None:
        assert isinstance(result, _Result)
        if result.stamp != self._generation:
            return  # a page of a query no longer shown
        page, rows = result.key, result.rows
        self._pending.pop(page, None)
        if result.error is not None:
            self._report(result.error)
            return
        self._pages.store(page, rows)
        first = page * self.page_size
        last = min(first + len(rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))
        self.pageLoaded.emit(page)

    # ------------------------------------------------------------ the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < self.COLUMN_COUNT else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        column = index.column()
        shown = self._shown_at(index.row())
        if shown is None:
            return LOADING if role == _DISPLAY else None
        if role == _CASE_ID:
            return shown.row.id
        if role == _FOREGROUND:
            return QBrush(OVERDUE) if shown.overdue and column == self.NEXT_DEADLINE else None
        return shown.texts[column] if 0 <= column < self.COLUMN_COUNT else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the database: the query's ``sort_key`` changes."""
        if not 0 <= column < self.COLUMN_COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = self.SORT_KEYS[column]
        wanted = self.wanted_query
        if key == wanted.sort_key and descending == wanted.descending:
            return
        self.set_query(dataclasses.replace(wanted, sort_key=key, descending=descending))
