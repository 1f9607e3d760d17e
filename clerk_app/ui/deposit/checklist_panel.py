"""The petition's checklist as a panel: each item with its state (Jest / Brak / Nie dotyczy),
a coloured mark and the state in words (the colour is never the only sign)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.money import format_money
from clerk_app.domain.petition_checklist import ChecklistLine, ItemState, PetitionItem
from clerk_app.ui.row_table_model import RowTableModel

MARKS = {ItemState.PRESENT: "✔", ItemState.MISSING: "✘", ItemState.NOT_APPLICABLE: "–"}
COLOURS = {ItemState.PRESENT: "#1b5e20", ItemState.MISSING: "#b00020",
           ItemState.NOT_APPLICABLE: "#616161"}
BACKGROUNDS = {ItemState.PRESENT: "#e8f5e9", ItemState.MISSING: "#fdecea",
               ItemState.NOT_APPLICABLE: "#f2f2f2"}


class ChecklistModel(RowTableModel[ChecklistLine]):
    """Columns: the item, its state ("✘ Brak")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Element prośby"), self.tr("Stan"))
        self.stamp_duty: Decimal | None = None  # from the settings, in the item's name

    def text(self, row: ChecklistLine, column: int) -> str:
        if column == 0:
            return self.label(row)
        return f"{MARKS[row.state]} {row.state.label}"

    def label(self, row: ChecklistLine) -> str:
        """The item's name; the stamp duty with the amount the settings give."""
        if row.item is PetitionItem.STAMP_DUTY and self.stamp_duty is not None:
            return self.tr("Dowód zapłaty opłaty skarbowej ({0})").format(
                format_money(self.stamp_duty))
        return row.label

    def extra(self, row: ChecklistLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(COLOURS[row.state]))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(BACKGROUNDS[row.state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.label(row)}: {row.state.label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.label(row)}: {row.state.label}"
        return None

    def state_of(self, row: int) -> ItemState | None:
        line = self.row_at(row)
        return line.state if line is not None else None


class ChecklistPanel(QGroupBox):
    """The checklist of the stored petition and a summary line of what is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kompletność prośby"), parent)
        self.model = ChecklistModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("checklist")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Wrapped lines get their height for the width the column really has.
        self.view.viewport().installEventFilter(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.view)
        box.addWidget(self.summary)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_lines(self, lines: tuple[ChecklistLine, ...],
                  stamp_duty: Decimal | None = None) -> None:
        """Show ``lines``; ``stamp_duty`` (settings) names the duty's amount."""
        self.model.stamp_duty = stamp_duty
        self.model.set_rows(lines)
        self._fit()
        missing = [line for line in lines if line.state is ItemState.MISSING]
        if missing:
            self.summary.setStyleSheet(f"color: {COLOURS[ItemState.MISSING]};")
            self.summary.setText(self.tr("Braki: {0}.").format(len(missing)))
        else:
            self.summary.setStyleSheet(f"color: {COLOURS[ItemState.PRESENT]};")
            self.summary.setText(self.tr("Prośba jest kompletna."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        """Rows as high as their wrapped text, the table as high as its rows."""
        self.view.resizeRowsToContents()
        rows = sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        header = self.view.horizontalHeader().sizeHint().height()
        height = rows + header + 2 * self.view.frameWidth()
        if self.view.height() != height:
            self.view.setFixedHeight(height)

    def states(self) -> dict[str, str]:
        """Item key → state label as shown (for tests and screen readers)."""
        return {line.item.value: line.state.label for line in self.model.rows()}
