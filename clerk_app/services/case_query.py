"""The case list: filtered, searched, sorted pages fetched on demand (a million rows is fine).

Search is insensitive to case and Polish diacritics: ``cases.search_text`` holds the folded
text, indexed by FTS5 trigrams on SQLite and pg_trgm on PostgreSQL (migration 0002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select, text
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import Case, User
from clerk_app.services.context import Actor, AppContext
from clerk_app.services.unit_of_work import require

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
MIN_INDEXED_TERM = 3
WHOLE_SIGNATURE = re.compile(r"^[a-z0-9]+(\.[a-z0-9]+){2,}\.\d{4}$")
# Only what a list row shows: a page never loads whole cases (search text, notes, …).
LIST_COLUMNS = (
    Case.id, Case.signature, Case.kind, Case.applicant_first_name, Case.applicant_last_name,
    Case.street, Case.building, Case.flat, Case.status, Case.received_on, Case.next_deadline,
    Case.assignee_id,
)
# Plan choice for a search (measured at 1,000,000 cases, see benchmarks/README.md): sorting
# the matches costs ~2.3 µs a match, walking the sort index costs ~200 x rows/matches row
# tests; they meet near 12,000 matches. Counting stops at COUNT_CAP on the first pass.
BROAD_MATCHES = 12_000
COUNT_CAP = 2_000


@dataclass(frozen=True)
class CaseQuery:
    search: str = ""
    kind: CaseKind | None = None
    status: CaseStatus | None = None
    assignee_id: int | None = None
    only_mine: bool = False
    sort_key: str = "received"
    descending: bool = True


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


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _like(term: str) -> ColumnElement[bool]:
    return Case.search_text.like(f"%{_escape_like(term)}%", escape="\\")


def _search_conditions(session: Session, search: str, broad: bool) -> list[ColumnElement[bool]]:
    """One condition per term; on SQLite the indexable terms share one trigram MATCH (the
    index intersects them far faster than separate lookups)."""
    terms = fold_for_search(search).split()
    if len(terms) == 1 and WHOLE_SIGNATURE.match(terms[0]):
        # A complete signature (typed or scanned) matches only itself: use its unique index
        # instead of the trigram index, where "bgm", "714", "202" are the commonest trigrams.
        return [Case.signature.in_({terms[0].upper(), terms[0]})]
    if broad or session.get_bind().dialect.name != "sqlite":
        return [_like(t) for t in terms]  # PostgreSQL: the GIN trigram index serves LIKE
    indexed = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
    conditions = [_like(t) for t in terms if len(t) < MIN_INDEXED_TERM]
    if indexed:
        fts = text("SELECT rowid FROM cases_fts WHERE cases_fts MATCH :phrase").bindparams(
            phrase=_fts_phrase(indexed))
        conditions.insert(0, Case.id.in_(fts))
    return conditions


S = TypeVar("S", bound=Select[*tuple[Any, ...]])


def _filtered(session: Session, actor: Actor, q: CaseQuery, stmt: S, broad: bool = False) -> S:
    for condition in _search_conditions(session, q.search, broad):
        stmt = stmt.where(condition)
    if q.kind is not None:
        stmt = stmt.where(Case.kind == q.kind.value)
    if q.status is not None:
        stmt = stmt.where(Case.status == q.status.value)
    if q.only_mine:
        stmt = stmt.where(Case.assignee_id == actor.user_id)
    elif q.assignee_id is not None:
        stmt = stmt.where(Case.assignee_id == q.assignee_id)
    return stmt


def _search_only_on_fts(session: Session, q: CaseQuery) -> list[str] | None:
    """The terms when ``q`` is a pure search the SQLite trigram index can count alone."""
    terms = fold_for_search(q.search).split()
    if (session.get_bind().dialect.name != "sqlite" or not terms
            or any(len(t) < MIN_INDEXED_TERM for t in terms)
            or q.kind or q.status or q.only_mine or q.assignee_id is not None):
        return None
    return terms


def count_cases(ctx: AppContext, actor: Actor, q: CaseQuery) -> int:
    """How many cases match ``q`` exactly (the list's row count)."""
    return count_cases_upto(ctx, actor, q, None)[0]


def count_cases_upto(
    ctx: AppContext, actor: Actor, q: CaseQuery, cap: int | None = COUNT_CAP
) -> tuple[int, bool]:
    """``(count, exact)``: a search stops counting after ``cap`` matches (``exact`` False).

    The list shows the first page at once and asks for the exact number afterwards. A pure
    search on SQLite is counted exactly in the trigram index, and a query without a search is
    always counted exactly (an index count), so neither needs the second round.
    """
    require(actor, Permission.VIEW_CASES)
    with ctx.db.read() as session:
        terms = _search_only_on_fts(session, q)
        if terms is not None:
            fts = text("SELECT count(*) FROM cases_fts WHERE cases_fts MATCH :phrase")
            return int(session.scalar(fts, {"phrase": _fts_phrase(terms)}) or 0), True
        if cap is None or not q.search.strip():
            stmt = _filtered(session, actor, q, select(func.count()).select_from(Case))
            return int(session.scalar(stmt) or 0), True
        if session.get_bind().dialect.name == "sqlite":
            cap = max(cap, BROAD_MATCHES)  # the page plan needs to know "more than 12,000"
        limited = _filtered(session, actor, q, select(Case.id)).limit(cap + 1).subquery()
        found = int(session.scalar(select(func.count()).select_from(limited)) or 0)
        return found, found <= cap


def _order(q: CaseQuery, reverse: bool) -> list[Any]:
    descending = q.descending != reverse
    columns = [*SORT_KEYS.get(q.sort_key, SORT_KEYS["received"]), Case.id]
    return [c.desc() if descending else c.asc() for c in columns]


def fetch_case_page(
    ctx: AppContext, actor: Actor, q: CaseQuery, offset: int, limit: int,
    total: int | None = None, matches: int | None = None,
) -> list[CaseListRow]:
    """Rows ``offset`` .. ``offset+limit`` of the sorted result.

    With the exact ``total`` given, a page in the second half is read from the other end of
    the index (reverse order, small offset), so jumping to the last row costs as little as the
    first. ``matches`` (exact or a lower bound; defaults to ``total``) picks the plan: a broad
    search walks the sort index instead of collecting and sorting every match.
    """
    require(actor, Permission.VIEW_CASES)
    offset = max(0, offset)
    reverse = total is not None and offset > total // 2
    if reverse:
        assert total is not None
        end = min(total, offset + limit)
        real_offset, real_limit = total - end, end - offset
    else:
        real_offset, real_limit = offset, limit
    if real_limit <= 0:
        return []
    known = matches if matches is not None else total
    with ctx.db.read() as session:
        sqlite = session.get_bind().dialect.name == "sqlite"
        broad = known is not None and known > (BROAD_MATCHES if sqlite else COUNT_CAP)
        if q.search.strip() and not broad and not sqlite:
            # PostgreSQL misjudges trigram selectivity and may walk the sort index for a rare
            # term; collecting the few matches first and sorting them is always cheap.
            found = _filtered(session, actor, q, select(Case.id)).cte("found")
            found = found.prefix_with("MATERIALIZED")
            stmt = select(*LIST_COLUMNS).join(found, found.c.id == Case.id)
        else:
            stmt = _filtered(session, actor, q, select(*LIST_COLUMNS).select_from(Case),
                             broad)
        stmt = stmt.order_by(*_order(q, reverse))
        cases = list(session.execute(stmt.offset(real_offset).limit(real_limit)))
        names = _user_names(session, {c.assignee_id for c in cases if c.assignee_id})
    if reverse:
        cases.reverse()
    return [_row(c, names) for c in cases]


def _user_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).all())


def address_of(c: Any) -> str:
    """``Bytomska 12/3`` from anything with street, building and flat."""
    street = f"{c.street} {c.building}".strip()
    return f"{street}/{c.flat}" if c.flat else street


def _row(c: Any, names: dict[int, str]) -> CaseListRow:
    return CaseListRow(
        id=c.id, signature=c.signature, kind=CaseKind(c.kind),
        applicant=f"{c.applicant_last_name} {c.applicant_first_name}",
        address=address_of(c), status=CaseStatus(c.status), received_on=c.received_on,
        next_deadline=c.next_deadline,
        assignee=names.get(c.assignee_id, "") if c.assignee_id else "",
    )
