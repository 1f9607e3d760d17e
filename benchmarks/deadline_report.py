"""Benchmark: the supervisors' deadline report (query, PDF, XLSX) on 100,000 cases.

    .venv/bin/python benchmarks/deadline_report.py [--cases 100000]
        [--backend sqlite|postgresql|both] [--source demo|bulk|both] [--horizon-days 3650]

``demo`` fills the database with ``generate_demo_data`` (a realistic mix: most cases of past
years are settled, so only part of them have open deadlines); ``bulk`` inserts ``--cases``
open cases, each with one running or missed deadline, so the report holds every one of them
(the worst case). The goal is at most 5 s for each file. PostgreSQL needs a server on
127.0.0.1:5432 (user postgres, or ``$CLERK_TEST_PG_URL``); a throw-away database is made
and dropped.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf  # noqa: E402
from clerk_app.documents.deadline_report_xlsx import render_deadline_report_xlsx  # noqa: E402
from clerk_app.domain.calendar import LegalCalendar  # noqa: E402
from clerk_app.domain.cases import CaseKind, DeadlineKind, DeadlineState  # noqa: E402
from clerk_app.persistence.database import Database  # noqa: E402
from clerk_app.persistence.models import Case, Deadline, User  # noqa: E402
from clerk_app.services.admin.bootstrap import open_database  # noqa: E402
from clerk_app.services.core.context import AppContext  # noqa: E402
from clerk_app.services.deadlines.report import system_deadline_report  # noqa: E402

GOAL_S = 5.0
SURNAMES = ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowski",
            "Zielińska", "Szymański", "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski",
            "Mazur", "Żółkiewski", "Krawczyk", "Piotrowska", "Grabowski", "Pawłowska"]
NAMES = ["Anna", "Józef", "Łucja", "Marek", "Zofia", "Krzysztof", "Małgorzata", "Paweł",
         "Agnieszka", "Tomasz", "Barbara", "Michał", "Elżbieta", "Grzegorz"]


def bulk_fill(db: Database, cases: int, today: date) -> None:
    """``cases`` open deposit cases, each with one deadline due from 30 days ago to a year on."""
    rnd = random.Random(1)
    cal = LegalCalendar()
    now = datetime.now(UTC)
    with db.transaction() as s:
        users = [s.scalar(insert(User).values(
            username=f"referent{i}", full_name=f"{rnd.choice(NAMES)} {SURNAMES[i]}",
            role="clerk", password_hash="x", active=True, failed_attempts=0,
            must_change_password=False, created_at=now, version=1).returning(User.id))
            for i in range(12)]
    batch = 5000
    for start in range(0, cases, batch):
        case_rows, deadline_rows = [], []
        for n in range(start + 1, min(cases, start + batch) + 1):
            due = cal.next_working_day_on_or_after(today + timedelta(rnd.randint(-30, 365)))[0]
            first, last = rnd.choice(NAMES), rnd.choice(SURNAMES)
            case_rows.append(dict(
                id=n, signature=f"BGM.7141.{n}.{today.year}", unit_symbol="BGM",
                jrwa_class="7141", number=n, year=today.year, kind=CaseKind.DEPOSIT.value,
                status="in_progress", subject="", applicant_first_name=first,
                applicant_last_name=last, applicant_sort=f"{last} {first}".lower(),
                search_text="", received_on=today - timedelta(days=40), next_deadline=due,
                assignee_id=rnd.choice([*users, None]), registered_by_id=users[0],
                created_at=now, version=1))
            deadline_rows.append(dict(
                case_id=n, kind=rnd.choice([DeadlineKind.DECISION, DeadlineKind.DEFICIENCY]).value,
                state=(DeadlineState.RUNNING if due >= today else DeadlineState.MISSED).value,
                start_event="zdarzenie", start_on=due - timedelta(days=30), period_count=1,
                period_unit="months", nominal_end_on=due, due_on=due, explanation="",
                suspended_days=0, version=1))
        with db.transaction() as s:
            s.execute(insert(Case), case_rows)
            s.execute(insert(Deadline), deadline_rows)


def demo_fill(db: Database, cases: int) -> None:
    try:
        from clerk_app.demo import generate_demo_data
    except ImportError:
        try:  # its first home
            from clerk_app.demo_data import generate_demo_data  # type: ignore
        except ImportError as exc:
            raise RuntimeError(f"generate_demo_data niedostępne ({exc})") from exc
    generate_demo_data(AppContext(db=db), None, cases)


@contextmanager
def database(backend: str) -> Iterator[Database]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            db, _ = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
            try:
                yield db
            finally:
                db.dispose()
        return
    from tests import dbsupport

    reason = dbsupport.pg_available()
    if reason:
        raise RuntimeError(f"PostgreSQL niedostępny: {reason}")
    name = f"clerk_bench_{uuid.uuid4().hex[:8]}"
    dbsupport.pg_execute(f'CREATE DATABASE "{name}"')
    try:
        db, _ = open_database(dbsupport.pg_url(name))
        try:
            yield db
        finally:
            db.dispose()
    finally:
        dbsupport.pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def run(backend: str, source: str, cases: int, horizon: int) -> None:
    with database(backend) as db:
        today = datetime.now(UTC).date()
        _, fill_s = timed(lambda: demo_fill(db, cases) if source == "demo"
                          else bulk_fill(db, cases, today))
        ctx = AppContext(db=db)
        report, query_s = timed(lambda: system_deadline_report(ctx, today, horizon))
        pdf, pdf_s = timed(lambda: render_deadline_report_pdf(report))  # type: ignore[arg-type]
        xlsx, xlsx_s = timed(lambda: render_deadline_report_xlsx(report))  # type: ignore[arg-type]
        rows = report.row_count  # type: ignore[attr-defined]
        print(f"{backend:10} {source:5} cases={cases} fill={fill_s:6.1f}s rows={rows} "
              f"query={query_s:5.2f}s  PDF render={pdf_s:5.2f}s ({len(pdf) / 1e6:.1f} MB, "  # type: ignore[arg-type]
              f"total {query_s + pdf_s:5.2f}s {'OK' if query_s + pdf_s <= GOAL_S else 'SLOW'})"
              f"  XLSX render={xlsx_s:5.2f}s ({len(xlsx) / 1e6:.1f} MB, total "  # type: ignore[arg-type]
              f"{query_s + xlsx_s:5.2f}s {'OK' if query_s + xlsx_s <= GOAL_S else 'SLOW'})",
              flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--source", choices=["demo", "bulk", "both"], default="both")
    parser.add_argument("--horizon-days", type=int, default=3650)
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    sources = ["demo", "bulk"] if args.source == "both" else [args.source]
    for backend in backends:
        for source in sources:
            try:
                run(backend, source, args.cases, args.horizon_days)
            except RuntimeError as exc:
                print(f"{backend} {source}: pominięto – {exc}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
