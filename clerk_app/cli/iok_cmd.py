"""``iok`` sub-command group: the IOK procedure for scheduled runs and checks.

- ``clerk-app iok import-legacy``, ``clerk-app iok batch``: :mod:`clerk_app.cli.iok_legacy_cmd`
- ``clerk-app iok export-ready``: :mod:`clerk_app.cli.iok_handover_cmd`
"""

from __future__ import annotations

import argparse

from clerk_app.cli import iok_handover_cmd, iok_legacy_cmd
from clerk_app.cli.common import CliInputError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``iok`` with its sub-commands."""
    parser = subparsers.add_parser(
        "iok", help="konta IOK: przekazanie wniosków, migracja kont Portalu Mieszkańców",
        description="Obsługa kont IOK z wiersza poleceń (do zadań uruchamianych "
                    "według harmonogramu).")
    parser.set_defaults(func=_no_command)
    commands = parser.add_subparsers(dest="iok_command", metavar="POLECENIE")
    iok_legacy_cmd.register(commands)
    iok_handover_cmd.register(commands)


def _no_command(args: argparse.Namespace) -> int:
    raise CliInputError("podaj polecenie: clerk-app iok import-legacy | batch | export-ready "
                        "(clerk-app iok --help).")
