"""The list "to leave without consideration": deposit cases whose 7 days passed unmet.

The clerk selects a case and issues the notice (after a confirmation); the case closes and
leaves the list, every open view hears of it. Double-click or Enter opens the case.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.leave import cases_to_leave, leave_without_consideration
from clerk_app.services.deposit.workflow_types import LeaveCandidate
from clerk_app.ui.case_letters_tab import RenderedPdf, issued_letter
from clerk_app.ui.changes import CASE_WORK, Change, broadcast
from clerk_app.ui.deposit.leave_list_model import COL_MISSING, LeaveListModel, missing_text
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import PdfPreviewDialog, replace_preview
from clerk_app.ui.qt_helpers import make_error_label, translate


def confirm_leave(parent: QWidget, signature: str, missing: str) -> bool:
    """Ask before the notice is issued (it closes the case)."""
    answer = QMessageBox.question(
        parent, translate("LeaveListWindow", "Pozostawienie bez rozpoznania"),
        translate("LeaveListWindow",
                  "Pozostawić prośbę w sprawie {0} bez rozpoznania?\n\nNie usunięto braków: "
                  "{1}.\n\nZostanie wystawione zawiadomienie, a sprawa zostanie zakończona.")
        .format(signature, missing),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class LeaveListWindow(QWidget):
    """``caseActivated(case_id)`` to open a case; ``loaded`` after each read."""

    caseActivated = Signal(int)
    loaded = Signal()
    previewShown = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Sprawy do pozostawienia bez rozpoznania"))
        self.ask = confirm_leave  # tests answer for the person
        self.preview: PdfPreviewDialog | None = None
        self.model = LeaveListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("leave_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MISSING, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel(self)
        self.error_label = make_error_label(QLabel(self))
        self.leave_button = QPushButton(self.tr("&Pozostaw bez rozpoznania…"), self)
        self.open_button = QPushButton(self.tr("&Otwórz sprawę"), self)
        self.refresh_button = QPushButton(self.tr("O&dśwież"), self)
        self.close_button = QPushButton(self.tr("Zamknij"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        for b in (self.leave_button, self.open_button, self.refresh_button, self.close_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Sprawy, w których upłynął 7-dniowy termin na usunięcie braków "
                               "formalnych, a braków nie usunięto."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bar)
        self.runner = OpRunner(self)
        self.leave_button.clicked.connect(self.leave_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        self.table.activated.connect(lambda _index: self.open_selected())  # Enter, dbl-click
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.runner.busyChanged.connect(lambda _busy: self._update())
        broadcast().changed.connect(self._on_change)
        self.resize(1000, 440)
        self._update()
        self.reload()

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: cases_to_leave(ctx, actor))
                                 .on_success(self._show).errors_in(self.error_label), "load")

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(CASE_WORK):
            self.reload()

    def _show(self, rows: list[LeaveCandidate]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("Spraw: {0}").format(len(rows)))
        keep = next((i for i, r in enumerate(rows)
                     if selected is not None and r.case_id == selected.case_id), 0)
        if rows:
            self.table.selectRow(keep)
        self._update()
        self.loaded.emit()

    def selected(self) -> LeaveCandidate | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        chosen = self.selected() is not None
        self.leave_button.setEnabled(chosen and not self.runner.is_busy())
        self.open_button.setEnabled(chosen)

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.caseActivated.emit(row.case_id)

    def leave_selected(self) -> bool:
        """Confirm, then issue the notice for the selected case; its PDF is shown."""
        row = self.selected()
        if row is None or self.runner.is_busy():
            return False
        if not self.ask(self, row.signature, missing_text(row)):
            return False
        ctx, actor = self.ctx, self.actor
        return Op(self.runner, lambda: issued_letter(ctx, actor, leave_without_consideration(
            ctx, actor, row.case_id, row.case_version))).on_success(self.show_preview) \
            .errors_in(self.error_label).announcing(Change(CASE_WORK, row.case_id)).run()

    def show_preview(self, rendered: RenderedPdf) -> PdfPreviewDialog:
        self.preview = replace_preview(self.preview, rendered.pdf, rendered.title, self,
                                       rendered.file_name)
        self.previewShown.emit(self.preview)
        return self.preview
