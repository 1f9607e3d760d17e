"""The settings dialog's mail tab: a write-only password ("ustawione"), kept outside the
database, and "Wyślij wiadomość próbną" through a real local SMTP server."""

from __future__ import annotations

import json

from sqlalchemy import select
from ui_test_support import settle, settled

from clerk_app.persistence.models import AuditEntry, Setting
from clerk_app.services.admin.settings import load_settings
from clerk_app.services.mail.secrets import MemoryPasswordStore
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.settings_dialog import SettingsDialog
from tests.mailserver import SENDER, free_port, running_server

SECRET = "Hasło-ZGM-2026"


def _dialog(qtbot, ctx, admin) -> SettingsDialog:
    main = MainWindow(ctx, admin)
    qtbot.addWidget(main)
    dialog = main.open_settings()
    assert isinstance(dialog, SettingsDialog)
    settled(qtbot)
    return dialog


def _fill(dialog: SettingsDialog, port: int, user: str = "zgm") -> None:
    form = dialog.settings_form
    form.input("smtp_host").setText("127.0.0.1")
    form.input("smtp_port").setValue(port)
    security = form.input("smtp_security")
    security.setCurrentIndex(security.findData("none"))
    form.input("smtp_user").setText(user)
    form.input("smtp_sender").setText(SENDER)


def test_password_is_write_only_and_kept_outside_the_database(qtbot, ctx, admin):
    ctx.smtp_password_store = store = MemoryPasswordStore()
    dialog = _dialog(qtbot, ctx, admin)
    part = dialog.mail_part
    assert part.password_state.text() == "nie ustawione" and part.password.text() == ""
    _fill(dialog, 2525)
    part.password.setText(SECRET)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save_button.click()
    assert store.get() == SECRET and load_settings(ctx).smtp_user == "zgm"
    with ctx.db.read() as session:
        stored = [s.value for s in session.scalars(select(Setting))]
        audit = [(a.action, json.loads(a.changes)) for a in session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == "smtp_password"))]
    assert all(SECRET not in value for value in stored)
    assert audit == [("set", {"smtp_password": [None, "***"]})]

    again = _dialog(qtbot, ctx, admin)
    assert again.mail_part.password.text() == ""  # never shown back
    assert again.mail_part.password_state.text() == "ustawione"
    again.mail_part.clear_password.setChecked(True)
    with qtbot.waitSignal(again.accepted, timeout=20000):
        again.save_button.click()
    assert store.get() is None


def test_test_message_goes_through_the_typed_settings(qtbot, ctx, admin):
    ctx.smtp_password_store = MemoryPasswordStore()
    dialog = _dialog(qtbot, ctx, admin)
    part = dialog.mail_part
    with running_server(users={"zgm": SECRET}) as server:
        _fill(dialog, server.port)
        part.password.setText(SECRET)
        part.test_address.setText("admin@example.pl")
        settle(qtbot, dialog.runner, part.test_button.click)
        assert part.test_result.text().startswith("Wiadomość próbna wysłana (<")
        [got] = server.received
        assert got.rcpt_tos == ["admin@example.pl"] and server.logins == ["zgm"]
    assert load_settings(ctx).smtp_host == ""  # nothing saved by a test message

    _fill(dialog, free_port(), user="")
    settle(qtbot, dialog.runner, part.test_button.click)
    assert "odmówił połączenia" in part.test_result.text()
    assert not part.test_result.isHidden()
    tabs = dialog.settings_form.tabs
    tabs.setCurrentIndex(tabs.count() - 1)
    dialog.grab().save("/tmp/shots/mail/settings_mail_tab_error.png")
