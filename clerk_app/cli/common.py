"""Helpers shared by the sub-commands: database URL resolution and opening."""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date

from clerk_app.persistence.database import Database, default_database_url
from clerk_app.services.admin.bootstrap import open_database

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


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CliInputError(Exception):
    """Bad command-line input; the message is Polish and the command exits with code 2."""


def parse_iso_date(text: str) -> date:
    """``YYYY-MM-DD`` as a date, or ``CliInputError`` naming what was typed."""
    value = (text or "").strip()
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CliInputError(f"nieprawidłowa data „{text}” – podaj datę w postaci RRRR-MM-DD.")
