"""Table model of audit entries (newest first, as the service returns them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from clerk_app.services.audit_log import AuditRow
from clerk_app.ui.formatting import action_label, changes_text, entity_label, local_time

Index = QModelIndex | QPersistentModelIndex

COL_TIME = 0
COL_USER = 1
COL_ENTITY = 2
COL_ENTITY_ID = 3
COL_ACTION = 4
COL_CHANGES = 5
COLUMN_COUNT = 6

SORT_ROLE = Qt.ItemDataRole.UserRole


class AuditTableModel(QAbstractTableModel):
    """Columns: czas (Europe/Warsaw), użytkownik, obiekt, id, czynność, zmiany."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._headers = [self.tr("Czas"), self.tr("Użytkownik"), self.tr("Obiekt"),
                         self.tr("Id"), self.tr("Czynność"), self.tr("Zmiany")]

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < COLUMN_COUNT):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_TIME:
                return local_time(entry.at, with_seconds=True)
            if column == COL_USER:
                return entry.username
            if column == COL_ENTITY:
                return entity_label(entry.entity)
            if column == COL_ENTITY_ID:
                return entry.entity_id
            if column == COL_ACTION:
                return action_label(entry.action)
            if column == COL_CHANGES:
                return changes_text(entry.changes)
        if role == SORT_ROLE:
            if column == COL_TIME:
                return entry.id  # ids grow with time, unlike equal timestamps
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None
