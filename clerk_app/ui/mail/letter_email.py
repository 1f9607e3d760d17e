"""The "Wyślij e-mailem" action of the case's letters tab.

It reads where the case's letters stand with e-mail (``case_email_states``) each time the tab
gets the case, enables the button for a letter not yet e-mailed when the addressee gave an
address ("Wyślij ponownie" after a failure), sends through the op runner off the GUI thread
with a busy bar, shows the outcome (sent, or the server's message), and announces the change
so the case view reads the case again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.types import LetterView
from clerk_app.services.mail.letters import LetterEmailOutcome, send_letter_by_email
from clerk_app.services.mail.states import CaseEmailStates, case_email_states
from clerk_app.ui.case_letters_models import CaseLettersModel
from clerk_app.ui.changes import Change
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import ERROR_STYLE, show_error

SENT_STYLE = "color: #1b5e20;"


class LetterEmailAction(QObject):
    """Button, busy bar and outcome line of sending the selected letter by e-mail."""

    def __init__(self, parent: QWidget, ctx: AppContext, actor: Actor, case_id: int,
                 runner: OpRunner, model: CaseLettersModel, change: Change) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.runner, self.model, self.change = runner, model, change
        self.reader = OpRunner(self)  # its reads do not make the tab's buttons wait
        self.can_send = role_can(actor.role, Permission.HANDLE_CASE)
        self.states: CaseEmailStates | None = None
        self.letter: LetterView | None = None
        self.button = QPushButton(self.tr("Wyślij &e-mailem"), parent)
        self.button.setObjectName("emailButton")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda _checked=False: self.send())
        self.busy = QProgressBar(parent)
        self.busy.setRange(0, 0)  # no steps to count: one message going out
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.outcome = QLabel(parent)
        self.outcome.setObjectName("emailOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setVisible(False)
        runner.settled.connect(lambda: self.busy.setVisible(False))
        self.update(None, True)

    def place(self, bar: QBoxLayout, below: QBoxLayout) -> None:
        """The button and bar into the letters' title row, the outcome line below."""
        bar.addWidget(self.busy)
        bar.addWidget(self.button)
        below.addWidget(self.outcome)

    def reload(self) -> None:
        """Read the e-mail side of the case's letters (after each load of the case)."""
        self.reader.run_or_queue(lambda: Op(
            self.reader, lambda: case_email_states(self.ctx, self.actor, self.case_id))
            .on_success(self._states).on_failure(self._unreadable).quietly(),
            key="email_states")

    def _unreadable(self, error: Exception) -> None:
        self.outcome.setStyleSheet(ERROR_STYLE)
        show_error(self.outcome, user_message(error))

    def _states(self, states: CaseEmailStates) -> None:
        self.states = states
        self.model.set_email_states(states)
        self.update(self.letter, not self.runner.is_busy())

    def update(self, letter: LetterView | None, idle: bool) -> None:
        """Enable and name the button for the selected ``letter``."""
        self.letter = letter
        address = self.states.address if self.states else ""
        state = self.states.of(letter.id) if self.states and letter else None
        sent = state is not None and state.sent_at is not None
        failed = state is not None and state.failed
        self.button.setText(self.tr("Wyślij &ponownie") if failed
                            else self.tr("Wyślij &e-mailem"))
        self.button.setEnabled(self.can_send and idle and letter is not None
                               and bool(address) and not sent)
        if not self.can_send:
            tip = self.tr("Pisma e-mailem wysyła referent prowadzący sprawę.")
        elif not address and self.states is not None:
            tip = self.tr("Adresat nie podał adresu e-mail.")
        elif sent:
            tip = self.tr("To pismo zostało już wysłane e-mailem.")
        else:
            tip = self.tr("Wyślij pismo (PDF) na adres {0}").format(address)
        self.button.setToolTip(tip)

    def send(self) -> bool:
        letter = self.letter
        if letter is None or not self.button.isEnabled():
            return False
        ctx, actor, letter_id = self.ctx, self.actor, letter.id
        self.outcome.setStyleSheet("")
        show_error(self.outcome, self.tr("Wysyłanie pisma {0} e-mailem…").format(
            letter.identifier))
        self.busy.setVisible(True)
        return Op(self.runner, lambda: send_letter_by_email(ctx, actor, letter_id)).on_success(
            self._sent).errors_in(self.outcome).on_failure(self._failed).announcing(
            self.change).run()

    def _sent(self, result: LetterEmailOutcome) -> None:
        if result.sent:
            self.outcome.setStyleSheet(SENT_STYLE)
            show_error(self.outcome, self.tr("Pismo wysłano e-mailem na adres {0}.").format(
                self.states.address if self.states else ""))
        else:
            self.outcome.setStyleSheet(ERROR_STYLE)
            show_error(self.outcome, self.tr("Nie wysłano pisma: {0}. Można spróbować "
                                             "ponownie.").format(result.error.rstrip(".")))

    def _failed(self, _error: Exception) -> None:
        self.outcome.setStyleSheet(ERROR_STYLE)
