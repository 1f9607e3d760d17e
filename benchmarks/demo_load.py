"""Demo load speed: ``clerk-app demo --cases N`` on a fresh SQLite file, run several times.

    .venv/bin/python benchmarks/demo_load.py --cases 100000 --runs 2
    .venv/bin/python benchmarks/demo_load.py --cases 100000 --runs 2 --code /tmp/old-checkout

Each run is a separate ``clerk-app demo`` process on a new file; the figures are its wall
time and CPU time (user + system of the child), the rows it wrote per table and the file
size. The load average at the start of each run is printed too: on a shared machine it says
how much the wall time can be trusted (the CPU time is steadier).
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_TABLES = ("cases", "incoming_items", "letters", "deposit_decisions", "deadlines",
           "instalment_agreements", "instalments", "property_statements", "letter_files")


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    load: float
    rows: dict[str, int]
    mb: float


def run_once(cases: int, seed: int, folder: Path, code: str | None) -> Run:
    """One demo load into a new SQLite file in ``folder``, by the installed application or
    by the checkout in ``code`` (put first on ``PYTHONPATH``)."""
    path = folder / f"demo-{time.time_ns()}.sqlite3"
    command = [sys.executable, "-m", "clerk_app.cli.main", "demo", "--cases", str(cases),
               "--seed", str(seed), "--db", f"sqlite:///{path}"]
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (code, env.get("PYTHONPATH")) if p)
    load = os.getloadavg()[0]
    cpu_before = _child_cpu()
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=code or None)  # (``-m`` puts the working folder first)
    wall = time.perf_counter() - started
    cpu = _child_cpu() - cpu_before
    with sqlite3.connect(path) as conn:
        rows = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}
    size = path.stat().st_size
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return Run(wall, cpu, load, rows, size / 1e6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", default=tempfile.gettempdir())
    parser.add_argument("--code", help="a checkout of another version to measure instead "
                                       "(its clerk_app/db, forms, resources linked in)")
    args = parser.parse_args()
    for number in range(1, args.runs + 1):
        result = run_once(args.cases, args.seed, Path(args.dir), args.code)
        print(f"run {number}: {args.cases} cases, wall {result.wall:.1f} s, "
              f"CPU {result.cpu:.1f} s, load average at start {result.load:.1f}, "
              f"file {result.mb:.0f} MB", flush=True)
        print("  rows: " + ", ".join(f"{t} {n}" for t, n in result.rows.items()), flush=True)


if __name__ == "__main__":
    main()
