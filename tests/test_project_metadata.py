"""Project metadata a newcomer meets first: the README points only to files of the
repository, and pyproject uses the current (SPDX string) licence form."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_links_only_files_in_the_repository() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    assert targets, "the README links its docs"
    for target in targets:
        if re.match(r"[a-z]+://", target):
            continue
        path = (ROOT / target).resolve()
        assert path.is_relative_to(ROOT), f"{target} points outside the repository"
        assert path.exists(), f"{target} does not exist"


def test_license_is_an_spdx_expression_not_a_table() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert isinstance(project["license"], str)
    assert "License ::" not in " ".join(project.get("classifiers", []))


# Import names of third-party distributions whose import name differs from their name.
_IMPORT_NAMES = {"sqlalchemy": "SQLAlchemy", "PIL": "Pillow", "stdnum": "python-stdnum",
                 "argon2": "argon2-cffi", "shiboken6": "PySide6"}


def _third_party_imports() -> set[str]:
    """Top-level module names the package imports that are neither its own nor stdlib."""
    import ast
    import sys

    names: set[str] = set()
    for source in (ROOT / "clerk_app").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "clerk_app"}


def test_every_imported_library_is_a_declared_dependency() -> None:
    """A normal install must bring what the package imports at run time (pypdf and Pillow
    were only test extras, so parsing a scan failed after a plain install)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower()
                for d in project["dependencies"]}
    missing = sorted(
        name for name in _third_party_imports()
        if _IMPORT_NAMES.get(name, name).lower() not in declared)
    assert not missing, f"imported but not declared in [project] dependencies: {missing}"
