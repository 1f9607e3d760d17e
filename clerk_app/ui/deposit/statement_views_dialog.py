"""Who opened a case's property statement and when (supervisors): a small list dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.statement import statement_viewers
from clerk_app.services.deposit.statement_types import StatementViewer
from clerk_app.ui.formatting import local_time
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label, setup_sorted_table
from clerk_app.ui.row_table_model import RowTableModel


class ViewersModel(RowTableModel[StatementViewer]):
    """Columns: when (office time), login, full name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Kiedy"), self.tr("Login"), self.tr("Imię i nazwisko"))

    def text(self, row: StatementViewer, column: int) -> str:
        return [local_time(row.viewed_at, with_seconds=True), row.username,
                row.full_name][column]

    def extra(self, row: StatementViewer, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole and column == 0:
            return row.viewed_at.isoformat()
        return None


class StatementViewsDialog(QDialog):
    """Read once when opened (``statement_viewers`` needs the supervisor's VIEW_AUDIT)."""

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kto oglądał oświadczenie majątkowe"))
        self.model = ViewersModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("statement_viewers")
        setup_sorted_table(self.view, self.model, 0, Qt.SortOrder.AscendingOrder, 2)
        self.view.setSortingEnabled(False)
        self.summary = QLabel(self)
        self.error_label = make_error_label(QLabel(self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Zamknij"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Każde otwarcie oświadczenia jest zapisywane."), self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, 360)
        self.runner = OpRunner(self)
        Op(self.runner, lambda: statement_viewers(ctx, actor, case_id)).on_success(
            self._loaded).errors_in(self.error_label).run()

    def _loaded(self, rows: list[StatementViewer]) -> None:
        self.model.set_rows(rows)
        self.summary.setText(self.tr("Liczba otwarć: {0}").format(len(rows)) if rows
                             else self.tr("Nikt jeszcze nie otwierał oświadczenia."))
