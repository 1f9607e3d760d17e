"""From the search box to SQL: the folded terms and the conditions they become.

Search is insensitive to case and Polish diacritics: ``cases.search_text`` holds the folded
text (signature, applicant, address, PESEL, e-mail). Indexes (migrations 0002 and 0003):

* SQLite: the contentless FTS5 trigram table ``case_search`` whose rowid is
  ``received day * 2**32 + case id``, so its own order is the list's default order;
* PostgreSQL: a pg_trgm GIN index on ``search_text`` (serves ``LIKE '%term%'``; with the street
  and applicant key as further columns since 0016, see :mod:`block_seek`), a covering
  B-tree in received order and a pattern index on ``lower(signature)``.

Words shorter than three characters cannot use a trigram index and are tested row by row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, column, func, select, table
from sqlalchemy.sql import Select

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.text import fold_for_search
from clerk_app.services.core.context import Actor

MIN_INDEXED_TERM = 3
# A complete signature matches only itself: its unique index answers at once. (In the trigram
# index "bgm", "714", "202" are the commonest trigrams of all.)
WHOLE_SIGNATURE = re.compile(r"^[a-z0-9]+(\.[a-z0-9]+){2,}\.\d{4}$")
# The start of a signature, unit.jrwa.number…: "zgm.0143.12" is looked up as a signature prefix.
SIGNATURE_PREFIX = re.compile(r"^[a-z]+\.\d+\.\d+\.?$")
ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1

# The FTS5 table, as far as SQLAlchemy needs to know it (its hidden column has its name).
FTS = table("case_search", column("rowid", Integer), column("case_search"))


@dataclass(frozen=True)
class SearchTerms:
    """The words of a search, folded for matching."""

    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> SearchTerms:
        return cls(tuple(fold_for_search(text).split()))

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def whole_signature(self) -> str | None:
        if len(self.words) == 1 and WHOLE_SIGNATURE.match(self.words[0]):
            return self.words[0]
        return None

    @property
    def signature_prefix(self) -> str | None:
        if len(self.words) == 1 and SIGNATURE_PREFIX.match(self.words[0]):
            return self.words[0]
        return None

    @property
    def indexed(self) -> list[str]:
        """Words long enough for a trigram index."""
        return [w for w in self.words if len(w) >= MIN_INDEXED_TERM]

    @property
    def short(self) -> list[str]:
        return [w for w in self.words if len(w) < MIN_INDEXED_TERM]

    def fts_phrase(self) -> str:
        """One FTS5 query for all indexable words: the index intersects them itself."""
        return " AND ".join('"' + w.replace('"', '""') + '"' for w in self.indexed)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like(cols: Any, word: str) -> ColumnElement[bool]:
    """``search_text`` contains ``word`` (``cols`` is ``Case`` or a subquery's columns)."""
    return cols.search_text.like(f"%{_escape_like(word)}%", escape="\\")


def contains(cols: Any, word: str, sqlite: bool) -> ColumnElement[bool]:
    """``search_text`` contains ``word``, tested row by row: a plain substring test, about a
    fifth cheaper than ``LIKE '%…%'`` on PostgreSQL, for walks that test many rows."""
    position = func.instr if sqlite else func.strpos
    return position(cols.search_text, word) > 0


def signature_starts(cols: Any, prefix: str) -> ColumnElement[bool]:
    """The signature starts with ``prefix`` (PostgreSQL: the ``lower(signature)`` index)."""
    return func.lower(cols.signature).like(f"{_escape_like(prefix)}%", escape="\\")


def search_text_starts(cols: Any, prefix: str) -> ColumnElement[bool]:
    """The same as :func:`signature_starts`: the search text begins with the signature."""
    return cols.search_text.like(f"{_escape_like(prefix)}%", escape="\\")


def fts_case_id() -> ColumnElement[int]:
    """SQLite: the case id inside a ``case_search`` rowid."""
    return FTS.c.rowid.op("&", return_type=Integer)(ID_MASK)


def fts_case_ids(terms: SearchTerms) -> Select[Any]:
    """SQLite: the ids of the cases whose search text holds every indexable word."""
    return select(fts_case_id()).where(fts_match(terms))


def fts_match(terms: SearchTerms) -> ColumnElement[bool]:
    return FTS.c.case_search.op("MATCH")(terms.fts_phrase())


def search_conditions(cols: Any, terms: SearchTerms, *, sqlite: bool,
                      walk: bool = False) -> list[ColumnElement[bool]]:
    """One condition per word, for ``cols`` (``Case`` or a subquery's columns).

    ``walk``: the rows are tested one by one while walking a sort index, so no lookup in a
    trigram index. Otherwise the indexable words share one trigram MATCH on SQLite, and on
    PostgreSQL the GIN index serves ``LIKE`` itself.
    """
    if not terms:
        return []
    if (whole := terms.whole_signature) is not None:
        return [cols.signature.in_({whole.upper(), whole})]
    prefix = terms.signature_prefix
    if walk or not terms.indexed:
        if prefix is not None:
            return [search_text_starts(cols, prefix)]
        # Longest (likely rarest) first: the later tests then run on few rows.
        return [contains(cols, w, sqlite) for w in sorted(terms.words, key=len, reverse=True)]
    if not sqlite:
        if prefix is not None:
            return [signature_starts(cols, prefix)]
        return [like(cols, w) for w in terms.words]
    conditions = [cols.id.in_(fts_case_ids(terms))]
    conditions += [contains(cols, w, sqlite) for w in terms.short]
    if prefix is not None:
        conditions.append(search_text_starts(cols, prefix))
    return conditions


def filter_conditions(cols: Any, actor: Actor, kind: CaseKind | None, status: CaseStatus | None,
                      assignee_id: int | None, only_mine: bool,
                      only_open: bool = False) -> list[ColumnElement[bool]]:
    """The list's filters (kind, status, assignee or "my cases", open cases only)."""
    conditions: list[ColumnElement[bool]] = []
    if only_open and status is None:
        conditions.append(cols.status != CaseStatus.CLOSED)
    if kind is not None:
        conditions.append(cols.kind == kind)
    if status is not None:
        conditions.append(cols.status == status)
    if only_mine:
        conditions.append(cols.assignee_id == actor.user_id)
    elif assignee_id is not None:
        conditions.append(cols.assignee_id == assignee_id)
    return conditions
