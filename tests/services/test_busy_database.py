"""A SQLite database whose write lock another program holds: after a short wait the action
is refused in Polish as busy (nothing saved), and it succeeds once the lock is gone."""

from __future__ import annotations

import dataclasses
import sqlite3
import time

import pytest

from clerk_app.persistence.database import BUSY_WAIT_SECONDS, sqlite_path
from clerk_app.services.admin import settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import DatabaseBusy


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_held_write_lock_gives_the_polish_busy_message(
    ctx: AppContext, admin: Actor, db_url: str
) -> None:
    path = sqlite_path(db_url)
    assert path is not None
    current = settings.load_settings(ctx)
    changed = dataclasses.replace(current, deficiency_days=9)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a long import holding the write lock
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusy, match="Baza danych jest zajęta"):
            settings.save_settings(ctx, admin, changed)
        waited = time.monotonic() - started
        assert BUSY_WAIT_SECONDS - 1 < waited < BUSY_WAIT_SECONDS + 10
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert settings.load_settings(ctx).deficiency_days == current.deficiency_days
    assert settings.save_settings(ctx, admin, changed).deficiency_days == 9
