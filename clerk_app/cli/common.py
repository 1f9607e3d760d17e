"""Helpers shared by the sub-commands: database URL resolution and opening."""

from __future__ import annotations

import argparse
import os
import sys

from clerk_app.persistence.database import Database, default_database_url
from clerk_app.services.bootstrap import open_database

DB_ENV = "CLERK_DB_URL"


def resolve_db_url(explicit: str | None) -> str:
    """``--db`` wins, then ``$CLERK_DB_URL``, then the SQLite file in the data directory."""
    return explicit or os.environ.get(DB_ENV) or default_database_url()


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="adres bazy danych, np. postgresql+psycopg://user@host/baza "
             f"(domyślnie ${DB_ENV} albo plik SQLite użytkownika)",
    )


def open_db_for_cli(args: argparse.Namespace) -> Database:
    """Open and migrate the database named by the arguments; report a backup if one was made."""
    db, backup = open_database(resolve_db_url(getattr(args, "db", None)))
    if backup:
        print(f"Kopia zapasowa bazy przed aktualizacją: {backup}", file=sys.stderr)
    return db
