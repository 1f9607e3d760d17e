"""``clerk-app cases``: tab-separated lines for scripts, filters, bad input."""

from __future__ import annotations

import pytest

from clerk_app.cli.main import main
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from tests.ui.test_ui_case_list import register_people


def test_cases_search_prints_tab_separated_lines(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    register_people(ctx, staff, 5)
    assert main(["cases", "--db", db_url, "--search", "zolkiewski"]) == 0
    assert capsys.readouterr().out == "ZGM.0143.1.2026\tiok\tŻółkiewski Józef\tregistered\n"
    assert main(["cases", "--db", db_url, "--search", "BYTOMSKA", "--kind", "iok"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split("\t")[2] for line in lines) == ["Kowalska Ewa", "Żółkiewski Józef"]


def test_cases_filters_and_limit(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    register_people(ctx, staff, 5)
    assert main(["cases", "--db", db_url, "--kind", "deposit", "--status", "registered"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.split("\t")[1] == "deposit" for line in lines)
    assert main(["cases", "--db", db_url, "--limit", "3"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["cases", "--db", db_url, "--search", "nikt-taki"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("argv, message", [
    (["--status", "otwarta"], "nieznany status „otwarta” – dozwolone: registered"),
    (["--kind", "kaucja"], "nieznany rodzaj „kaucja” – dozwolone: iok, deposit"),
    (["--limit", "dużo"], "--limit musi być liczbą całkowitą"),
])
def test_bad_options_exit_2_with_polish_message(
    db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["cases", "--db", db_url, *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Błąd: ") and message in err
