"""How long each typed text may be, and which characters no text may hold: one source for
the database columns (the models size their columns from ``TEXT_LIMITS``), the services'
validation and the forms (which stop typing at the limit).

A text field refuses NUL, other control characters (a tab or line break only where the
field has several lines), lone surrogates (not text at all: PostgreSQL refuses them, SQLite
stores broken UTF-8) and the bidirectional overrides that make a name display as another.
"""

from __future__ import annotations

import unicodedata

from clerk_app.domain.errors import FieldError
from clerk_app.domain.text import polish_plural

TEXT_LIMITS: dict[str, int] = {
    "first_name": 100, "last_name": 100, "street": 120, "building": 20, "flat": 20,
    "postal_code": 10, "city": 100, "email": 200, "phone": 40, "pesel": 20,
    "subject": 300, "sender_reference": 100, "remarks": 4000,
    "contractor_number": 40, "premises_street": 120, "premises_building": 20,
    "premises_flat": 20, "proxy_name": 200, "proxy_address": 300, "premises_address": 200,
    "justification": 4000, "case_search": 200, "filed_place": 60,
}
# Fields of several lines: a line break or a tab is text there.
MULTILINE = frozenset({"remarks", "justification", "proxy_address"})
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                           "\u200e\u200f\u061c")


def forbidden_character(text: str, multiline: bool = False) -> str | None:
    """The first character no text field may hold, or None."""
    for ch in text:
        if multiline and ch in "\n\r\t":
            continue
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs"):
            return ch
    return None


def check_text(value: str | None, key: str, limit: int | None = None) -> str:
    """``value`` stripped; FieldError naming the field when it holds a forbidden character
    or is longer than its limit (``TEXT_LIMITS[key]`` unless ``limit`` is given)."""
    text = (value or "").strip()
    bad = forbidden_character(text, key in MULTILINE)
    if bad is not None:
        what = "znak NUL" if bad == "\x00" else f"znak sterujący U+{ord(bad):04X}"
        raise FieldError(key, f"Pole zawiera niedozwolony {what}; usuń go i wpisz tekst "
                              "ponownie.")
    most = limit if limit is not None else TEXT_LIMITS.get(key)
    if most is not None and len(text) > most:
        chars = polish_plural(most, "znak", "znaki", "znaków")
        raise FieldError(key, f"Tekst może mieć najwyżej {most} {chars} "
                              f"(wpisano {len(text)}).")
    return text
