import argparse
from datetime import date

import pytest

from clerk_app.cli import deadline_cmd
from clerk_app.cli.deadline_cmd import register
from clerk_app.cli.main import run
from clerk_app.domain.calendar import ComputedDate, LegalCalendar
from clerk_app.domain.errors import FieldError


def _run(argv: list[str], **extra: object) -> int:
    parser = argparse.ArgumentParser(prog="clerk-app")
    subparsers = parser.add_subparsers(dest="command")
    register(subparsers)
    args = parser.parse_args(argv)
    for key, value in extra.items():
        setattr(args, key, value)
    return run(args)  # as main() does: it prints the errors and gives the exit code


def test_days(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["deadline", "days", "7", "--from", "2025-12-17"]) == 0
    assert capsys.readouterr().out == "2025-12-29\n"


def test_days_explain(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "days", "7", "--from", "2025-12-17", "--explain",
            "--event", "doręczenie wezwania"]
    assert _run(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2025-12-29"
    assert lines[1] == "Zdarzenie początkowe: doręczenie wezwania 17.12.2025"
    assert "Pominięto: 24.12.2025 Wigilia Bożego Narodzenia" in lines
    assert lines[-1] == "Termin upływa: 29.12.2025"


def test_months_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["deadline", "months", "1", "--from", "2026-01-31", "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2026-03-02"
    assert "Koniec nominalny: 28.02.2026" in lines
    assert "Pominięto: 28.02.2026 sobota" in lines


def test_deemed_delivery(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["deadline", "deemed-delivery", "--notice", "2025-12-12"]) == 0
    assert capsys.readouterr().out == "2025-12-29\n"


def test_extra_days_off_from_args(capsys: pytest.CaptureFixture[str]) -> None:
    extra = [(date(2026, 3, 9), "Dzień wolny")]
    assert _run(["deadline", "days", "7", "--from", "2026-03-02"], extra_days_off=extra) == 0
    assert capsys.readouterr().out == "2026-03-10\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "days", "7", "--from", "2025-13-01"],
        ["deadline", "days", "7", "--from", "17.12.2025"],
        ["deadline", "days", "7", "--from", "20251217"],
        ["deadline", "days", "0", "--from", "2025-12-17"],
        ["deadline", "days", "-3", "--from", "2025-12-17"],
        ["deadline", "days", "abc", "--from", "2025-12-17"],
        ["deadline", "months", "0", "--from", "2026-01-31"],
        ["deadline", "deemed-delivery", "--notice", "2025-02-30"],
    ],
)
def test_bad_input_exits_2_with_polish_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Błąd: ")
    assert "Traceback" not in captured.err



def test_a_field_error_is_printed_with_the_polish_label(
    capsys: pytest.CaptureFixture[str]
) -> None:
    def compute(_calendar: LegalCalendar) -> ComputedDate:
        raise FieldError("days", "Liczba dni musi być większa od zera.")

    assert run(argparse.Namespace(func=lambda args: deadline_cmd._run(args, compute))) == 2
    assert capsys.readouterr().err == (
        "Błąd: Liczba dni: Liczba dni musi być większa od zera.\n")
