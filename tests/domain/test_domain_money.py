from decimal import Decimal

import pytest

from clerk_app.domain.errors import FieldError
from clerk_app.domain.money import (
    amount_in_words,
    format_amount_with_words,
    format_money,
    parse_money,
    to_money,
)


def test_to_money_quantizes_half_up() -> None:
    assert to_money(Decimal("2.345")) == Decimal("2.35")
    assert to_money(Decimal("2.344")) == Decimal("2.34")
    assert to_money(5) == Decimal("5.00")
    assert to_money("12.5") == Decimal("12.50")
    assert str(to_money(5)) == "5.00"


@pytest.mark.parametrize("bad", [1.5, True])
def test_to_money_rejects_float_and_bool(bad: object) -> None:
    with pytest.raises(TypeError):
        to_money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity"])
def test_to_money_rejects_garbage(bad: str) -> None:
    with pytest.raises(FieldError):
        to_money(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 345,50", "2345.50"),
        ("2345.5", "2345.50"),
        ("2345", "2345.00"),
        ("2\u00a0345,50 zł", "2345.50"),
        ("0,05", "0.05"),
        (" 1 000 000 ", "1000000.00"),
        ("17 PLN", "17.00"),
    ],
)
def test_parse_money_accepts_polish_input(text: str, expected: str) -> None:
    assert parse_money(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "wymagane"),
        ("   ", "wymagane"),
        ("abc", "format"),
        ("12,3,4", "format"),
        ("2.345,50", "format"),
        ("1,234", "dwa miejsca"),
        ("-5", "ujemna"),
        ("-5,00 zł", "ujemna"),
        ("5-", "format"),
    ],
)
def test_parse_money_rejects(text: str, fragment: str) -> None:
    with pytest.raises(FieldError) as error:
        parse_money(text, key="monthly_rent")
    assert error.value.key == "monthly_rent"
    assert error.value.label == "Czynsz miesięczny"
    assert fragment in error.value.message


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("2345.50", "2 345,50 zł"),
        ("0.05", "0,05 zł"),
        ("999", "999,00 zł"),
        ("1000000", "1 000 000,00 zł"),
        ("-1234.5", "-1 234,50 zł"),
    ],
)
def test_format_money(amount: str, expected: str) -> None:
    assert format_money(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0.05", "zero złotych 05/100"),
        ("1", "jeden złoty 00/100"),
        ("2", "dwa złote 00/100"),
        ("5", "pięć złotych 00/100"),
        ("12", "dwanaście złotych 00/100"),
        ("22", "dwadzieścia dwa złote 00/100"),
        ("2345.50", "dwa tysiące trzysta czterdzieści pięć złotych 50/100"),
        ("1000000", "milion złotych 00/100"),
        ("21.99", "dwadzieścia jeden złotych 99/100"),
        ("114", "sto czternaście złotych 00/100"),
        ("1003", "tysiąc trzy złote 00/100"),
    ],
)
def test_amount_in_words(amount: str, expected: str) -> None:
    assert amount_in_words(Decimal(amount)) == expected


def test_amount_in_words_rejects_negative() -> None:
    with pytest.raises(FieldError):
        amount_in_words(Decimal("-1"))


def test_format_amount_with_words() -> None:
    assert format_amount_with_words(Decimal("2345.50")) == (
        "2 345,50 zł (słownie: dwa tysiące trzysta czterdzieści pięć złotych 50/100)"
    )
