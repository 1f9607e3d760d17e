"""A searched list in any order: walk the order's covering index, testing each entry.

Sorting every match of a search costs in proportion to how many there are (a street name
matches 27,000 of a million cases, and each match is a table row to read); walking the index
of the sort order and testing each entry costs in proportion to how rare the matches are. Every
sort order has a covering index (its columns, the id, and the search text and filter columns:
migrations 0003 and 0015), so the walk never reads the table. A first page walks
``PROBE_ROWS`` entries, then the rest of ``WALK_BUDGET`` only if the matches so far promise a
full page within it; fewer ids than asked for means the matches are rare or sit together
further along the order (sorted by applicant, every "Nowak" is in one place), and the caller
collects and sorts them instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from clerk_app.persistence.models import Case
from clerk_app.services.cases.search import SearchTerms, search_conditions

# The list's filters for a set of columns (``Case`` or the walked subquery's).
Filters = Callable[[Any], list[ColumnElement[bool]]]

# Index entries a first page may walk (PostgreSQL ~15 ms) before the matches count as rare;
# the first PROBE_ROWS (SQLite: all it walks, ~13 ms) tell whether the rest is likely to
# fill a page.
WALK_BUDGET = 60_000
PROBE_ROWS = 15_000
# What a walked entry carries besides its sort columns: what searches and filters test.
_TESTED = (Case.id, Case.search_text, Case.kind, Case.status, Case.assignee_id)


def ordered(columns: tuple[Any, ...], descending: bool) -> list[Any]:
    return [c.desc() if descending else c.asc() for c in columns]


def walk(session: Session, terms: SearchTerms, filters: Filters, sort_columns: tuple[Any, ...],
         descending: bool, offset: int, limit: int,
         rows: tuple[int, int] | None = None) -> list[int]:
    """Ids ``offset`` .. ``offset+limit`` of the matches in ``sort_columns`` order (then id),
    walking that order's index; ``rows`` = (skip, count) bounds the stretch walked.

    ``OFFSET`` in the walked subquery keeps PostgreSQL from folding the walk into a bitmap
    scan of the trigram index (the walk is meant to be an index-only scan).
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    columns = {c.key: c for c in (*sort_columns, *_TESTED)}
    walked = select(*columns.values()).order_by(
        *ordered((*sort_columns, Case.id), descending))
    skip, count = rows if rows is not None else (0, None)
    w = walked.offset(skip).limit(count).subquery("walked")
    conditions = search_conditions(w.c, terms, sqlite=sqlite, walk=True) + filters(w.c)
    order = (*(w.c[c.key] for c in sort_columns), w.c.id)
    stmt = (select(w.c.id).where(*conditions).order_by(*ordered(order, descending))
            .offset(offset).limit(limit))
    return list(session.scalars(stmt))


def first_walk(session: Session, terms: SearchTerms, filters: Filters,
               sort_columns: tuple[Any, ...], descending: bool, limit: int) -> list[int]:
    """A new search's first ``limit`` ids by walking at most ``WALK_BUDGET`` entries
    (``PROBE_ROWS`` first). Fewer than ``limit`` ids: the caller collects instead."""
    ids = walk(session, terms, filters, sort_columns, descending, 0, limit,
               rows=(0, PROBE_ROWS))
    extend = session.get_bind().dialect.name != "sqlite"  # SQLite walks ~4× slower
    # On PostgreSQL the rest of the walk (~11 ms) is cheap beside the collect it may spare
    # (every match a table row, often read from disk): go on at the rate a page needs.
    promising = len(ids) * WALK_BUDGET >= limit * PROBE_ROWS
    if extend and len(ids) < limit and promising:
        ids += walk(session, terms, filters, sort_columns, descending, 0, limit - len(ids),
                    rows=(PROBE_ROWS, WALK_BUDGET - PROBE_ROWS))
    return ids
