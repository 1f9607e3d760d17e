"""The administrator's backup window: a copy saved off the GUI thread with its audit entry,
a restore that puts it back and ends the session; others are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry, Case
from clerk_app.services.admin.backups import todays_backup
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.ui.backup_dialog import BackupDialog
from tests.services.test_intake import iok_request
from tests.ui.ui_test_support import WAIT_MS, settled


def _cases(ctx: AppContext) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_backup_then_restore_puts_the_database_back(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    dialog = BackupDialog(ctx, staff[Role.ADMIN])
    qtbot.addWidget(dialog)
    dialog.show()
    copy = tmp_path / "kopia.bak"
    with qtbot.waitSignal(dialog.runner.settled, timeout=WAIT_MS):
        assert dialog.backup_to(copy)
    assert copy.stat().st_size > 0 and dialog.error_text() == ""
    assert str(copy) in dialog.result_label.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    dialog.grab().save("/tmp/shots/me/backup_dialog.png")
    intake.register_item(ctx, staff[Role.COUNTER], iok_request())  # after the copy
    assert _cases(ctx) == 2
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS):
        assert dialog.restore_from(copy)
    settled(qtbot)
    assert _cases(ctx) == 1
    with ctx.db.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "database").order_by(AuditEntry.id)))
    assert actions == ["backup", "restore"]  # the copy holds its own entry


def test_only_the_admin_may_back_up(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    dialog = BackupDialog(ctx, staff[Role.SUPERVISOR])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.runner.settled, timeout=WAIT_MS):
        dialog.backup_to(tmp_path / "kopia.bak")
    assert "nie pozwala" in dialog.error_text()
    assert not (tmp_path / "kopia.bak").exists()


def test_the_daily_copy_goes_to_the_data_directory_once_a_day(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    made = todays_backup(ctx)
    if ctx.db.dialect != "sqlite":
        assert made is None  # a server database is the server's to back up
        return
    assert made is not None and made.parent == tmp_path / "clerk_app" / "kopie"
    assert made.name == "clerk-2026-03-02.backup.sqlite3"
    assert todays_backup(ctx) is None  # already done today
