"""Field validators: PESEL, NRB bank account, e-mail, postal code, phone, required text.

Each validator returns the normalized value or raises :class:`FieldError` with a Polish
message naming the problem; ``key`` names the field (see ``field_labels``).
"""

from __future__ import annotations

import re
from datetime import date

from stdnum import iban
from stdnum.exceptions import ValidationError
from stdnum.pl import pesel as stdnum_pesel

from clerk_app.domain.errors import FieldError
from clerk_app.domain.text import polish_plural

REQUIRED = "Pole jest wymagane."
NRB_DIGITS = 26
_SEPARATORS = re.compile(r"[\s\-\u00a0]+")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"(?!-)[^\W_](?:[^\W_]|-){0,62}(?<!-)")
_TLD = re.compile(r"[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59}")
_POSTAL_CODE = re.compile(r"(\d{2})\s*-?\s*(\d{3})")
_PHONE = re.compile(r"\+?[\d ]+")
MIN_PHONE_DIGITS = 9
MAX_PHONE_DIGITS = 15


def require_text(value: str | None, key: str, max_len: int = 200) -> str:
    """Stripped text; FieldError when empty or longer than ``max_len`` characters."""
    text = (value or "").strip()
    if not text:
        raise FieldError(key, REQUIRED)
    if len(text) > max_len:
        chars = polish_plural(max_len, "znak", "znaki", "znaków")
        raise FieldError(key, f"Tekst może mieć najwyżej {max_len} {chars}.")
    return text


def validate_pesel(value: str, key: str = "pesel") -> str:
    """11 digits, valid checksum and a real encoded birth date; returns the digits."""
    number = _SEPARATORS.sub("", value or "")
    if not number:
        raise FieldError(key, REQUIRED)
    if not number.isdigit() or not number.isascii() or len(number) != 11:
        raise FieldError(key, "Numer PESEL musi mieć 11 cyfr.")
    if number[-1] != stdnum_pesel.calc_check_digit(number[:-1]):
        raise FieldError(key, "Nieprawidłowa suma kontrolna numeru PESEL.")
    try:
        stdnum_pesel.get_birth_date(number)
    except ValidationError:
        raise FieldError(key, "Numer PESEL zawiera nieprawidłową datę urodzenia.") from None
    return number


def pesel_birth_date(pesel: str) -> date:
    """Birth date encoded in a PESEL number (validated first)."""
    return stdnum_pesel.get_birth_date(validate_pesel(pesel))


def _compact_nrb(value: str) -> str:
    number = _SEPARATORS.sub("", value or "")
    if number[:2].upper() == "PL":
        number = number[2:]
    return number


def validate_nrb(value: str, key: str = "bank_account") -> str:
    """26-digit Polish account number (spaces, dashes, ``PL`` allowed), IBAN mod-97 checked."""
    number = _compact_nrb(value)
    if not number:
        raise FieldError(key, REQUIRED)
    if not number.isdigit() or not number.isascii():
        raise FieldError(key, "Numer rachunku może zawierać tylko cyfry.")
    if len(number) != NRB_DIGITS:
        raise FieldError(key, "Numer rachunku musi mieć 26 cyfr.")
    try:
        iban.validate("PL" + number)
    except ValidationError:
        raise FieldError(key, "Nieprawidłowa suma kontrolna numeru rachunku.") from None
    return number


def format_nrb(digits: str) -> str:
    """``12 3456 7890 1234 5678 9012 3456``: two digits, then groups of four."""
    number = _compact_nrb(digits)
    if len(number) != NRB_DIGITS or not number.isdigit():
        raise FieldError("bank_account", "Numer rachunku musi mieć 26 cyfr.")
    groups = [number[:2]] + [number[i : i + 4] for i in range(2, NRB_DIGITS, 4)]
    return " ".join(groups)


def validate_email(value: str, key: str = "email") -> str:
    """Practical syntax check (no DNS); returns the address with a lower-cased domain."""
    address = (value or "").strip()
    if not address:
        raise FieldError(key, REQUIRED)
    invalid = FieldError(key, "Nieprawidłowy adres e-mail.")
    if len(address) > 254 or address.count("@") != 1:
        raise invalid
    local, domain = address.split("@")
    domain = domain.lower()
    if len(local) > 64 or not _EMAIL_LOCAL.fullmatch(local):
        raise invalid
    labels = domain.split(".")
    if len(labels) < 2 or not _TLD.fullmatch(labels[-1]):
        raise invalid
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        raise invalid
    return f"{local}@{domain}"


def validate_postal_code(value: str, key: str = "postal_code") -> str:
    """Polish postal code; ``41940`` and ``41-940`` both give ``41-940``."""
    text = (value or "").strip()
    if not text:
        raise FieldError(key, REQUIRED)
    match = _POSTAL_CODE.fullmatch(text)
    if not match or not text.isascii():
        raise FieldError(key, "Kod pocztowy musi mieć postać 00-000.")
    return f"{match.group(1)}-{match.group(2)}"


def validate_phone(value: str, key: str = "phone") -> str:
    """Digits, spaces and a leading ``+``; at least 9 digits. Whitespace is collapsed."""
    text = " ".join((value or "").split())
    if not text:
        raise FieldError(key, REQUIRED)
    if not _PHONE.fullmatch(text) or not text.isascii():
        raise FieldError(
            key, "Numer telefonu może zawierać tylko cyfry, spacje i znak + na początku."
        )
    digits = sum(ch.isdigit() for ch in text)
    if digits < MIN_PHONE_DIGITS:
        raise FieldError(key, "Numer telefonu musi mieć co najmniej 9 cyfr.")
    if digits > MAX_PHONE_DIGITS:
        raise FieldError(key, "Numer telefonu może mieć najwyżej 15 cyfr.")
    return text
