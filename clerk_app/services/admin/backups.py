"""Backups of the office database and restoring one (issue 11: never lose the database).

``take_backup`` and ``restore_backup`` serve the command line and the administrator's
window; ``daily_backup`` keeps the desktop SQLite installation's copies in the data
directory (one a day, the last ``keep``). A restore refuses a file that is not a backup of
this application, one of the other back-end, or one from a newer schema; before replacing
a SQLite file it keeps the file as it was beside it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from clerk_app.domain.roles import Permission
from clerk_app.persistence.backup import (
    BackupError,
    BackupInfo,
    Progress,
    backup_postgresql,
    backup_sqlite,
    inspect_backup,
    restore_postgresql,
    restore_sqlite,
)
from clerk_app.persistence.database import Database, data_dir, sqlite_path
from clerk_app.persistence.migrations import is_known_revision, upgrade_to_head
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.services.core.unit_of_work import read_as, unit_of_work

__all__ = ["BackupError", "BackupFailed", "RestoreResult", "backup_database", "daily_backup",
           "restore_backup", "restore_database", "take_backup"]

log = logging.getLogger(__name__)
DAILY_PREFIX = "clerk-"
DAILY_SUFFIX = ".backup.sqlite3"


@dataclass(frozen=True)
class RestoreResult:
    revision: str  # the backup's schema revision (upgraded to this program's afterwards)
    previous_copy: Path | None  # the SQLite file as it was before the restore


def take_backup(url: str, out: Path, progress: Progress | None = None) -> BackupInfo:
    """Write a backup of the database at ``url`` to ``out``."""
    if out.is_dir():
        raise BackupError(f"„{out}” jest katalogiem – podaj nazwę pliku kopii.")
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise BackupError(f"Plik bazy danych „{path}” nie istnieje.")
        backup_sqlite(path, out, progress)
    else:
        backup_postgresql(url, out)
        if progress is not None:
            progress(1, 1)
    info = inspect_backup(out)
    log.info("Backup of %s written to %s (schema %s)", _name(url), out, info.revision)
    return info


def restore_backup(url: str, backup: Path, progress: Progress | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Put ``backup`` back into the database at ``url`` and bring it to this program's
    schema."""
    info = inspect_backup(backup)
    if not is_known_revision(info.revision):
        raise BackupError("Kopia pochodzi z nowszej wersji programu (schemat "
                          f"{info.revision}) – zainstaluj aktualną wersję clerk-app. "
                          "Bazy nie zmieniono.")
    path = sqlite_path(url)
    if (path is not None) != (info.backend == "sqlite"):
        kind = "SQLite" if info.backend == "sqlite" else "PostgreSQL"
        raise BackupError(f"To kopia bazy {kind}; można ją odtworzyć tylko do bazy {kind}.")
    previous: Path | None = None
    if path is not None:
        if path.exists():
            stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
            previous = path.with_name(f"{path.name}.przed-odtworzeniem-{stamp}")
            backup_sqlite(path, previous)
        restore_sqlite(backup, path, progress)
    else:
        restore_postgresql(url, backup)
        if progress is not None:
            progress(1, 1)
    db = Database.open(url)
    try:
        upgrade_to_head(db)
    finally:
        db.dispose()
    log.info("Database %s restored from %s (schema %s)", _name(url), backup, info.revision)
    return RestoreResult(info.revision, previous)


def daily_backup(url: str, today: date, keep: int, folder: Path | None = None) -> Path | None:
    """The first start of a day copies the desktop SQLite database into ``folder`` (the
    data directory's ``kopie``); the last ``keep`` daily copies stay. None when there was
    nothing to do (a server database, already done today, no database yet)."""
    path = sqlite_path(url)
    if path is None or not path.exists() or keep < 1:
        return None
    target_dir = folder or data_dir() / "kopie"
    target_dir.mkdir(parents=True, exist_ok=True)
    for stale in target_dir.glob(f"{DAILY_PREFIX}*{DAILY_SUFFIX}.part"):
        stale.unlink(missing_ok=True)  # an earlier start closed mid-copy
    target = target_dir / f"{DAILY_PREFIX}{today.isoformat()}{DAILY_SUFFIX}"
    if target.exists():
        return None
    backup_sqlite(path, target)
    copies = sorted(target_dir.glob(f"{DAILY_PREFIX}*{DAILY_SUFFIX}"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _name(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


class BackupFailed(ServiceError):
    """A backup or restore asked for in a window could not be done (Polish message)."""


def backup_database(ctx: AppContext, actor: Actor, out: Path,
                    progress: Progress | None = None) -> BackupInfo:
    """The administrator's backup: audited first, so the copy holds its own entry."""
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        work.audit("database", "backup", "backup", {"file": out.name})
    try:
        return take_backup(ctx.db.url, out, progress)
    except BackupError as exc:
        raise BackupFailed(exc.message) from None


def restore_database(ctx: AppContext, actor: Actor, backup: Path,
                     progress: Progress | None = None) -> RestoreResult:
    """The administrator's restore: the pooled connections are closed first (the windows
    must log in again afterwards); the restored database records who restored it."""
    with read_as(ctx, actor, Permission.MANAGE_SETTINGS):
        pass
    ctx.db.engine.dispose()
    try:
        result = restore_backup(ctx.db.url, backup, progress, now=ctx.now())
    except BackupError as exc:
        raise BackupFailed(exc.message) from None
    ctx.db.engine.dispose()
    with unit_of_work(ctx, None) as work:
        work.audit("database", "restore", "restore",
                   {"file": backup.name, "by": actor.username, "revision": result.revision})
    return result


def todays_backup(ctx: AppContext) -> Path | None:
    """The daily copy of the desktop database at the first start of the day (the number
    kept is the ``backups_kept`` setting); a failure is logged, never shown: it must not
    keep anyone from working."""
    try:
        with ctx.db.read() as session:
            keep = read_settings(session).backups_kept
        return daily_backup(ctx.db.url, ctx.today(), keep)
    except Exception:
        log.exception("The daily backup failed")
        return None
