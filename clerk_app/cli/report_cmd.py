"""``report`` sub-command: the supervisors' deadline report as a PDF or XLSX file.

Its parser is in ``clerk_app.cli.db_commands``, which imports this module only to run it.
"""

from __future__ import annotations

import argparse
import re
import time

from clerk_app.cli.common import EXIT_OK, CliInputError, parse_iso_date
from clerk_app.cli.db_open import cli_context, opened_db
from clerk_app.cli.out_path import output_path, write_output
from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf
from clerk_app.documents.deadline_report_xlsx import render_deadline_report_xlsx
from clerk_app.domain.text import format_seconds_pl
from clerk_app.services.deadlines.report import (
    MAX_HORIZON_DAYS,
    DeadlineReport,
    system_deadline_report,
)

RENDERERS = {".pdf": render_deadline_report_pdf, ".xlsx": render_deadline_report_xlsx}


def _parse_horizon(text: str) -> int:
    value = (text or "").strip()
    if not re.fullmatch(r"\d+", value) or int(value) > MAX_HORIZON_DAYS:
        raise CliInputError(f"horyzont (--horizon-days) musi być liczbą dni od 0 do "
                          f"{MAX_HORIZON_DAYS}, podano „{text}”.")
    return int(value)


def handle_deadlines(args: argparse.Namespace) -> int:
    """Build the report as the system ("clerk-app (CLI)") and write it to ``--out``."""
    out = output_path(args.out, tuple(RENDERERS))
    horizon = _parse_horizon(args.horizon_days)
    as_of = parse_iso_date(args.as_of) if args.as_of else None
    with opened_db(args, must_exist=True) as db:
        ctx = cli_context(db)
        started = time.perf_counter()
        report: DeadlineReport = system_deadline_report(ctx, as_of or ctx.today(), horizon)
        data = RENDERERS[out.suffix.lower()](report)
    write_output(out, data)
    elapsed = time.perf_counter() - started
    print(f"Zapisano {out} – terminów: {report.row_count}, w tym po terminie: "
          f"{report.overdue_count} ({format_seconds_pl(elapsed)}).")
    return EXIT_OK
