"""The case list model: a million rows, fetched lazily in pages, sorted by the database.

``rowCount`` is the number of matching cases. A new query shows its first page at once with
a count that may be a lower bound (``first_case_page``); the exact count (``count_cases``)
follows once the query has stood still for ``EXACT_COUNT_DELAY_MS``, so the keystrokes of a
search being typed never queue counts nobody will read. The rows come in pages of
``page_size`` through ``fetch_case_page`` (with the exact total, pages near the end are read
from the other end of the index) and are kept in a small LRU page cache. Nothing ever loads
every row. Counting and fetching are ops of the model's concurrent runner (they never wait
for each other; a result of a query no longer wanted is dropped); until a page arrives its
cells show "…" and the view is told with ``dataChanged`` when it does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

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
    FirstPage,
    count_cases,
    fetch_case_page,
    first_case_page,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui import case_list_cells as cells
from clerk_app.ui.case_list_cells import ShownRow, shown_rows
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.page_cache import PageCache

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

LOADING = "…"
EXACT_COUNT_DELAY_MS = 250
# Rows a page holds: about three screens of a maximised list. The first page of a search is
# found by walking an index until this many matches (+1) turn up, so a smaller page is a
# shorter walk: at 1,000,000 cases a surname with 3,800 matches fills 100 rows within the
# walk's budget and is collected (every match a table row) at 200 (benchmarks/README.md).
PAGE_SIZE = 100
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
                 page_size: int = PAGE_SIZE, max_pages: int = 60, asynchronous: bool = True,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.asynchronous = asynchronous
        # Queries, pages and counts never wait for each other; stale results are dropped.
        self.runner = OpRunner(self, concurrent=True, synchronous=not asynchronous, pool=pool)
        self._headers = (self.tr("Znak sprawy"), self.tr("Rodzaj"), self.tr("Wnioskodawca"),
                         self.tr("Adres"), self.tr("Status"), self.tr("Wpłynęło"),
                         self.tr("Najbliższy termin"), self.tr("Referent"))
        self.query = CaseQuery()  # the query whose rows are shown
        self.wanted_query = self.query  # the newest query asked for (maybe still loading)
        self._total = 0
        self._generation = 0  # bumps whenever a new query is applied
        self._request = 0  # bumps on every set_query; only the newest result is applied
        self._pages: PageCache[ShownRow] = PageCache(page_size, max_pages)
        self._pending: set[int] = set()  # pages being fetched for the shown query
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

    def _run(self, work: Callable[[], T], success: Callable[[T], object],
             failure: Callable[[Exception], object]) -> None:
        """A read in the pool, quietly: the list says "Wyszukiwanie…" itself."""
        Op(self.runner, work).on_success(success).on_failure(failure).quietly().run()

    def _report(self, error: Exception) -> None:
        self.failed.emit(user_message(error))

    # ------------------------------------------------------------- queries
    def set_query(self, query: CaseQuery) -> None:
        """Count and fetch the first page of ``query``; the old rows stay until it is ready."""
        self._request += 1
        self.wanted_query = query
        request, page_size, ctx, actor = self._request, self.page_size, self.ctx, self.actor

        def work() -> tuple[FirstPage, list[ShownRow]]:
            first = first_case_page(ctx, actor, query, page_size)
            return first, shown_rows(first.rows, ctx.today())

        self._count_timer.stop()
        self.loadingChanged.emit(True)
        self._run(work, lambda got: self._apply(request, query, *got),
                  lambda error: self._query_failed(request, error))

    def refresh(self) -> None:
        """Run the wanted query again (after a case was registered or edited)."""
        self.set_query(self.wanted_query)

    def _apply(self, request: int, query: CaseQuery, first: FirstPage,
               rows: list[ShownRow]) -> None:
        if request != self._request:
            return  # a newer query was asked for meanwhile
        self.loadingChanged.emit(False)
        self.beginResetModel()
        self.query, self._total = query, first.total
        self._generation += 1
        self._pages.clear()
        self._pending.clear()
        self._pages.store(0, rows)
        self.total_is_exact = first.exact
        self.endResetModel()
        self.loaded.emit(first.total)
        if not first.exact:
            if self.asynchronous:
                self._count_timer.start()
            else:
                self._count_exactly()

    def _query_failed(self, request: int, error: Exception) -> None:
        if request == self._request:
            self.loadingChanged.emit(False)
            self._report(error)

    @Slot()
    def _count_exactly(self) -> None:
        """Replace the capped row count by the exact one; rows are appended when it comes."""
        generation, query, ctx, actor = self._generation, self.query, self.ctx, self.actor
        self._run(lambda: count_cases(ctx, actor, query),
                  lambda total: self._exact_count_arrived(generation, total),
                  lambda error: self._stale_or_report(generation, error))

    def _exact_count_arrived(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        # The flag changes only after the rows: a page fetched while the view reacts to the
        # insertion must not be read "from the end" of a total that is not yet the new one.
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:  # cases went away meanwhile
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()
        self.total_is_exact = True
        self.loaded.emit(self._total)

    def _stale_or_report(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._report(error)

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
        offset, limit, ctx, actor = page * self.page_size, self.page_size, self.ctx, self.actor

        def work() -> list[ShownRow]:
            rows = fetch_case_page(ctx, actor, query, offset, limit, exact_total, matches=total)
            return shown_rows(rows, ctx.today())

        if not self.asynchronous:  # no signals: the caller is reading the row right now
            self._run(work, lambda rows: self._pages.store(page, rows), self._report)
            return
        self._pending.add(page)
        self._run(work, lambda rows: self._page_arrived(generation, page, rows),
                  lambda error: self._page_failed(generation, page, error))

    def _page_arrived(self, generation: int, page: int, rows: list[ShownRow]) -> None:
        if generation != self._generation:
            return  # a page of a query no longer shown
        self._pending.discard(page)
        self._pages.store(page, rows)
        first = page * self.page_size
        last = min(first + len(rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))
        self.pageLoaded.emit(page)

    def _page_failed(self, generation: int, page: int, error: Exception) -> None:
        if generation == self._generation:
            self._pending.discard(page)
            self._report(error)

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
