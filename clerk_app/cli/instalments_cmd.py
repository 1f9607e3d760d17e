"""``instalments`` sub-command: the deposit's instalment schedule for a rent (no database).

    clerk-app instalments --rent 1160,58 --count 10 --first-due 2026-12-15 [--words]

One tab-separated line per instalment (number, due date ISO, amount with a dot), with
``--words`` also the amount in words, then ``total<TAB>AMOUNT``. Bad input exits with code 2
and a Polish message on stderr, before anything is printed.
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal

from clerk_app.cli.common import EXIT_OK, CliInputError, field_errors_as_input, parse_iso_date
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import (
    MAX_INSTALMENTS,
    MIN_INSTALMENTS,
    deposit_for_rent,
    instalment_schedule,
)
from clerk_app.domain.money import amount_in_words, parse_money


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``instalments`` to the main CLI."""
    parser = subparsers.add_parser(
        "instalments",
        help="harmonogram rat kaucji (10 × czynsz)",
        description="Harmonogram rat kaucji zabezpieczającej (kaucja = 10 × czynsz).",
    )
    parser.add_argument("--rent", required=True, metavar="KWOTA",
                        help="miesięczny czynsz, np. 1160,58 albo 1160.58")
    parser.add_argument("--count", required=True, metavar="N",
                        help=f"liczba rat ({MIN_INSTALMENTS}–{MAX_INSTALMENTS})")
    parser.add_argument("--first-due", dest="first_due", required=True, metavar="RRRR-MM-DD",
                        help="termin płatności pierwszej raty")
    parser.add_argument("--words", action="store_true", help="dopisz kwotę słownie")
    parser.set_defaults(func=handle_instalments)


def handle_instalments(args: argparse.Namespace) -> int:
    """Print the schedule; bad input is ``CliInputError`` before anything is printed."""
    rent = _parse_rent(args.rent)
    count = _parse_count(args.count)
    first_due = parse_iso_date(args.first_due)
    with field_errors_as_input():
        deposit = deposit_for_rent(rent)
        schedule = instalment_schedule(deposit, count, first_due, LegalCalendar())
    lines = []
    for item in schedule:
        columns = [str(item.number), item.due_date.isoformat(), f"{item.amount:.2f}"]
        if args.words:
            columns.append(amount_in_words(item.amount))
        lines.append("\t".join(columns))
    lines.append(f"total\t{deposit:.2f}")
    print("\n".join(lines))
    return EXIT_OK


def _parse_rent(text: str) -> Decimal:
    try:
        rent = parse_money(text, "monthly_rent")
    except FieldError as exc:
        raise CliInputError(f"nieprawidłowy czynsz „{text}”: {exc.message}") from None
    if rent <= 0:
        raise CliInputError(f"czynsz musi być większy od zera, podano „{text}”.")
    return rent


def _parse_count(text: str) -> int:
    value = (text or "").strip()
    if not re.fullmatch(r"[+-]?\d+", value):
        raise CliInputError(f"liczba rat musi być liczbą całkowitą, podano „{text}”.")
    count = int(value)
    if not MIN_INSTALMENTS <= count <= MAX_INSTALMENTS:
        raise CliInputError(
            f"liczba rat musi wynosić od {MIN_INSTALMENTS} do {MAX_INSTALMENTS}, "
            f"podano {count}.")
    return count
