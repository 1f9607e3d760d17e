"""``clerk-app iok export-ready``: the hand-over file of the IOK requests ready for an
account (XLSX, or CSV for Polish Excel), for a scheduled run. Requests written are marked
exported and never exported again; nothing ready writes no file."""

from __future__ import annotations

import argparse

from clerk_app.cli.common import EXIT_OK, CliInputError, add_db_option
from clerk_app.cli.out_path import output_path, write_output

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


def handle_export_ready(args: argparse.Namespace) -> int:
    """Write the file inside the export's transaction: a file that cannot be written marks
    nothing."""
    from clerk_app.cli.db_open import cli_context, opened_db
    from clerk_app.documents.iok_handover import handover_bytes
    from clerk_app.services.core.errors import ValidationFailed
    from clerk_app.services.iok.handover import export_ready

    out = output_path(args.out, tuple(FORMATS), refuse_folder=True)
    file_format = FORMATS[out.suffix.lower()]
    with opened_db(args, must_exist=True) as db:
        try:
            export = export_ready(cli_context(db), None, file_format,
                                  lambda rows: write_output(out, handover_bytes(rows,
                                                                                file_format)))
        except ValidationFailed as exc:
            raise CliInputError(exc.message) from None
    if not export.rows:
        print("Nie ma wniosków gotowych do przekazania – pliku nie zapisano.")
        return EXIT_OK
    print(f"Zapisano {out} – wniosków: {len(export.rows)} (przekazanie nr {export.export_id}).")
    return EXIT_OK
