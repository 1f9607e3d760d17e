"""Opening cases from the main window: the list, the registration dialog and barcode scans."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.cases.detail import IdentifierMatch, find_by_identifier
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.ui.barcode_filter import BarcodeFilter

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
        self.refresh_lists: list[Callable[[], None]] = []
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
            view.changed.connect(lambda _id: self.refresh_all())
            return view

        return self._open(f"case:{case_id}", make)

    def open_registration(self) -> QWidget:
        from clerk_app.ui.registration_dialog import RegistrationDialog

        def make() -> QWidget:
            dialog = RegistrationDialog(self.ctx, self.actor, self.window)
            dialog.registered.connect(lambda _result: self.refresh_all())
            return dialog

        return self._open("registration", make)

    def refresh_all(self) -> None:
        """Reload the lists after a change (a registration, an edit, a delivery)."""
        for refresh in self.refresh_lists:
            refresh()

    def handle_scan(self, text: str) -> QWidget | None:
        """Open what a scanned code points at; say so in the status bar when nothing."""
        if not text:
            return None
        try:
            match = find_by_identifier(self.ctx, self.actor, text)
        except ServiceError as exc:
            self.window.statusBar().showMessage(exc.message, 8000)
            return None
        if match is None:
            self.window.statusBar().showMessage(
                self.tr("Nie znaleziono sprawy ani pisma o identyfikatorze „{0}”.").format(text),
                8000)
            return None
        if (match.kind == "letter" and self.letter_handler is not None
                and role_can(self.actor.role, Permission.RECORD_DELIVERY)):
            handled = self.letter_handler(match, text)
            if handled is not None:
                return handled
        return self.open_case(match.case_id)
