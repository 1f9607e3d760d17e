"""Generated legacy export files with known bad rows, and an independent oracle of the
expected classes (the rules of issue 10, point 7, written out again)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from clerk_app.demo.legacy_rows import export_rows, write_export

TODAY = date(2026, 3, 2)  # the ``clock`` fixture's day


@dataclass
class Expected:
    rows: list[list[str]]
    migrate: int = 0
    needs_consent: int = 0
    skipped: int = 0
    rejected: dict[int, str] = field(default_factory=dict)  # line → a word of the reason
    accounts: int = 0
    waiting_accounts: int = 0  # distinct accounts needing consent


def _date(text: str) -> date:
    return datetime.strptime(text, "%Y-%m-%d" if "-" in text else "%d.%m.%Y").date()


def oracle(rows: list[list[str]], rejected: dict[int, str]) -> Expected:
    """Counts of a file whose rejected lines are known (header = line 1)."""
    exp = Expected(rows, rejected=rejected)
    seen = set()
    for line, row in enumerate(rows[1:], start=2):
        if line in rejected:
            continue
        first = row[0] not in seen
        if first:
            seen.add(row[0])
            exp.accounts += 1
        active, created, email = row[9] == "tak", _date(row[6]), row[5]
        valid = bool(email) and not email.endswith(".") and email.count("@") == 1
        if not active:
            exp.skipped += 1
        elif created < date(2018, 1, 1) or not valid:
            exp.needs_consent += 1
            exp.waiting_accounts += first
        else:
            exp.migrate += 1
    return exp


def file_with_bad_rows(path: Path, count: int, *, encoding: str = "cp1250",
                       delimiter: str = ";", seed: int = 7) -> Expected:
    """``count`` data rows (``rows[i]`` is line ``i + 1``); known bad and special lines."""
    rows = export_rows(count, seed, TODAY)
    rows[101][0] = ""  # line 102: no contractor number
    rows[102][5], rows[102][6], rows[102][9] = "jan.kowalski@@wp.pl", "2019-05-05", "tak"
    rows[103][6] = "2027-01-01"  # line 104: created in the future
    rows[104] = list(rows[10])  # line 105: an identical repeat of line 11: no error
    rows[105] = list(rows[11])
    rows[105][1] = "Inna Osoba"  # line 106: line 12's number with other data
    rows[50][6] = "31.02.2015"  # line 51: no such day
    rows[60][1] = "Łucja Żółtowska-Ślęzak"  # Polish letters survive Windows-1250
    rejected = {102: "brak numeru", 104: "przyszłości", 106: "powtarza wiersz 12",
                51: "nieczytelna data"}
    write_export(path, rows, encoding=encoding, delimiter=delimiter)
    return oracle(rows, rejected)
