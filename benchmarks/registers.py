"""Benchmark: the incoming-mail register of a year with 100,000 entries (query, PDF, XLSX),
and the largest case register of the database.

    .venv/bin/clerk-app demo --db sqlite:////tmp/reg/demo.sqlite3 --cases 100000
    .venv/bin/python benchmarks/registers.py --db sqlite:////tmp/reg/demo.sqlite3 \
        [--entries 100000] [--year 2031] [--out DIR]

A demo spreads its entries over several years; when the chosen ``--year`` has fewer than
``--entries``, it is filled with copies of the demo's entries (their senders, subjects,
cases and assignees; new register numbers, received in that year), so the register is one
of realistic rows. The files are written to ``--out`` to be looked at.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from clerk_app.documents.register_pdf import render_register_pdf  # noqa: E402
from clerk_app.documents.register_xlsx import render_register_xlsx  # noqa: E402
from clerk_app.persistence.database import Database  # noqa: E402
from clerk_app.persistence.models import Case, IncomingItem  # noqa: E402
from clerk_app.services.core.context import SYSTEM_READER, AppContext  # noqa: E402
from clerk_app.services.registers.registers import (  # noqa: E402
    case_register,
    incoming_register,
)

CHUNK = 10_000
T = TypeVar("T")


def fill_year(db: Database, year: int, entries: int) -> int:
    """Copy the demo's entries into ``year`` until it holds ``entries``; returns the count."""
    with db.read() as session:
        have = session.scalar(select(func.count()).where(IncomingItem.register_year == year))
        columns = [c for c in IncomingItem.__table__.columns if c.name != "id"]
        sources = [dict(row._mapping) for row in session.execute(
            select(*columns).order_by(IncomingItem.id).limit(50_000))]
    start = datetime(year, 1, 2, 8, tzinfo=UTC)
    number = int(have or 0)
    with db.transaction() as session:
        batch = []
        while number < entries:
            number += 1
            row = dict(sources[number % len(sources)])
            row.update(register_year=year, register_number=number,
                       entry_number=f"{number}/{year}",
                       received_at=start + timedelta(minutes=number * 5 // 2),
                       posted_on=None, version=1)
            batch.append(row)
            if len(batch) == CHUNK:
                session.execute(insert(IncomingItem), batch)
                batch = []
        if batch:
            session.execute(insert(IncomingItem), batch)
    return number


def timed(label: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=2031)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    db = Database.open(args.db)
    ctx = AppContext(db=db)
    count = timed(f"filling {args.year}", lambda: fill_year(db, args.year, args.entries))
    print(f"entries in {args.year}: {count}")
    register = timed("incoming register: query", lambda: incoming_register(
        ctx, SYSTEM_READER, args.year))
    pdf = timed("incoming register: PDF", lambda: render_register_pdf(register))
    xlsx = timed("incoming register: XLSX", lambda: render_register_xlsx(register))
    (args.out / f"rejestr_{args.year}.pdf").write_bytes(pdf)
    (args.out / f"rejestr_{args.year}.xlsx").write_bytes(xlsx)
    print(f"rows {len(register.rows)}, PDF {len(pdf) / 1e6:.1f} MB, "
          f"XLSX {len(xlsx) / 1e6:.1f} MB")
    with db.read() as session:
        unit, jrwa, year, n = session.execute(
            select(Case.unit_symbol, Case.jrwa_class, Case.year, func.count())
            .group_by(Case.unit_symbol, Case.jrwa_class, Case.year)
            .order_by(func.count().desc()).limit(1)).one()
    cases = timed(f"case register {unit}.{jrwa} {year} ({n} cases): query",
                  lambda: case_register(ctx, SYSTEM_READER, unit, jrwa, year))
    cases_pdf = timed("case register: PDF", lambda: render_register_pdf(cases))
    timed("case register: XLSX", lambda: render_register_xlsx(cases))
    (args.out / f"spis_{unit}.{jrwa}_{year}.pdf").write_bytes(cases_pdf)
    db.dispose()


if __name__ == "__main__":
    main()
