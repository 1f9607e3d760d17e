"""Benchmark: a consent batch of 1,000 letters to one PDF (goal ≤ 10 s).

    .venv/bin/python benchmarks/bench_legacy_batch.py [--letters 1000]
        [--backend sqlite|postgresql] [--db URL] [--out FILE.pdf]

Old accounts needing consent are imported (``clerk_app.demo.legacy_rows``), then the batch
is made through the service (``make_batch``: the oldest accounts, marked in one
transaction) and rendered (``render_batch_pdf``: a letter page with its return form per
account, and the label sheets). Both steps are timed; the goal is for the whole.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_legacy_import import target  # noqa: E402
from clerk_app.demo.legacy_rows import export_rows  # noqa: E402
from clerk_app.documents.legacy_batch_pdf import render_batch_pdf  # noqa: E402
from clerk_app.domain.legacy_rows import parse_table  # noqa: E402
from clerk_app.services.core.context import AppContext  # noqa: E402
from clerk_app.services.iok.legacy.batches import make_batch  # noqa: E402
from clerk_app.services.iok.legacy.importing import import_parsed  # noqa: E402

GOAL_S = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--db", help="adres istniejącej bazy (zamiast bazy tymczasowej)")
    parser.add_argument("--out", help="zapisz PDF partii do tego pliku")
    args = parser.parse_args()
    today = date.today()
    rows = export_rows(args.letters * 2, 12, today)
    for row in rows[1:]:
        row[6], row[9] = "2015-06-01", "tak"  # all of them need consent
    with target(args.backend, args.db) as db:
        ctx = AppContext(db=db)
        import_parsed(ctx, None, "bench.csv", parse_table(enumerate(rows, start=1), today))
        started = time.perf_counter()
        made = make_batch(ctx, None, args.letters, today)
        batch_s = time.perf_counter() - started
    started = time.perf_counter()
    pdf = render_batch_pdf(made.document)
    render_s = time.perf_counter() - started
    if args.out:
        Path(args.out).write_bytes(pdf)
    else:
        with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
            tmp.write(pdf)
    total = batch_s + render_s
    verdict = "OK" if total <= GOAL_S else "ZA WOLNO"
    print(f"{args.backend}: partia {made.number}, {made.size} pism; partia w bazie "
          f"{batch_s:.2f} s, PDF {render_s:.2f} s ({len(pdf) / 1e6:.1f} MB); razem "
          f"{total:.2f} s (cel ≤ {GOAL_S:.0f} s: {verdict})")
    return 0 if total <= GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
