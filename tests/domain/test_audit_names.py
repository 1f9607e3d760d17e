"""Every table, column and action the audit trail can record has a Polish name (the audit
window and a case's history showed "legacy_batches", "letter date", "demo_answers")."""

from __future__ import annotations

import ast
from pathlib import Path

from clerk_app.domain.audit_names import ACTION_LABELS, ENTITY_LABELS, FIELD_NAMES
from clerk_app.domain.field_labels import FIELD_LABELS
from clerk_app.persistence.models import Base

PACKAGE = Path(__file__).resolve().parents[2] / "clerk_app"
UNTOLD_COLUMNS = {"id", "version"}  # never shown as a change


def _audited_actions() -> dict[str, str]:
    """The literal actions of ``work.audit(entity, id, action)``, ``audit_new(obj, action)``
    and ``audit_changes(obj, action)`` calls, with the file each comes from."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            position = {"audit": 2, "audit_new": 1, "audit_changes": 1}.get(node.func.attr)
            if position is None:
                continue
            args = [*node.args[position:position + 1],
                    *(k.value for k in node.keywords if k.arg == "action")]
            for arg in args:
                for value in ast.walk(arg):  # also both sides of "set" if … else "clear"
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found.setdefault(value.value, path.name)
    return found


def test_every_audited_action_has_a_polish_name() -> None:
    actions = _audited_actions()
    assert len(actions) > 40  # the scan finds the calls
    assert {a: f for a, f in actions.items() if a not in ACTION_LABELS} == {}


def test_every_table_and_column_has_a_polish_name() -> None:
    assert [t for t in Base.metadata.tables if t not in ENTITY_LABELS] == []
    missing = sorted({f"{t.name}.{c.name}" for t in Base.metadata.tables.values()
                      for c in t.columns if c.name not in UNTOLD_COLUMNS
                      and c.name not in FIELD_NAMES and c.name not in FIELD_LABELS})
    assert missing == []
