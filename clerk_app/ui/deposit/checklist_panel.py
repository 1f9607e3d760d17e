"""The petition's checklist as a panel: each item with its state (Jest / Brak / Nie dotyczy),
a coloured mark and the state in words (the colour is never the only sign)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from clerk_app.domain.petition_checklist import ChecklistLine, ItemState
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

    def text(self, row: ChecklistLine, column: int) -> str:
        if column == 0:
            return row.label
        return f"{MARKS[row.state]} {row.state.label}"

    def extra(self, row: ChecklistLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(COLOURS[row.state]))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(BACKGROUNDS[row.state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.label}: {row.state.label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.label}: {row.state.label}"
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
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.view)
        box.addWidget(self.summary)

    def set_lines(self, lines: tuple[ChecklistLine, ...]) -> None:
        self.model.set_rows(lines)
        self.view.resizeRowsToContents()
        missing = [line for line in lines if line.state is ItemState.MISSING]
        if missing:
            self.summary.setStyleSheet(f"color: {COLOURS[ItemState.MISSING]};")
            self.summary.setText(self.tr("Braki: {0}.").format(len(missing)))
        else:
            self.summary.setStyleSheet(f"color: {COLOURS[ItemState.PRESENT]};")
            self.summary.setText(self.tr("Prośba jest kompletna."))

    def states(self) -> dict[str, str]:
        """Item key → state label as shown (for tests and screen readers)."""
        return {line.item.value: line.state.label for line in self.model.rows()}
