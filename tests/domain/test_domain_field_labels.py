"""Validation errors name fields by snake_case keys, and every key the code uses has a label."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from clerk_app.domain.errors import FieldError
from clerk_app.domain.field_labels import FIELD_LABELS, field_label
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.core.errors import ValidationFailed

PACKAGE = Path(__file__).resolve().parents[2] / "clerk_app"
KEY = re.compile(r"[a-z][a-z0-9_]*")
# Functions taking a field key, with its position among the arguments.
KEYED_CALLS = {
    "FieldError": 0, "field_error": 0, "fail": 0, "require_text": 1, "validate_pesel": 1,
    "validate_nrb": 1, "validate_email": 1, "validate_postal_code": 1, "validate_phone": 1,
    "parse_money": 1, "check_password_strength": 1, "_require_positive": 1,
    "validate_signature_pattern": 1, "validate_register_pattern": 1, "_validate_pattern": 1,
    "check_not_future": 2, "_check_date": 3,
}
# Where the UI maps keys to inputs: dict literals assigned to these names or passed on.
UI_MAPS = {"fields", "field_widgets", "ACCOUNT_INPUTS"}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _text(node: ast.expr | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    return []


def _dict_keys(node: ast.expr | None) -> list[str]:
    if not isinstance(node, ast.Dict):
        return []
    return [k for key in node.keys if key is not None for k in _text(key)]


def _keys_in(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            index = KEYED_CALLS.get(name or "")
            if index is not None and len(node.args) > index:
                found += _text(node.args[index])
            if index is not None:
                found += [k for kw in node.keywords if kw.arg == "key" for k in _text(kw.value)]
            if name == "keyed_inputs" and len(node.args) > 1:
                found += _dict_keys(node.args[1])
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {_name(t) for t in targets}
            if any(n and n.endswith("_FIELD") for n in names):
                found += _text(node.value)
            if names & UI_MAPS:
                found += _dict_keys(node.value)
        elif isinstance(node, ast.FunctionDef) and node.name == "field_widgets":
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return):
                    found += _dict_keys(ret.value)
    return found


def _all_keys() -> dict[str, list[str]]:
    where: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for key in _keys_in(ast.parse(path.read_text(encoding="utf-8"))):
            where.setdefault(key, []).append(str(path.relative_to(PACKAGE)))
    return where


def test_the_scan_finds_the_keys_of_every_kind_of_site() -> None:
    keys = _all_keys()
    for key in ("received_at", "last_name", "email", "monthly_rent", "username", "new_due",
                "delivered_on", "missing", "scans", "days", "old_password"):
        assert key in keys


def test_every_key_used_in_the_code_is_snake_case_and_has_a_label() -> None:
    bad = {k: files for k, files in _all_keys().items()
           if not KEY.fullmatch(k) or k not in FIELD_LABELS}
    assert bad == {}


def test_the_table_holds_keys_and_polish_labels() -> None:
    assert all(KEY.fullmatch(key) for key in FIELD_LABELS)
    assert all(label.strip() and label == label.strip() for label in FIELD_LABELS.values())


def test_every_office_setting_has_a_label() -> None:
    names = [f.name for f in dataclasses.fields(OfficeSettings) if f.name != "version"]
    assert [n for n in names if n not in FIELD_LABELS] == []


def test_an_error_carries_its_key_and_shows_its_label() -> None:
    error = FieldError("received_at", "Podaj datę i godzinę wpływu.")
    assert (error.key, error.label, str(error)) == (
        "received_at", "Data wpływu", "Data wpływu: Podaj datę i godzinę wpływu.")
    own = FieldError("reason", "Podaj przyczynę.", "Przyczyna zwłoki")
    failed = ValidationFailed([error, own])
    assert failed.fields == ["received_at", "reason"]
    assert failed.message == ("Pole „Data wpływu”: Podaj datę i godzinę wpływu.\n"
                              "Pole „Przyczyna zwłoki”: Podaj przyczynę.")


def test_a_key_missing_from_the_table_is_shown_as_it_is() -> None:
    assert field_label("no_such_field") == "no_such_field"
