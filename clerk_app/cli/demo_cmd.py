"""``demo`` sub-command: fill a database with realistic synthetic cases and demo accounts.

Its parser is in ``clerk_app.cli.db_commands``, which imports this module only to run it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from clerk_app.cli.common import EXIT_INTERRUPTED, EXIT_OK, CliInputError
from clerk_app.cli.db_open import opened_db
from clerk_app.demo import MAX_CASES, generate_demo_data
from clerk_app.domain.text import format_seconds_pl
from clerk_app.services.core.context import AppContext


def _parse_int(text: str, what: str) -> int:
    value = (text or "").strip()
    try:
        return int(value)
    except ValueError:
        raise CliInputError(f"{what} musi być liczbą całkowitą, podano „{text}”.") from None


def handle_demo(args: argparse.Namespace) -> int:
    """Validate the arguments, migrate the database and generate the demo data."""
    cases = _parse_int(args.cases, "liczba spraw (--cases)")
    seed = _parse_int(args.seed, "ziarno (--seed)")
    if cases < 1:
        raise CliInputError(f"liczba spraw (--cases) musi być większa od zera, podano {cases}.")
    if cases > MAX_CASES:
        limit = f"{MAX_CASES:_}".replace("_", " ")
        raise CliInputError(f"liczba spraw (--cases) może wynosić najwyżej {limit}.")

    with opened_db(args) as db:
        try:
            started = time.perf_counter()
            summary = generate_demo_data(AppContext(db=db), None, cases, seed=seed,
                                         progress=_progress_printer(started))
            elapsed = time.perf_counter() - started
        except KeyboardInterrupt:
            print("\nPrzerwano: dane demonstracyjne nie zostały zapisane (baza bez zmian).",
                  file=sys.stderr)
            return EXIT_INTERRUPTED
    rate = summary.cases / elapsed if elapsed > 0 else 0.0
    print(f"Baza danych: {db.display_name()}")
    rate_text = f"{rate:,.0f}".replace(",", " ")
    print(f"Utworzono spraw: {summary.cases} (wpisów w rejestrze przesyłek: "
          f"{summary.incoming_items}) w {format_seconds_pl(elapsed)} ({rate_text} spraw/s).")
    print("Konta demonstracyjne (login / hasło):")
    for username, password in summary.users:
        print(f"  {username} / {password}")
    return EXIT_OK


def _progress_printer(started: float) -> Callable[[int, int], None]:
    """Progress on stderr: one line per step on a terminal it overwrites itself."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        line = (f"Generowanie: {done}/{total} spraw ({percent}%), "
                f"{format_seconds_pl(time.perf_counter() - started)}")
        if tty:
            end = "\n" if done >= total else ""
            print(f"\r{line}", end=end, file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    return report
