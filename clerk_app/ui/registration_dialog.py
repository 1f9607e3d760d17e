"""Registering an incoming item at the counter: register entry, new case or supplement, scans.

Keyboard first: the tab order follows the form, Enter moves to the next field (it never
submits), Ctrl+Enter or Ctrl+S saves, Esc cancels (asking first when something was typed).
The form is built once its set-up (settings, assignees) has been read off the GUI thread.
Saving runs ``register_item`` as an op; a validation error keeps everything typed and
focuses the first bad field; a saved item is announced to the open views.

The dialog acts (saves, adds scans, warns of duplicates, handles the keys); the fields are in
:mod:`registration_form`, the part each kind of item adds in :mod:`registration_kind_parts`,
the sender's fields in :mod:`sender_form`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.intake.registration import find_possible_duplicates, register_item
from clerk_app.services.intake.setup import RegistrationSetup, registration_setup
from clerk_app.services.intake.types import DuplicateHint, RegistrationResult
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.deposit.registration_parts import WARNING_STYLE, registered_missing_text
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import (
    ask_discard,
    focus_field,
    limit_typing,
    make_error_label,
    show_error,
)
from clerk_app.ui.registration_email_hint import ask_email_hint
from clerk_app.ui.registration_form import RegistrationForm
from clerk_app.ui.service_dialog import ServiceDialog

SCAN_FILTER = "Skany (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DUPLICATE_STYLE = ("background: #fff4c2; border: 1px solid #e0b000; border-radius: 4px; "
                   "padding: 6px; color: #4a3b00;")
RESULT_STYLE = "color: #1b5e20; font-weight: bold;"


class RegistrationDialog(ServiceDialog):
    """``saved_result`` is the last item registered; ``setup`` is None until read."""

    form: RegistrationForm  # built when the set-up has been read

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.setup: RegistrationSetup | None = None
        self.saved_result: RegistrationResult | None = None
        self.hints: list[DuplicateHint] = []
        self.discard_box: QMessageBox | None = None
        self.email_hint_box: QMessageBox | None = None
        self._email_confirmed = ""  # an address kept as typed despite its hint
        self._save_when_checked = False
        self.setWindowTitle(self.tr("Rejestracja pisma wpływającego"))
        self.loading = QLabel(self.tr("Wczytywanie formularza…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.loading)
        self.dup_runner = OpRunner(self)
        self.dup_timer = QTimer(self)
        self.dup_timer.setSingleShot(True)
        self.dup_timer.setInterval(400)
        self.dup_timer.timeout.connect(self.check_duplicates)
        self.resize(1140, 780)
        self.setup_runner = OpRunner(self)  # not ``runner``: Esc may close a loading dialog
        Op(self.setup_runner, lambda: registration_setup(ctx, actor)).on_success(
            self._set_up).on_failure(self._setup_failed).run()

    def _setup_failed(self, error: Exception) -> None:
        show_error(make_error_label(self.loading), user_message(error))

    def _set_up(self, setup: RegistrationSetup) -> None:
        """Build and wire the form (keyboard order, scans, duplicates) for ``setup``."""
        self.setup = setup
        self.loading.hide()
        self.form = RegistrationForm(self.ctx, self.actor, setup.settings, setup.assignees,
                                     self)
        self.body.addWidget(self.form)
        self.form.show()  # now, not when the layout gets round to it: the focus goes in
        f = self.form
        self.attach_error_label(f.error_label)
        f.result_label.setStyleSheet(RESULT_STYLE)
        f.duplicates_label.setStyleSheet(DUPLICATE_STYLE)
        self.field_widgets = f.field_widgets()
        limit_typing(self.field_widgets)
        self.busy_widgets = [f.save_button]
        f.save_button.clicked.connect(self.save)
        f.cancel_button.clicked.connect(self.reject)
        f.next_button.clicked.connect(self.start_next)
        f.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        f.add_button.clicked.connect(self.choose_files)
        f.scan_list.message.connect(self._scan_message)
        f.inbox.picked.connect(lambda path: f.scan_list.add_files([path]))
        f.pick_button.clicked.connect(f.inbox.pick_current)
        f.scan_list.filesChanged.connect(lambda: f.inbox.take(f.scan_list.paths()))
        f.scan_list.runner.settled.connect(self._files_checked)
        f.sender_form.changed.connect(self.dup_timer.start)
        for widget in f.tab_chain():
            widget.installEventFilter(self)
        if self.actor.role == Role.CLERK:
            f.assignee.setCurrentIndex(max(0, f.assignee.findData(self.actor.user_id)))
        self._reset_defaults()

    # --------------------------------------------------------------- state
    def _reset_defaults(self) -> None:
        now = self.ctx.now().astimezone(OFFICE_TZ)
        self.form.received.setDateTime(QDateTime(QDate(now.year, now.month, now.day),
                                                 QTime(now.hour, now.minute)))
        self._kind_changed()
        self._clean_state = self.form.state()
        self.form.received.setFocus()

    def is_dirty(self) -> bool:
        return (self.setup is not None and self.saved_result is None
                and self.form.state() != self._clean_state)

    def _kind_changed(self) -> None:
        self.form.kind_changed()
        self.dup_timer.start()

    # ---------------------------------------------------------------- scans
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Wybierz skany"), "", self.tr(SCAN_FILTER))
        if names:
            self.form.scan_list.add_files([Path(n) for n in names])

    def _scan_message(self, text: str, is_error: bool) -> None:
        label = self.form.scan_message
        label.setStyleSheet("color: #b00020;" if is_error else "color: #8a6d00;")
        label.setText(text)

    def _files_checked(self) -> None:
        """Saving waits for the files still being checked (they go into the same save)."""
        if self._save_when_checked and self.form.scan_list.runner.is_idle():
            self._save_when_checked = False
            self.save()

    # ---------------------------------------------------------- duplicates
    def check_duplicates(self) -> None:
        """Look for open cases of the same person (a warning only; saving stays allowed)."""
        if self.saved_result is not None:
            return
        if self.dup_runner.is_busy():
            self.dup_timer.start()
            return
        ctx, actor = self.ctx, self.actor
        kind = IncomingKind(self.form.kind.currentData())
        sender = self.form.sender_form.value()
        Op(self.dup_runner, lambda: find_possible_duplicates(ctx, actor, kind, sender)) \
            .on_success(self._show_duplicates).on_failure(
                lambda _error: self._show_duplicates([])).quietly().run()

    def _show_duplicates(self, hints: list[DuplicateHint]) -> None:
        if self.saved_result is not None:  # a check started before saving finds the new case
            hints = [h for h in hints if h.case_id != self.saved_result.case_id]
        self.hints = hints
        label = self.form.duplicates_label
        if not self.hints:
            label.hide()
            return
        lines = [self.tr("Uwaga: ta osoba może mieć już otwartą sprawę (zapis jest nadal "
                         "możliwy):")]
        lines += [f"• {h.signature} – {h.applicant}, {h.address} ({h.reason})"
                  for h in self.hints]
        label.setText("\n".join(lines))
        label.show()

    # ---------------------------------------------------------------- saving
    def save(self) -> None:
        if self.setup is None or self.saved_result is not None or self.runner.is_busy():
            return
        if not self.form.scan_list.runner.is_idle():
            self._save_when_checked = True
            return
        if self._ask_about_email_hint():
            return
        self.form.result_label.hide()
        ctx, actor, data = self.ctx, self.actor, self.form.value()
        self.op(lambda: register_item(ctx, actor, data)).on_success(self._saved).announcing(
            lambda result: Change(ChangeKind.CASE | ChangeKind.DEADLINES, result.case_id)).run()

    def _ask_about_email_hint(self) -> bool:
        """A likely typo in the e-mail asks first (once per address); True: saving waits."""
        box = ask_email_hint(self, self.form.sender_form, self._email_confirmed,
                             self._email_chosen)
        self.email_hint_box = box or self.email_hint_box
        return box is not None

    def _email_chosen(self, address: str) -> None:
        self._email_confirmed = address
        self.save()

    def show_failure(self, error: Exception) -> None:
        """Show the messages; focus the bad field that comes first in the form."""
        super().show_failure(error)
        if isinstance(error, ValidationFailed):
            chain = self.form.tab_chain()
            bad = [w for name in error.fields if (w := self.field_widgets.get(name)) in chain]
            if bad:
                focus_field(min(bad, key=chain.index))

    def _saved(self, result: RegistrationResult) -> None:
        self.saved_result = result
        self.dup_timer.stop()
        self._show_duplicates(self.hints)
        f = self.form
        text = self.tr("Zarejestrowano. Nr wpisu w rejestrze: {0}").format(result.entry_number)
        if result.signature:
            text += self.tr("; znak sprawy: {0}").format(result.signature)
        missing = registered_missing_text(result.missing_items)
        f.result_label.setStyleSheet(WARNING_STYLE if missing else RESULT_STYLE)
        f.result_label.setText("\n".join([text + ".", *result.warnings, *filter(None, [missing])]))
        f.result_label.show()
        f.save_button.setEnabled(False)
        f.cancel_button.setText(self.tr("Zamknij"))
        f.next_button.show()
        f.next_button.setFocus()

    def start_next(self) -> None:
        """Clear the form for the next item (channel and assignee are kept)."""
        self.saved_result = None
        self.form.clear_for_next()
        self.form.save_button.setEnabled(True)
        self.set_error("")
        self._show_duplicates([])
        self._reset_defaults()

    # -------------------------------------------------------------- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and self._key(watched, event)):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(self, event):
            super().keyPressEvent(event)

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Save) or (
                event.key() in ENTER_KEYS and mods == Qt.KeyboardModifier.ControlModifier):
            self.save()
            return True
        if (event.key() not in ENTER_KEYS or mods != Qt.KeyboardModifier.NoModifier
                or self.setup is None):
            return False
        f = self.form
        if watched is f.inbox:
            f.inbox.pick_current()
        elif isinstance(watched, QPushButton):
            watched.click()
        else:
            if watched is f.picker.signature:
                f.picker.look_up()
            self.focusNextChild()
        return True

    def reject(self) -> None:
        """Esc / Anuluj: ask before throwing away what was typed."""
        if self.runner.is_busy():
            return
        if not self.is_dirty():
            super().reject()
            return
        self.discard_box, self.discard_button, self.keep_button = ask_discard(
            self, self.tr("Porzucić rejestrację?"),
            self.tr("Wpisane dane nie zostały zapisane. Czy porzucić rejestrację?"),
            self.tr("&Wróć do formularza"), self._discard)

    def _discard(self) -> None:
        self._clean_state = self.form.state()
        super().reject()

