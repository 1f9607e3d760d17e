"""Importing an export of old accounts: idempotent, bulk, one transaction.

The file is read and checked first (outside the transaction); then the good rows are
compared with the stored accounts and only what differs is written, in chunked bulk
statements: the same file again writes nothing (``new 0``). A later file updates known
accounts but keeps their batch and answer; an account already answered stays migrate. With
``all_or_nothing`` any rejected row imports none. One audit row per import (counts and the
file name), not one per account.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_rows import (
    LegacyParse,
    LegacyRecord,
    RejectedRow,
    class_after_update,
)
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import LegacyAccount
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import unit_of_work
from clerk_app.services.iok.legacy.reading import read_legacy_file

CHUNK = 2000
_DATA = ("name", "street", "building", "flat", "email", "created_on", "email_declared_on",
         "e_invoice", "active")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LegacyImportReport:
    """What an import found and did (the CLI prints it; the window shows it)."""

    file_name: str
    migrate: int
    needs_consent: int
    skipped: int
    rejected: tuple[RejectedRow, ...]
    new: int  # rows that changed the database (inserted or updated)
    inserted: int
    updated: int
    imported: bool  # False: refused by all-or-nothing, nothing written

    @property
    def counts(self) -> dict[LegacyClass, int]:
        return {LegacyClass.MIGRATE: self.migrate, LegacyClass.NEEDS_CONSENT: self.needs_consent,
                LegacyClass.SKIPPED: self.skipped}


def _values(record: LegacyRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in _DATA}


def _stored(session: Session) -> dict[str, tuple[int, tuple[Any, ...], LegacyClass, bool]]:
    """contractor number → (id, data values, class, answered) of every stored account."""
    table = LegacyAccount.__table__
    columns = [table.c.contractor_number, table.c.id, table.c.account_class,
               table.c.answered_on, *(table.c[name] for name in _DATA)]
    return {row[0]: (row[1], tuple(row[4:]), LegacyClass(row[2]), row[3] is not None)
            for row in session.execute(select(*columns))}


def _chunks(rows: Sequence[dict[str, Any]]) -> list[Sequence[dict[str, Any]]]:
    return [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]


def import_legacy(ctx: AppContext, actor: Actor | None, path: Path, *,
                  all_or_nothing: bool = False,
                  progress: Progress | None = None) -> LegacyImportReport:
    """Import ``path`` (CSV or XLSX). ``actor`` None: the command line (system, audited)."""
    return import_parsed(ctx, actor, path.name, read_legacy_file(path, ctx.today()),
                         all_or_nothing=all_or_nothing, progress=progress)


def import_parsed(ctx: AppContext, actor: Actor | None, file_name: str, parsed: LegacyParse,
                  *, all_or_nothing: bool = False,
                  progress: Progress | None = None) -> LegacyImportReport:
    """Import rows already read and checked (``file_name`` goes into the audit row)."""
    counts = parsed.counts
    rejected = tuple(parsed.rejected)
    permission = Permission.IOK_MIGRATION if actor is not None else None
    with unit_of_work(ctx, actor, permission) as work:
        if all_or_nothing and rejected:
            return LegacyImportReport(file_name, counts[LegacyClass.MIGRATE],
                                      counts[LegacyClass.NEEDS_CONSENT],
                                      counts[LegacyClass.SKIPPED], rejected, 0, 0, 0, False)
        stored = _stored(work.session)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for record in parsed.records:
            values = _values(record)
            known = stored.get(record.contractor_number)
            if known is None:
                inserts.append({**values, "contractor_number": record.contractor_number,
                                "account_class": record.account_class, "version": 1,
                                "imported_at": work.now, "updated_at": work.now,
                                "email_error": ""})
                continue
            account_id, old, old_class, answered = known
            new_class = class_after_update(record.account_class, answered)
            if tuple(values.values()) != old or new_class != old_class:
                updates.append({**{f"u_{k}": v for k, v in values.items()},
                                "u_id": account_id, "u_account_class": new_class,
                                "u_updated_at": work.now})
        table = LegacyAccount.__table__
        assert isinstance(table, Table)
        statement = table.update().where(table.c.id == bindparam("u_id")).values(
            {**{name: bindparam(f"u_{name}") for name in _DATA},
             "account_class": bindparam("u_account_class"),
             "updated_at": bindparam("u_updated_at"), "version": table.c.version + 1})
        jobs = [(table.insert(), c) for c in _chunks(inserts)] + \
               [(statement, c) for c in _chunks(updates)]
        total = len(inserts) + len(updates)
        done = 0
        for sql, chunk in jobs:
            work.session.execute(sql, list(chunk))
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        report = LegacyImportReport(file_name, counts[LegacyClass.MIGRATE],
                                    counts[LegacyClass.NEEDS_CONSENT],
                                    counts[LegacyClass.SKIPPED], rejected, total,
                                    len(inserts), len(updates), True)
        work.audit("legacy_accounts", file_name, "import", {
            "file": [None, file_name], "migrate": [None, report.migrate],
            "needs_consent": [None, report.needs_consent], "skipped": [None, report.skipped],
            "rejected": [None, len(rejected)], "inserted": [None, report.inserted],
            "updated": [None, report.updated]})
        return report
