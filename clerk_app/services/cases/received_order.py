"""A searched list in its default order (by received date): pages without sorting every match.

Sorting the matches of a search costs in proportion to how many there are; walking the
received-date index and testing each row costs in proportion to how rare they are. Both are
slow for "mid-frequency" words (a few thousand matches in a million cases), so each back-end
gets a plan that reads about one page:

* SQLite: the trigram index's own rowid is ``received day * 2**32 + id`` (migration 0003), so
  ``ORDER BY rowid DESC LIMIT n`` inside the index yields the newest matches first.
* PostgreSQL: a walk of the covering index (received date, id, search text, filter columns;
  no table reads) for at most ``index_walk.WALK_BUDGET`` rows; if a page has not turned up
  by then, the matches are rare, and collecting them through the trigram index and sorting
  them is cheap (and yields the exact count too).

Measured at 1,000,000 cases: benchmarks/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.persistence.models import Case
from clerk_app.services.cases.index_walk import Filters, first_walk, ordered, walk
from clerk_app.services.cases.search import (
    FTS,
    SearchTerms,
    contains,
    fts_case_id,
    fts_match,
    search_conditions,
    search_text_starts,
)

RECEIVED = (Case.received_on,)
# PostgreSQL: with an exact count up to this, later pages collect and sort; above it, walk.
COLLECT_MAX = 3_000
# PostgreSQL: a signature prefix is collected through its index up to this many matches.
PREFIX_CAP = 3_000


@dataclass(frozen=True)
class IdPage:
    """Case ids in list order, and the exact match count when the plan learnt it."""

    ids: list[int]
    count: int | None = None


def received_order_applies(terms: SearchTerms, sort_key: str) -> bool:
    """Whether these plans serve the query (a search, sorted by received date)."""
    return sort_key == "received" and bool(terms) and terms.whole_signature is None


def received_ids(session: Session, terms: SearchTerms, filters: Filters,
                 descending: bool, offset: int, limit: int, exact_total: int | None,
                 first: bool = False) -> IdPage:
    """Ids ``offset`` .. ``offset+limit`` of the matches in received order.

    ``filters`` gives the conditions on kind, status and assignee; ``first`` marks the
    first page of a new search (its match count is unknown yet).
    """
    if session.get_bind().dialect.name == "sqlite":
        if terms.indexed:
            return IdPage(_sqlite_index_order(session, terms, filters, descending, offset, limit))
        return IdPage(walk(session, terms, filters, RECEIVED, descending, offset, limit))
    if terms.signature_prefix is not None and first:
        page = collect_sorted(session, terms, filters, RECEIVED, descending, offset, limit,
                              PREFIX_CAP)
        if page is not None:
            return page
    if first:
        ids = first_walk(session, terms, filters, RECEIVED, descending, limit)
        if len(ids) == limit:
            return IdPage(ids)
    elif exact_total is None or exact_total > COLLECT_MAX:
        return IdPage(walk(session, terms, filters, RECEIVED, descending, offset, limit))
    page = collect_sorted(session, terms, filters, RECEIVED, descending, offset, limit, None)
    assert page is not None
    return page


def _sqlite_index_order(session: Session, terms: SearchTerms,
                        filters: Filters, descending: bool, offset: int,
                        limit: int) -> list[int]:
    """Walk the trigram index in its rowid order; join the case only to test what it lacks."""
    key = FTS.c.rowid
    stmt = select(fts_case_id()).select_from(FTS).where(fts_match(terms))
    extra = filters(Case) + [contains(Case, w, sqlite=True) for w in terms.short]
    if terms.signature_prefix is not None:
        extra.append(search_text_starts(Case, terms.signature_prefix))
    if extra:
        stmt = stmt.join(Case, Case.id == fts_case_id()).where(*extra)
    stmt = stmt.order_by(key.desc() if descending else key.asc()).offset(offset).limit(limit)
    return list(session.scalars(stmt))


def collect_sorted(session: Session, terms: SearchTerms, filters: Filters,
                   sort_columns: tuple[Any, ...], descending: bool, offset: int, limit: int,
                   cap: int | None) -> IdPage | None:
    """Collect every match (trigram or signature index), sort them by
    ``sort_columns`` and the id, and count them exactly, in one statement.

    ``MATERIALIZED``: the planner misjudges trigram selectivity and would otherwise walk the
    sort index for a rare word. With ``cap``, more than ``cap`` matches gives ``None``.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    conditions = search_conditions(Case, terms, sqlite=sqlite) + filters(Case)
    keys = [c.label(f"k{i}") for i, c in enumerate(sort_columns)]
    found_q = select(Case.id, *keys).where(*conditions)
    if cap is not None:
        found_q = found_q.limit(cap + 1)
    found = found_q.cte("found").prefix_with("MATERIALIZED")
    order = (*(found.c[k.name] for k in keys), found.c.id)
    stmt = (select(found.c.id, func.count().over())
            .order_by(*ordered(order, descending)).offset(offset).limit(limit))
    rows = session.execute(stmt).all()
    count = int(rows[0][1]) if rows else None
    if cap is not None and count is not None and count > cap:
        return None
    if count is None and offset == 0:
        count = 0
    return IdPage([int(r[0]) for r in rows], count)
