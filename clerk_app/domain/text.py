"""Text helpers: search folding, Polish date, number and file-size format, plural forms."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

# Letters that do not decompose under NFKD into a base letter plus a combining mark.
_NON_DECOMPOSING = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
    }
)
_WHITESPACE = re.compile(r"\s+")
_MIB = 1024 * 1024


def fold_for_search(text: str) -> str:
    """Lower-case, strip diacritics (``ł`` → ``l``) and collapse whitespace for matching.

    >>> fold_for_search("  Żółkiewski   Łukasz ")
    'zolkiewski lukasz'
    """
    translated = text.translate(_NON_DECOMPOSING)
    decomposed = unicodedata.normalize("NFKD", translated)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WHITESPACE.sub(" ", stripped.casefold()).strip()


def format_date_pl(d: date | None) -> str:
    """Format a date the Polish way: ``24.12.2025``; no date (e.g. the due date of a
    suspended deadline) is shown as a dash."""
    if d is None:
        return "—"
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def format_seconds_pl(seconds: float) -> str:
    """A duration for a message, to a tenth with a Polish decimal comma: ``0,2 s``."""
    tenths = round(max(seconds, 0.0) * 10)
    return f"{tenths // 10},{tenths % 10} s"


def format_megabytes(size_bytes: int) -> str:
    """``25,1 MB``, tenths rounded up, so a file just over a limit never reads as the limit."""
    return _megabytes_text(math.ceil(size_bytes / _MIB * 10))


def format_file_size(size_bytes: int) -> str:
    """A file's size in a list: ``840 kB`` below a megabyte, else ``25,1 MB``."""
    if size_bytes < _MIB:
        return f"{max(1, math.ceil(size_bytes / 1024))} kB"
    return format_megabytes(size_bytes)


def format_size_limit(max_bytes: int) -> str:
    """A configured limit: ``25,0 MB`` (rounded to the nearest tenth, never up)."""
    return _megabytes_text(round(max_bytes / _MIB * 10))


def _megabytes_text(tenths: int) -> str:
    return f"{tenths // 10},{tenths % 10} MB"


def polish_plural(n: int, one: str, few: str, many: str) -> str:
    """Choose the Polish noun form for ``n``: 1 → one, 2–4 (not 12–14) → few, else many.

    >>> polish_plural(22, "dzień", "dni", "dni")
    'dni'
    """
    n = abs(n)
    if n == 1:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
