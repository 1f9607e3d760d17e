"""``clerk-app iok export-ready``: the hand-over file of the IOK requests ready for an
account (XLSX, or CSV for Polish Excel), for a scheduled run. Requests written are marked
exported and never exported again; nothing ready writes no file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clerk_app.cli.common import CliInputError, add_db_option

EXIT_OK = 0
EXIT_USAGE = 2
FORMATS = {".xlsx": "xlsx", ".csv": "csv"}


def register(commands: argparse._SubParsersAction) -> None:
    """Add this module's ``iok`` sub-commands to ``commands``."""
    parser = commands.add_parser(
        "export-ready", help="plik wniosków gotowych do utworzenia kont IOK (.xlsx/.csv)",
        description="Zapisuje plik dla administratora IOK z wnioskami gotowymi do "
                    "utworzenia konta i oznacza je jako przekazane (nigdy dwa razy).")
    add_db_option(parser)
    parser.add_argument("--out", required=True, metavar="PLIK",
                        help="plik wynikowy .xlsx albo .csv (średnik, UTF-8 z BOM)")
    parser.set_defaults(func=handle_export_ready)


def _output(text: str) -> tuple[Path, str]:
    path = Path(text)
    if path.is_dir():
        raise CliInputError(f"„{path}” jest katalogiem – podaj nazwę pliku.")
    file_format = FORMATS.get(path.suffix.lower())
    if file_format is None:
        raise CliInputError(f"nieobsługiwany format pliku „{path.name}” – podaj plik .xlsx "
                            "albo .csv.")
    if not path.parent.is_dir():
        raise CliInputError(f"katalog „{path.parent}” nie istnieje.")
    return path, file_format


def handle_export_ready(args: argparse.Namespace) -> int:
    """Write the file inside the export's transaction: a file that cannot be written marks
    nothing."""
    from clerk_app.cli.db_open import cli_context, open_db_for_cli, write_output
    from clerk_app.documents.iok_handover import handover_bytes
    from clerk_app.services.core.errors import ValidationFailed
    from clerk_app.services.iok.handover import export_ready

    try:
        out, file_format = _output(args.out)
    except CliInputError as exc:
        print(f"Błąd: {exc}", file=sys.stderr)
        return EXIT_USAGE
    db = open_db_for_cli(args, must_exist=True)
    try:
        ctx = cli_context(db)
        try:
            export = export_ready(ctx, None, file_format,
                                  lambda rows: write_output(out, handover_bytes(rows,
                                                                                file_format)))
        except ValidationFailed as exc:
            print(f"Błąd: {exc.message}", file=sys.stderr)
            return EXIT_USAGE
    finally:
        db.dispose()
    if not export.rows:
        print("Nie ma wniosków gotowych do przekazania – pliku nie zapisano.")
        return EXIT_OK
    print(f"Zapisano {out} – wniosków: {len(export.rows)} (przekazanie nr {export.export_id}).")
    return EXIT_OK
