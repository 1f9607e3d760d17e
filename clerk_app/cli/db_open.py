"""Opening the database for a command: which URL, migration, the backup note.

Imported only by the commands that work on a database, when they run (it loads SQLAlchemy
and Alembic).
"""

from __future__ import annotations

import argparse
import os
import sys

from clerk_app.cli.common import DB_ENV
from clerk_app.persistence.database import Database, default_database_url
from clerk_app.services.bootstrap import open_database


def resolve_db_url(explicit: str | None) -> str:
    """``--db`` wins, then ``$CLERK_DB_URL``, then the SQLite file in the data directory."""
    return explicit or os.environ.get(DB_ENV) or default_database_url()


def open_db_for_cli(args: argparse.Namespace) -> Database:
    """Open and migrate the database named by the arguments; report a backup if one was made."""
    db, backup = open_database(resolve_db_url(getattr(args, "db", None)))
    if backup:
        print(f"Kopia zapasowa bazy przed aktualizacją: {backup}", file=sys.stderr)
    return db
