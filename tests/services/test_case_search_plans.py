"""Every search plan returns exactly what a plain filter-and-sort would, page by page.

The plans differ by back-end and by how many cases match (the trigram index in received
order on SQLite; a budgeted walk of the covering index, or collect-and-sort, on PostgreSQL).
The budgets are shrunk here so a few hundred demo cases take every branch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select, text

from clerk_app.demo import generate_demo_data
from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import Case
from clerk_app.services.cases import index_walk
from clerk_app.services.cases import query as case_query
from clerk_app.services.cases import received_order as case_received_order
from clerk_app.services.cases.query import (
    CaseQuery,
    count_cases,
    fetch_case_page,
    first_case_page,
)
from clerk_app.services.core.context import Actor, AppContext

N = 300
SEARCHES = ["nowak", "kowalsk", "piekary", "bytomska 1", "zgm.0143.1", "bgm.7141.2", "ann",
            "@wp.pl", "12", "zzzz", "a e"]


@dataclass(frozen=True)
class Stored:
    id: int
    received_on: date
    search_text: str
    kind: str
    status: str
    assignee_id: int | None


@pytest.fixture
def stored(ctx: AppContext, admin: Actor) -> list[Stored]:
    generate_demo_data(ctx, admin, N, seed=7)
    with ctx.db.read() as s:
        return [Stored(*r) for r in s.execute(select(
            Case.id, Case.received_on, Case.search_text, Case.kind, Case.status,
            Case.assignee_id))]


def expected_ids(stored: list[Stored], q: CaseQuery, me: int) -> list[int]:
    words = fold_for_search(q.search).split()
    found = [c for c in stored
             if all(w in c.search_text for w in words)
             and (q.kind is None or c.kind == q.kind.value)
             and (q.status is None or c.status == q.status.value)
             and (not q.only_mine or c.assignee_id == me)]
    found.sort(key=lambda c: (c.received_on, c.id), reverse=q.descending)
    return [c.id for c in found]


def all_pages(ctx: AppContext, actor: Actor, q: CaseQuery, size: int) -> tuple[list[int], int]:
    """Page through ``q`` the way the list does: first page, then forward, then from the end."""
    first = first_case_page(ctx, actor, q, size)
    total = count_cases(ctx, actor, q)
    if first.exact:
        assert first.total == total
    else:
        assert len(first.rows) <= first.total <= total  # a lower bound: "more than …"
    ids = [r.id for r in first.rows]
    offset = size
    while offset < total:
        hint = None if offset < total // 2 else total  # the second half reads from the end
        ids += [r.id for r in fetch_case_page(ctx, actor, q, offset, size, hint, total)]
        offset += size
    return ids, total


@pytest.mark.parametrize("budgets", ["default", "tiny"])
@pytest.mark.parametrize("search", SEARCHES)
def test_received_order_pages_match_a_plain_sort(
    ctx: AppContext, staff: dict[Role, Actor], stored: list[Stored], search: str,
    budgets: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    if budgets == "tiny":
        monkeypatch.setattr(index_walk, "WALK_BUDGET", 25)
        monkeypatch.setattr(index_walk, "PROBE_ROWS", 10)
        monkeypatch.setattr(case_received_order, "COLLECT_MAX", 4)
        monkeypatch.setattr(case_received_order, "PREFIX_CAP", 3)
    actor = staff[Role.CLERK]
    for q in (CaseQuery(search=search), CaseQuery(search=search, descending=False),
              CaseQuery(search=search, kind=CaseKind.DEPOSIT, status=CaseStatus.REGISTERED),
              CaseQuery(search=search, only_mine=True)):
        ids, total = all_pages(ctx, actor, q, 7)
        expected = expected_ids(stored, q, actor.user_id)
        assert total == len(expected), q
        assert ids == expected, q


@pytest.mark.parametrize("budgets", ["default", "tiny"])
@pytest.mark.parametrize("sort_key", ["applicant", "signature", "next_deadline", "status",
                                      "kind", "address", "assignee"])
def test_other_orders_match_a_plain_sort(
    ctx: AppContext, staff: dict[Role, Actor], stored: list[Stored], sort_key: str,
    budgets: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    if budgets == "tiny":  # every search counts as broad: the sort index is walked
        monkeypatch.setattr(case_query, "COUNT_CAP", 3)
        monkeypatch.setattr(case_query, "BROAD_MATCHES", 3)
        monkeypatch.setattr(case_query, "PG_BROAD_MATCHES", 3)
        monkeypatch.setattr(index_walk, "WALK_BUDGET", 25)
        monkeypatch.setattr(index_walk, "PROBE_ROWS", 10)
    actor = staff[Role.CLERK]
    columns = {"applicant": "applicant_sort", "signature": "year, number",
               "next_deadline": "next_deadline", "status": "status", "kind": "kind",
               "address": "street, building", "assignee": "assignee_id"}[sort_key]
    for search in ("", *SEARCHES):
        for descending in (False, True):
            q = CaseQuery(search=search, sort_key=sort_key, descending=descending,
                          only_open=not search)  # no search: a filter alone is walked too
            words = fold_for_search(search).split()
            where = " AND ".join([f"search_text LIKE :w{i}" for i in range(len(words))]
                                 or ["status != 'closed'"])
            direction = "DESC" if descending else "ASC"
            order = ", ".join(f"{c.strip()} {direction}" for c in (*columns.split(","), "id"))
            with ctx.db.read() as s:
                expected = list(s.scalars(text(
                    f"SELECT id FROM cases WHERE {where} ORDER BY {order}"),
                    {f"w{i}": f"%{w}%" for i, w in enumerate(words)}))
            ids, total = all_pages(ctx, actor, q, 7)
            assert (total, ids) == (len(expected), expected), q


def test_demo_searches_find_something(stored: list[Stored]) -> None:
    """The searches above are not all empty (which would prove nothing)."""
    me = 0
    sizes = {s: len(expected_ids(stored, CaseQuery(search=s), me)) for s in SEARCHES}
    assert sizes["zzzz"] == 0
    assert sum(1 for n in sizes.values() if n > 7) >= 5, sizes


def test_plans_read_their_indexes(ctx: AppContext, stored: list[Stored]) -> None:
    """SQLite reads the trigram index in its own (received) order, no sort step; PostgreSQL
    walks the covering index without touching the table."""
    if ctx.db.dialect == "sqlite":
        sql = ("SELECT rowid & 4294967295 FROM case_search WHERE case_search MATCH '\"nowak\"'"
               " ORDER BY rowid DESC LIMIT 200")
        with ctx.db.read() as s:
            plan = " | ".join(str(r[-1]) for r in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
        assert "VIRTUAL TABLE" in plan and "TEMP B-TREE" not in plan
        return
    with ctx.db.engine.connect() as conn, conn.begin() as trans:
        # A few hundred rows: hide the plain index and the table scan for this transaction.
        conn.exec_driver_sql("DROP INDEX ix_cases_received_on_id")
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(
            "EXPLAIN ANALYZE SELECT w.id FROM (SELECT id, received_on, search_text, kind, "
            "status, assignee_id FROM cases ORDER BY received_on DESC, id DESC LIMIT 60000) w "
            "WHERE w.search_text LIKE '%%nowak%%' LIMIT 201"))
        trans.rollback()
    assert "Index Only Scan Backward using ix_cases_received_cover" in plan
    assert "Heap Fetches: 0" in plan  # the demo load vacuumed the table


def test_search_index_follows_edits_and_deletes(
    ctx: AppContext, staff: dict[Role, Actor], stored: list[Stored],
) -> None:
    """The SQLite index key holds the received date: moving a case's date moves it in the
    list, and a deleted case leaves no trace in the index."""
    actor = staff[Role.CLERK]
    newest = max(stored, key=lambda c: (c.received_on, c.id))
    with ctx.db.transaction() as s:
        s.execute(text("UPDATE cases SET received_on = :d WHERE id = :i"),
                  {"d": date(2000, 1, 3), "i": newest.id})
        bare = Case(signature="TEST.1.1.2001", unit_symbol="TEST", jrwa_class="1", number=1,
                    year=2001, kind=CaseKind.IOK.value, status=CaseStatus.REGISTERED.value,
                    applicant_first_name="Ktoś", applicant_last_name="Usuwany",
                    applicant_sort="usuwany ktos", search_text="test.1.1.2001 ktos usuwany",
                    received_on=date(2001, 1, 1), registered_by_id=actor.user_id,
                    created_at=ctx.clock())
        s.add(bare)
    q = CaseQuery(search=newest.search_text.split()[0])  # its signature
    assert [r.id for r in first_case_page(ctx, actor, q, 5).rows] == [newest.id]
    oldest_first = CaseQuery(search="piekary", descending=False)
    assert first_case_page(ctx, actor, oldest_first, 1).rows[0].id == newest.id
    assert count_cases(ctx, actor, CaseQuery(search="usuwany")) == 1
    with ctx.db.transaction() as s:
        s.execute(text("DELETE FROM cases WHERE signature = 'TEST.1.1.2001'"))
    assert count_cases(ctx, actor, CaseQuery(search="usuwany")) == 0
    assert first_case_page(ctx, actor, CaseQuery(search="usuwany"), 5).rows == []
