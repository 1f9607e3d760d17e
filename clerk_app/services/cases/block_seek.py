"""PostgreSQL: a search whose word begins the sort key, sorted by that key.

A surname sorted by applicant ("nowak": 17,000 of a million cases, nearly all of them the
cases whose applicant sort key starts with "nowak") or a street sorted by address
("bytomska": 26,000, the cases in that street) has its matches together in one *block* of the
order. Collecting them reads every match from the table (~140 ms at a million cases); walking
the order's index from its start reaches the block only after hundreds of thousands of
entries. Instead:

1. walk the block itself along the order's covering index (no table read) for a page;
2. collect the matches *before* the block in list order (asc: keys below it; desc: above)
   through the trigram index, whose second and third columns (migration 0016, ``btree_gin``)
   are the street and the applicant key, so a key range narrows the index scan before any
   table page is read: only those few matches are read;
3. the page is those matches, sorted, followed by the block's.

A small block far along the order ("zielinski", sorted up) is cheaper to collect whole,
with its exact count: the block's entries are counted against the stretch before it.

``None`` when the plan does not apply (no such block, the block has too few matches, or too
many matches lie before it): the caller goes on with its other plans.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session

from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import Case
from clerk_app.services.cases.index_walk import Filters, ordered
from clerk_app.services.cases.received_order import IdPage, collect_sorted
from clerk_app.services.cases.search import SearchTerms, search_conditions

# Matches before the block collected (table rows read) at most; beyond, another plan.
BEFORE_CAP = 2_000
MAX_BLOCKS = 2
# A match read from the table (with the trigram index's false candidates: ~6 µs) costs about
# as much as a hundred rows of a key range narrowed inside that index (~60–85 ns), measured
# at a million cases (benchmarks/README.md).
TABLE_READ_VS_INDEX_RANGE = 100
# The order's street list, in the index's order: one index probe per street.
_STREETS = text(
    "WITH RECURSIVE s(street) AS (SELECT min(street) FROM cases UNION ALL "
    "SELECT (SELECT min(c.street) FROM cases c WHERE c.street > s.street) FROM s "
    "WHERE s.street IS NOT NULL) SELECT street FROM s WHERE street IS NOT NULL")


@dataclass(frozen=True)
class Block:
    """A stretch of the order: ``column`` equal to ``low`` (``high`` None), or in
    ``[low, high)``."""

    column: Any
    low: str
    high: str | None = None

    def inside(self) -> ColumnElement[bool]:
        if self.high is None:
            return self.column == self.low
        return (self.column >= self.low) & (self.column < self.high)

    def before(self, descending: bool) -> ColumnElement[bool]:
        """Keys that come before the block in the list's order."""
        if not descending:
            return self.column < self.low
        if self.high is None:
            return self.column > self.low
        return self.column >= self.high


def prefix_end(word: str) -> str | None:
    """A string above every string that starts with ``word`` (``None``: there is none)."""
    code = ord(word[-1]) + 1
    if 0xD800 <= code <= 0xDFFF:  # no surrogate: PostgreSQL could not store it
        code = 0xE000
    return None if code > sys.maxunicode else word[:-1] + chr(code)


def candidate_blocks(session: Session, terms: SearchTerms, sort_key: str,
                     descending: bool) -> list[Block]:
    """The blocks worth walking for this search, likeliest first (longest word first; for
    the address, the streets that hold the word in list order)."""
    words = sorted(terms.indexed, key=len, reverse=True)
    if sort_key == "applicant":
        return [Block(Case.applicant_sort, w, end) for w in words
                if (end := prefix_end(w)) is not None]
    if sort_key != "address" or not words:
        return []
    streets = list(session.scalars(_STREETS))
    if descending:
        streets.reverse()
    folded = [(s, fold_for_search(s)) for s in streets]
    blocks: list[Block] = []
    for w in words:
        blocks += [Block(Case.street, s) for s, f in folded
                   if w in f and all(b.low != s for b in blocks)]
    return blocks


def seek_page(session: Session, terms: SearchTerms, filters: Filters, sort_key: str,
              sort_columns: tuple[Any, ...], descending: bool, offset: int, limit: int,
              whole_cap: int) -> IdPage | None:
    """Ids ``offset`` .. ``offset+limit`` of the search while they lie before the block's
    end, or ``None`` (see the module docstring).

    Two blocks are tried at most: a street with too few matches ("Bytomska Boczna" before
    "Bytomska" in descending order) is then simply part of what lies before the next. A
    block small beside the stretch before it ("zielinski", sorted up) is cheaper to collect
    whole (up to ``whole_cap`` matches): a first page then comes with its exact count, a
    later one is left to the caller's collect.
    """
    if (session.get_bind().dialect.name == "sqlite" or not terms.indexed
            or terms.signature_prefix is not None or terms.whole_signature is not None):
        return None
    end = offset + limit
    for block in candidate_blocks(session, terms, sort_key, descending)[:MAX_BLOCKS]:
        inside = _walk_block(session, terms, filters, block, sort_columns, descending, end)
        if len(inside) < limit:
            continue
        if _collect_is_cheaper(session, block, descending):
            if offset:
                return None
            whole = collect_sorted(session, terms, filters, sort_columns, descending, 0,
                                   limit, whole_cap)
            if whole is not None:
                return whole
        found = collect_sorted(session, terms, _before(filters, block, descending),
                               sort_columns, descending, 0, end, BEFORE_CAP)
        if found is None or len(found.ids) + len(inside) < end:
            return None  # too many before the block, or the page runs past its end
        return IdPage((found.ids + inside)[offset:end])
    return None


def _collect_is_cheaper(session: Session, block: Block, descending: bool) -> bool:
    """Reading every match from the table against narrowing the index by the stretch before
    the block: the block's entries are counted (index only, as far as it matters), the
    stretch is the planner's estimate (good for a wide range, not for a narrow one)."""
    before = _estimated_rows(session, block.before(descending))
    enough = int(before // TABLE_READ_VS_INDEX_RANGE) + 1
    counted = select(Case.id).where(block.inside()).limit(enough).subquery()
    return int(session.scalar(select(func.count()).select_from(counted)) or 0) < enough


def _estimated_rows(session: Session, condition: ColumnElement[bool]) -> float:
    compiled = select(Case.id).where(condition).compile(session.get_bind())
    plan = session.connection().exec_driver_sql(
        f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params).scalar_one()
    return float(plan[0]["Plan"]["Plan Rows"])


def _before(filters: Filters, block: Block, descending: bool) -> Filters:
    """The list's filters, and: before the block."""
    def conditions(cols: Any) -> list[ColumnElement[bool]]:
        return [*filters(cols), block.before(descending)]
    return conditions


def _walk_block(session: Session, terms: SearchTerms, filters: Filters, block: Block,
                sort_columns: tuple[Any, ...], descending: bool, limit: int) -> list[int]:
    """The block's first ``limit`` matches, along the order's covering index."""
    conditions = search_conditions(Case, terms, sqlite=False, walk=True) + filters(Case)
    stmt = (select(Case.id).where(block.inside(), *conditions)
            .order_by(*ordered((*sort_columns, Case.id), descending)).limit(limit))
    return list(session.scalars(stmt))
