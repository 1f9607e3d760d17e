"""The main window: menus by role, status bar, central page tabs and sub-windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from clerk_app import __version__
from clerk_app.domain.legacy_letters import parse_account_code
from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import refresh_missed
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.case_navigator import CaseNavigator
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.counter_desk import CounterDesk
from clerk_app.ui.deadline_dashboard import DeadlineDashboard
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import app_icon
from clerk_app.ui.retention.review_window import RetentionReviewWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class MainWindow(QMainWindow):
    """Emits ``logoutRequested`` for the session flow; sub-windows are opened lazily once."""

    logoutRequested = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.windows: dict[str, QWidget] = {}
        self.page_permissions: dict[int, Permission | None] = {}
        self.setWindowTitle(self.tr("Sprawy mieszkaniowe – Piekary Śląskie"))
        self.setWindowIcon(app_icon())
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()
        self.navigator = CaseNavigator(self, ctx, actor, self._open)
        self.navigator.scanner.scanned.disconnect(self.navigator.handle_scan)
        self.navigator.scanner.scanned.connect(self.route_scan)
        self.case_list = CaseListWidget(ctx, actor, self)
        self.case_list.case_opened.connect(self.navigator.open_case)
        self.add_page(self.tr("Sprawy"), self.case_list, Permission.VIEW_CASES)
        self.dashboard = DeadlineDashboard(ctx, actor, self)
        self.dashboard.caseActivated.connect(self.navigator.open_case)
        self.navigator.letter_handler = lambda match, text: self.open_delivery(text)
        self.counter_desk: CounterDesk | None = None
        if self.can(Permission.HANDLE_CASE) or not self.can(Permission.REGISTER_ITEM):
            self.add_page(self.tr("Terminy"), self.dashboard, Permission.VIEW_CASES)
        else:  # counter staff have no deadlines: their day's registrations and receipts
            self.counter_desk = CounterDesk(ctx, actor, self)
            self.counter_desk.caseActivated.connect(self.navigator.open_case)
            self.counter_desk.deliveryRequested.connect(self.open_delivery)
            self.add_page(self.tr("Dzisiaj"), self.counter_desk, Permission.REGISTER_ITEM)
        # Running deadlines whose day has passed become missed; the views hear of it.
        self.housekeeping = OpRunner(self)
        Op(self.housekeeping, lambda: refresh_missed(ctx, ctx.today())).on_failure(
            lambda _error: None).quietly().announcing(
            lambda missed: Change(ChangeKind.DEADLINES) if missed else None).run()
        self.resize(1100, 700)
        # The first key a clerk types is a name or a scanned code: start in the search box.
        self.tabs.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setFocusProxy(self.case_list.search_edit)
        self.case_list.search_edit.setFocus()

    # ----------------------------------------------------------------- pages
    def add_page(self, title: str, widget: QWidget,
                 permission: Permission | None = None) -> int:
        """Add a central page; it is disabled when the user's role lacks ``permission``."""
        index = self.tabs.addTab(widget, title)
        self.page_permissions[index] = permission
        self.tabs.setTabEnabled(index, self.can(permission))
        if not self.can(self.page_permissions.get(self.tabs.currentIndex())):
            self.tabs.setCurrentIndex(index)
        return index

    def show_page(self, title: str) -> bool:
        """Switch to the page called ``title``; False when there is none or it is disabled."""
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title and self.tabs.isTabEnabled(index):
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def _show_second_page(self) -> None:
        """Ctrl+2: the deadlines, or the counter's day for counter staff."""
        self.show_page(self.tr("Terminy") if self.counter_desk is None else self.tr("Dzisiaj"))

    def can(self, permission: Permission | None) -> bool:
        return permission is None or role_can(self.actor.role, permission)

    # ----------------------------------------------------------------- menus
    def _action(self, menu_title: str, text: str, slot: Callable[[], object],
                shortcut: Shortcut = None, permission: Permission | None = None,
                enabled: bool = True) -> QAction:
        menu = self._menus.get(menu_title)
        if menu is None:
            menu = self.menuBar().addMenu(menu_title)
            self._menus[menu_title] = menu
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setEnabled(enabled and self.can(permission))
        if not self.can(permission):
            action.setToolTip(self.tr("Twoja rola nie pozwala na tę czynność."))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        self._menus: dict[str, QMenu] = {}
        file_menu, cases, deadlines = self.tr("&Plik"), self.tr("&Sprawy"), self.tr("&Terminy")
        reports, admin = self.tr("&Raporty"), self.tr("&Administracja")
        help_menu = self.tr("Pomo&c")
        self.act_change_password = self._action(
            file_menu, self.tr("Zmień &hasło…"), self.open_change_password, "Ctrl+Shift+H")
        self.act_logout = self._action(file_menu, self.tr("&Wyloguj"), self.logout,
                                       "Ctrl+Shift+W")
        self._menus[file_menu].addSeparator()
        self.act_quit = self._action(file_menu, self.tr("&Zakończ"), self.close, "Ctrl+Q")
        self.act_register = self._action(
            cases, self.tr("&Zarejestruj pismo…"), lambda: self.navigator.open_registration(),
            QKeySequence.StandardKey.New, Permission.REGISTER_ITEM)
        self.act_cases = self._action(cases, self.tr("&Lista spraw"),
                                      lambda: self.show_page(self.tr("Sprawy")), "Ctrl+1",
                                      Permission.VIEW_CASES)
        self.act_leave_list = self._action(
            cases, self.tr("Do pozostawienia &bez rozpoznania…"), self.open_leave_list,
            "Ctrl+4", Permission.HANDLE_CASE)
        self.act_retention = self._action(  # issue 11: cases past their retention period
            cases, self.tr("Przegląd okresów &przechowywania…"), lambda: self._open(
                "retention_review", lambda: RetentionReviewWindow(self.ctx, self.actor, self)),
            None, Permission.RETENTION)
        self.act_legacy_form = self._action(  # issue 10: migration of old portal accounts
            cases, self.tr("&Formularz zwrotny migracji konta…"), self.open_legacy_return_form,
            None, Permission.REGISTER_ITEM)
        self.act_legacy = self._action(
            cases, self.tr("&Migracja kont Portalu Mieszkańców…"), self.open_legacy_migration,
            None, Permission.IOK_MIGRATION)
        self.act_iok_handover = self._action(
            cases, self.tr("Przekazanie kont &IOK…"), self.open_iok_handover, "Ctrl+5",
            Permission.HANDLE_CASE)
        self.act_deadlines = self._action(deadlines, self.tr("&Terminy spraw"),
                                          self._show_second_page, "Ctrl+2",
                                          Permission.VIEW_CASES)
        self.act_delivery = self._action(deadlines, self.tr("Zarejestruj &doręczenie…"),
                                         lambda: self.open_delivery(""), "Ctrl+D",
                                         Permission.RECORD_DELIVERY)
        self.act_reports = self._action(reports, self.tr("&Raport terminów…"),
                                        self.open_report, "Ctrl+3", Permission.REPORTS)
        self.act_iok_statistics = self._action(reports, self.tr("&Statystyki IOK…"),
                                               self.open_iok_statistics, None,
                                               Permission.REPORTS)
        self.act_users = self._action(admin, self.tr("&Użytkownicy…"), self.open_users,
                                      "Ctrl+Shift+U", Permission.MANAGE_USERS)
        self.act_settings = self._action(admin, self.tr("U&stawienia…"), self.open_settings,
                                         "Ctrl+Shift+S", Permission.MANAGE_SETTINGS)
        self.act_days_off = self._action(admin, self.tr("Dni &wolne…"), self.open_days_off,
                                         None, Permission.MANAGE_SETTINGS)
        self.act_backup = self._action(admin, self.tr("&Kopia zapasowa…"), self.open_backup,
                                       None, Permission.MANAGE_SETTINGS)
        self.act_audit = self._action(admin, self.tr("&Dziennik zdarzeń…"), self.open_audit,
                                      "Ctrl+Shift+D", Permission.VIEW_AUDIT)
        self.act_about = self._action(help_menu, self.tr("&O programie"), self.show_about,
                                      QKeySequence.StandardKey.HelpContents)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(self.tr("Zalogowany: {0}").format(self.actor.full_name))
        self.role_label = QLabel(self.tr("Rola: {0}").format(self.actor.role.label))
        self.db_label = QLabel(self.tr("Baza: {0}").format(self.ctx.db.display_name()))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.user_label, self.role_label, self.db_label):
            label.setFrameShape(QLabel.Shape.StyledPanel)
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    # ----------------------------------------------------------- sub-windows
    def _open(self, key: str, factory: Callable[[], QWidget]) -> QWidget:
        window = self.windows.get(key)
        if window is None:
            window = factory()
            window.destroyed.connect(lambda _obj=None, k=key: self.windows.pop(k, None))
            self.windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_users(self) -> QWidget:
        from clerk_app.ui.users_window import UsersWindow

        return self._open("users", lambda: UsersWindow(self.ctx, self.actor, self))

    def open_settings(self) -> QWidget:
        from clerk_app.ui.settings_dialog import SettingsDialog

        return self._open("settings", lambda: SettingsDialog(self.ctx, self.actor, self))

    def open_backup(self) -> QWidget:
        from clerk_app.ui.backup_dialog import BackupDialog

        def make() -> QWidget:
            dialog = BackupDialog(self.ctx, self.actor, self)
            dialog.restored.connect(self._after_restore)
            return dialog

        return self._open("backup", make)

    def _after_restore(self) -> None:
        """The data under every window changed: the session ends (log in again)."""
        QMessageBox.information(self, self.tr("Odtworzono bazę"), self.tr(
            "Baza danych została odtworzona z kopii. Zaloguj się ponownie."))
        self.logout()

    def open_audit(self) -> QWidget:
        from clerk_app.ui.audit_window import AuditWindow

        return self._open("audit", lambda: AuditWindow(self.ctx, self.actor, self))

    def open_leave_list(self) -> QWidget:
        """Deposit cases whose 7 days passed unmet; the clerk leaves them without
        consideration or opens them (double-click)."""
        from clerk_app.ui.deposit.leave_list_window import LeaveListWindow

        def make() -> QWidget:
            window = LeaveListWindow(self.ctx, self.actor, self)
            window.caseActivated.connect(self.navigator.open_case)
            return window

        return self._open("leave_list", make)

    def open_legacy_migration(self) -> QWidget:
        from clerk_app.ui.legacy.migration_window import MigrationWindow

        return self._open("legacy", lambda: MigrationWindow(self.ctx, self.actor, self))

    def open_legacy_return_form(self, code: str = "") -> QWidget:
        from clerk_app.ui.legacy.return_form_dialog import ReturnFormDialog

        dialog = self._open("legacy_form", lambda: ReturnFormDialog(self.ctx, self.actor, self))
        if code and isinstance(dialog, ReturnFormDialog):
            dialog.take_scan(code)
        return dialog

    def route_scan(self, text: str) -> None:
        """A returned migration form's code (``M…``) opens its dialog; anything else is
        the navigator's (a case or a letter)."""
        if parse_account_code(text) is not None and self.can(Permission.REGISTER_ITEM):
            self.open_legacy_return_form(text)
        else:
            self.navigator.handle_scan(text)

    def open_iok_handover(self) -> QWidget:
        """IOK requests ready for an account: the hand-over file and the result file."""
        from clerk_app.ui.iok.handover_window import HandoverWindow

        def make() -> QWidget:
            window = HandoverWindow(self.ctx, self.actor, self)
            window.caseActivated.connect(self.navigator.open_case)
            return window

        return self._open("iok_handover", make)

    def open_report(self) -> QWidget:
        from clerk_app.ui.report_dialog import ReportDialog

        return self._open("report", lambda: ReportDialog(self.ctx, self.actor, self))

    def open_iok_statistics(self) -> QWidget:
        from clerk_app.ui.statistics.iok_window import IokStatisticsWindow

        return self._open("iok_statistics", lambda: IokStatisticsWindow(self.ctx, self.actor,
                                                                        self))

    def open_days_off(self) -> QWidget:
        from clerk_app.ui.days_off_dialog import DaysOffDialog

        return self._open("days_off", lambda: DaysOffDialog(self.ctx, self.actor, self))

    def open_delivery(self, identifier: str) -> QWidget:
        """The delivery desk: a returned receipt's letter (scanned or typed) and its date."""
        from clerk_app.ui.delivery_dialog import DeliveryDialog

        def make() -> QWidget:
            return DeliveryDialog.for_identifier(self.ctx, self.actor, identifier, self)

        existing = self.windows.get("delivery")
        if existing is not None and identifier:
            existing.close()  # a new scan replaces the letter shown
            self.windows.pop("delivery", None)
        return self._open("delivery", make)

    def open_change_password(self) -> QWidget:
        from clerk_app.ui.change_password_dialog import ChangePasswordDialog

        return self._open("password", lambda: ChangePasswordDialog(self.ctx, self.actor, self))

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("O programie"))
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setText(self.tr(
            "<b>Sprawy mieszkaniowe</b> {0}<br>Konta IOK i kaucje zabezpieczające w ratach."
            "<br>Urząd Miasta Piekary Śląskie").format(__version__))
        box.open()
        return box

    # -------------------------------------------------------------- session
    def logout(self) -> None:
        self.logoutRequested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.navigator.shutdown()
        for window in list(self.windows.values()):
            window.close()
        super().closeEvent(event)
