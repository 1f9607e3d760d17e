"""The one list of system packages: `make run` and `.ci/run` use it, a machine without the
GUI's libraries is told the exact command before anything starts, and the GUI comes up on a
virtual X screen through the real xcb plugin (not ``offscreen``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".ci" / "system-packages.sh"


def _fake_bin(tmp_path: Path) -> Path:
    """A PATH where nothing is installed, the user is not root and sudo asks a password."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in {"dpkg-query": "exit 1", "id": "echo 1000", "sudo": "exit 1"}.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return bin_dir


def test_gui_list_has_what_qt_xcb_needs() -> None:
    out = subprocess.run(["bash", str(SCRIPT), "list", "gui"], capture_output=True, text=True,
                         check=True).stdout.split()
    for pkg in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0",
                "libxcb-xinerama0", "libegl1"):
        assert pkg in out


def test_missing_packages_stop_with_the_exact_command(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{_fake_bin(tmp_path)}:/usr/bin:/bin"}
    run = subprocess.run(["bash", str(SCRIPT), "gui"], capture_output=True, text=True, env=env)
    assert run.returncode == 3
    command = next(line.strip() for line in run.stderr.splitlines()
                   if line.strip().startswith("sudo apt-get install -y"))
    listed = subprocess.run(["bash", str(SCRIPT), "list", "gui"], capture_output=True,
                            text=True, check=True).stdout.split()
    assert command.split()[4:] == listed
    assert "Brakuje pakietów systemowych" in run.stderr


def test_make_run_and_ci_share_the_list() -> None:
    makefile = (ROOT / "Makefile").read_text()
    run_target = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert ".ci/system-packages.sh gui" in run_target
    assert run_target.index("system-packages.sh") < run_target.index("clerk-app")
    assert "bash .ci/system-packages.sh test" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb")
def test_gui_starts_on_a_virtual_screen_through_xcb(tmp_path: Path) -> None:
    """The first-start window comes up with Qt's real xcb plugin and stays up."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="xcb",
               QT_DEBUG_PLUGINS="0")
    probe = ("import sys\n"
             "from PySide6.QtCore import QTimer\n"
             "from PySide6.QtWidgets import QApplication\n"
             "import clerk_app.ui.app as app\n"
             "original = app.create_application\n"
             "def patched(*a, **k):\n"
             "    qapp = original(*a, **k)\n"
             "    def report():\n"
             "        titles = [w.windowTitle() for w in QApplication.topLevelWidgets()\n"
             "                  if w.isVisible()]\n"
             "        print('WINDOWS', titles, QApplication.platformName(), flush=True)\n"
             "        QApplication.exit(0)\n"
             "    QTimer.singleShot(4000, report)\n"
             "    return qapp\n"
             "app.create_application = patched\n"
             "sys.exit(app.run_gui(sys.argv[1]))\n")
    url = f"sqlite:///{tmp_path / 'clerk.sqlite3'}"
    started = time.monotonic()
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable,
                          "-c", probe, url], capture_output=True, text=True, env=env,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    line = next(x for x in run.stdout.splitlines() if x.startswith("WINDOWS"))
    print(line)
    assert "xcb" in line
    assert "Pierwsze uruchomienie" in line, line
    assert time.monotonic() - started < 120
