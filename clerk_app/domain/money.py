"""Money in PLN: Decimal with two places, Polish parsing, formatting and words."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from num2words import num2words

from clerk_app.domain.errors import FieldError
from clerk_app.domain.text import polish_plural

GROSZ = Decimal("0.01")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_AMOUNT = re.compile(r"\d+(?:\.\d{1,2})?")
_TOO_MANY_PLACES = re.compile(r"\d+\.\d{3,}")
_BAD_FORMAT = "Nieprawidłowy format kwoty (np. 2 345,50)."


def to_money(value: Decimal | int | str) -> Decimal:
    """Convert to a Decimal quantized to 0.01 (ROUND_HALF_UP); floats are rejected."""
    if isinstance(value, float | bool):
        raise TypeError(f"money must be Decimal, int or str, not {type(value).__name__}")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise FieldError("amount", "Nieprawidłowa kwota.") from None
    else:
        raise TypeError(f"money must be Decimal, int or str, not {type(value).__name__}")
    if not amount.is_finite():
        raise FieldError("amount", "Nieprawidłowa kwota.")
    return amount.quantize(GROSZ, rounding=ROUND_HALF_UP)


def parse_money(text: str, key: str = "amount") -> Decimal:
    """Parse a non-negative amount typed by a user: ``2 345,50``, ``2345.5``, ``2345 zł``."""
    cleaned = _SPACES.sub("", text or "")
    if cleaned.lower().endswith("zł"):
        cleaned = cleaned[:-2]
    elif cleaned.lower().endswith("pln"):
        cleaned = cleaned[:-3]
    if not cleaned:
        raise FieldError(key, "Pole jest wymagane.")
    negative = cleaned.startswith("-")
    digits = cleaned.removeprefix("-")
    if "," in digits and "." in digits:
        raise FieldError(key, _BAD_FORMAT)
    digits = digits.replace(",", ".")
    if _TOO_MANY_PLACES.fullmatch(digits):
        raise FieldError(key, "Kwota może mieć najwyżej dwa miejsca po przecinku.")
    if not _AMOUNT.fullmatch(digits):
        raise FieldError(key, _BAD_FORMAT)
    if negative:
        raise FieldError(key, "Kwota nie może być ujemna.")
    return to_money(digits)


def format_money(amount: Decimal) -> str:
    """``2 345,50 zł`` — space as thousands separator, comma as decimal mark."""
    value = to_money(amount)
    sign = "-" if value < 0 else ""
    whole, grosze = _split(abs(value))
    grouped = f"{whole:,}".replace(",", " ")
    return f"{sign}{grouped},{grosze:02d} zł"


def amount_in_words(amount: Decimal) -> str:
    """``dwa tysiące trzysta czterdzieści pięć złotych 50/100`` (non-negative amounts)."""
    value = to_money(amount)
    if value < 0:
        raise FieldError("amount", "Kwota nie może być ujemna.")
    whole, grosze = _split(value)
    words = str(num2words(whole, lang="pl"))
    currency = polish_plural(whole, "złoty", "złote", "złotych")
    return f"{words} {currency} {grosze:02d}/100"


def format_amount_with_words(amount: Decimal) -> str:
    """``2 345,50 zł (słownie: dwa tysiące … złotych 50/100)`` for letters and agreements."""
    return f"{format_money(amount)} (słownie: {amount_in_words(amount)})"


def _split(value: Decimal) -> tuple[int, int]:
    """Whole złoty and grosze of a non-negative quantized amount."""
    whole = int(value)
    grosze = int((value - whole) * 100)
    return whole, grosze


# The deposit column (Numeric(12, 2)) holds at most this; ten rents must fit in it.
DEPOSIT_COLUMN_MAX = Decimal("9999999999.99")


def check_rent_ceiling(rent: Decimal | None, ceiling: Decimal,
                       key: str = "monthly_rent") -> None:
    """FieldError when ``rent`` exceeds the office's ceiling (a setting; a typing error
    otherwise makes a deposit no column can hold)."""
    if rent is not None and rent.is_finite() and rent > ceiling:
        raise FieldError(key, f"Czynsz może wynosić najwyżej {format_money(ceiling)} "
                              "(ustawienie urzędu); sprawdź wpisaną kwotę.")
