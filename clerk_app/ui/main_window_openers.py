"""The windows and dialogs the main window opens (one of each at a time), as a mixin of
:class:`~clerk_app.ui.main_window.MainWindow`, so that the window itself keeps to its pages,
menus and session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QMessageBox, QWidget

from clerk_app.domain.legacy_letters import parse_account_code
from clerk_app.domain.roles import Permission
from clerk_app.services.core.context import Actor, AppContext

if TYPE_CHECKING:
    from clerk_app.ui.case_navigator import CaseNavigator


class SubWindowOpeners:
    """``open_*``: show the window of ``key`` (made by ``factory`` the first time)."""

    ctx: AppContext
    actor: Actor
    windows: dict[str, QWidget]
    navigator: CaseNavigator

    @property
    def as_parent(self) -> QWidget:
        """This main window as the parent of what it opens."""
        return cast(QWidget, self)

    def can(self, permission: Permission | None) -> bool:
        raise NotImplementedError

    def logout(self) -> None:
        raise NotImplementedError

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

        return self._open("users", lambda: UsersWindow(self.ctx, self.actor, self.as_parent))

    def open_settings(self) -> QWidget:
        from clerk_app.ui.settings_dialog import SettingsDialog

        return self._open("settings", lambda: SettingsDialog(self.ctx, self.actor, self.as_parent))

    def open_backup(self) -> QWidget:
        from clerk_app.ui.backup_dialog import BackupDialog

        def make() -> QWidget:
            dialog = BackupDialog(self.ctx, self.actor, self.as_parent)
            dialog.restored.connect(self._after_restore)
            return dialog

        return self._open("backup", make)

    def _after_restore(self) -> None:
        """The data under every window changed: the session ends (log in again)."""
        parent = self.as_parent
        QMessageBox.information(parent, parent.tr("Odtworzono bazę"), parent.tr(
            "Baza danych została odtworzona z kopii. Zaloguj się ponownie."))
        self.logout()

    def open_audit(self) -> QWidget:
        from clerk_app.ui.audit_window import AuditWindow

        return self._open("audit", lambda: AuditWindow(self.ctx, self.actor, self.as_parent))

    def open_leave_list(self) -> QWidget:
        """Deposit cases whose 7 days passed unmet; the clerk leaves them without
        consideration or opens them (double-click)."""
        from clerk_app.ui.deposit.leave_list_window import LeaveListWindow

        def make() -> QWidget:
            window = LeaveListWindow(self.ctx, self.actor, self.as_parent)
            window.caseActivated.connect(self.navigator.open_case)
            return window

        return self._open("leave_list", make)

    def open_retention_review(self) -> QWidget:
        """Cases past their retention period; the supervisor anonymises them."""
        from clerk_app.ui.retention.review_window import RetentionReviewWindow

        return self._open("retention_review",
                          lambda: RetentionReviewWindow(self.ctx, self.actor, self.as_parent))

    def open_legacy_migration(self) -> QWidget:
        from clerk_app.ui.legacy.migration_window import MigrationWindow

        return self._open("legacy", lambda: MigrationWindow(self.ctx, self.actor, self.as_parent))

    def open_legacy_return_form(self, code: str = "") -> QWidget:
        from clerk_app.ui.legacy.return_form_dialog import ReturnFormDialog

        dialog = self._open("legacy_form",
                            lambda: ReturnFormDialog(self.ctx, self.actor, self.as_parent))
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
            window = HandoverWindow(self.ctx, self.actor, self.as_parent)
            window.caseActivated.connect(self.navigator.open_case)
            return window

        return self._open("iok_handover", make)

    def open_report(self) -> QWidget:
        from clerk_app.ui.report_dialog import ReportDialog

        return self._open("report", lambda: ReportDialog(self.ctx, self.actor, self.as_parent))

    def open_subject_access(self) -> QWidget:
        from clerk_app.ui.rodo.access_window import AccessWindow

        return self._open("subject_access",
                          lambda: AccessWindow(self.ctx, self.actor, self.as_parent))

    def open_registers(self) -> QWidget:
        from clerk_app.ui.registers.register_dialog import RegisterDialog

        return self._open("registers",
                          lambda: RegisterDialog(self.ctx, self.actor, self.as_parent))

    def open_iok_statistics(self) -> QWidget:
        from clerk_app.ui.statistics.iok_window import IokStatisticsWindow

        return self._open("iok_statistics", lambda: IokStatisticsWindow(
            self.ctx, self.actor, self.as_parent))

    def open_deposit_statistics(self) -> QWidget:
        from clerk_app.ui.statistics.deposit_window import DepositStatisticsWindow

        return self._open("deposit_statistics", lambda: DepositStatisticsWindow(
            self.ctx, self.actor, self.as_parent))

    def open_days_off(self) -> QWidget:
        from clerk_app.ui.days_off_dialog import DaysOffDialog

        return self._open("days_off", lambda: DaysOffDialog(self.ctx, self.actor, self.as_parent))

    def open_delivery(self, identifier: str) -> QWidget:
        """The delivery desk: a returned receipt's letter (scanned or typed) and its date."""
        from clerk_app.ui.delivery_dialog import DeliveryDialog

        def make() -> QWidget:
            return DeliveryDialog.for_identifier(self.ctx, self.actor, identifier, self.as_parent)

        existing = self.windows.get("delivery")
        if existing is not None and identifier:
            existing.close()  # a new scan replaces the letter shown
            self.windows.pop("delivery", None)
        return self._open("delivery", make)

    def open_change_password(self) -> QWidget:
        from clerk_app.ui.change_password_dialog import ChangePasswordDialog

        return self._open("password",
                          lambda: ChangePasswordDialog(self.ctx, self.actor, self.as_parent))
