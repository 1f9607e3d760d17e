"""``clerk-app instalments``: the schedule as tab-separated lines, bad input → code 2."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clerk_app.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(["instalments", *argv])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_schedule_with_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = _run(capsys, "--rent", "1160,58", "--count", "10",
                            "--first-due", "2026-12-15", "--words")
    assert code == 0 and err == ""
    assert lines[0] == "1\t2026-12-15\t1160.58\ttysiąc sto sześćdziesiąt złotych 58/100"
    assert lines[5] == "6\t2027-05-17\t1160.58\ttysiąc sto sześćdziesiąt złotych 58/100"
    assert len(lines) == 11 and lines[-1] == "total\t11605.80"
    assert all(len(line.split("\t")) == 4 for line in lines[:-1])


def test_remainder_on_first_and_shifted_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, _ = _run(capsys, "--rent", "100.01", "--count", "3",
                          "--first-due", "2025-12-24")
    assert code == 0
    assert lines == ["1\t2025-12-29\t333.38", "2\t2026-01-26\t333.36",
                     "3\t2026-02-24\t333.36", "total\t1000.10"]
    assert sum(Decimal(line.split("\t")[2]) for line in lines[:-1]) == Decimal("1000.10")


def test_dot_and_comma_rent_agree(capsys: pytest.CaptureFixture[str]) -> None:
    _, dot, _ = _run(capsys, "--rent", "1160.58", "--count", "4", "--first-due", "2027-01-04")
    _, comma, _ = _run(capsys, "--rent", "1 160,58", "--count", "4",
                       "--first-due", "2027-01-04")
    assert dot == comma and dot[-1] == "total\t11605.80"


@pytest.mark.parametrize(("argv", "message"), [
    (("--rent", "500", "--count", "1"), "liczba rat musi wynosić od 2 do 10"),
    (("--rent", "500", "--count", "11"), "liczba rat musi wynosić od 2 do 10"),
    (("--rent", "500", "--count", "trzy"), "liczba rat musi być liczbą całkowitą"),
    (("--rent", "0", "--count", "3"), "czynsz musi być większy od zera"),
    (("--rent", "0,00", "--count", "3"), "czynsz musi być większy od zera"),
    (("--rent", "-5", "--count", "3"), "Kwota nie może być ujemna"),
    (("--rent", "12,345", "--count", "3"), "najwyżej dwa miejsca po przecinku"),
    (("--rent", "abc", "--count", "3"), "nieprawidłowy czynsz „abc”"),
    (("--rent", "1.160,58", "--count", "3"), "nieprawidłowy czynsz"),
])
def test_bad_rent_or_count(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                           message: str) -> None:
    code, lines, err = _run(capsys, *argv, "--first-due", "2027-01-04")
    assert code == 2 and lines == []
    assert err.startswith("Błąd: ") and message in err


@pytest.mark.parametrize("day", ["2027-02-30", "04.01.2027", "2027-1-4", ""])
def test_bad_date(capsys: pytest.CaptureFixture[str], day: str) -> None:
    code, lines, err = _run(capsys, "--rent", "500", "--count", "3", "--first-due", day)
    assert code == 2 and lines == []
    assert "nieprawidłowa data" in err and "RRRR-MM-DD" in err
