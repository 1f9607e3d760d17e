from datetime import date

import pytest

from clerk_app.domain.text import (
    fold_for_search,
    format_date_pl,
    format_file_size,
    format_megabytes,
    format_seconds_pl,
    format_size_limit,
    polish_plural,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Żółkiewski", "zolkiewski"),
        ("ŁUKASZ  Łękawa", "lukasz lekawa"),
        ("  Zażółć\tgęślą\n jaźń ", "zazolc gesla jazn"),
        ("Müller-Straße", "muller-strasse"),
        ("", ""),
    ],
)
def test_fold_for_search(text: str, expected: str) -> None:
    assert fold_for_search(text) == expected


def test_fold_is_idempotent() -> None:
    once = fold_for_search("Śląskie  Piekary")
    assert fold_for_search(once) == once


def test_format_date_pl() -> None:
    assert format_date_pl(date(2025, 12, 24)) == "24.12.2025"
    assert format_date_pl(date(2026, 3, 2)) == "02.03.2026"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "c"), (1, "a"), (2, "b"), (4, "b"), (5, "c"), (12, "c"), (14, "c"), (22, "b"),
     (25, "c"), (101, "c"), (112, "c"), (1002, "b")],
)
def test_polish_plural(n: int, expected: str) -> None:
    assert polish_plural(n, "a", "b", "c") == expected


@pytest.mark.parametrize(("seconds", "expected"),
                         [(0.0, "0,0 s"), (0.24, "0,2 s"), (0.25, "0,2 s"), (12.96, "13,0 s"),
                          (-1.0, "0,0 s")])
def test_format_seconds_pl(seconds: float, expected: str) -> None:
    assert format_seconds_pl(seconds) == expected


@pytest.mark.parametrize(("size", "expected"),
                         [(1, "1 kB"), (1024, "1 kB"), (1025, "2 kB"), (860_000, "840 kB"),
                          (1048576, "1,0 MB"), (26214401, "25,1 MB")])
def test_format_file_size(size: int, expected: str) -> None:
    assert format_file_size(size) == expected


def test_a_size_over_the_limit_never_reads_as_the_limit() -> None:
    limit = 25 * 1048576
    assert format_size_limit(limit) == "25,0 MB"
    assert format_megabytes(limit + 1) == "25,1 MB"
    assert format_megabytes(limit) == "25,0 MB"
