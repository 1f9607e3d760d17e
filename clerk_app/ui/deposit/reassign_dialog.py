"""The supervisor's "Przydziel referenta": give a case to another active clerk.

The staff to choose from (active clerks and supervisors) are read off the GUI thread; saving
calls ``reassign_case`` with the case's version (a case changed meanwhile conflicts) and
announces the change, so the case view shows the new assignee.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission, Role, role_can
from clerk_app.services.admin.users import UserRow
from clerk_app.services.cases.detail import CaseDetail, reassign_case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.intake.setup import registration_setup
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.service_dialog import ServiceDialog

ASSIGNEE_FIELD = "assignee_id"


def can_reassign(actor: Actor) -> bool:
    """Only a supervisor reassigns cases (the service checks it again)."""
    return role_can(actor.role, Permission.REASSIGN)


class ReassignDialog(ServiceDialog):
    """Pick an active clerk in the combo (``assignee_id``); *Przydziel* saves."""

    def __init__(self, ctx: AppContext, actor: Actor, detail: CaseDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.detail = ctx, actor, detail
        self.outcome: int | None = None
        self.setWindowTitle(self.tr("Przydziel referenta – {0}").format(detail.signature))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        current = QLabel(self.tr("Obecnie: {0}").format(
            detail.assignee or self.tr("(nie przydzielono)")), self)
        layout.addWidget(current)
        form = QFormLayout()
        self.combo = QComboBox(self)
        self.combo.setObjectName(ASSIGNEE_FIELD)
        label = QLabel(self.tr("&Referent:"), self)
        label.setBuddy(self.combo)
        form.addRow(label, self.combo)
        layout.addLayout(form)
        layout.addWidget(self.attach_error_label(QLabel(self)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Przydziel"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.field_widgets = {ASSIGNEE_FIELD: self.combo}
        self.busy_widgets = [self.combo, self.ok_button]
        self.combo.setFocus()
        self.load(lambda: registration_setup(ctx, actor).assignees, self.show_staff)

    def show_staff(self, staff: list[UserRow]) -> None:
        """Fill the combo with the active clerks, the current assignee selected."""
        self.combo.clear()
        for user in staff:
            if user.active and user.role in (Role.CLERK, Role.SUPERVISOR):
                self.combo.addItem(f"{user.full_name} ({user.role.label})", user.id)
        index = self.combo.findData(self.detail.assignee_id)
        self.combo.setCurrentIndex(max(index, 0))
        self.ok_button.setEnabled(self.combo.count() > 0)

    def chosen_id(self) -> int | None:
        data = self.combo.currentData()
        return data if isinstance(data, int) else None

    def save(self) -> bool:
        if self.runner.is_busy():
            return False
        assignee = self.chosen_id()
        if assignee is None:
            self.show_failure(ValidationFailed([FieldError(
                ASSIGNEE_FIELD, self.tr("Wybierz aktywnego pracownika."))]))
            return False
        ctx, actor, d = self.ctx, self.actor, self.detail
        return self.op(lambda: reassign_case(ctx, actor, d.id, d.version, assignee)) \
            .on_success(self._saved).announcing(Change(CASE_WORK, d.id)).run()

    def _saved(self, version: int) -> None:
        self.outcome = version
        self.accept()
