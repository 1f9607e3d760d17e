"""Backup and restore of a whole database (issue 11): seconds and sizes. Not a test.

    .venv/bin/clerk-app demo --db sqlite:////tmp/bk/m1.sqlite3 --cases 1000000
    .venv/bin/python benchmarks/backup_restore.py --db sqlite:////tmp/bk/m1.sqlite3

Takes a backup the way ``clerk-app backup`` does (SQLite: the online backup API in one step;
PostgreSQL: pg_dump, custom format), restores it into a new database the way
``clerk-app restore`` does (with the schema check and upgrade), then checks the copy
(``PRAGMA integrity_check`` on SQLite) and counts its cases.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlite3

from sqlalchemy import func, select

from clerk_app.persistence.database import Database, sqlite_path
from clerk_app.persistence.models import Case
from clerk_app.services.admin.backups import restore_backup, take_backup


def _cases(url: str) -> int:
    db = Database.open(url)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(Case)) or 0)
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, metavar="URL")
    parser.add_argument("--target", metavar="URL",
                        help="where to restore (default: a new SQLite file beside the copy; "
                             "PostgreSQL: give an empty database)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clerk-backup-bench-"))
    copy = folder / "kopia.bak"
    print(f"spraw w bazie: {_cases(args.db):,}".replace(",", " "))
    started = time.perf_counter()
    info = take_backup(args.db, copy)
    backup_s = time.perf_counter() - started
    print(f"kopia ({info.backend}, schemat {info.revision}): {backup_s:.1f} s, "
          f"{copy.stat().st_size / 1048576:.0f} MB")
    target = args.target or f"sqlite:///{folder / 'odtworzona.sqlite3'}"
    started = time.perf_counter()
    restore_backup(target, copy)
    restore_s = time.perf_counter() - started
    print(f"odtworzenie: {restore_s:.1f} s")
    path = sqlite_path(target)
    if path is not None:
        started = time.perf_counter()
        with sqlite3.connect(path) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        print(f"integrity_check: {ok} ({time.perf_counter() - started:.1f} s)")
    print(f"spraw w odtworzonej bazie: {_cases(target):,}".replace(",", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
