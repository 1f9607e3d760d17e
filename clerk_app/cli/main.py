"""`clerk-app` entry point: no sub-command starts the GUI."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from clerk_app import __version__
from clerk_app.cli.common import add_db_option, open_db_for_cli, resolve_db_url
from clerk_app.persistence.migrations import current_revision
from clerk_app.services.core.errors import ServiceError

# Each module exposes register(subparsers); absent ones are skipped while work is in progress.
COMMAND_MODULES = [
    "clerk_app.cli.demo_cmd",
    "clerk_app.cli.cases_cmd",
    "clerk_app.cli.deadline_cmd",
    "clerk_app.cli.report_cmd",
]


def _cmd_init(args: argparse.Namespace) -> int:
    db = open_db_for_cli(args)
    print(f"Baza danych gotowa: {db.display_name()} (schemat {current_revision(db)})")
    db.dispose()
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from clerk_app.ui.app import run_gui  # Qt is loaded only for the GUI

    return run_gui(resolve_db_url(getattr(args, "db", None)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clerk-app",
        description="Obsługa spraw mieszkaniowych (konta IOK, kaucje w ratach).",
    )
    parser.add_argument("--version", action="version", version=f"clerk-app {__version__}")
    add_db_option(parser)
    parser.set_defaults(func=_cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="POLECENIE")

    init = sub.add_parser("init", help="utwórz lub zaktualizuj schemat bazy danych")
    add_db_option(init)
    init.set_defaults(func=_cmd_init)

    gui = sub.add_parser("gui", help="uruchom aplikację okienkową")
    add_db_option(gui)
    gui.set_defaults(func=_cmd_gui)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ServiceError as exc:
        print(f"Błąd: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
