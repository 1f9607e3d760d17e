"""A word that begins the sort key: the block is walked, the matches before it collected.

The cases here put a surname and a street in one block of their order, with matches of the
same word elsewhere (an e-mail, a first name, another street's case) on both sides of it,
so every page must still be exactly what a plain filter-and-sort gives. On PostgreSQL the
first page must come from :mod:`block_seek`; SQLite has its own plans and gets ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import text

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import Case
from clerk_app.services.cases import block_seek
from clerk_app.services.cases.block_seek import candidate_blocks, prefix_end, seek_page
from clerk_app.services.cases.query import (
    SORT_KEYS,
    CaseQuery,
    count_cases,
    fetch_case_page,
    first_case_page,
)
from clerk_app.services.cases.search import SearchTerms
from clerk_app.services.core.context import Actor, AppContext
from tests import dbsupport
from tests.conftest import BACKENDS

PAGE = 5
CAP = 1_000  # the whole-collect cap (the list passes its own)


@pytest.fixture(scope="module")
def pg_polish_template(pg_template: dbsupport.PgTemplate | None,
                       ) -> Iterator[dbsupport.PgTemplate | None]:
    if pg_template is None:
        yield None
        return
    template = dbsupport.PgTemplate(icu_locale="pl-PL")
    yield template
    template.drop_all()


@pytest.fixture(params=[*BACKENDS, *(["postgresql-pl"] if "postgresql" in BACKENDS else [])])
def db_url(request: pytest.FixtureRequest, sqlite_template: dbsupport.SqliteTemplate,
           pg_template: dbsupport.PgTemplate | None,
           pg_polish_template: dbsupport.PgTemplate | None) -> Iterator[str]:
    """The suite's back-ends, and PostgreSQL once more with Polish collation (ICU ``pl-PL``:
    "Łąkowa" between "Lipowa" and "Mickiewicza"), as an office's server may sort: every
    block and range here must follow the database's own order, not the byte order."""
    if request.param == "sqlite":
        yield sqlite_template.new_database()
        return
    template = pg_template if request.param == "postgresql" else pg_polish_template
    if template is None:
        pytest.skip("PostgreSQL is not reachable")
    url = template.new_database()
    yield url
    template.drop(url)
# (first name, last name, street, e-mail): the blocks "nowak" (applicant) and "Bytomska"
# (address), and the same words outside them, sorting before and after them.
PEOPLE = (
    [("Jan", "Nowak", "Wolności", "")] * 4
    + [("Ewa", "Nowakowska", "Armii Krajowej", "")] * 3
    + [("Anna", "Adamska", "Zwycięstwa", "anna.nowak@wp.pl")] * 2
    + [("Nowak", "Żak", "Cicha", "")]
    + [("Olga", "Bąk", "Bytomska", "")] * 8
    + [("Piotr", "Cebula", "Akacjowa", "bytomska@o2.pl")] * 2
    + [("Iga", "Zych", "Żeromskiego", "z.bytomska@wp.pl")]
    + [("Adam", "Mazur", "Bytomska Boczna", "")] * 2
    + [("Zofia", "Kempa", "Łąkowa", "")] * 6
)


@pytest.fixture
def cases(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    with ctx.db.transaction() as s:
        for n, (first, last, street, email) in enumerate(PEOPLE, start=1):
            signature = f"BGM.7141.{n}.2026"
            building, flat = str(n % 7 + 1), str(n)
            s.add(Case(
                signature=signature, unit_symbol="BGM", jrwa_class="7141", number=n, year=2026,
                kind=CaseKind.DEPOSIT.value,
                status=(CaseStatus.CLOSED if n % 5 == 0 else CaseStatus.REGISTERED).value,
                applicant_first_name=first, applicant_last_name=last,
                applicant_sort=fold_for_search(f"{last} {first}"), applicant_email=email or None,
                street=street, building=building, flat=flat,
                search_text=fold_for_search(" ".join(
                    p for p in (signature, first, last, street, building, flat, email) if p)),
                received_on=date(2026, 1, n % 28 + 1), registered_by_id=clerk.user_id,
                assignee_id=clerk.user_id if n % 2 else None, created_at=ctx.clock()))


def plain_sort(ctx: AppContext, q: CaseQuery) -> list[int]:
    words = fold_for_search(q.search).split()
    where = [f"search_text LIKE :w{i}" for i in range(len(words))]
    if q.only_open:
        where.append("status != 'closed'")
    direction = "DESC" if q.descending else "ASC"
    columns = [c.key for c in SORT_KEYS[q.sort_key]] + ["id"]
    with ctx.db.read() as s:
        return list(s.scalars(text(
            f"SELECT id FROM cases WHERE {' AND '.join(where)} "
            f"ORDER BY {', '.join(f'{c} {direction}' for c in columns)}"),
            {f"w{i}": f"%{w}%" for i, w in enumerate(words)}))


def listed(ctx: AppContext, actor: Actor, q: CaseQuery) -> list[int]:
    """Every page as the list reads them: the first, then the rest by offset."""
    first = first_case_page(ctx, actor, q, PAGE)
    total = count_cases(ctx, actor, q)
    ids = [r.id for r in first.rows]
    for offset in range(PAGE, total, PAGE):
        ids += [r.id for r in fetch_case_page(ctx, actor, q, offset, PAGE, None, total)]
    return ids


QUERIES = [
    CaseQuery(search=search, sort_key=key, descending=desc, only_open=only_open)
    for search, key in (("nowak", "applicant"), ("Nowak j", "applicant"),
                        ("bytomska", "address"), ("bytomska wp", "address"),
                        ("kempa", "applicant"))
    for desc in (False, True) for only_open in (False, True)
]


@pytest.mark.parametrize("whole", [False, True], ids=["block", "whole"])
@pytest.mark.parametrize("q", QUERIES, ids=lambda q: f"{q.search}-{q.sort_key}-"
                         f"{'desc' if q.descending else 'asc'}-{q.only_open}")
def test_pages_match_a_plain_sort(ctx: AppContext, staff: dict[Role, Actor], cases: None,
                                  q: CaseQuery, whole: bool,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ways of a block search (walk the block, or collect the whole search when the
    block is small beside what lies before it) page exactly like a plain sort."""
    monkeypatch.setattr(block_seek, "TABLE_READ_VS_INDEX_RANGE", 1e-9 if whole else 10**9)
    expected = plain_sort(ctx, q)
    assert expected
    assert listed(ctx, staff[Role.CLERK], q) == expected


@pytest.mark.parametrize("search, key", [("nowak", "applicant"), ("bytomska", "address")])
@pytest.mark.parametrize("descending", [False, True])
def test_postgresql_takes_the_block_plan(ctx: AppContext, cases: None, search: str, key: str,
                                         descending: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(block_seek, "TABLE_READ_VS_INDEX_RANGE", 10**9)  # never whole
    q = CaseQuery(search=search, sort_key=key, descending=descending)
    with ctx.db.read() as s:
        page = seek_page(s, q.terms, lambda cols: [], key, SORT_KEYS[key], descending, 0,
                               PAGE, CAP)
    if ctx.db.dialect == "sqlite":
        assert page is None
        return
    assert page is not None and page.count is None  # walked: no count yet
    ids = page.ids
    assert ids == plain_sort(ctx, q)[:PAGE]
    # The matches outside the block come first where they sort first.
    outside = {"nowak": {"adamska anna"}, "bytomska": {"Akacjowa"}}[search] if not descending \
        else {"nowak": {"zak nowak"}, "bytomska": {"Żeromskiego"}}[search]
    column = "applicant_sort" if key == "applicant" else "street"
    with ctx.db.read() as s:
        first = s.scalar(text(f"SELECT {column} FROM cases WHERE id = :i"), {"i": ids[0]})
    assert first in outside


def test_too_many_matches_before_the_block_leave_it_to_another_plan(
    ctx: AppContext, staff: dict[Role, Actor], cases: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(block_seek, "BEFORE_CAP", 1)  # two "anna.nowak@" cases before "nowak"
    monkeypatch.setattr(block_seek, "TABLE_READ_VS_INDEX_RANGE", 10**9)  # never whole
    q = CaseQuery(search="nowak", sort_key="applicant", descending=False)
    with ctx.db.read() as s:
        assert seek_page(s, q.terms, lambda cols: [], "applicant",
                               SORT_KEYS["applicant"], False, 0, PAGE, CAP) is None
    assert listed(ctx, staff[Role.CLERK], q) == plain_sort(ctx, q)


def test_blocks_a_search_may_walk(ctx: AppContext, cases: None) -> None:
    assert prefix_end("nowak") == "nowal"
    assert prefix_end("ab\ud7ff") == "ab\ue000"  # never a surrogate
    assert prefix_end("a\U0010ffff") is None
    with ctx.db.read() as s:
        applicant = candidate_blocks(s, SearchTerms.parse("Nowak j"), "applicant", False)
        assert [(b.low, b.high) for b in applicant] == [("nowak", "nowal")]
        asc = candidate_blocks(s, SearchTerms.parse("bytomska"), "address", False)
        desc = candidate_blocks(s, SearchTerms.parse("bytomska"), "address", True)
        assert [b.low for b in asc] == ["Bytomska", "Bytomska Boczna"]
        assert [b.low for b in desc] == ["Bytomska Boczna", "Bytomska"]
        assert candidate_blocks(s, SearchTerms.parse("zzz"), "address", False) == []
        assert candidate_blocks(s, SearchTerms.parse("nowak"), "signature", False) == []


def test_the_trigram_index_narrows_by_the_sort_key(ctx: AppContext, cases: None) -> None:
    """PostgreSQL: "before the block" is a condition of the trigram index scan itself
    (migration 0016), so only the matches before the block are read from the table."""
    if ctx.db.dialect == "sqlite":  # its trigram index is an FTS5 table: nothing to narrow
        return
    with ctx.db.engine.connect() as conn, conn.begin() as trans:
        # A table of a few rows: hide the sort indexes and the table scan from the planner.
        for index in ("cover_address", "street_building_id", "cover_applicant",
                      "applicant_sort_id"):
            conn.exec_driver_sql(f"DROP INDEX ix_cases_{index}")
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plans = ["\n".join(r[0] for r in conn.exec_driver_sql(
            f"EXPLAIN SELECT id FROM cases WHERE search_text LIKE '%%bytomska%%' AND {cond}"))
            for cond in ("street < 'Bytomska'", "applicant_sort >= 'nowal'")]
        trans.rollback()
    for plan, column in zip(plans, ("street", "applicant_sort"), strict=True):
        index_cond = next(line for line in plan.splitlines() if "Index Cond" in line)
        assert "ix_cases_search_trgm_keys" in plan and column in index_cond, plan


def test_a_small_block_is_collected_whole_with_its_count(
    ctx: AppContext, cases: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(block_seek, "TABLE_READ_VS_INDEX_RANGE", 1e-9)  # always whole
    q = CaseQuery(search="nowak", sort_key="applicant", descending=False)
    with ctx.db.read() as s:
        page = seek_page(s, q.terms, lambda cols: [], "applicant",
                               SORT_KEYS["applicant"], False, 0, PAGE, CAP)
    if ctx.db.dialect == "sqlite":
        assert page is None
        return
    expected = plain_sort(ctx, q)
    assert page is not None and (page.ids, page.count) == (expected[:PAGE], len(expected))


@pytest.mark.parametrize("descending", [False, True])
def test_later_pages_walk_the_block_until_it_ends(ctx: AppContext, cases: None,
                                                  descending: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(block_seek, "TABLE_READ_VS_INDEX_RANGE", 10**9)  # never whole
    q = CaseQuery(search="bytomska", sort_key="address", descending=descending)
    expected = plain_sort(ctx, q)
    pages = {}
    with ctx.db.read() as s:
        for offset in (0, 3, 6, 9, 12):
            pages[offset] = block_seek.seek_page(s, q.terms, lambda cols: [], "address",
                                                 SORT_KEYS["address"], descending, offset, 3,
                                                 CAP)
    if ctx.db.dialect == "sqlite":
        assert set(pages.values()) == {None}
        return
    # Ascending: 2 cases before Bytomska, then its 8; descending: 3 before (Żeromskiego and
    # Bytomska Boczna), then Bytomska's 8. Past the block's end: another plan.
    served = [o for o, page in pages.items() if page is not None]
    assert served == [0, 3, 6]
    for offset in served:
        page = pages[offset]
        assert page is not None and page.ids == expected[offset:offset + 3]
