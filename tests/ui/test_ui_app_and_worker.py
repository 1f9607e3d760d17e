"""Application start helpers and the forms' wiring (the ops: test_ui_operations.py)."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget
from ui_test_support import flow_starter

from clerk_app.package_files import forms_dir
from clerk_app.services.admin.bootstrap import written_backups
from clerk_app.services.admin.settings import OfficeSettings, validate_settings
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.ui.app import create_application, open_database_error_text
from clerk_app.ui.first_start_dialog import FirstStartDialog
from clerk_app.ui.qt_helpers import app_icon, load_form
from clerk_app.ui.settings_form import OfficeSettingsForm


@pytest.fixture
def start_flow(qapp, qtbot):
    yield from flow_starter(qapp, qtbot)


def test_create_application_names_icon_and_polish_locale(qapp):
    app = create_application([])
    assert app is qapp
    assert app.applicationName() == "clerk_app"
    assert app.applicationDisplayName() == "Sprawy mieszkaniowe"
    assert QLocale().language() == QLocale.Language.Polish
    assert not app_icon().isNull()
    assert not app.windowIcon().isNull()


def test_every_form_loads(qtbot):
    names = sorted(p.stem for p in forms_dir().glob("*.ui"))
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
