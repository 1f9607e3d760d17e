"""The case list's page cache keeps the freshest pages and finds rows inside them."""

from __future__ import annotations

from clerk_app.ui.page_cache import PageCache


def test_rows_are_found_in_their_pages_and_stale_pages_go() -> None:
    cache: PageCache[str] = PageCache(page_size=3, max_pages=2)
    cache.store(0, ["a", "b", "c"])
    cache.store(1, ["d", "e"])  # a short last page
    assert [cache.row(r) for r in range(6)] == ["a", "b", "c", "d", "e", None]
    assert cache.is_row_loaded(4) and not cache.is_row_loaded(5)
    cache.row(0)  # page 0 is now the freshest
    cache.store(2, ["g"])
    assert cache.has_page(0) and not cache.has_page(1) and len(cache) == 2
    cache.clear()
    assert len(cache) == 0 and cache.row(0) is None
