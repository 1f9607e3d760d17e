"""The audit trail for supervisors and administrators, with filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.admin.audit_log import AuditFilter, AuditRow, list_audit
from clerk_app.services.admin.users import UserRow, list_users
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.audit_table_model import COL_CHANGES, COL_TIME, SORT_ROLE, AuditTableModel
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.operations import Op
from clerk_app.ui.qt_helpers import app_icon, child, load_form, setup_sorted_table, to_qdate
from clerk_app.ui.service_dialog import ServiceDialog

LIMIT = 500


class AuditWindow(ServiceDialog):
    """Filters: user, case signature, office dates from/to; "Filtruj" reads off-thread."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.ctx = ctx
        self.actor = actor
        form = load_form("audit_window", self)
        self.setWindowIcon(app_icon())
        self.model = AuditTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = child(form, QTableView, "auditTable")
        self._setup_table()
        self.user_combo = child(form, QComboBox, "userCombo")
        self.signature_edit = child(form, QLineEdit, "signatureEdit")
        self.from_check = child(form, QCheckBox, "dateFromCheck")
        self.from_edit = child(form, QDateEdit, "dateFromEdit")
        self.to_check = child(form, QCheckBox, "dateToCheck")
        self.to_edit = child(form, QDateEdit, "dateToEdit")
        self.filter_button = child(form, QPushButton, "filterButton")
        self.clear_button = child(form, QPushButton, "clearButton")
        self.count_label = child(form, QLabel, "countLabel")
        self.attach_error_label(child(form, QLabel, "errorLabel"))
        self.busy_widgets = [self.filter_button, self.clear_button]
        self._setup_filters()
        self.filter_button.clicked.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filter)
        child(form, QPushButton, "closeButton").clicked.connect(self.close)
        self.resize(1100, 600)
        broadcast().changed.connect(self._on_change)
        self.load_users()
        self.apply_filter()

    def _setup_table(self) -> None:
        setup_sorted_table(self.table, self.proxy, COL_TIME, Qt.SortOrder.DescendingOrder,
                           COL_CHANGES)
        self.table.setWordWrap(False)

    def load_users(self) -> None:
        """Read the user names of the filter (the administrator's include inactive ones)."""
        ctx, actor = self.ctx, self.actor
        everyone = role_can(actor.role, Permission.MANAGE_USERS)
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: list_users(
            ctx, actor, everyone)).on_success(self._fill_users).on_failure(
            lambda _error: self._fill_users([])).quietly(), "users")

    def _fill_users(self, users: list[UserRow]) -> None:
        typed = self.user_combo.currentText()
        self.user_combo.clear()
        self.user_combo.addItems(["", *sorted(u.username for u in users), "system"])
        self.user_combo.setEditText(typed)

    @Slot(object)
    def _on_change(self, change: object) -> None:
        """Every write leaves an entry: read the entries again (and the names, for users)."""
        if isinstance(change, Change):
            if change.concerns(ChangeKind.USERS):
                self.load_users()
            self.apply_filter()

    def _setup_filters(self) -> None:
        self.user_combo.addItems(["", "system"])
        self.user_combo.setCurrentIndex(0)
        line_edit = self.user_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("(wszyscy)"))
        today = to_qdate(self.ctx.today())
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setDate(today)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)

    def current_filter(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            return edit.date().toPython() if check.isChecked() else None  # type: ignore[return-value]

        return AuditFilter(
            username=self.user_combo.currentText().strip() or None,
            case_signature=self.signature_edit.text().strip() or None,
            date_from=day(self.from_check, self.from_edit),
            date_to=day(self.to_check, self.to_edit),
            limit=LIMIT,
        )

    def apply_filter(self) -> None:
        """Read the entries matching the filters in a worker thread."""
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            self.set_error(self.tr("Pole „do”: Data końcowa jest wcześniejsza niż początkowa."))
            self.to_edit.setFocus()
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: self.op(lambda: list_audit(ctx, actor, flt))
                                 .on_success(self._show_rows))

    def clear_filter(self) -> None:
        self.user_combo.setCurrentIndex(0)
        self.user_combo.setEditText("")
        self.signature_edit.clear()
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.apply_filter()

    def _show_rows(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        text = self.tr("Wpisów: {0}").format(len(rows))
        if len(rows) >= LIMIT:
            text += " " + self.tr("(pokazano najnowsze {0}; zawęź filtry)").format(LIMIT)
        self.count_label.setText(text)
