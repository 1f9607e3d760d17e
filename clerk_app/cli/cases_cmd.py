"""``cases`` sub-command: list matching cases, one per line, for scripts (its parser is in
``clerk_app.cli.db_commands``, which imports this module only to run it).

Output: tab-separated ``signature, kind, applicant, status`` with kind and status as their
stable enum values (``iok``/``deposit``, ``registered``…), not the Polish labels, so scripts
do not break when a label is reworded. Newest cases first. The command reads as the system
reader (supervisor-level, no account); it changes nothing.
"""

from __future__ import annotations

import argparse
from enum import StrEnum
from typing import TypeVar

from clerk_app.cli.common import EXIT_OK, CliInputError
from clerk_app.cli.db_open import opened_db
from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.services.cases.query import CaseQuery, count_cases, fetch_case_page
from clerk_app.services.core.context import SYSTEM_READER, AppContext

CLI_READER = SYSTEM_READER
PAGE = 500
E = TypeVar("E", bound=StrEnum)


def _choice(value: str | None, enum: type[E], what: str) -> E | None:
    if value is None:
        return None
    try:
        return enum(value.strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise CliInputError(f"nieznany {what} „{value}” – dozwolone: {allowed}.") from None


def _limit(text: str) -> int:
    try:
        limit = int(str(text).strip())
    except ValueError:
        limit = -1
    if limit < 0:
        raise CliInputError(f"--limit musi być liczbą całkowitą ≥ 0, podano „{text}”.")
    return limit


def handle_cases(args: argparse.Namespace) -> int:
    kind = _choice(args.kind, CaseKind, "rodzaj")
    status = _choice(args.status, CaseStatus, "status")
    limit = _limit(args.limit)
    with opened_db(args, must_exist=True) as db:
        ctx = AppContext(db)
        query = CaseQuery(search=args.search or "", kind=kind, status=status,
                          sort_key="received", descending=True)
        total = count_cases(ctx, CLI_READER, query)
        wanted = total if limit == 0 else min(limit, total)
        offset = 0
        while offset < wanted:
            rows = fetch_case_page(ctx, CLI_READER, query, offset, min(PAGE, wanted - offset),
                                   total)
            if not rows:
                break
            for row in rows:
                print("\t".join((row.signature, row.kind.value, row.applicant,
                                 row.status.value)))
            offset += len(rows)
    return EXIT_OK
