"""GUI start: the application object, opening the database, login and the main window."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QThreadPool, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from clerk_app import __version__
from clerk_app.app_log import configure_logging
from clerk_app.documents.renderer import PdfRenderer
from clerk_app.services.admin.auth import has_any_user
from clerk_app.services.admin.backups import todays_backup
from clerk_app.services.admin.bootstrap import (
    NewerSchema,
    open_database,
    printable_url,
    written_backups,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.change_password_dialog import ChangePasswordDialog
from clerk_app.ui.error_text import user_message
from clerk_app.ui.first_start_dialog import FirstStartDialog
from clerk_app.ui.login_dialog import LoginDialog
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.operations import Op, OpRunner, wait_for_workers
from clerk_app.ui.qt_helpers import app_icon, translate

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []


def install_polish_translations(app: QApplication) -> None:
    """Polish locale and Qt's own Polish texts (standard buttons, context menus)."""
    QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_pl", "qt_pl"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, icon and Polish locale (reused when one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName("clerk_app")
    app.setApplicationDisplayName(translate("app", "Sprawy mieszkaniowe"))
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Urząd Miasta Piekary Śląskie")
    app.setWindowIcon(app_icon())
    install_polish_translations(app)
    return app


class MainFlow(QObject):
    """Login (or first start) → main window → logout → login again.

    ``start()`` finds out (off the GUI thread) whether anybody has an account yet and shows
    the first dialog without blocking (``dialogShown``); tests drive the widgets it exposes.
    ``ended`` is emitted when the user leaves a dialog without a main window to go to.
    """

    dialogShown = Signal(object)
    mainWindowShown = Signal(object)
    ended = Signal()

    def __init__(self, ctx: AppContext, backup_note: str | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.backup_note = backup_note
        self.dialog: QDialog | None = None
        self.main_window: MainWindow | None = None
        self.password_dialog: QDialog | None = None
        self.runner = OpRunner(self)

    def start(self) -> None:
        """Show the first-start dialog on an empty database, else the login dialog."""
        ctx = self.ctx
        Op(self.runner, lambda: has_any_user(ctx)).on_success(self._first_dialog).on_failure(
            self._start_failed).run()

    def _first_dialog(self, anybody: bool) -> None:
        if anybody:
            self.show_login()
            return
        dialog = FirstStartDialog(self.ctx)
        dialog.created.connect(self._show_main)
        self._show_dialog(dialog)

    def _start_failed(self, error: Exception) -> None:
        QMessageBox.critical(None, translate("app", "Błąd bazy danych"), user_message(error))
        self.ended.emit()

    def show_login(self) -> QDialog:
        dialog = LoginDialog(self.ctx)
        dialog.loggedIn.connect(self._show_main)
        return self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setModal(False)
        dialog.rejected.connect(self._dialog_rejected)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.dialogShown.emit(dialog)
        return dialog

    def _dialog_rejected(self) -> None:
        if self.main_window is None:
            self.ended.emit()

    def _show_main(self, actor: object) -> None:
        assert isinstance(actor, Actor)
        window = MainWindow(self.ctx, actor)
        window.logoutRequested.connect(self._logout)
        self.main_window = window
        window.show()
        if self.backup_note:
            window.statusBar().showMessage(self.backup_note, 15000)
            self.backup_note = None
        summary = getattr(self.dialog, "demo_summary", None)
        if summary is not None:
            self._show_demo_summary(window, summary)
        self.dialog = None
        if actor.must_change_password:
            self._force_password_change(window, actor)
        self.mainWindowShown.emit(window)

    def _force_password_change(self, window: MainWindow, actor: Actor) -> None:
        """After an admin reset the user must choose a new password before working."""
        dialog = ChangePasswordDialog(self.ctx, actor, window)
        dialog.setWindowTitle(self.tr("Ustaw nowe hasło"))
        dialog.rejected.connect(window.logoutRequested.emit)
        dialog.setModal(True)
        self.password_dialog = dialog
        dialog.open()

    def _show_demo_summary(self, parent: QWidget, summary: object) -> None:
        users = getattr(summary, "users", [])
        lines = "<br>".join(f"{name} / {password}" for name, password in users)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Dane demonstracyjne"),
                          self.tr("Utworzono spraw: {0}.<br>Konta demonstracyjne "
                                  "(użytkownik / hasło):<br>{1}").format(
                              getattr(summary, "cases", 0), lines), parent=parent)
        box.open()

    def close_all(self) -> None:
        """Close the dialog and the main window that are still open (quitting, tests)."""
        dialog, window = self.dialog, self.main_window
        self.dialog = self.main_window = None
        for widget in (dialog, window):
            if widget is not None and shiboken6.isValid(widget):
                widget.blockSignals(True)
                widget.close()
                widget.deleteLater()

    def _logout(self) -> None:
        window = self.main_window
        self.main_window = None
        self.show_login()
        if window is not None:
            window.close()
            window.deleteLater()


def create_main_flow(ctx: AppContext, backup_note: str | None = None) -> MainFlow:
    """A flow for ``ctx``, started: its first dialog shows once the event loop runs."""
    flow = MainFlow(ctx, backup_note)
    flow.start()
    return flow


def _cause(error: Exception) -> str:
    """The service's Polish message, else the driver's own text (no SQLAlchemy boilerplate)."""
    message = getattr(error, "message", None)
    if isinstance(message, str) and message:
        return message
    original = getattr(error, "orig", None)
    return str(original or error).strip() or type(error).__name__


def open_database_error_text(url: str, error: Exception, backups: list[Path]) -> str:
    if isinstance(error, NewerSchema):
        return translate(
            "app", "Baza danych:\n{0}\n\npochodzi z nowszej wersji programu. Zainstaluj "
                   "aktualną wersję clerk-app; bazy nie zmieniono.").format(printable_url(url))
    text = translate(
        "app", "Nie można otworzyć bazy danych:\n{0}\n\nSzczegóły techniczne: {1}"
    ).format(printable_url(url) or translate("app", "(nieprawidłowy adres bazy danych)"),
             _cause(error))
    if backups:
        text += "\n\n" + translate(
            "app", "Przed aktualizacją zapisano kopię zapasową bazy:\n{0}").format(backups[-1])
    return text


def run_gui(db_url: str) -> int:
    """Start the desktop application on ``db_url``; returns the process exit code."""
    configure_logging()
    app = create_application()
    started = time.time()
    try:
        db, backup = open_database(db_url)
    except Exception as exc:
        log.exception("Opening the database failed")
        QMessageBox.critical(None, translate("app", "Błąd bazy danych"),
                             open_database_error_text(db_url, exc,
                                                      written_backups(db_url, started)))
        return 1
    note = None
    if backup:
        note = translate("app", "Baza danych została zaktualizowana; kopia zapasowa: {0}").format(
            backup)
    ctx = AppContext(db=db, renderer=PdfRenderer())
    QThreadPool.globalInstance().start(lambda: todays_backup(ctx))  # waited for at quit
    flow = create_main_flow(ctx, note)
    flow.ended.connect(app.quit)
    try:
        return app.exec()
    finally:
        wait_for_workers()
        db.dispose()
