"""Case-signature allocator throughput: N parallel connections, each allocating M signatures,
every allocation in its own transaction (as a registration does).

    .venv/bin/python benchmarks/allocator.py --db postgresql+psycopg://postgres@127.0.0.1/x
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

from clerk_app.domain.cases import CaseKind
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrations import upgrade_to_head
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.core.numbering import allocate_signature


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--each", type=int, default=500)
    parser.add_argument("--year", type=int, default=2099)
    args = parser.parse_args()
    db = Database.open(args.db, **({} if args.db.startswith("sqlite") else
                                   {"pool_size": args.workers, "max_overflow": 0}))
    upgrade_to_head(db)
    settings = OfficeSettings()

    def work(_: int) -> list[int]:
        out = []
        for _i in range(args.each):
            with db.transaction() as s:
                out.append(allocate_signature(s, settings, CaseKind.DEPOSIT, args.year).number)
        return out

    start = time.perf_counter()
    with ThreadPoolExecutor(args.workers) as pool:
        numbers = sorted(n for chunk in pool.map(work, range(args.workers)) for n in chunk)
    elapsed = time.perf_counter() - start
    first = numbers[0]
    ok = numbers == list(range(first, first + len(numbers)))
    print(f"{db.dialect}: {len(numbers)} signatures by {args.workers} connections in "
          f"{elapsed:.2f} s = {len(numbers) / elapsed:.0f}/s; consecutive and distinct: {ok}")
    db.dispose()


if __name__ == "__main__":
    main()
