"""Parsers of the commands that work on a database: ``init``, ``demo``, ``cases``, ``report``.

Setting up the parser must stay cheap (``clerk-app deadline`` needs no database), so this
module imports nothing of the database stack: each command's module (``init_cmd``,
``demo_cmd``, ``cases_cmd``, ``report_cmd``, which load SQLAlchemy, Alembic, the services
and the documents) is imported only when that command runs.
"""

from __future__ import annotations

import argparse

from clerk_app.cli.common import add_db_option
from clerk_app.domain.cases import CaseKind, CaseStatus

DEFAULT_HORIZON = 14


def add_init(subparsers: argparse._SubParsersAction) -> None:
    """Add ``init [--db URL]``."""
    parser = subparsers.add_parser("init", help="utwórz lub zaktualizuj schemat bazy danych")
    add_db_option(parser)
    parser.add_argument(
        "--app-role", metavar="NAZWA",
        help="PostgreSQL: utwórz lub zaktualizuj rolę, przez którą łączy się aplikacja "
             "(nie jest właścicielem tabel; dziennik zdarzeń może tylko czytać i "
             "dopisywać); hasło z CLERK_APP_ROLE_PASSWORD")
    parser.set_defaults(func=_run_init)


def add_demo(subparsers: argparse._SubParsersAction) -> None:
    """Add ``demo --cases N [--seed S] [--db URL]``."""
    parser = subparsers.add_parser(
        "demo",
        help="wygeneruj dane demonstracyjne (sprawy, rejestr, konta)",
        description=(
            "Tworzy (lub aktualizuje) schemat bazy i dodaje N realistycznych, fikcyjnych "
            "spraw wraz z wpisami w rejestrze przesyłek, terminami i kontami "
            "demonstracyjnymi. Istniejące dane zostają; numeracja jest kontynuowana."
        ),
    )
    parser.add_argument("--cases", required=True, metavar="N", help="liczba spraw")
    parser.add_argument("--seed", default="1", metavar="S",
                        help="ziarno losowania (ta sama wartość daje te same dane; domyślnie 1)")
    add_db_option(parser)
    parser.set_defaults(func=_run_demo)


def add_cases(subparsers: argparse._SubParsersAction) -> None:
    """Add ``cases [--search T] [--status S] [--kind K] [--limit N] [--db URL]``."""
    parser = subparsers.add_parser(
        "cases", help="wypisz sprawy (znak, rodzaj, wnioskodawca, status; rozdzielone tabulatorem)",
        description="Lista spraw: znak sprawy, rodzaj, wnioskodawca i status rozdzielone "
                    "tabulatorem, od najnowszych. Rodzaj i status jako wartości: "
                    f"rodzaje {', '.join(k.value for k in CaseKind)}; "
                    f"statusy {', '.join(s.value for s in CaseStatus)}.")
    add_db_option(parser)
    parser.add_argument("--search", default="", metavar="TEKST",
                        help="szukaj w nazwisku, adresie, znaku sprawy, PESEL-u i e-mailu "
                             "(bez względu na wielkość liter i polskie znaki)")
    parser.add_argument("--status", metavar="S", help="tylko sprawy o tym statusie")
    parser.add_argument("--kind", metavar="K", help="tylko sprawy tego rodzaju (iok, deposit)")
    parser.add_argument("--limit", default="50", metavar="N",
                        help="najwyżej N spraw (domyślnie 50; 0 = wszystkie)")
    parser.set_defaults(func=_run_cases)


def add_report(subparsers: argparse._SubParsersAction) -> None:
    """Add ``report deadlines --out FILE.pdf|FILE.xlsx``."""
    parser = subparsers.add_parser("report", help="raporty dla kierownika",
                                   description="Raporty dla kierownika.")
    reports = parser.add_subparsers(dest="report_command", metavar="RAPORT")
    reports.required = True
    deadlines = reports.add_parser(
        "deadlines", help="raport terminów (PDF lub XLSX)",
        description="Terminy przypadające w horyzoncie N dni oraz wszystkie przekroczone, "
                    "pogrupowane według prowadzących. Format wynika z rozszerzenia pliku.")
    add_db_option(deadlines)
    deadlines.add_argument("--out", required=True, metavar="PLIK",
                           help="plik wynikowy: .pdf albo .xlsx")
    deadlines.add_argument("--horizon-days", default=str(DEFAULT_HORIZON), metavar="N",
                           help=f"horyzont w dniach (domyślnie {DEFAULT_HORIZON})")
    deadlines.add_argument("--as-of", default=None, metavar="RRRR-MM-DD",
                           help="stan na dzień (domyślnie dzisiaj)")
    deadlines.set_defaults(func=_run_report_deadlines)


def _run_init(args: argparse.Namespace) -> int:
    from clerk_app.cli.init_cmd import handle_init

    return handle_init(args)


def _run_demo(args: argparse.Namespace) -> int:
    from clerk_app.cli.demo_cmd import handle_demo

    return handle_demo(args)


def _run_cases(args: argparse.Namespace) -> int:
    from clerk_app.cli.cases_cmd import handle_cases

    return handle_cases(args)


def _run_report_deadlines(args: argparse.Namespace) -> int:
    from clerk_app.cli.report_cmd import handle_deadlines

    return handle_deadlines(args)
