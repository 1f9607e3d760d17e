"""Deadline dashboard page: my deadlines (supervisors: everyone's, filterable by assignee)
and the decisions that need a delay notice (due within 5 working days, not decided). Read in
one service call and again whenever the broadcast says cases, deadlines or days off changed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget

from clerk_app.domain.deadline_report import DeadlineRow
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.report import dashboard_deadlines
from clerk_app.services.letters.types import DeliveryResult
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.deadline_table_model import COL_APPLICANT, CaseIdRole, DeadlineTableModel
from clerk_app.ui.delivery_dialog import DeliveryDialog
from clerk_app.ui.desk_parts import add_scan_bar, rows_view, titled
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner

ALL_ASSIGNEES = -1


class DeadlineDashboard(QWidget):
    """``refresh()`` reloads in the background; ``caseActivated(case_id)`` on double-click."""

    caseActivated = Signal(int)
    refreshed = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.supervisor = role_can(actor.role, Permission.REPORTS)
        self.runner = OpRunner(self)
        self._all_rows: list[DeadlineRow] = []
        self._message = ""
        self.model = DeadlineTableModel(self)
        self.delay_model = DeadlineTableModel(self)

        layout = QVBoxLayout(self)
        self.assignee_combo = QComboBox()
        self.assignee_combo.setVisible(self.supervisor)
        self.assignee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.assignee_combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.title, self.scan_edit, self.refresh_button, self.status = add_scan_bar(
            layout, self._open_delivery, self.refresh, self.assignee_combo)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = rows_view(self.model, COL_APPLICANT, self._activated, sortable=True)
        self.delay_table = rows_view(self.delay_model, COL_APPLICANT, self._activated,
                                     sortable=True)
        splitter.addWidget(titled(QLabel(f"<b>{self.tr('Terminy')}</b>"), self.table))
        splitter.addWidget(titled(
            QLabel(f"<b>{self.tr('Wymagają zawiadomienia o zwłoce')}</b>"), self.delay_table))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        broadcast().changed.connect(self._on_change)
        self.refresh()

    def refresh(self) -> None:
        """Reload the deadlines (off the GUI thread; once more when asked while loading);
        ``refreshed`` is emitted when shown."""
        self.runner.run_or_queue(self._load)

    def _load(self) -> Op[list[DeadlineRow]]:
        ctx, actor, today = self.ctx, self.actor, self.ctx.today()
        self.status.setText(self.tr("Wczytywanie…"))
        return Op(self.runner, lambda: dashboard_deadlines(ctx, actor, today)).on_success(
            self._loaded).on_failure(self._failed).disabling(self.refresh_button)

    @Slot(object)
    def _on_change(self, change: object) -> None:
        kinds = ChangeKind.CASE | ChangeKind.DEADLINES | ChangeKind.DAYS_OFF
        if isinstance(change, Change) and change.concerns(kinds):
            self.refresh()

    def _loaded(self, rows: list[DeadlineRow]) -> None:
        self._all_rows = rows
        self.status.setText(self._message)
        self._message = ""
        self._fill_assignees()
        self._apply_filter()
        self.refreshed.emit()

    def _failed(self, error: Exception) -> None:
        self.status.setText(user_message(error))
        self.refreshed.emit()

    def _fill_assignees(self) -> None:
        if not self.supervisor:
            return
        current = self.assignee_combo.currentData()
        names: dict[int, str] = {}
        for row in self._all_rows:
            names.setdefault(row.assignee_id if row.assignee_id is not None else 0,
                             row.assignee_name)
        self.assignee_combo.blockSignals(True)
        self.assignee_combo.clear()
        self.assignee_combo.addItem(self.tr("Wszyscy referenci"), ALL_ASSIGNEES)
        for key, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.assignee_combo.addItem(name, key)
        found = self.assignee_combo.findData(current)
        self.assignee_combo.setCurrentIndex(max(found, 0))
        self.assignee_combo.blockSignals(False)

    def set_assignee_filter(self, assignee_id: int | None) -> None:
        """Supervisors: show one assignee (None: unassigned) or everyone (ALL_ASSIGNEES)."""
        key = ALL_ASSIGNEES if assignee_id == ALL_ASSIGNEES else (assignee_id or 0)
        self.assignee_combo.setCurrentIndex(max(self.assignee_combo.findData(key), 0))

    def _apply_filter(self) -> None:
        key = self.assignee_combo.currentData() if self.supervisor else ALL_ASSIGNEES
        rows = self._all_rows
        if key not in (None, ALL_ASSIGNEES):
            rows = [r for r in rows if (r.assignee_id or 0) == key]
        self.model.set_rows(rows)
        self.delay_model.set_rows([r for r in rows if r.needs_delay_notice])
        for view in (self.table, self.delay_table):
            header = view.horizontalHeader()
            view.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        overdue = sum(1 for r in rows if r.office_overdue)
        unanswered = sum(1 for r in rows if r.applicant_missed)
        title = (self.tr("Terminy na dzień {0}: {1}, po terminie (urząd): {2}, braki "
                         "nieusunięte w terminie (strona): {3}") if self.supervisor
                 else self.tr("Moje terminy na dzień {0}: {1}, po terminie (urząd): {2}, "
                              "braki nieusunięte w terminie (strona): {3}"))
        self.title.setText(title.format(format_date_pl(self.ctx.today()), len(rows), overdue,
                                        unanswered))

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.data(CaseIdRole)
        if isinstance(case_id, int):
            self.caseActivated.emit(case_id)

    def open_delivery(self, identifier: str) -> DeliveryDialog:
        """Open the delivery dialog for a scanned identifier; says what it recorded."""
        dialog = DeliveryDialog.for_identifier(self.ctx, self.actor, identifier, self)
        dialog.accepted.connect(lambda: self._delivery_recorded(dialog.outcome))
        dialog.open()
        return dialog

    def _open_delivery(self) -> None:
        text = self.scan_edit.text().strip()
        if text:
            self.scan_edit.clear()
            self.open_delivery(text)

    def _delivery_recorded(self, result: DeliveryResult | None) -> None:
        if result is None:
            return
        message = self.tr("Zapisano doręczenie pisma {0}.").format(result.letter.identifier)
        if result.started_deadline is not None:
            message += " " + self.tr("Termin na usunięcie braków: {0}.").format(
                format_date_pl(result.started_deadline.due_on))
        self._message = message  # shown by the reload the delivery's broadcast starts
