"""``iok`` sub-commands of the migration of old Portal Mieszkańców / e-Faktura accounts.

- ``clerk-app iok import-legacy [--db URL] FILE [--all-or-nothing]``: prints tab-separated
  ``migrate N``, ``needs_consent N``, ``skipped N``, ``rejected N`` (this file's rows by
  class), ``new N`` (rows that changed the database), then ``row LINE REASON`` per rejected
  row. Exit 0 when the import ran (even with rejected rows); 2 with a Polish message when
  the file cannot be read or ``--all-or-nothing`` refused it (the lines are printed first).
- ``clerk-app iok batch [--db URL] --size N --out FILE.pdf [--date YYYY-MM-DD]``: makes the
  next consent batch and writes its letters and envelope labels.

Both act as the system (no account; the audit rows name "system"), as ``demo`` and
``init`` do: they are meant for scheduled runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_app.cli.common import EXIT_OK, CliInputError, add_db_option, parse_iso_date
from clerk_app.cli.out_path import checked_suffix, write_output


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``import-legacy`` and ``batch`` to the ``iok`` group."""
    imp = commands.add_parser(
        "import-legacy", help="import kont Portalu Mieszkańców / e-Faktury (CSV albo XLSX)",
        description="Importuje eksport kont starego portalu; wypisuje liczby wierszy według "
                    "klas, liczbę zmian w bazie i odrzucone wiersze (rozdzielone tabulatorem).")
    add_db_option(imp)
    imp.add_argument("file", metavar="PLIK", help="plik .csv albo .xlsx")
    imp.add_argument("--all-or-nothing", action="store_true",
                     help="nie importuj niczego, jeśli choć jeden wiersz jest odrzucony")
    imp.set_defaults(func=handle_import)
    batch = commands.add_parser(
        "batch", help="następna partia pism z prośbą o adres e-mail i zgodę (PDF)",
        description="Tworzy partię najstarszych kont wymagających zgody i zapisuje jej pisma "
                    "z formularzami zwrotnymi oraz etykiety adresowe do jednego pliku PDF.")
    add_db_option(batch)
    batch.add_argument("--size", required=True, metavar="N", help="liczba kont w partii")
    batch.add_argument("--out", required=True, metavar="PLIK", help="plik wynikowy .pdf")
    batch.add_argument("--date", metavar="RRRR-MM-DD", help="data pism (domyślnie dziś)")
    batch.set_defaults(func=handle_batch)


def handle_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliInputError(f"plik „{args.file}” nie istnieje albo nie jest plikiem.")
    from clerk_app.cli.db_open import cli_context, opened_db
    from clerk_app.services.iok.legacy.importing import import_legacy
    from clerk_app.services.iok.legacy.reading import LegacyFileUnreadable

    with opened_db(args) as db:
        try:
            report = import_legacy(cli_context(db), None, path,
                                   all_or_nothing=args.all_or_nothing)
        except LegacyFileUnreadable as exc:
            raise CliInputError(exc.message) from None
    for name, value in (("migrate", report.migrate), ("needs_consent", report.needs_consent),
                        ("skipped", report.skipped), ("rejected", len(report.rejected)),
                        ("new", report.new)):
        print(f"{name}\t{value}")
    for row in report.rejected:
        print(f"row\t{row.line}\t{row.reason}")
    if not report.imported:
        raise CliInputError(f"plik „{path.name}” ma odrzucone wiersze "
                            f"({len(report.rejected)}), a podano --all-or-nothing: nie "
                            "zaimportowano żadnego wiersza.")
    return EXIT_OK


def _size(text: str) -> int:
    value = (text or "").strip()
    if not value.isdigit() or int(value) < 1:
        raise CliInputError(f"liczba kont w partii (--size) musi być liczbą całkowitą "
                            f"większą od zera, podano „{text}”.")
    return int(value)


def handle_batch(args: argparse.Namespace) -> int:
    size = _size(args.size)
    out = checked_suffix(args.out, (".pdf",))
    if out.is_dir() or not out.parent.is_dir():
        raise CliInputError(f"nie można zapisać pliku „{args.out}”: podaj nazwę pliku w "
                            "istniejącym katalogu.")
    from clerk_app.cli.db_open import cli_context, opened_db
    from clerk_app.documents.legacy_batch_pdf import render_batch_pdf
    from clerk_app.services.iok.legacy.batches import make_batch

    with opened_db(args) as db:
        ctx = cli_context(db)
        letter_date = parse_iso_date(args.date) if args.date else ctx.today()
        made = make_batch(ctx, None, size, letter_date)
    write_output(out, render_batch_pdf(made.document))
    print(f"Partia {made.number}: {made.size} pism, zapisano {out}.")
    return EXIT_OK
