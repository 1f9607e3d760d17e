import pytest

from clerk_app.domain.errors import FieldError
from clerk_app.domain.signatures import (
    format_register_number,
    format_signature,
    validate_register_pattern,
    validate_signature_pattern,
)


def test_format_signature() -> None:
    pattern = "{unit}.{jrwa}.{number}.{year}"
    assert format_signature(pattern, "BGM", "7141", 12, 2026) == "BGM.7141.12.2026"
    assert format_signature("ZGM-{number}/{year}", "BGM", "7141", 3, 2026) == "ZGM-3/2026"


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("", "wymagane"),
        ("{unit}.{jrwa}.{number}", "{year}"),
        ("{unit}.{jrwa}.{year}", "{number}"),
        ("{unit}", "{number} i {year}"),
        ("{unit}.{case}.{number}.{year}", "{case}"),
        ("{unit}.{number}.{year", "nawias"),
        ("{number:03d}/{year}", "Nieznany"),
        ("{}/{number}/{year}", "Nieznany"),
    ],
)
def test_invalid_signature_patterns(pattern: str, fragment: str) -> None:
    with pytest.raises(FieldError) as error:
        validate_signature_pattern(pattern)
    assert error.value.key == "signature_pattern"
    assert fragment in error.value.message


def test_format_signature_rejects_bad_number() -> None:
    with pytest.raises(FieldError):
        format_signature("{unit}.{jrwa}.{number}.{year}", "BGM", "7141", 0, 2026)


def test_register_number() -> None:
    assert validate_register_pattern(" {number}/{year} ") == "{number}/{year}"
    assert format_register_number("{number}/{year}", 15, 2026) == "15/2026"
    with pytest.raises(FieldError) as error:
        validate_register_pattern("{unit}/{number}/{year}")
    assert error.value.key == "register_pattern"
