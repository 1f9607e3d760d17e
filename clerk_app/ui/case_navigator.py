"""Opening cases from the main window: the list, the registration dialog and barcode scans.

The windows opened here refresh themselves from the change broadcast; nothing is wired
between them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.cases.detail import IdentifierMatch, find_by_identifier
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.barcode_filter import BarcodeFilter
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner

Opener = Callable[[str, Callable[[], QWidget]], QWidget]
# A scanned letter opens this dialog when one is registered (the delivery of letters).
LetterHandler = Callable[[IdentifierMatch, str], QWidget | None]


class CaseNavigator(QObject):
    """Opens one case window per case, the registration dialog, and what a scan points at."""

    def __init__(self, window: QMainWindow, ctx: AppContext, actor: Actor,
                 open_window: Opener) -> None:
        super().__init__(window)
        self.window, self.ctx, self.actor = window, ctx, actor
        self._open = open_window
        self.letter_handler: LetterHandler | None = None
        self.runner = OpRunner(window)  # the scans' look-ups (a busy cursor on the window)
        self.scanner = BarcodeFilter(self)
        self.scanner.scope = window
        self.scanner.scanned.connect(self.handle_scan)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)

    def shutdown(self) -> None:
        """Stop listening for scans (the main window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.enabled = False

    def open_case(self, case_id: int) -> QWidget:
        """The case's own window (raised when it is already open)."""
        from clerk_app.ui.case_view import CaseView

        def make() -> QWidget:
            view = CaseView(self.ctx, self.actor, case_id, self.window)
            view.setWindowFlag(Qt.WindowType.Window, True)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            view.resize(900, 620)
            return view

        return self._open(f"case:{case_id}", make)

    def open_registration(self) -> QWidget:
        from clerk_app.ui.registration_dialog import RegistrationDialog

        return self._open("registration",
                          lambda: RegistrationDialog(self.ctx, self.actor, self.window))

    def handle_scan(self, text: str) -> None:
        """Look up what a scanned code points at (off the GUI thread) and open it."""
        if not text:
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: find_by_identifier(
            ctx, actor, text)).on_success(lambda match: self._open_match(match, text))
            .on_failure(lambda error: self._say(user_message(error))), text)

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _open_match(self, match: IdentifierMatch | None, text: str) -> QWidget | None:
        """Open what the scanned ``text`` points at; say so in the status bar when nothing."""
        if match is None:
            self._say(self.tr("Nie znaleziono sprawy ani pisma o identyfikatorze „{0}”.")
                      .format(text))
            return None
        if (match.kind == "letter" and self.letter_handler is not None
                and role_can(self.actor.role, Permission.RECORD_DELIVERY)):
            handled = self.letter_handler(match, text)
            if handled is not None:
                return handled
        return self.open_case(match.case_id)
