"""``init`` sub-command: create or upgrade the database schema."""

from __future__ import annotations

import argparse

from clerk_app.cli.db_open import open_db_for_cli
from clerk_app.persistence.migrations import current_revision

EXIT_OK = 0


def handle_init(args: argparse.Namespace) -> int:
    """Open (and so migrate) the database and say which schema revision it has now."""
    db = open_db_for_cli(args)
    try:
        print(f"Baza danych gotowa: {db.display_name()} (schemat {current_revision(db)})")
    finally:
        db.dispose()
    return EXIT_OK
