"""The "Prośba o raty" tab of a deposit case: the petition's form, its checklist panel and
the entry points of the property statement (clerk and above) and of its views list
(supervisors). Read at each case (re)load; a save is version-checked: a conflict keeps what
was typed and offers to read the stored data (:class:`~clerk_app.ui.case_form_tab.
CaseFormTab`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.petition import save_petition
from clerk_app.services.deposit.ui_petition_screen import PetitionScreen, petition_screen
from clerk_app.ui.case_form_tab import CaseFormTab
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.deposit.checklist_panel import ChecklistPanel
from clerk_app.ui.deposit.field_marks import clear_marks, mark_errors
from clerk_app.ui.deposit.petition_form import PetitionForm
from clerk_app.ui.deposit.statement_editor import StatementDialog
from clerk_app.ui.deposit.statement_views_dialog import StatementViewsDialog
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label, show_error


class PetitionTab(CaseFormTab[PetitionScreen]):
    """``data`` is the last screen read (None until then)."""

    form: PetitionForm

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, case_id, parent)
        self.data: PetitionScreen | None = None
        self.version: int | None = None
        self.can_edit = role_can(actor.role, Permission.HANDLE_CASE)
        self.form = PetitionForm(self)
        self.form.set_editable(self.can_edit)
        self.checklist = ChecklistPanel(self)
        self.error_label = make_error_label(QLabel(self))
        self.info_label = QLabel(self)
        self.save_button = QPushButton(self.tr("&Zapisz prośbę  (Ctrl+S)"), self)
        self.save_button.setVisible(self.can_edit)
        self.reload_button = QPushButton(self.tr("&Wczytaj aktualne dane"), self)
        self.reload_button.hide()
        self.statement_button: QPushButton | None = None
        self.viewers_button: QPushButton | None = None
        self.statement_dialog: StatementDialog | None = None
        self.viewers_dialog: StatementViewsDialog | None = None
        if role_can(actor.role, Permission.VIEW_PROPERTY_STATEMENT):
            self.statement_button = QPushButton(self.tr("&Oświadczenie majątkowe…"), self)
            self.statement_button.clicked.connect(self.open_statement)
        if role_can(actor.role, Permission.VIEW_AUDIT) and \
                role_can(actor.role, Permission.VIEW_CASES):
            self.viewers_button = QPushButton(self.tr("&Kto oglądał oświadczenie…"), self)
            self.viewers_button.clicked.connect(self.open_viewers)
        self.runner = OpRunner(self)
        self._lay_out()
        if self.can_edit:
            shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        for widget in self.form.inputs():
            if not isinstance(widget, QPlainTextEdit):  # Enter there starts a new line
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter moves to the next field, Ctrl+Enter saves (as in the registration)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.ControlModifier:
                self.save()
                return True
            if mods == Qt.KeyboardModifier.NoModifier and isinstance(watched, QWidget):
                combo = watched if isinstance(watched, QComboBox) else None
                if combo is None or not combo.view().isVisible():
                    self.focusNextChild()
                    return True
        return super().eventFilter(watched, event)

    def _lay_out(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right = QVBoxLayout()
        right.addWidget(self.checklist)
        for button in (self.statement_button, self.viewers_button):
            if button is not None:
                right.addWidget(button)
        if not self.can_edit:
            note = QLabel(self.tr("Podgląd: prośbę zmienia referent."), self)
            note.setWordWrap(True)
            right.addWidget(note)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 3)
        columns.addLayout(right, 2)
        self._lay_out_bottom(columns)

    # ------------------------------------------------------------------ reading
    def _reader(self) -> Callable[[], PetitionScreen]:
        return partial(petition_screen, self.ctx, self.actor, self.case_id)

    def is_dirty(self) -> bool:
        return self.version is not None and self.form.state() != self._shown

    def _loaded(self, screen: PetitionScreen, keep: bool) -> None:
        self.data = screen
        self.form.set_stamp_duty(screen.stamp_duty)
        self.checklist.set_lines(screen.petition.checklist, screen.stamp_duty)
        if keep:
            return  # keep what is typed (and its version: saving it conflicts)
        self.version = screen.petition.version
        self.form.set_value(screen.petition.data)
        clear_marks(self.form.fields)
        self._adopted()

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        if self.version is None or not self.can_edit or self.runner.is_busy():
            return
        clear_marks(self.form.fields)
        self.info_label.clear()
        rent_error = self.form.rent_error()
        if rent_error is not None:
            self._failed(ValidationFailed([rent_error]))
            return
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        version, value = self.version, self.form.value()
        show_error(self.error_label, "")
        Op(self.runner, lambda: save_petition(ctx, actor, case_id, version, value)) \
            .on_success(self._saved).on_failure(self._failed).disabling(self.save_button) \
            .announcing(Change(ChangeKind.CASE, case_id)).run()

    def _saved(self, version: int) -> None:
        self.version = version
        self._shown = self.form.state()
        self.info_label.setText(self.tr("Zapisano prośbę."))
        self.reload(force=True)

    def _mark_invalid(self, error: ValidationFailed) -> None:
        mark_errors(self.form.fields, error, self.form.inputs())

    # ------------------------------------------------------------- statement
    def open_statement(self) -> StatementDialog:
        """The property statement (reading it records the view); the previous dialog goes."""
        if self.statement_dialog is not None:
            self.statement_dialog.deleteLater()
        dialog = self.statement_dialog = StatementDialog(self.ctx, self.actor, self.case_id,
                                                         self)
        dialog.open()
        return dialog

    def open_viewers(self) -> StatementViewsDialog:
        """Who opened the statement (supervisors)."""
        if self.viewers_dialog is not None:
            self.viewers_dialog.deleteLater()
        dialog = self.viewers_dialog = StatementViewsDialog(self.ctx, self.actor, self.case_id,
                                                            self)
        dialog.open()
        return dialog
