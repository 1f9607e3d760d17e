"""Table model of user accounts for the administration window."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.services.admin.users import UserRow
from clerk_app.ui.formatting import local_time, yes_no
from clerk_app.ui.row_table_model import RowTableModel

COL_USERNAME = 0
COL_FULL_NAME = 1
COL_ROLE = 2
COL_ACTIVE = 3
COL_LOCKED_UNTIL = 4
COL_LAST_LOGIN = 5
COLUMN_COUNT = 6

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_INACTIVE = QBrush(QColor("#808080"))


class UsersTableModel(RowTableModel[UserRow]):
    """One row per ``UserRow``; ``SORT_ROLE`` gives sortable raw values, ``ROW_ROLE`` the row."""

    def __init__(self, now: datetime, parent: Any = None) -> None:
        super().__init__(parent)
        self._now = now
        self._headers = (self.tr("Login"), self.tr("Imię i nazwisko"), self.tr("Rola"),
                         self.tr("Aktywny"), self.tr("Zablokowany do"),
                         self.tr("Ostatnie logowanie"))

    def set_users(self, rows: list[UserRow], now: datetime) -> None:
        self._now = now
        self.set_rows(rows)

    def cell(self, user: UserRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == SORT_ROLE:
            return self._sort_key(user, column)
        if role == ROW_ROLE:
            return user.id
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return _INACTIVE
        return None

    def _locked(self, user: UserRow) -> datetime | None:
        if user.locked_until is not None and user.locked_until > self._now:
            return user.locked_until
        return None

    def _display(self, user: UserRow, column: int) -> str | None:
        if column == COL_USERNAME:
            return user.username
        if column == COL_FULL_NAME:
            return user.full_name
        if column == COL_ROLE:
            return user.role.label
        if column == COL_ACTIVE:
            return yes_no(user.active)
        if column == COL_LOCKED_UNTIL:
            return local_time(self._locked(user))
        if column == COL_LAST_LOGIN:
            return local_time(user.last_login_at) or self.tr("nigdy")
        return None

    def _sort_key(self, user: UserRow, column: int) -> str | int | None:
        if column == COL_ACTIVE:
            return int(user.active)
        if column == COL_LOCKED_UNTIL:
            locked = self._locked(user)
            return locked.isoformat() if locked else ""
        if column == COL_LAST_LOGIN:
            return user.last_login_at.isoformat() if user.last_login_at else ""
        if column in (COL_USERNAME, COL_FULL_NAME, COL_ROLE):
            return (self._display(user, column) or "").lower()
        return None
