"""The case list's page cache: the most recently used pages of rows, keyed by page number."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")


class PageCache(Generic[T]):
    """At most ``max_pages`` pages of ``page_size`` rows; reading a page keeps it fresh."""

    def __init__(self, page_size: int, max_pages: int) -> None:
        self.page_size, self.max_pages = page_size, max(2, max_pages)
        self._pages: OrderedDict[int, list[T]] = OrderedDict()

    def page_of(self, row: int) -> int:
        return row // self.page_size

    def has_page(self, page: int) -> bool:
        return page in self._pages

    def row(self, row: int) -> T | None:
        """The row if its page is cached (and the page becomes the freshest)."""
        page = self.page_of(row)
        rows = self._pages.get(page)
        if rows is None:
            return None
        self._pages.move_to_end(page)
        offset = row - page * self.page_size
        return rows[offset] if offset < len(rows) else None

    def is_row_loaded(self, row: int) -> bool:
        rows = self._pages.get(self.page_of(row))
        return rows is not None and row - self.page_of(row) * self.page_size < len(rows)

    def store(self, page: int, rows: list[T]) -> None:
        """Keep ``rows`` as ``page``, dropping the stalest pages beyond the limit."""
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    def clear(self) -> None:
        self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)
