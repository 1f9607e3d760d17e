"""A command loads only what it needs: ``deadline`` runs without the database stack or Qt."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

HEAVY = ("sqlalchemy", "alembic", "psycopg", "PySide6", "shiboken6", "reportlab", "openpyxl",
         "clerk_app.persistence", "clerk_app.services", "clerk_app.documents", "clerk_app.ui")

_PROBE = textwrap.dedent("""
    import json, sys
    from clerk_app.cli.main import main
    code = main(sys.argv[1:])
    heavy = {heavy!r}
    loaded = sorted(m for m in sys.modules if m in heavy or m.startswith(
        tuple(h + "." for h in heavy)))
    print(json.dumps({{"code": code, "loaded": loaded}}))
""")


def _probe(*argv: str) -> tuple[list[str], dict[str, object]]:
    """Run the CLI in a fresh interpreter; its output lines and what it had imported."""
    result = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=HEAVY), *argv],
                            capture_output=True, text=True, timeout=60, check=True)
    *lines, report = result.stdout.splitlines()
    return lines, json.loads(report)


def test_deadline_days_loads_no_database_stack() -> None:
    lines, report = _probe("deadline", "days", "7", "--from", "2026-01-05")
    assert lines == ["2026-01-12"]
    assert report == {"code": 0, "loaded": []}


def test_deadline_explain_and_bad_input_load_no_database_stack() -> None:
    lines, report = _probe("deadline", "deemed-delivery", "--notice", "2025-12-12", "--explain")
    assert lines[0] == "2025-12-29"
    assert report == {"code": 0, "loaded": []}
    _, report = _probe("deadline", "months", "0", "--from", "2026-01-31")
    assert report == {"code": 2, "loaded": []}



def test_instalments_loads_no_database_stack() -> None:
    lines, report = _probe("instalments", "--rent", "1160,58", "--count", "10",
                           "--first-due", "2026-12-15", "--words")
    assert lines[0] == "1\t2026-12-15\t1160.58\ttysiąc sto sześćdziesiąt złotych 58/100"
    assert lines[-1] == "total\t11605.80"
    assert report == {"code": 0, "loaded": []}
    _, report = _probe("instalments", "--rent", "0", "--count", "3", "--first-due", "2026-12-15")
    assert report == {"code": 2, "loaded": []}
