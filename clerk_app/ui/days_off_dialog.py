"""Admin: one-off days off (beyond the statutory calendar); open deadlines move with them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from clerk_app.domain.calendar_days_off import DayOffKind
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
from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.qt_helpers import app_icon, to_date, to_qdate
from clerk_app.ui.row_table_model import RowTableModel
from clerk_app.ui.service_dialog import ServiceDialog

Index = QModelIndex | QPersistentModelIndex


class DaysOffModel(RowTableModel[DayOffRow]):
    """The admin's one-off days: date, name and kind (set by law, or an office closure)."""

    DAY, NAME, KIND = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Dzień"), self.tr("Nazwa"), self.tr("Rodzaj"))

    def text(self, row: DayOffRow, column: int) -> str:
        if column == self.DAY:
            return format_date_pl(row.day)
        return row.name if column == self.NAME else row.kind.short_label


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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DaysOffModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DaysOffModel.KIND, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.day_edit = DateInput(to_qdate(ctx.today()), self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd.MM.yyyy")
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("np. dzień wolny za święto w sobotę"))
        self.kind_combo = QComboBox(self)
        for kind in DayOffKind:
            self.kind_combo.addItem(kind.label, kind)
        self.kind_combo.setCurrentIndex(1)  # an office closure is the common case
        self.add_button = QPushButton(self.tr("&Dodaj"), self)
        self.remove_button = QPushButton(self.tr("&Usuń zaznaczony"), self)
        close = QPushButton(self.tr("Zamknij"), self)
        self.info = QLabel(self.tr(
            "Święta ustawowe są uwzględniane automatycznie. Tu dodaj: jednorazowy dzień "
            "wolny ustawowy (ustanowiony ustawą, np. 12.11.2018) – przesuwa terminy "
            "ustawowe, otwarte terminy zostaną przeliczone; albo dzień, w którym urząd jest "
            "nieczynny (np. dzień wolny za święto w sobotę) – nie przesuwa żadnego terminu, "
            "liczy się tylko w dniach roboczych urzędu."), self)
        self.info.setWordWrap(True)
        self.attach_error_label(QLabel(self))
        form = QFormLayout()
        form.addRow(self.tr("Dzień:"), self.day_edit)
        form.addRow(self.tr("Nazwa:"), self.name_edit)
        form.addRow(self.tr("Rodzaj:"), self.kind_combo)
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
        self.busy_widgets = [self.add_button, self.remove_button, self.day_edit, self.name_edit,
                             self.kind_combo]
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.name_edit.returnPressed.connect(self.add)
        close.clicked.connect(self.reject)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(640, 440)
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
        kind = DayOffKind(self.kind_combo.currentData())
        self._change(lambda: add_day_off(self.ctx, self.actor, day, name, kind))

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
