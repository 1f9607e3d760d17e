"""Case signatures (znak sprawy) and incoming-register numbers built from patterns."""

from __future__ import annotations

from string import Formatter

from clerk_app.domain.errors import FieldError

SIGNATURE_PLACEHOLDERS = frozenset({"unit", "jrwa", "number", "year"})
REGISTER_PLACEHOLDERS = frozenset({"number", "year"})
_REQUIRED_PLACEHOLDERS = frozenset({"number", "year"})


def _validate_pattern(pattern: str, key: str, allowed: frozenset[str]) -> str:
    text = (pattern or "").strip()
    if not text:
        raise FieldError(key, "Pole jest wymagane.")
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        raise FieldError(key, "Wzór zawiera niedomknięty nawias klamrowy.") from None
    used: set[str] = set()
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            symbols = ", ".join("{" + p + "}" for p in sorted(allowed))
            raise FieldError(
                key, f"Nieznany symbol „{{{name}}}” we wzorze. Dozwolone: {symbols}."
            )
        used.add(name)
    missing = sorted(_REQUIRED_PLACEHOLDERS - used)
    if missing:
        needed = " i ".join("{" + p + "}" for p in missing)
        raise FieldError(key, f"Wzór musi zawierać {needed}.")
    return text


def _check_number_year(number: int, year: int) -> None:
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise FieldError("number", "Numer musi być liczbą większą od zera.")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise FieldError("year", "Nieprawidłowy rok.")


def validate_signature_pattern(pattern: str, key: str = "signature_pattern") -> str:
    """Check a case-signature pattern: {number} and {year} required; {unit}, {jrwa} allowed."""
    return _validate_pattern(pattern, key, SIGNATURE_PLACEHOLDERS)


def format_signature(pattern: str, unit: str, jrwa: str, number: int, year: int) -> str:
    """Build a case signature, e.g. ``{unit}.{jrwa}.{number}.{year}`` → ``BGM.7141.12.2026``."""
    text = validate_signature_pattern(pattern)
    _check_number_year(number, year)
    return text.format(unit=unit.strip(), jrwa=jrwa.strip(), number=number, year=year)


def validate_register_pattern(pattern: str, key: str = "register_pattern") -> str:
    """Check an incoming-register number pattern: exactly {number} and {year} allowed."""
    return _validate_pattern(pattern, key, REGISTER_PLACEHOLDERS)


def format_register_number(pattern: str, number: int, year: int) -> str:
    """Build an incoming-register entry number, e.g. ``{number}/{year}`` → ``15/2026``."""
    text = validate_register_pattern(pattern)
    _check_number_year(number, year)
    return text.format(number=number, year=year)
