"""``register`` sub-commands: the case register and the incoming-mail register as files.

- ``clerk-app register cases [--db URL] --unit U --class C --year Y --out FILE.pdf|.xlsx``
- ``clerk-app register incoming [--db URL] --year Y --out FILE.pdf|.xlsx``

They read as the system (``SYSTEM_READER``). Bad input exits 2 with a Polish message; an
unknown unit or class is an empty register with its header, not an error. Building the
parser loads nothing heavy; a command imports the database stack when it runs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.cli.common import EXIT_OK, CliInputError, add_db_option
from clerk_app.cli.out_path import output_path, write_output
from clerk_app.domain.text import format_seconds_pl

if TYPE_CHECKING:
    from clerk_app.domain.registers import CaseRegister, IncomingRegister
    from clerk_app.services.core.context import Actor, AppContext

    Build = Callable[[AppContext, Actor], CaseRegister | IncomingRegister]

SUFFIXES = (".pdf", ".xlsx")
MIN_YEAR, MAX_YEAR = 1900, 9999  # as services.registers.registers
SYMBOL_MAX = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``register cases`` and ``register incoming``."""
    parser = subparsers.add_parser(
        "register", help="spis spraw i rejestr przesyłek wpływających (PDF lub XLSX)",
        description="Rejestry kancelaryjne do archiwum. Format wynika z rozszerzenia pliku.")
    kinds = parser.add_subparsers(dest="register_command", metavar="REJESTR")
    kinds.required = True
    cases = kinds.add_parser(
        "cases", help="spis spraw komórki, klasy JRWA i roku",
        description="Spis spraw jednej komórki organizacyjnej, klasy JRWA i roku.")
    add_db_option(cases)
    cases.add_argument("--unit", required=True, metavar="SYMBOL",
                       help="symbol komórki organizacyjnej, np. ZGM")
    cases.add_argument("--class", dest="jrwa_class", required=True, metavar="KLASA",
                       help="klasa JRWA, np. 0143")
    cases.add_argument("--year", required=True, metavar="ROK", help="rok, np. 2026")
    cases.add_argument("--out", required=True, metavar="PLIK", help="plik .pdf albo .xlsx")
    cases.set_defaults(func=handle_cases)
    incoming = kinds.add_parser(
        "incoming", help="rejestr przesyłek wpływających roku",
        description="Rejestr przesyłek wpływających jednego roku.")
    add_db_option(incoming)
    incoming.add_argument("--year", required=True, metavar="ROK", help="rok, np. 2026")
    incoming.add_argument("--out", required=True, metavar="PLIK",
                          help="plik .pdf albo .xlsx")
    incoming.set_defaults(func=handle_incoming)


def parse_year(text: str) -> int:
    value = (text or "").strip()
    if not re.fullmatch(r"\d{4}", value) or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise CliInputError(f"rok (--year) musi być liczbą od {MIN_YEAR} do {MAX_YEAR}, "
                            f"podano „{text}”.")
    return int(value)


def parse_symbol(text: str, option: str, what: str) -> str:
    value = (text or "").strip()
    if not value or len(value) > SYMBOL_MAX or any(c.isspace() for c in value):
        raise CliInputError(f"{what} ({option}) musi być symbolem bez spacji, od 1 do "
                            f"{SYMBOL_MAX} znaków, podano „{text}”.")
    return value


def handle_cases(args: argparse.Namespace) -> int:
    out = output_path(args.out, SUFFIXES)
    unit = parse_symbol(args.unit, "--unit", "symbol komórki")
    jrwa_class = parse_symbol(args.jrwa_class, "--class", "klasa JRWA")
    year = parse_year(args.year)
    from clerk_app.services.registers.registers import case_register

    return _write(args, out, lambda ctx, reader: case_register(ctx, reader, unit, jrwa_class,
                                                              year), "spraw")


def handle_incoming(args: argparse.Namespace) -> int:
    out = output_path(args.out, SUFFIXES)
    year = parse_year(args.year)
    from clerk_app.services.registers.registers import incoming_register

    return _write(args, out, lambda ctx, reader: incoming_register(ctx, reader, year),
                  "wpisów")


def _write(args: argparse.Namespace, out: Path, build: Build, what: str) -> int:
    from clerk_app.cli.db_open import cli_context, opened_db
    from clerk_app.documents.register_pdf import render_register_pdf
    from clerk_app.documents.register_xlsx import render_register_xlsx
    from clerk_app.services.core.context import SYSTEM_READER

    with opened_db(args, must_exist=True) as db:
        started = time.perf_counter()
        register = build(cli_context(db), SYSTEM_READER)
        render = render_register_pdf if out.suffix.lower() == ".pdf" else render_register_xlsx
        data = render(register)
    write_output(out, data)
    elapsed = time.perf_counter() - started
    print(f"Zapisano {out} – {what}: {len(register.rows)} ({format_seconds_pl(elapsed)}).",
          file=sys.stdout)
    return EXIT_OK
