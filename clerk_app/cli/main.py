"""`clerk-app` entry point: no sub-command starts the GUI.

Building the parser loads only light modules; a command imports what it needs (the database
stack, the documents, Qt) when it runs, so ``clerk-app deadline`` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from clerk_app import __version__
from clerk_app.app_log import LOG_FILE, configure_logging, log_dir, log_incident
from clerk_app.cli import (
    backup_cmd,
    db_commands,
    deadline_cmd,
    instalments_cmd,
    iok_cmd,
    letters_cmd,
    register_cmd,
)
from clerk_app.cli.common import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CliFailure,
    CliInputError,
    add_db_option,
)
from clerk_app.cli.polish_parser import PolishArgumentParser


def _cmd_gui(args: argparse.Namespace) -> int:
    from clerk_app.cli.db_open import resolve_db_url
    from clerk_app.ui.app import run_gui  # Qt is loaded only for the GUI

    return run_gui(resolve_db_url(getattr(args, "db", None)))


def build_parser() -> argparse.ArgumentParser:
    parser = PolishArgumentParser(
        prog="clerk-app",
        description="Obsługa spraw mieszkaniowych (konta IOK, kaucje w ratach).",
    )
    parser.add_argument("--version", action="version", version=f"clerk-app {__version__}")
    add_db_option(parser)
    parser.set_defaults(func=_cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="POLECENIE")

    db_commands.add_init(sub)
    gui = sub.add_parser("gui", help="uruchom aplikację okienkową")
    add_db_option(gui)
    gui.set_defaults(func=_cmd_gui)
    db_commands.add_demo(sub)
    db_commands.add_cases(sub)
    deadline_cmd.register(sub)
    instalments_cmd.register(sub)
    db_commands.add_report(sub)
    letters_cmd.register(sub)
    iok_cmd.register(sub)
    backup_cmd.register(sub)
    register_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    configure_logging()
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command: the one place that prints its errors ("Błąd: …" on stderr)
    and turns them into exit codes."""
    try:
        return int(args.func(args) or EXIT_OK)
    except CliInputError as exc:
        print(f"Błąd: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliFailure as exc:
        print(f"Błąd: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except (OverflowError, ValueError) as exc:
        if not _calendar_range(exc):
            return _unexpected(exc)
        print("Błąd: data wykracza poza obsługiwany kalendarz (lata 1–9999); podaj "
              "wcześniejszą datę albo krótszy okres.", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        message = _service_error_message(exc)
        if message is None:
            return _unexpected(exc)
        print(f"Błąd: {message}", file=sys.stderr)
        return EXIT_FAILURE


def _calendar_range(error: Exception) -> bool:
    text = str(error)
    return isinstance(error, OverflowError) or "out of range" in text


def _unexpected(error: Exception) -> int:
    """A fault of the program: a Polish line with an incident number; the traceback goes
    to the log file, not to the terminal."""
    number = log_incident(error, "command line")
    print(f"Błąd: nieoczekiwany błąd programu (numer zgłoszenia {number}); szczegóły są w "
          f"dzienniku {log_dir() / LOG_FILE}.", file=sys.stderr)
    return EXIT_FAILURE


def _service_error_message(error: Exception) -> str | None:
    """The Polish message of a service's error, else None (a bug: let it show).

    Imported here, not at the top, so that commands without services never load them.
    """
    from clerk_app.services.core.errors import ServiceError

    return error.message if isinstance(error, ServiceError) else None


if __name__ == "__main__":
    sys.exit(main())
