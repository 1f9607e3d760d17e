"""Alembic upgrades, with a backup copy of an existing SQLite file before upgrading it."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from clerk_app.package_files import migrations_dir
from clerk_app.persistence.database import Database, sqlite_path

# Objects created by raw SQL in migrations (search index) that the models do not describe.
_UNMODELLED_PREFIXES = ("cases_fts", "case_search", "ix_cases_search_trgm",
                        "ix_cases_received_cover", "ix_cases_signature_pattern",
                        "ix_cases_cover_")


class NewerSchema(Exception):
    """The database was written by a newer version of the program (its schema revision is
    unknown here): nothing is upgraded and no backup copy is written."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"unknown schema revision {revision}")
        self.revision = revision


class UpgradeNeeded(Exception):
    """A database opened read-only has an older schema: it cannot be brought up to date."""


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic autogenerate filter: ignore the hand-made search index objects."""
    return not (name or "").startswith(_UNMODELLED_PREFIXES)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    """True when the schema is older than this program's; ``NewerSchema`` when it is newer
    (a revision this program does not know)."""
    head = head_revision()  # first, so missing scripts fail before the database is touched
    current = current_revision(db)
    if current is not None and not is_known_revision(current):
        raise NewerSchema(current)
    return current != head


def is_known_revision(revision: str) -> bool:
    """True when this program has the migration ``revision`` (not a newer program's)."""
    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return any(script.revision == revision for script in scripts.walk_revisions())


def check_read_only_schema(db: Database) -> None:
    """A read-only database must already have this program's schema."""
    if needs_upgrade(db):
        raise UpgradeNeeded(current_revision(db) or "")


def backup_sqlite_file(path: Path, now: datetime | None = None) -> Path:
    """Copy ``path`` beside itself as ``NAME.bak-YYYYMMDD-HHMMSS`` and return the copy."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-{stamp}")
    shutil.copy2(path, target)
    for suffix in ("-wal",):
        side = path.with_name(path.name + suffix)
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + suffix))
    return target


def upgrade_to_head(db: Database) -> Path | None:
    """Bring the schema to the newest revision; returns the backup written, if any.

    A SQLite file that this call brought into being is removed again when the upgrade
    fails and the file holds no table, so a failed first start leaves nothing behind.
    """
    path = sqlite_path(db.url)
    created = path is not None and not path.exists()
    try:
        return _upgrade(db)
    except BaseException:
        if created and path is not None:
            db.engine.dispose()
            _remove_if_empty(path)
        raise


def _upgrade(db: Database) -> Path | None:
    if not needs_upgrade(db):
        return None
    backup: Path | None = None
    path = sqlite_path(db.url)
    if path is not None and path.exists() and current_revision(db) is not None:
        db.engine.dispose()  # checkpoint-free copy: no connection holds the file open
        backup = backup_sqlite_file(path)
    cfg = alembic_config(db.url)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def _remove_if_empty(path: Path) -> None:
    """Delete the SQLite file ``path`` (with its ``-wal``/``-shm``) if it has no table."""
    if not path.exists():
        return
    try:
        with closing(sqlite3.connect(path)) as conn:
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error:
        return
    if tables:
        return
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
