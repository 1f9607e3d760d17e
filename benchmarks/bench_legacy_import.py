"""Benchmark: importing 100,000 old portal accounts (goal ≤ 30 s on SQLite and PostgreSQL).

    .venv/bin/python benchmarks/bench_legacy_import.py [--rows 100000]
        [--backend sqlite|postgresql|both] [--db URL]

A Windows-1250, ``;``-separated export is generated (``clerk_app.demo.legacy_rows``), then
imported through the service three times: into an empty database (every row inserted), the
same file again (nothing changes: ``new 0``), and a later file where every tenth account
changed (updates). ``--db`` uses that (migrated, preferably empty) database instead of a
throw-away one; PostgreSQL needs a server on 127.0.0.1:5432 (or ``$CLERK_TEST_PG_URL``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.deadline_report import database  # noqa: E402
from clerk_app.demo.legacy_rows import export_rows, write_export  # noqa: E402
from clerk_app.domain.legacy_rows import csv_lines, decode_export, parse_table  # noqa: E402
from clerk_app.persistence.database import Database  # noqa: E402
from clerk_app.services.admin.bootstrap import open_database  # noqa: E402
from clerk_app.services.core.context import AppContext  # noqa: E402
from clerk_app.services.iok.legacy.importing import import_legacy  # noqa: E402

GOAL_S = 30.0


@contextmanager
def target(backend: str, url: str | None) -> Iterator[Database]:
    if url:
        db, _ = open_database(url)
        try:
            yield db
        finally:
            db.dispose()
        return
    with database(backend) as db:
        yield db


def run(backend: str, url: str | None, rows: int, folder: Path) -> bool:
    today = date.today()
    data = export_rows(rows, 11, today)
    first = folder / "portal.csv"
    write_export(first, data)
    for row in data[1::10]:
        row[5] = "" if row[5] else "nowy.adres@wp.pl"
    later = folder / "portal-later.csv"
    write_export(later, data)
    started = time.perf_counter()
    parsed = parse_table(csv_lines(decode_export(first.read_bytes())), today)
    parse_s = time.perf_counter() - started
    ok = True
    with target(backend, url) as db:
        ctx = AppContext(db=db)
        print(f"{backend}: {rows} wierszy, {first.stat().st_size / 1e6:.1f} MB; odczyt i "
              f"klasyfikacja {parse_s:.2f} s ({len(parsed.records)} kont)")
        for label, path in (("pierwszy import", first), ("ten sam plik", first),
                            ("późniejszy plik (co 10. zmienione)", later)):
            started = time.perf_counter()
            report = import_legacy(ctx, None, path)
            elapsed = time.perf_counter() - started
            verdict = "OK" if elapsed <= GOAL_S else "ZA WOLNO"
            ok &= elapsed <= GOAL_S
            print(f"  {label}: {elapsed:.2f} s (cel ≤ {GOAL_S:.0f} s: {verdict}); nowe "
                  f"{report.inserted}, zmienione {report.updated}, new {report.new}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--db", help="adres istniejącej bazy (zamiast bazy tymczasowej)")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if args.db:
        backends = [args.db.split(":")[0]]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            ok &= run(backend, args.db, args.rows, Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
