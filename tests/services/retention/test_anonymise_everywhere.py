"""Anonymisation leaves the person's data nowhere: every column of every table (the search
index's shadow tables included), the raw SQLite file and its WAL; the skeleton stays, the
audit trail stays append-only, another person's case is untouched."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from clerk_app.domain.audit_values import REMOVED
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.database import sqlite_path
from clerk_app.services.admin.audit_log import AuditFilter, list_audit
from clerk_app.services.cases.detail import case_timeline
from clerk_app.services.cases.query import CaseQuery, count_cases
from clerk_app.services.cases.screen import case_screen
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.deposit.statement import read_statement
from clerk_app.services.retention.anonymise import anonymise_cases
from clerk_app.services.retention.review import retention_review
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.retention.people import (
    IOK_PERSON,
    OTHER,
    TARGET,
    Person,
    settled_deposit_case,
    settled_iok_case,
)

Staff = dict[Role, Actor]
LATER = date(2037, 1, 5)  # past the 10 years of a deposit case without a lease


def _forms(needle: str) -> list[bytes]:
    return [f.encode(enc) for f in {needle, needle.lower()}
            for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _holds(value: Any, needles: tuple[str, ...]) -> str | None:
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, str):
        low = value.lower()
        return next((n for n in needles if n.lower() in low), None)
    if isinstance(value, bytes):
        low = value.lower()
        return next((n for n in needles for f in _forms(n) if f.lower() in low), None)
    return None


def _tables(ctx: AppContext) -> list[str]:
    with ctx.db.engine.connect() as conn:
        if ctx.db.dialect == "sqlite":  # the FTS5 shadow tables too
            return list(conn.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
        return list(conn.scalars(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "ORDER BY tablename")))


def found_in_tables(ctx: AppContext, person: Person) -> list[str]:
    """``table.column: needle`` for every stored value holding the person's data."""
    hits = []
    with ctx.db.engine.connect() as conn:
        for table in _tables(ctx):
            if table == "case_search":  # contentless: its data lives in the shadow tables
                continue
            result = conn.execute(text(f'SELECT * FROM "{table}"'))
            columns = list(result.keys())
            for row in result:
                for column, value in zip(columns, row, strict=True):
                    if (needle := _holds(value, person.needles)) is not None:
                        hits.append(f"{table}.{column}: {needle}")
    return hits


def found_in_file(ctx: AppContext, person: Person) -> list[str]:
    path = sqlite_path(ctx.db.url)
    assert path is not None
    hits = []
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            data = file.read_bytes().lower()
            hits += [f"{file.name}: {n}" for n in person.needles
                     if any(f.lower() in data for f in _forms(n))]
    return hits


def test_nothing_of_the_person_is_left_anywhere(ctx: AppContext, staff: Staff, clock: object,
                                                tmp_path: Path) -> None:
    target = settled_deposit_case(ctx, staff, clock, TARGET, tmp_path)
    other = settled_deposit_case(ctx, staff, clock, OTHER, tmp_path)
    assert found_in_tables(ctx, TARGET)  # the scan really sees the data before
    if ctx.db.dialect == "sqlite":
        assert found_in_file(ctx, TARGET)
    before = case_row(ctx, target)
    supervisor = staff[Role.SUPERVISOR]
    set_today(clock, LATER)
    review = retention_review(ctx, supervisor)
    assert {r.case_id for r in review.rows} == {target, other}
    row = next(r for r in review.rows if r.case_id == target)
    assert row.due.due_on == date(2036, 3, 16) and "10 lat od załatwienia" in row.explanation

    result = anonymise_cases(ctx, supervisor, [target])

    assert result.count == 1
    assert found_in_tables(ctx, TARGET) == []
    if ctx.db.dialect == "sqlite":
        assert found_in_file(ctx, TARGET) == []
    after = case_row(ctx, target)  # the skeleton stays
    assert (after.signature, after.kind, after.received_on, after.settled_on,
            after.settlement) == (before.signature, before.kind, before.received_on,
                                  before.settled_on, SettlementKind.REFUSAL)
    assert after.anonymised_at is not None
    assert after.subject == "Prośba (…) o rozłożenie kaucji na raty"  # kept, without the name
    assert case_row(ctx, other).subject == f"Prośba {OTHER.last} o rozłożenie kaucji na raty"
    screen = case_screen(ctx, staff[Role.CLERK], target)  # the case still opens
    assert screen is not None and deposit_overview(ctx, staff[Role.CLERK], target).settlement \
        is SettlementKind.REFUSAL
    assert not read_statement(ctx, staff[Role.CLERK], target).recorded
    clerk = staff[Role.CLERK]
    for word in (TARGET.last, TARGET.pesel, TARGET.email):  # the search finds nothing
        assert count_cases(ctx, clerk, CaseQuery(search=word)) == 0
    assert count_cases(ctx, clerk, CaseQuery(search=OTHER.last)) == 1
    assert count_cases(ctx, clerk, CaseQuery(search=after.signature)) == 1
    timeline = " ".join(e.text for e in case_timeline(ctx, supervisor, target))
    assert REMOVED in timeline and "Zarejestrowano sprawę" in timeline
    # the other person's case and its history are untouched
    assert case_row(ctx, other).applicant_last_name == f"{OTHER.last}-Nowak"
    assert f"{OTHER.last} → {OTHER.last}-Nowak" in " ".join(
        e.text for e in case_timeline(ctx, supervisor, other))
    assert found_in_tables(ctx, OTHER)
    assert [r.case_id for r in retention_review(ctx, supervisor).rows] == [other]
    (entry,) = [e for e in list_audit(ctx, supervisor, AuditFilter())
                if e.action == "anonymise"]
    assert entry.changes == {"count": [None, 1], "case_ids": [None, [target]]}
    assert entry.username == supervisor.username


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entries SET changes = '{}'",
    "DELETE FROM audit_entries",
])
def test_audit_trail_still_refuses_changes_after_anonymising(
        ctx: AppContext, staff: Staff, clock: object, tmp_path: Path, statement: str) -> None:
    target = settled_deposit_case(ctx, staff, clock, TARGET, tmp_path)
    set_today(clock, LATER)
    anonymise_cases(ctx, staff[Role.SUPERVISOR], [target])
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.engine.begin() as conn:
        conn.execute(text(statement))
    with ctx.db.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM audit_entries WHERE changes = '{}'")) \
            < conn.scalar(text("SELECT count(*) FROM audit_entries"))


def test_an_iok_case_leaves_nothing_either(ctx: AppContext, staff: Staff, clock: object,
                                           tmp_path: Path) -> None:
    iok = settled_iok_case(ctx, staff, clock, IOK_PERSON, tmp_path)
    other = settled_deposit_case(ctx, staff, clock, OTHER, tmp_path)
    assert found_in_tables(ctx, IOK_PERSON)
    set_today(clock, date(2031, 3, 4))  # 5 years (the ZGM setting) after the login was sent
    page = retention_review(ctx, staff[Role.SUPERVISOR])
    assert [(r.case_id, r.due.due_on) for r in page.rows] == [(iok, date(2031, 3, 4))]
    anonymise_cases(ctx, staff[Role.SUPERVISOR], [iok])
    assert found_in_tables(ctx, IOK_PERSON) == []
    if ctx.db.dialect == "sqlite":
        assert found_in_file(ctx, IOK_PERSON) == []
    assert case_row(ctx, iok).settlement is SettlementKind.LOGIN_DATA_SENT
    assert case_row(ctx, other).anonymised_at is None and found_in_tables(ctx, OTHER)
