"""Whether a stored name is the person's: folded words in any order (domain.rodo_report)."""

from __future__ import annotations

import pytest

from clerk_app.domain.rodo_report import mask_pesel, name_matches, name_words

WANTED = name_words("Józef Żółkiewski")


@pytest.mark.parametrize(("stored", "expected"), [
    ("ZÓŁKIEWSKI Józef", True),
    ("zolkiewski  jozef", True),
    ("Józef Adam Żółkiewski", True),
    ("Józef Żółkiewski\nul. Bytomska 12/3\n41-940 Piekary Śląskie", True),
    ("Anna Żółkiewska\ndziałający w imieniu: Józef Żółkiewski", True),
    ("Żółkiewski, Józef", True),
    ("Józefa Żółkiewska", False),  # another person
    ("Józef Żółkiewskii", False),  # a word, not a substring
    ("Józef", False),
    ("", False),
    (None, False),
])
def test_polish_names_match_by_folded_words(stored: str | None, expected: bool) -> None:
    assert name_matches(WANTED, stored) is expected


def test_other_diacritics_take_the_full_fold() -> None:
    assert name_matches(name_words("Zoe Muller"), "Zoë Müller")
    assert not name_matches(name_words("Zoe Muller"), "Zoë Mülleró")
    assert not name_matches(frozenset(), "Józef Żółkiewski")


def test_a_pesel_is_shown_by_its_last_four_digits() -> None:
    assert mask_pesel("44051401359") == "•••••••1359"
