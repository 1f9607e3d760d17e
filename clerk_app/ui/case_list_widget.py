"""The case list page: search-as-you-type, filters, "Moje sprawy" and a lazily paged table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.services.admin.users import UserRow, list_users
from clerk_app.services.cases.query import CaseQuery
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.case_table_model import CaseTableModel
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label, show_error

COLUMN_WIDTHS = {CaseTableModel.SIGNATURE: 175, CaseTableModel.KIND: 120,
                 CaseTableModel.APPLICANT: 200, CaseTableModel.ADDRESS: 190,
                 CaseTableModel.STATUS: 170, CaseTableModel.RECEIVED: 90,
                 CaseTableModel.NEXT_DEADLINE: 120}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CaseListWidget(QWidget):
    """Emits ``case_opened(case_id)`` on double-click or Enter in the table; reads the list
    again when a case or a deadline changed anywhere (the broadcast)."""

    case_opened = Signal(int)
    SEARCH_DEBOUNCE_MS = 150

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None, *,
                 asynchronous: bool = True) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.model = CaseTableModel(ctx, actor, self, asynchronous=asynchronous)
        self.runner = OpRunner(self, synchronous=not asynchronous)
        self._build_filters()
        self._build_table()
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(self.SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.apply_filters_now)
        self.search_edit.textChanged.connect(lambda _text: self.debounce.start())
        self.search_edit.returnPressed.connect(self.apply_filters_now)
        for combo in (self.kind_combo, self.status_combo, self.assignee_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters_now())
        self.mine_check.toggled.connect(self._mine_toggled)
        self.open_check.toggled.connect(lambda _on: self.apply_filters_now())
        self.model.loaded.connect(self._loaded)
        self.model.loadingChanged.connect(self._loading)
        self.model.failed.connect(lambda message: show_error(self.error_label, message))
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)
        broadcast().changed.connect(self._on_change)
        self.load_assignees()
        self.apply_filters_now()

    # -------------------------------------------------------------- building
    def _build_filters(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("Szukaj: nazwisko, imię, adres, znak sprawy, PESEL, e-mail…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(300)  # the widest part of the bar: room to type
        self.search_edit.installEventFilter(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Wszystkie rodzaje"), None)
        for kind in CaseKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Wszystkie statusy"), None)
        for status in CaseStatus:
            self.status_combo.addItem(status.label, status.value)
        self.assignee_combo = QComboBox(self)
        self.assignee_combo.addItem(self.tr("Wszyscy referenci"), None)
        self.mine_check = QCheckBox(self.tr("&Moje sprawy"), self)
        self.open_check = QCheckBox(self.tr("Tylko &otwarte"), self)
        self.open_check.setToolTip(self.tr("Pomija sprawy zakończone"))
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(140)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        search_label = QLabel(self.tr("&Szukaj:"), self)
        search_label.setBuddy(self.search_edit)
        self.filters = QHBoxLayout()
        self.filters.addWidget(search_label)
        self.filters.addWidget(self.search_edit, 3)
        for widget in (self.kind_combo, self.status_combo, self.assignee_combo):
            self.filters.addWidget(widget, 1)
        self.filters.addWidget(self.mine_check)
        self.filters.addWidget(self.open_check)
        self.filters.addWidget(self.count_label)
        self.error_label = make_error_label(QLabel(self))

    def _build_table(self) -> None:
        view = self.view = QTableView(self)
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        # Always there (disabled while everything fits): a result of a few rows after a long
        # one would otherwise narrow every column and paint the whole list a second time.
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            view.setColumnWidth(column, width)
        header.setSortIndicator(CaseTableModel.RECEIVED, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)  # the model sorts in the database
        view.doubleClicked.connect(self._open_index)
        view.installEventFilter(self)

    def load_assignees(self) -> None:
        """Read the clerks and supervisors of the assignee filter (off the GUI thread)."""
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: list_users(
            ctx, actor, include_inactive=False)).on_success(self._fill_assignees)
            .errors_in(self.error_label).quietly())

    def _fill_assignees(self, users: list[UserRow]) -> None:
        combo, chosen = self.assignee_combo, self.assignee_combo.currentData()
        combo.blockSignals(True)  # the same filter: no new query
        combo.clear()
        combo.addItem(self.tr("Wszyscy referenci"), None)
        for user in users:
            if user.role in (Role.CLERK, Role.SUPERVISOR):
                combo.addItem(user.full_name, user.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        if combo.currentData() != chosen:  # the chosen one is gone: the filter changed
            self.apply_filters_now()

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if not isinstance(change, Change):
            return
        if change.concerns(ChangeKind.CASE | ChangeKind.DEADLINES):
            self.refresh()
        if change.concerns(ChangeKind.USERS):
            self.load_assignees()

    # -------------------------------------------------------------- queries
    def current_query(self) -> CaseQuery:
        """The query the filters describe (the sort comes from the table header)."""
        wanted = self.model.wanted_query
        kind, status = self.kind_combo.currentData(), self.status_combo.currentData()
        mine = self.mine_check.isChecked()
        return CaseQuery(
            search=self.search_edit.text(),
            kind=CaseKind(kind) if kind else None,
            status=CaseStatus(status) if status else None,
            assignee_id=None if mine else self.assignee_combo.currentData(),
            only_mine=mine, only_open=self.open_check.isChecked(),
            sort_key=wanted.sort_key, descending=wanted.descending)

    def apply_filters_now(self) -> None:
        """Run the search at once (the search box calls this after the debounce)."""
        self.debounce.stop()
        show_error(self.error_label, "")
        self.model.set_query(self.current_query())

    def refresh(self) -> None:
        self.model.refresh()

    def _mine_toggled(self, checked: bool) -> None:
        """"My cases" are the ones to work on: it ticks "open only" too (which can be
        unticked to see the closed ones as well)."""
        self.assignee_combo.setEnabled(not checked)
        if checked and not self.open_check.isChecked():
            self.open_check.setChecked(True)  # applies the filters
            return
        self.apply_filters_now()

    def _loading(self, busy: bool) -> None:
        if busy:
            self.count_label.setText(self.tr("Wyszukiwanie…"))

    def _loaded(self, total: int) -> None:
        shown = f"{total - 1 if not self.model.total_is_exact else total:,}".replace(",", "\u00a0")
        text = self.tr("Spraw: {0}") if self.model.total_is_exact else self.tr("Spraw: ponad {0}")
        self.count_label.setText(text.format(shown))
        if total and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    # ---------------------------------------------------------------- opening
    def open_current(self) -> bool:
        return self._open_index(self.view.currentIndex())

    def _open_index(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        case_id = self.model.case_id(index.row())
        if case_id is None:
            return False
        self.case_opened.emit(case_id)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key in ENTER_KEYS:
                self.open_current()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down:
                self.view.setFocus()
                return True
        return super().eventFilter(watched, event)
