"""The counter's page (instead of the deadline dashboard, which counter staff have none
in): today's registrations and the posted letters still waiting for their return receipt.
Read in one service call and again whenever cases or letters change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.counter.desk import (
    AwaitingReceipt,
    CounterDay,
    RegisteredToday,
    counter_day,
)
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.deadline_table_model import SOON_BACKGROUND
from clerk_app.ui.desk_parts import add_scan_bar, bold_label, rows_view, titled
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.row_table_model import RowTableModel

CaseIdRole = Qt.ItemDataRole.UserRole + 2
LetterCodeRole = Qt.ItemDataRole.UserRole + 3
# Past this many days a return receipt is late (the post keeps a letter 14 days).
LATE_RECEIPT_DAYS = 21


class RegisteredTodayModel(RowTableModel[RegisteredToday]):
    """Today's incoming items, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Godzina"), self.tr("Nr wpływu"), self.tr("Rodzaj"),
                         self.tr("Nadawca"), self.tr("Znak sprawy"), self.tr("Zarejestrował(a)"))

    def text(self, row: RegisteredToday, column: int) -> str:
        return (row.received_at.strftime("%H:%M"), row.entry_number, row.kind.label, row.sender,
                row.case_signature or "—", row.registered_by)[column]

    def extra(self, row: RegisteredToday, column: int, role: int) -> Any:
        if role == CaseIdRole:
            return row.case_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.subject
        return None


class AwaitingReceiptModel(RowTableModel[AwaitingReceipt]):
    """Posted letters without a recorded delivery, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Wysłano"), self.tr("Dni"), self.tr("Kod pisma"),
                         self.tr("Znak sprawy"), self.tr("Pismo"), self.tr("Adresat"))

    def text(self, row: AwaitingReceipt, column: int) -> str:
        return (format_date_pl(row.sent_on), str(row.days_waiting), row.identifier,
                row.case_signature, row.kind_label, row.addressee)[column]

    def extra(self, row: AwaitingReceipt, column: int, role: int) -> Any:
        if role == CaseIdRole:
            return row.case_id
        if role == LetterCodeRole:
            return row.identifier
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.days_waiting > LATE_RECEIPT_DAYS:
            return QBrush(SOON_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.days_waiting > LATE_RECEIPT_DAYS:
                return self.tr("Brak zwrotnego potwierdzenia od {0} dni – sprawdź w placówce "
                               "pocztowej.").format(row.days_waiting)
            return self.tr("Zeskanuj kod z potwierdzenia odbioru, gdy wróci.")
        return None


class CounterDesk(QWidget):
    """``refresh()`` reloads off the GUI thread; ``caseActivated(case_id)`` on double-click
    of a registration; a double-click on a letter (or a scanned code) opens the delivery."""

    caseActivated = Signal(int)
    deliveryRequested = Signal(str)
    refreshed = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.runner = OpRunner(self)
        self.registered_model = RegisteredTodayModel(self)
        self.awaiting_model = AwaitingReceiptModel(self)
        layout = QVBoxLayout(self)
        self.title, self.scan_edit, self.refresh_button, self.status = add_scan_bar(
            layout, self._scanned, self.refresh)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.registered_table = rows_view(self.registered_model, 3, self._activated)
        self.awaiting_table = rows_view(self.awaiting_model, 5, self._activated)
        self.registered_title = bold_label()
        self.awaiting_title = bold_label()
        splitter.addWidget(titled(self.registered_title, self.registered_table))
        splitter.addWidget(titled(self.awaiting_title, self.awaiting_table))
        layout.addWidget(splitter, 1)
        broadcast().changed.connect(self._on_change)
        self.refresh()

    def refresh(self) -> None:
        self.runner.run_or_queue(self._load)

    def _load(self) -> Op[CounterDay]:
        ctx, actor, today = self.ctx, self.actor, self.ctx.today()
        self.status.setText(self.tr("Wczytywanie…"))
        return Op(self.runner, lambda: counter_day(ctx, actor, today)).on_success(
            self._loaded).on_failure(self._failed).disabling(self.refresh_button)

    def _loaded(self, day: CounterDay) -> None:
        self.status.setText("")
        self.registered_model.set_rows(day.registered)
        self.awaiting_model.set_rows(day.awaiting)
        late = sum(1 for r in day.awaiting if r.days_waiting > LATE_RECEIPT_DAYS)
        self.title.setText(self.tr("Punkt obsługi – {0}").format(format_date_pl(day.today)))
        self.registered_title.setText(
            self.tr("Zarejestrowane dzisiaj: {0}").format(len(day.registered)))
        self.awaiting_title.setText(
            self.tr("Pisma wysłane pocztą, czekające na potwierdzenie odbioru: {0} "
                    "(ponad {1} dni: {2})").format(len(day.awaiting), LATE_RECEIPT_DAYS, late))
        self.refreshed.emit()

    def _failed(self, error: Exception) -> None:
        self.status.setText(user_message(error))
        self.refreshed.emit()

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(ChangeKind.CASE | ChangeKind.LETTERS):
            self.refresh()

    def _activated(self, index: QModelIndex) -> None:
        code = index.data(LetterCodeRole)
        if isinstance(code, str):
            self.deliveryRequested.emit(code)
            return
        case_id = index.data(CaseIdRole)
        if isinstance(case_id, int):
            self.caseActivated.emit(case_id)

    def _scanned(self) -> None:
        text = self.scan_edit.text().strip()
        if text:
            self.scan_edit.clear()
            self.deliveryRequested.emit(text)
