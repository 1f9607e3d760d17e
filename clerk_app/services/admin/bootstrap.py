"""First start on an empty database: the first administrator and the office settings."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from clerk_app.domain.roles import Role
from clerk_app.persistence.database import (
    Database,
    is_read_only_file,
    read_only_url,
    sqlite_path,
)

# NewerSchema is re-exported: the windows tell it apart without importing persistence.
from clerk_app.persistence.migrations import NewerSchema as NewerSchema
from clerk_app.persistence.migrations import check_read_only_schema, upgrade_to_head
from clerk_app.persistence.models import User
from clerk_app.services.admin.settings import OfficeSettings, write_settings
from clerk_app.services.admin.users import NewUser, insert_user
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.core.unit_of_work import unit_of_work


def open_database(url: str) -> tuple[Database, str | None]:
    """Open ``url`` and migrate it to the newest schema; returns the db and a backup path."""
    db = Database.open(url)
    try:
        backup = upgrade_to_head(db)
    except BaseException:
        db.dispose()
        raise
    return db, str(backup) if backup else None


def open_database_for_reading(url: str) -> tuple[Database, str | None]:
    """Like :func:`open_database`, but a SQLite file this user cannot write is opened
    read-only (and must already have this program's schema) instead of failing on its
    journal settings."""
    path = sqlite_path(url)
    if path is None or not is_read_only_file(path):
        return open_database(url)
    db = Database.open(read_only_url(path))
    try:
        check_read_only_schema(db)
    except BaseException:
        db.dispose()
        raise
    return db, None


def create_first_admin(
    ctx: AppContext, admin: NewUser, settings: OfficeSettings
) -> Actor:
    """Create the first administrator and the settings; refused once any user exists."""
    with unit_of_work(ctx, None) as work:
        if work.session.scalar(select(func.count()).select_from(User)):
            raise PermissionDenied("Administrator został już utworzony. Zaloguj się.")
        admin = NewUser(admin.username, admin.full_name, Role.ADMIN, admin.password)
        user_id = insert_user(work, admin)
        user = work.session.get(User, user_id)
        assert user is not None
        user.last_login_at = work.now  # the first start logs the administrator in
        work.actor = Actor(user.id, user.username, user.full_name, Role.ADMIN)
        write_settings(work, settings)
        return work.actor


def written_backups(url: str, since: float) -> list[Path]:
    """Backup copies of a SQLite file written since ``since`` (a failed upgrade keeps one)."""
    path = sqlite_path(url)
    if path is None or not path.parent.exists():
        return []
    return sorted(p for p in path.parent.glob(f"{path.name}.bak-*")
                  if p.stat().st_mtime >= since - 1)


def printable_url(url: str) -> str | None:
    """``url`` with its password hidden, or None when it is not a database URL."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return None
