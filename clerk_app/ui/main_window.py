"""The main window: menus by role, status bar, central page tabs and sub-windows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from clerk_app import __version__
from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import refresh_missed
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.case_navigator import CaseNavigator
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.counter_desk import CounterDesk
from clerk_app.ui.deadline_dashboard import DeadlineDashboard
from clerk_app.ui.main_window_openers import SubWindowOpeners
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import app_icon

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class MainWindow(SubWindowOpeners, QMainWindow):
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
        self.counter_desk: CounterDesk | None = None
        if not self.can(Permission.VIEW_CASES):  # the admin (IT) opens no case
            self._add_admin_page()
            return
        self.case_list = CaseListWidget(ctx, actor, self)
        self.case_list.case_opened.connect(self.navigator.open_case)
        self.add_page(self.tr("Sprawy"), self.case_list, Permission.VIEW_CASES)
        self.dashboard = DeadlineDashboard(ctx, actor, self)
        self.dashboard.caseActivated.connect(self.navigator.open_case)
        self.navigator.letter_handler = lambda match, text: self.open_delivery(text)
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

    def _add_admin_page(self) -> None:
        """The administrator's start page: what the role manages (least access)."""
        label = QLabel(self.tr(
            "Administrator zarządza użytkownikami, ustawieniami, dniami wolnymi i kopiami "
            "zapasowymi oraz przegląda dziennik zdarzeń (menu Administracja).\n"
            "Spraw, skanów ani oświadczeń majątkowych ta rola nie otwiera."), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        self.add_page(self.tr("Administracja"), label)
        self.resize(1100, 700)

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
            cases, self.tr("Przegląd okresów &przechowywania…"), self.open_retention_review,
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
        self.act_registers = self._action(reports, self.tr("Spis spraw i rejestr &przesyłek…"),
                                          self.open_registers, None, Permission.REPORTS)
        self.act_subject_access = self._action(
            reports, self.tr("Dane &osoby (art. 15 RODO)…"), self.open_subject_access, None,
            Permission.DATA_SUBJECT_ACCESS)
        self.act_iok_statistics = self._action(reports, self.tr("&Statystyki IOK…"),
                                               self.open_iok_statistics, None,
                                               Permission.REPORTS)
        self.act_deposit_statistics = self._action(reports, self.tr("Statystyki &kaucji…"),
                                                   self.open_deposit_statistics, None,
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
