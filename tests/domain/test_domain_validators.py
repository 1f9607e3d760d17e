from datetime import date

import pytest

from clerk_app.domain.errors import FieldError
from clerk_app.domain.validators import (
    format_nrb,
    pesel_birth_date,
    require_text,
    validate_email,
    validate_nrb,
    validate_pesel,
    validate_phone,
    validate_postal_code,
)

VALID_NRB = "61 1090 1014 0000 0712 1981 2874"


def _message(excinfo: pytest.ExceptionInfo[FieldError]) -> str:
    return excinfo.value.message


# --- PESEL -------------------------------------------------------------------------------

def test_valid_pesel() -> None:
    assert validate_pesel(" 44051401359 ") == "44051401359"
    assert pesel_birth_date("44051401359") == date(1944, 5, 14)
    assert pesel_birth_date("02220803629") == date(2002, 2, 8)


def test_pesel_bad_checksum() -> None:
    with pytest.raises(FieldError) as error:
        validate_pesel("44051401358")
    assert error.value.key == "pesel"
    assert _message(error) == "Nieprawidłowa suma kontrolna numeru PESEL."


@pytest.mark.parametrize("number", ["99023100000", "85131300003"])
def test_pesel_invalid_birth_date_with_valid_checksum(number: str) -> None:
    with pytest.raises(FieldError) as error:
        validate_pesel(number)
    assert "datę urodzenia" in _message(error)


@pytest.mark.parametrize("number", ["4405140135", "440514013590", "4405140135X", "４４051401359"])
def test_pesel_wrong_length_or_characters(number: str) -> None:
    with pytest.raises(FieldError) as error:
        validate_pesel(number, key="member_pesel")
    assert error.value.key == "member_pesel"
    assert "11 cyfr" in _message(error)


def test_pesel_empty() -> None:
    with pytest.raises(FieldError, match="wymagane"):
        validate_pesel("")


# --- NRB ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [VALID_NRB, "61109010140000071219812874", "PL61 1090 1014 0000 0712 1981 2874",
     "pl61-1090-1014-0000-0712-1981-2874"],
)
def test_valid_nrb(text: str) -> None:
    assert validate_nrb(text) == "61109010140000071219812874"


def test_nrb_bad_checksum() -> None:
    with pytest.raises(FieldError) as error:
        validate_nrb("61 1090 1014 0000 0712 1981 2875")
    assert error.value.key == "bank_account"
    assert "suma kontrolna" in _message(error)


def test_nrb_wrong_length() -> None:
    with pytest.raises(FieldError) as error:
        validate_nrb("61 1090 1014 0000 0712 1981 287")
    assert _message(error) == "Numer rachunku musi mieć 26 cyfr."


def test_nrb_letters() -> None:
    with pytest.raises(FieldError, match="tylko cyfry"):
        validate_nrb("61 1090 1014 0000 0712 1981 28A4")


def test_format_nrb() -> None:
    assert format_nrb("12345678901234567890123456") == "12 3456 7890 1234 5678 9012 3456"
    assert format_nrb(validate_nrb(VALID_NRB)) == VALID_NRB
    with pytest.raises(FieldError):
        format_nrb("123")


# --- e-mail, postal code, phone, text ------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan.Kowalski@Example.PL", "Jan.Kowalski@example.pl"),
        ("  a+b@zgm.piekary.pl ", "a+b@zgm.piekary.pl"),
        ("jan@żółw.pl", "jan@żółw.pl"),
    ],
)
def test_valid_email(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    ["jan", "jan@", "@example.pl", "jan@example", "jan@@example.pl", "jan kowalski@x.pl",
     "jan..k@example.pl", ".jan@example.pl", "jan@-example.pl", "jan@example.p",
     "jan@exa_mple.pl", "jan@example..pl"],
)
def test_invalid_email(text: str) -> None:
    with pytest.raises(FieldError) as error:
        validate_email(text)
    assert error.value.key == "email"
    assert _message(error) == "Nieprawidłowy adres e-mail."


def test_email_required() -> None:
    with pytest.raises(FieldError, match="wymagane"):
        validate_email("  ")


@pytest.mark.parametrize("text", ["41-940", "41940", " 41-940 "])
def test_postal_code(text: str) -> None:
    assert validate_postal_code(text) == "41-940"


@pytest.mark.parametrize("text", ["4-1940", "41-94", "ab-cde", "41-9400"])
def test_invalid_postal_code(text: str) -> None:
    with pytest.raises(FieldError, match="00-000"):
        validate_postal_code(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("123 456 789", "123 456 789"), ("+48  123456789", "+48 123456789"),
     ("322881234", "322881234")],
)
def test_phone(text: str, expected: str) -> None:
    assert validate_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("12345678", "co najmniej 9"), ("123-456-789", "tylko cyfry"), ("48+123456789", "tylko"),
     ("+" + "1" * 16, "najwyżej 15")],
)
def test_invalid_phone(text: str, fragment: str) -> None:
    with pytest.raises(FieldError) as error:
        validate_phone(text)
    assert fragment in _message(error)


def test_require_text() -> None:
    assert require_text("  Jan  ", "first_name") == "Jan"
    with pytest.raises(FieldError) as error:
        require_text(None, "first_name")
    assert (error.value.key, error.value.message) == ("first_name", "Pole jest wymagane.")
    assert str(error.value) == "Imię: Pole jest wymagane."
    with pytest.raises(FieldError, match="wymagane"):
        require_text("   ", "Imię")
    with pytest.raises(FieldError, match="najwyżej 5 znaków"):
        require_text("abcdef", "Imię", max_len=5)
    assert require_text("abcde", "Imię", max_len=5) == "abcde"
