"""``letters`` sub-command: a case's issued letters for scripts, and a letter's kept PDF.

- ``clerk-app letters [--db URL] --case SIGNATURE``: one line per letter, oldest first,
  tab-separated ``identifier, kind, issued on (ISO), state`` with the kind and the state as
  their stable values (``summons``…; ``issued``, ``sent``, ``delivered``, ``not_collected``,
  ``returned``), not Polish labels.
- ``clerk-app letters export [--db URL] --id IDENTIFIER --out FILE.pdf``: writes the letter's
  kept PDF unchanged (a letter without kept bytes is rendered from its content and kept).

Setting up the parser loads nothing heavy; the database and the documents are imported when
the command runs. The command reads as the system reader (no account).
"""

from __future__ import annotations

import argparse

from clerk_app.cli.common import EXIT_OK, CliFailure, CliInputError, add_db_option
from clerk_app.cli.out_path import output_path, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``letters --case S`` and ``letters export --id ID --out FILE.pdf``."""
    parser = subparsers.add_parser(
        "letters", help="pisma wystawione w sprawie; eksport zapisanego PDF pisma",
        usage="clerk-app letters [--db URL] --case ZNAK\n"
              "       clerk-app letters export [--db URL] --id KOD --out PLIK.pdf",
        description="Pisma sprawy: kod pisma, rodzaj, data wystawienia i stan rozdzielone "
                    "tabulatorem (rodzaj i stan jako wartości, np. summons, delivered).")
    add_db_option(parser)
    parser.add_argument("--case", metavar="ZNAK", help="znak sprawy, np. BGM.7141.12.2026")
    parser.set_defaults(func=handle_list)
    commands = parser.add_subparsers(dest="letters_command", metavar="POLECENIE")
    export = commands.add_parser(
        "export", help="zapisz PDF pisma dokładnie w postaci wystawionej",
        description="Zapisuje zachowany plik PDF pisma bez zmian (pismo bez zachowanego "
                    "pliku jest drukowane z zapisanej treści i zachowywane).")
    add_db_option(export)
    export.add_argument("--id", required=True, metavar="KOD", help="kod pisma, np. L2026000017")
    export.add_argument("--out", required=True, metavar="PLIK", help="plik wynikowy .pdf")
    export.set_defaults(func=handle_export)


def handle_list(args: argparse.Namespace) -> int:
    signature = (args.case or "").strip()
    if not signature:
        raise CliInputError("podaj znak sprawy: clerk-app letters --case ZNAK "
                            "(albo clerk-app letters export --id KOD --out PLIK.pdf).")
    from clerk_app.cli.db_open import cli_context, opened_db
    from clerk_app.services.core.context import SYSTEM_READER
    from clerk_app.services.letters.records import letters_of_case

    with opened_db(args, must_exist=True) as db:
        rows = letters_of_case(cli_context(db), SYSTEM_READER, signature)
    for row in rows:
        print("\t".join((row.identifier, row.kind, row.dated_on.isoformat(), row.state.value)))
    return EXIT_OK


def handle_export(args: argparse.Namespace) -> int:
    out = output_path(args.out, (".pdf",))
    identifier = "".join((args.id or "").split()).upper()
    if not identifier:
        raise CliInputError("podaj kod pisma (--id), np. L2026000017.")
    from clerk_app.cli.db_open import cli_context, opened_db
    from clerk_app.services.core.context import SYSTEM_READER
    from clerk_app.services.letters.records import find_letter_id, letter_pdf

    with opened_db(args, must_exist=True) as db:
        ctx = cli_context(db)
        letter_id = find_letter_id(ctx, SYSTEM_READER, identifier)
        if letter_id is None:
            raise CliFailure(f"nie znaleziono pisma o kodzie „{args.id.strip()}”.")
        stored = letter_pdf(ctx, SYSTEM_READER, letter_id)
    write_output(out, stored.pdf)
    print(f"Zapisano {out} – pismo {stored.identifier} ({stored.size_bytes} B, "
          f"SHA-256 {stored.sha256}).")
    return EXIT_OK
