"""Admin: one-off days off (beyond the statutory calendar); open deadlines move with them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.days_off import (
    DAY_FIELD,
    NAME_FIELD,
    DayOffChange,
    DayOffRow,
    add_day_off,
    list_days_off,
    remove_day_off,
)
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.qt_helpers import app_icon, to_date, to_qdate
from clerk_app.ui.row_table_model import RowTableModel
from clerk_app.ui.service_dialog import ServiceDialog

Index = QModelIndex | QPersistentModelIndex


class DaysOffModel(RowTableModel[DayOffRow]):
    """The admin's days off: date and name."""

    DAY, NAME = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Dzień"), self.tr("Nazwa"))

    def text(self, row: DayOffRow, column: int) -> str:
        return format_date_pl(row.day) if column == self.DAY else row.name


class DaysOffDialog(ServiceDialog):
    """List, add and remove one-off days off; says how many deadlines moved."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Dni wolne od pracy (jednorazowe)"))
        self.setWindowIcon(app_icon())
        self.model = DaysOffModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.day_edit = QDateEdit(to_qdate(ctx.today()), self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd.MM.yyyy")
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("np. dzień wolny za święto w sobotę"))
        self.add_button = QPushButton(self.tr("&Dodaj"), self)
        self.remove_button = QPushButton(self.tr("&Usuń zaznaczony"), self)
        close = QPushButton(self.tr("Zamknij"), self)
        self.info = QLabel(self.tr("Statutowe święta są uwzględniane automatycznie; tu dodaj "
                                   "tylko dodatkowe dni wolne urzędu. Otwarte terminy zostaną "
                                   "przeliczone."), self)
        self.info.setWordWrap(True)
        self.attach_error_label(QLabel(self))
        form = QFormLayout()
        form.addRow(self.tr("Dzień:"), self.day_edit)
        form.addRow(self.tr("Nazwa:"), self.name_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        assert self.error_label is not None
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.field_widgets = {DAY_FIELD: self.day_edit, NAME_FIELD: self.name_edit}
        self.busy_widgets = [self.add_button, self.remove_button, self.day_edit, self.name_edit]
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.name_edit.returnPressed.connect(self.add)
        close.clicked.connect(self.reject)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(520, 420)
        broadcast().changed.connect(self._on_change)
        self.reload()

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.load(lambda: list_days_off(ctx, actor), self.model.set_rows)

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(ChangeKind.DAYS_OFF):
            self.reload()

    def add(self) -> None:
        day, name = to_date(self.day_edit.date()), self.name_edit.text()
        self._change(lambda: add_day_off(self.ctx, self.actor, day, name))

    def _change(self, work: Callable[[], DayOffChange]) -> None:
        """Add or remove a day off; the list and the deadlines it moves are read again."""
        self.op(work).on_success(self._changed).announcing(
            Change(ChangeKind.DAYS_OFF | ChangeKind.DEADLINES)).run()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.set_error(self.tr("Zaznacz dzień do usunięcia."))
            return
        day_off_id = self.model.rows()[rows[0].row()].id
        self._change(lambda: remove_day_off(self.ctx, self.actor, day_off_id))

    def _changed(self, result: DayOffChange) -> None:
        self.name_edit.clear()
        self.info.setText(self.tr("{0} – {1}. Przeliczono otwartych terminów: {2}.").format(
            format_date_pl(result.day_off.day), result.day_off.name, result.moved_deadlines))
