"""Table model of audit entries (newest first, as the service returns them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from clerk_app.services.admin.audit_log import AuditRow
from clerk_app.ui.formatting import action_label, changes_text, entity_label, local_time
from clerk_app.ui.row_table_model import RowTableModel

COL_TIME = 0
COL_USER = 1
COL_ENTITY = 2
COL_ENTITY_ID = 3
COL_ACTION = 4
COL_CHANGES = 5
COLUMN_COUNT = 6

SORT_ROLE = Qt.ItemDataRole.UserRole


class AuditTableModel(RowTableModel[AuditRow]):
    """Columns: czas (Europe/Warsaw), użytkownik, obiekt, id, czynność, zmiany."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Czas"), self.tr("Użytkownik"), self.tr("Obiekt"),
                         self.tr("Id"), self.tr("Czynność"), self.tr("Zmiany"))

    def cell(self, entry: AuditRow, column: int, role: int) -> Any:
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
                return changes_text(entry.changes, entry.entity)
        if role == SORT_ROLE:
            if column == COL_TIME:
                return entry.id  # ids grow with time, unlike equal timestamps
            return self.cell(entry, column, Qt.ItemDataRole.DisplayRole)
        return None
