"""Anonymisation of many cases in one retention review, on a demo database.

    .venv/bin/python benchmarks/bench_anonymise.py --db sqlite:////tmp/anon.sqlite3
    .venv/bin/python benchmarks/bench_anonymise.py --db postgresql://postgres@127.0.0.1/anon

An empty (or new) database is first filled by ``clerk-app demo --cases N`` (default 20 000);
the clock is then set far ahead (``--today``, default 2045-01-02) so the settled demo cases are
past their periods. Printed: the seconds of the review's first page and of collecting the ids,
of the anonymisation of ``--anonymise`` cases (default 10 000) in one transaction, and of the
clean-up after it (SQLite: WAL checkpoint; PostgreSQL: VACUUM of the touched tables), which
``anonymise_cases`` includes and which is also timed alone afterwards.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import UTC, date, datetime

from sqlalchemy import func, inspect, select

from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import Case, User
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.retention.anonymise import anonymise_cases, clean_after_anonymising
from clerk_app.services.retention.review import retention_review


def _fill(url: str, cases: int) -> None:
    db = Database.open(url)
    try:
        present = inspect(db.engine).has_table("cases") and bool(
            db.engine.connect().execute(select(func.count()).select_from(Case)).scalar())
    finally:
        db.dispose()
    if not present:
        print(f"clerk-app demo --cases {cases} …", flush=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "clerk_app.cli.main", "demo", "--db", url,
                        "--cases", str(cases)], check=True, stdout=subprocess.DEVNULL)
        print(f"  demo data: {time.perf_counter() - started:.1f} s")


def _supervisor(db: Database) -> Actor:
    with db.read() as session:
        user = session.scalars(select(User).where(User.role == Role.SUPERVISOR,
                                                  User.active.is_(True))).first()
        if user is None:
            raise SystemExit("no supervisor account in the database")
        return Actor(user.id, user.username, user.full_name, user.role)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--anonymise", type=int, default=10000)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2045, 1, 2))
    args = parser.parse_args()
    _fill(args.db, args.cases)
    db = Database.open(args.db)
    today = args.today
    ctx = AppContext(db=db, clock=lambda: datetime(today.year, today.month, today.day, 9,
                                                   tzinfo=UTC))
    actor = _supervisor(db)
    started = time.perf_counter()
    page = retention_review(ctx, actor, limit=200)
    first_page = time.perf_counter() - started
    print(f"{db.dialect}: {page.total} cases past their period on {today}; first page "
          f"(200 rows + counts per rule): {first_page:.3f} s")
    ids = [r.case_id for r in page.rows]
    started = time.perf_counter()
    cursor = page.next_cursor
    while len(ids) < args.anonymise and cursor is not None:
        more = retention_review(ctx, actor, limit=min(2000, args.anonymise - len(ids)),
                                after=cursor)
        ids += [r.case_id for r in more.rows]
        cursor = more.next_cursor
    print(f"  collecting {len(ids)} ids page by page: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    result = anonymise_cases(ctx, actor, ids)
    total = time.perf_counter() - started
    started = time.perf_counter()
    clean_after_anonymising(db)
    cleanup = time.perf_counter() - started
    print(f"  anonymised {result.count} cases in one review: {total:.2f} s "
          f"(clean-up alone, run again: {cleanup:.2f} s)")
    with db.read() as session:
        left = session.scalar(select(func.count()).select_from(Case).where(
            Case.id.in_(ids[:500]), Case.applicant_pesel.is_not(None)))
    print(f"  check: PESEL left on the first 500 anonymised cases: {left}")
    db.dispose()


if __name__ == "__main__":
    main()
