"""``deadline`` sub-command: compute KPA deadlines from the command line (no database)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from clerk_app.cli.common import EXIT_OK, CliInputError, field_errors_as_input, parse_iso_date
from clerk_app.domain.calendar import ComputedDate, LegalCalendar

DEFAULT_EVENT = "zdarzenie"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``deadline days|months|deemed-delivery`` to the main CLI."""
    parser = subparsers.add_parser(
        "deadline",
        help="oblicz termin wg KPA (art. 57, art. 44)",
        description="Obliczanie terminów według KPA (art. 57 i art. 44).",
    )
    commands = parser.add_subparsers(dest="deadline_command", metavar="POLECENIE")
    commands.required = True

    days = commands.add_parser("days", help="termin w dniach (art. 57 § 1)")
    days.add_argument("count", metavar="N", help="liczba dni")
    _add_common(days, "--from", "start", "dzień zdarzenia (RRRR-MM-DD)")
    _add_event(days)
    days.set_defaults(func=handle_days)

    months = commands.add_parser("months", help="termin w miesiącach (art. 57 § 3)")
    months.add_argument("count", metavar="N", help="liczba miesięcy")
    _add_common(months, "--from", "start", "dzień zdarzenia (RRRR-MM-DD)")
    _add_event(months)
    months.set_defaults(func=handle_months)

    deemed = commands.add_parser(
        "deemed-delivery", help="doręczenie zastępcze po awizo (art. 44)"
    )
    _add_common(deemed, "--notice", "notice", "dzień pierwszego awizo (RRRR-MM-DD)")
    deemed.set_defaults(func=handle_deemed_delivery)


def _add_common(parser: argparse.ArgumentParser, flag: str, dest: str, help_text: str) -> None:
    parser.add_argument(flag, dest=dest, required=True, metavar="RRRR-MM-DD", help=help_text)
    parser.add_argument(
        "--explain", action="store_true", help="wypisz wyjaśnienie obliczenia"
    )


def _add_event(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--event",
        default=DEFAULT_EVENT,
        help="opis zdarzenia początkowego w wyjaśnieniu (np. „doręczenie wezwania”)",
    )


def handle_days(args: argparse.Namespace) -> int:
    """Print the end of an N-day period counted from ``--from``."""
    return _run(
        args,
        lambda cal: cal.add_days(
            parse_iso_date(args.start), _parse_count(args.count, "dni"), _event(args)
        ),
    )


def handle_months(args: argparse.Namespace) -> int:
    """Print the end of an N-month period counted from ``--from``."""
    return _run(
        args,
        lambda cal: cal.add_months(
            parse_iso_date(args.start), _parse_count(args.count, "miesięcy"), _event(args)
        ),
    )


def handle_deemed_delivery(args: argparse.Namespace) -> int:
    """Print the deemed-delivery date for a first notice given with ``--notice``."""
    return _run(args, lambda cal: cal.deemed_delivery(parse_iso_date(args.notice)))


def _run(args: argparse.Namespace, compute: Callable[[LegalCalendar], ComputedDate]) -> int:
    with field_errors_as_input():
        calendar = LegalCalendar(extra_days_off=getattr(args, "extra_days_off", ()) or ())
        result = compute(calendar)
    print(result.result.isoformat())
    if getattr(args, "explain", False):
        for line in result.explanation_lines():
            print(line)
    return EXIT_OK


def _event(args: argparse.Namespace) -> str:
    return str(getattr(args, "event", "") or "").strip() or DEFAULT_EVENT


def _parse_count(text: str, unit: str) -> int:
    value = (text or "").strip()
    if not re.fullmatch(r"[+-]?\d+", value):
        raise CliInputError(f"liczba {unit} musi być liczbą całkowitą, podano „{text}”.")
    count = int(value)
    if count < 1:
        raise CliInputError(f"liczba {unit} musi być większa od zera, podano {count}.")
    return count
