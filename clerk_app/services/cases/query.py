"""The case list: filtered, searched, sorted pages fetched on demand (a million rows is fine).

How a search becomes SQL is in :mod:`search`; the plans for the default order (by received
date) in :mod:`received_order`, for every other order in :mod:`index_walk`. The first page of a
query comes with a row count that may be a lower bound (``exact`` False): the list shows it at
once and asks for the exact count afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.errors import FieldError
from clerk_app.domain.field_limits import check_text
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, User
from clerk_app.services.cases.block_seek import seek_page
from clerk_app.services.cases.index_walk import first_walk, walk
from clerk_app.services.cases.received_order import (
    collect_sorted,
    received_ids,
    received_order_applies,
)
from clerk_app.services.cases.search import (
    SearchTerms,
    filter_conditions,
    fts_match,
    search_conditions,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.unit_of_work import read_as

SORT_KEYS: dict[str, tuple[Any, ...]] = {
    "signature": (Case.year, Case.number),
    "kind": (Case.kind,),
    "applicant": (Case.applicant_sort,),
    "address": (Case.street, Case.building),
    "status": (Case.status,),
    "received": (Case.received_on,),
    "next_deadline": (Case.next_deadline,),
    "assignee": (Case.assignee_id,),
}
# Only what a list row shows: a page never loads whole cases (search text, notes, …).
LIST_COLUMNS = (
    Case.id, Case.signature, Case.kind, Case.applicant_first_name, Case.applicant_last_name,
    Case.street, Case.building, Case.flat, Case.status, Case.received_on, Case.next_deadline,
    Case.assignee_id, User.full_name.label("assignee_name"),
)
# Other sort orders with a search, when a short walk of the order's covering index did not
# fill the first page (see :mod:`index_walk`): collect the matches, sort and count them in one
# statement, up to this many; only beyond it walk the covering index to the end. (Matches sit
# together along an order that holds the searched text: sorted by applicant, every "Nowak" is
# in one place; by address, every "Bytomska".) Measured at 1,000,000 cases: benchmarks/README.
BROAD_MATCHES = 60_000
PG_BROAD_MATCHES = 40_000
# A capped count first where the exact one can wait (shown as "ponad 2 000").
COUNT_CAP = 2_000


@dataclass(frozen=True)
class CaseQuery:
    search: str = ""
    kind: CaseKind | None = None
    status: CaseStatus | None = None
    assignee_id: int | None = None
    only_mine: bool = False
    only_open: bool = False  # leave out closed cases
    sort_key: str = "received"
    descending: bool = True

    @cached_property
    def terms(self) -> SearchTerms:
        """The search box's words, folded for matching (parsed once per query)."""
        return SearchTerms.parse(self.search)


@dataclass(frozen=True)
class CaseListRow:
    id: int
    signature: str
    kind: CaseKind
    applicant: str
    address: str
    status: CaseStatus
    received_on: date
    next_deadline: date | None
    assignee: str


@dataclass(frozen=True)
class FirstPage:
    """The first page of a query and its row count (a lower bound unless ``exact``)."""

    rows: list[CaseListRow]
    total: int
    exact: bool


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _filters(actor: Actor, q: CaseQuery) -> Any:
    def conditions(cols: Any) -> list[ColumnElement[bool]]:
        return filter_conditions(cols, actor, q.kind, q.status, q.assignee_id,
                                 q.only_mine, q.only_open)
    return conditions


def _conditions(session: Session, actor: Actor, q: CaseQuery) -> list[ColumnElement[bool]]:
    terms = q.terms
    return (search_conditions(Case, terms, sqlite=_sqlite(session))
            + _filters(actor, q)(Case))


def check_search(q: CaseQuery) -> None:
    """The search box's text: no control character, not longer than a search can be."""
    try:
        check_text(q.search, "case_search")
    except FieldError as exc:
        raise ValidationFailed([exc]) from None


def count_cases(ctx: AppContext, actor: Actor, q: CaseQuery) -> int:
    """How many cases match ``q`` exactly (the list's row count)."""
    check_search(q)
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return _count_upto(session, actor, q, None)[0]


def _count_upto(session: Session, actor: Actor, q: CaseQuery,
                cap: int | None) -> tuple[int, bool]:
    """``(count, exact)``: counting stops after ``cap`` matches (``exact`` False)."""
    terms = q.terms
    pure_fts = (_sqlite(session) and terms.indexed and not terms.short
                and terms.whole_signature is None and terms.signature_prefix is None
                and not _filters(actor, q)(Case))
    if pure_fts:  # counted inside the trigram index alone
        return int(session.scalar(select(func.count()).where(fts_match(terms))) or 0), True
    conditions = _conditions(session, actor, q)
    if cap is None:
        stmt = select(func.count()).select_from(Case).where(*conditions)
        return int(session.scalar(stmt) or 0), True
    limited = select(Case.id).where(*conditions).limit(cap + 1).subquery()
    found = int(session.scalar(select(func.count()).select_from(limited)) or 0)
    return found, found <= cap


def first_case_page(ctx: AppContext, actor: Actor, q: CaseQuery, limit: int) -> FirstPage:
    """The first ``limit`` rows of ``q`` with a row count, as fast as the query allows.

    A search in received order reads about one page (see :mod:`received_order`); a search
    sorted by the key its word begins walks that stretch (:mod:`block_seek`); any other
    search or filter walks its order's covering index (:mod:`index_walk`) and reports
    ``limit + 1`` (a lower bound) when there are more, else collects and counts its matches.
    A plain list counts up to ``COUNT_CAP`` first.
    """
    check_search(q)
    terms = q.terms
    searched = bool(terms) and terms.whole_signature is None
    filters = _filters(actor, q)
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        if received_order_applies(terms, q.sort_key):
            page = received_ids(session, terms, filters, q.descending, 0,
                                limit + 1, None, first=True)
            rows = _rows_by_id(session, page.ids[:limit])
            if page.count is not None:
                return FirstPage(rows, page.count, True)
            # Without an exact count: "more than ``limit``" (the list shows "ponad 100").
            return FirstPage(rows, len(page.ids), len(page.ids) <= limit)
        if searched and (seek := seek_page(session, terms, filters, q.sort_key,
                                           _sort_columns(q), q.descending, 0, limit + 1,
                                           PG_BROAD_MATCHES)):
            rows = _rows_by_id(session, seek.ids[:limit])  # PostgreSQL: see :mod:`block_seek`
            return FirstPage(rows, seek.count or len(seek.ids), seek.count is not None)
        if searched or filters(Case):
            ids = first_walk(session, terms, filters, _sort_columns(q), q.descending, limit + 1)
            if len(ids) > limit:  # a full page along the order's index: "more than limit"
                return FirstPage(_rows_by_id(session, ids[:limit]), len(ids), False)
        if searched:  # rare, or together further along the order
            cap = BROAD_MATCHES if _sqlite(session) else PG_BROAD_MATCHES
            collected = collect_sorted(session, terms, filters, _sort_columns(q),
                                       q.descending, 0, limit, cap)
            if collected is not None and collected.count is not None:
                return FirstPage(_rows_by_id(session, collected.ids), collected.count, True)
            broad = cap + 1
            rows = _page(session, actor, q, 0, limit, None, broad)
            return FirstPage(rows, max(broad, len(rows)), False)
        total, exact = _count_upto(session, actor, q, COUNT_CAP)
        rows = _page(session, actor, q, 0, limit, total if exact else None, total)
        if not exact and len(rows) < limit:  # the whole result fits on the page
            return FirstPage(rows, len(rows), True)
        return FirstPage(rows, max(total, len(rows)), exact)


def fetch_case_page(
    ctx: AppContext, actor: Actor, q: CaseQuery, offset: int, limit: int,
    total: int | None = None, matches: int | None = None,
) -> list[CaseListRow]:
    """Rows ``offset`` .. ``offset+limit`` of the sorted result.

    With the exact ``total`` given, a page in the second half is read from the other end of
    the index (reverse order, small offset), so jumping to the last row costs as little as the
    first. ``matches`` (exact or a lower bound; defaults to ``total``) helps pick the plan.
    """
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return _page(session, actor, q, max(0, offset), limit, total, matches)


def _page(session: Session, actor: Actor, q: CaseQuery, offset: int, limit: int,
          total: int | None, matches: int | None) -> list[CaseListRow]:
    reverse = total is not None and offset > total // 2
    if reverse:
        assert total is not None
        end = min(total, offset + limit)
        offset, limit = total - end, end - offset
    if limit <= 0:
        return []
    terms = q.terms
    if received_order_applies(terms, q.sort_key):
        page = received_ids(session, terms, _filters(actor, q), q.descending != reverse,
                            offset, limit, total)
        rows = _rows_by_id(session, page.ids)
    else:
        rows = _sorted_page(session, actor, q, offset, limit, reverse,
                            matches if matches is not None else total)
    if reverse:
        rows.reverse()
    return rows


def _sorted_page(session: Session, actor: Actor, q: CaseQuery, offset: int, limit: int,
                 reverse: bool, known: int | None) -> list[CaseListRow]:
    """Any sort order: a narrow search collects and sorts, a broad one walks the sort index."""
    sqlite = _sqlite(session)
    broad = known is not None and known > (BROAD_MATCHES if sqlite else PG_BROAD_MATCHES)
    terms = q.terms
    if terms and not broad and not sqlite:
        seek = seek_page(session, terms, _filters(actor, q), q.sort_key, _sort_columns(q),
                         q.descending != reverse, offset, limit, PG_BROAD_MATCHES)
        if seek is not None:  # a block search's later page (see :mod:`block_seek`)
            return _rows_by_id(session, seek.ids)
        page = collect_sorted(session, terms, _filters(actor, q), _sort_columns(q),
                              q.descending != reverse, offset, limit, None)
        assert page is not None
        return _rows_by_id(session, page.ids)
    if terms and broad and terms.whole_signature is None:  # along the order's covering index
        ids = walk(session, terms, _filters(actor, q), _sort_columns(q),
                   q.descending != reverse, offset, limit)
        return _rows_by_id(session, ids)
    stmt = _list_select().where(*_conditions(session, actor, q))
    stmt = stmt.order_by(*_order(q, reverse)).offset(offset).limit(limit)
    return [_row(c) for c in session.execute(stmt)]


def _list_select() -> Any:
    """The list's columns, with the assignee's name (one statement a page)."""
    return select(*LIST_COLUMNS).select_from(Case).outerjoin(User, User.id == Case.assignee_id)


def _sort_columns(q: CaseQuery) -> tuple[Any, ...]:
    return SORT_KEYS.get(q.sort_key, SORT_KEYS["received"])


def _order(q: CaseQuery, reverse: bool) -> list[Any]:
    descending = q.descending != reverse
    columns = [*_sort_columns(q), Case.id]
    return [c.desc() if descending else c.asc() for c in columns]


def _rows_by_id(session: Session, ids: list[int]) -> list[CaseListRow]:
    """The list rows of ``ids``, in that order."""
    if not ids:
        return []
    found = {c.id: c for c in session.execute(_list_select().where(Case.id.in_(ids)))}
    return [_row(found[i]) for i in ids if i in found]


def address_of(c: Any) -> str:
    """``Bytomska 12/3`` from anything with street, building and flat."""
    street = f"{c.street} {c.building}".strip()
    return f"{street}/{c.flat}" if c.flat else street


def _row(c: Any) -> CaseListRow:
    return CaseListRow(
        id=c.id, signature=c.signature, kind=c.kind,
        applicant=f"{c.applicant_last_name} {c.applicant_first_name}",
        address=address_of(c), status=c.status, received_on=c.received_on,
        next_deadline=c.next_deadline,
        assignee=c.assignee_name or "",
    )
