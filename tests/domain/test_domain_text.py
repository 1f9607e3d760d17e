from datetime import date

import pytest

from clerk_app.domain.text import fold_for_search, format_date_pl, polish_plural


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
