"""``report`` sub-command: the supervisors' deadline report as a PDF or XLSX file.

Its parser is in ``clerk_app.cli.db_commands``, which imports this module only to run it.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from clerk_app.cli.common import CliInputError, parse_iso_date
from clerk_app.cli.db_open import cli_context, open_db_for_cli, write_output
from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf
from clerk_app.documents.deadline_report_xlsx import render_deadline_report_xlsx
from clerk_app.services.deadlines.report import (
    MAX_HORIZON_DAYS,
    DeadlineReport,
    system_deadline_report,
)

EXIT_OK = 0
EXIT_USAGE = 2
RENDERERS = {".pdf": render_deadline_report_pdf, ".xlsx": render_deadline_report_xlsx}


def _parse_horizon(text: str) -> int:
    value = (text or "").strip()
    if not re.fullmatch(r"\d+", value) or int(value) > MAX_HORIZON_DAYS:
        raise CliInputError(f"horyzont (--horizon-days) musi być liczbą dni od 0 do "
                          f"{MAX_HORIZON_DAYS}, podano „{text}”.")
    return int(value)


def _output(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in RENDERERS:
        raise CliInputError(f"nieobsługiwany format pliku „{path.name}” – podaj plik .pdf "
                          "albo .xlsx.")
    if not path.parent.is_dir():
        raise CliInputError(f"katalog „{path.parent}” nie istnieje.")
    return path


def handle_deadlines(args: argparse.Namespace) -> int:
    """Build the report as the system ("clerk-app (CLI)") and write it to ``--out``."""
    try:
        out = _output(args.out)
        horizon = _parse_horizon(args.horizon_days)
        as_of = parse_iso_date(args.as_of) if args.as_of else None
    except CliInputError as exc:
        print(f"Błąd: {exc}", file=sys.stderr)
        return EXIT_USAGE
    db = open_db_for_cli(args, must_exist=True)
    try:
        ctx = cli_context(db)
        started = time.perf_counter()
        report: DeadlineReport = system_deadline_report(ctx, as_of or ctx.today(), horizon)
        data = RENDERERS[out.suffix.lower()](report)
    finally:
        db.dispose()
    write_output(out, data)
    elapsed = time.perf_counter() - started
    print(f"Zapisano {out} – terminów: {report.row_count}, w tym po terminie: "
          f"{report.overdue_count} ({elapsed:.1f} s).")
    return EXIT_OK
