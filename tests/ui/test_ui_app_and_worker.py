"""Application start helpers, the worker runner and the forms' wiring."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QThread
from PySide6.QtWidgets import QApplication, QWidget
from ui_test_support import WAIT_MS, flow_starter

from clerk_app.services.admin.bootstrap import written_backups
from clerk_app.services.admin.settings import OfficeSettings, validate_settings
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.ui.app import create_application, open_database_error_text
from clerk_app.ui.first_start_dialog import FirstStartDialog
from clerk_app.ui.qt_helpers import FORMS_DIR, app_icon, load_form
from clerk_app.ui.settings_form import OfficeSettingsForm
from clerk_app.ui.worker import TaskRunner


@pytest.fixture
def start_flow(qapp):
    yield from flow_starter(qapp)


def test_create_application_names_icon_and_polish_locale(qapp):
    app = create_application([])
    assert app is qapp
    assert app.applicationName() == "clerk_app"
    assert app.applicationDisplayName() == "Sprawy mieszkaniowe"
    assert QLocale().language() == QLocale.Language.Polish
    assert not app_icon().isNull()
    assert not app.windowIcon().isNull()


def test_runner_reports_result_in_gui_thread(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_thread"] = QThread.currentThread()
        return 42

    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        assert runner.run(work, lambda r: seen.update(result=r, gui=QThread.currentThread()),
                          lambda e: seen.update(error=e))
    assert seen["result"] == 42
    assert seen["gui"] is QApplication.instance().thread()
    assert seen["worker_thread"] is not seen["gui"]
    assert not runner.is_busy()


def test_runner_reports_errors_and_refuses_a_second_task(qtbot):
    runner = TaskRunner()
    errors: list[Exception] = []
    started = []

    def slow_failure() -> None:
        started.append(True)
        time.sleep(0.2)
        raise ConflictError()

    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        assert runner.run(slow_failure, lambda _r: None, errors.append)
        assert runner.is_busy()
        assert not runner.run(lambda: 1, lambda _r: None, errors.append)
    assert len(errors) == 1 and isinstance(errors[0], ConflictError)


def test_runner_forwards_progress(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.progress, timeout=WAIT_MS) as blocker:
        runner.run(lambda: runner.report_progress(3, 10), lambda _r: None, lambda _e: None)
    assert blocker.args == [3, 10]
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=WAIT_MS)


def test_every_form_loads(qtbot):
    names = sorted(p.stem for p in FORMS_DIR.glob("*.ui"))
    assert "login_dialog" in names and "first_start_dialog" in names
    for name in names:
        host = QWidget()
        qtbot.addWidget(host)
        assert load_form(name, host) is not None


def test_settings_form_covers_every_field_the_service_names(qtbot):
    empty = dataclasses.replace(
        OfficeSettings(), **{f.name: ("" if f.type == "str" else 0)
                             for f in dataclasses.fields(OfficeSettings) if f.name != "version"})
    with pytest.raises(ValidationFailed) as failure:
        validate_settings(dataclasses.replace(empty, deposit_bank_account="12"))
    form = OfficeSettingsForm()
    qtbot.addWidget(form)
    missing = [name for name in failure.value.fields if name not in form.field_widgets]
    assert missing == []
    assert len(failure.value.fields) >= 15


def test_empty_database_starts_with_first_start_dialog(qtbot, ctx, start_flow):
    flow = start_flow(ctx)
    assert isinstance(flow.dialog, FirstStartDialog)
    assert flow.dialog.isVisible()


def test_database_error_message_mentions_backup(tmp_path: Path):
    db_file = tmp_path / "clerk.sqlite3"
    db_file.write_bytes(b"")
    backup = tmp_path / "clerk.sqlite3.bak-20260302-093000"
    backup.write_bytes(b"")
    url = f"sqlite:///{db_file}"
    found = written_backups(url, time.time() - 5)
    assert found == [backup]
    text = open_database_error_text(url, RuntimeError("schemat uszkodzony"), found)
    assert "Nie można otworzyć bazy danych" in text
    assert "schemat uszkodzony" in text
    assert str(backup) in text
    assert "kopię zapasową" in text
    assert written_backups("postgresql+psycopg://u@h/db", 0) == []
    hidden = open_database_error_text("postgresql+psycopg://u:tajne@h/db", RuntimeError("x"), [])
    assert "tajne" not in hidden and "u:***@h/db" in hidden
