"""The wheel works outside the checkout: ``init``, every form and a letter PDF.

Slow (builds a wheel, about 15 s in all) but part of every run, CI included. The source
is copied to a temporary folder first (no stale ``build/`` of the checkout gets in, nothing
is written into it), the wheel is installed with ``--no-deps`` into a fresh virtual
environment, and the third-party dependencies come from this test run's own environment
through a ``.pth`` file. That file is written after the install, and the paths in it come
after the new environment's own site-packages, so ``clerk_app`` is imported from the wheel
and nothing else: the test environment's editable-install hook (itself a ``.pth``) is not
run for a folder that a ``.pth`` file names. Every command runs in an empty folder, so the
checkout is not importable either.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "clerk_app", "forms", "resources", "db")
PROBE = Path(__file__).with_name("wheel_probe.py")

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    bin: Path
    run_dir: Path
    env: dict[str, str]

    def run(self, *argv: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(a) for a in argv], cwd=self.run_dir, env=self.env,
                              capture_output=True, text=True, timeout=120)


def _check(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _copy_sources(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    source, dist, venv, run_dir = (work / n for n in ("source", "dist", "venv", "run"))
    source.mkdir()
    run_dir.mkdir()
    _copy_sources(source)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _check(subprocess.run([*pip, "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
                          capture_output=True, text=True, timeout=300))
    (wheel,) = dist.glob("clerk_app-*.whl")
    _check(subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)],
                          capture_output=True, text=True, timeout=120))
    python = venv / "bin" / "python"
    _check(subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index",
                           "-q", str(wheel)], capture_output=True, text=True, timeout=300))
    purelib = _check(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, timeout=60)).strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "zz_test_dependencies.pth").write_text(
        "".join(f"{p}\n" for p in sorted(ours)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "CLERK_DB_URL"}}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(work / "data"),
               PYTHONDONTWRITEBYTECODE="1")
    return Installed(wheel=wheel, bin=venv / "bin", run_dir=run_dir, env=env)


def test_wheel_carries_forms_resources_and_migrations(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    expected = {f"clerk_app/forms/{p.name}" for p in (ROOT / "forms").glob("*.ui")}
    expected |= {f"clerk_app/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                 for p in (ROOT / "resources").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    expected |= {f"clerk_app/db/{p.relative_to(ROOT / 'db').as_posix()}"
                 for p in (ROOT / "db").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert "clerk_app/forms/login_dialog.ui" in expected
    assert "clerk_app/resources/fonts/DejaVuSans.ttf" in expected
    assert "clerk_app/db/versions/0001_initial_schema.py" in expected
    assert expected - names == set()
    source_packages = {p.parent.relative_to(ROOT).as_posix()
                       for p in (ROOT / "clerk_app").rglob("__init__.py")}
    assert {f"{d}/__init__.py" for d in source_packages} - names == set()


def test_init_creates_a_database_from_the_installed_scripts(installed: Installed) -> None:
    path = installed.run_dir / "new.sqlite3"
    result = installed.run(installed.bin / "clerk-app", "init", "--db", f"sqlite:///{path}")
    out = _check(result)
    assert out.startswith("Baza danych gotowa: sqlite:///")
    assert "(schemat 0" in out and result.stderr == ""
    assert path.stat().st_size > 0
    missing = installed.run_dir / "nie-ma" / "new.sqlite3"
    failed = installed.run(installed.bin / "clerk-app", "init", "--db", f"sqlite:///{missing}")
    assert failed.returncode == 2 and failed.stderr.startswith("Błąd: katalog")
    assert not missing.parent.exists()


def test_deadline_command_runs_from_the_console_script(installed: Installed) -> None:
    result = installed.run(installed.bin / "clerk-app", "deadline", "days", "7",
                           "--from", "2026-01-05")
    assert _check(result) == "2026-01-12\n"


def test_forms_load_and_letter_embeds_dejavu(installed: Installed) -> None:
    pdf = installed.run_dir / "letter.pdf"
    probe = shutil.copy2(PROBE, installed.run_dir / PROBE.name)  # not tests/ on sys.path
    report = json.loads(_check(installed.run(installed.bin / "python", probe, pdf)))
    site = installed.bin.parent
    for key in ("package", "forms_dir", "fonts_dir", "migrations_dir"):
        assert Path(report[key]).is_relative_to(site), (key, report[key])
    assert report["forms"] == sorted(p.stem for p in (ROOT / "forms").glob("*.ui"))
    fonts = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts
    assert "Józef Żółkiewski" in PdfReader(pdf).pages[0].extract_text()
