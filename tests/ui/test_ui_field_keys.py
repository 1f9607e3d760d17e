"""A bad field is found by its key: renaming its label on the form or in the label table
moves no focus and changes only the wording of the message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from ui_test_support import settle

from clerk_app.domain import field_labels
from clerk_app.domain.cases import Channel
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.user_dialogs import AddUserDialog
from tests.conftest import TEST_PASSWORD
from tests.ui.test_ui_registration_keyboard import focused, open_dialog, save_with

Ctrl = Qt.KeyboardModifier.ControlModifier


def _label_of(form: QWidget, widget: QWidget) -> QLabel:
    for label in form.findChildren(QLabel):
        if label.buddy() is widget:
            return label
    raise AssertionError("the input has no label")


def test_renamed_labels_still_focus_the_missing_last_name(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    sender = dialog.form.sender_form
    _label_of(sender, sender.last_name).setText("Nazwisko &wnioskodawcy:")
    monkeypatch.setitem(field_labels.FIELD_LABELS, "last_name", "Nazwisko wnioskodawcy")
    sender.first_name.setText("Jan")
    sender.email.setText("jan.kos@example.pl")
    dialog.form.subject.setFocus()
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is None
    assert dialog.error_text() == "Pole „Nazwisko wnioskodawcy”: Pole jest wymagane."
    assert focused() is sender.last_name


def test_renamed_label_still_focuses_a_posted_date_after_the_received_date(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    f.channel.setCurrentIndex(f.channel.findData(Channel.POST.value))
    _label_of(f, f.posted).setText("&Nadano dnia:")
    monkeypatch.setitem(field_labels.FIELD_LABELS, "posted_on", "Nadano dnia")
    f.posted.setDate(f.received.date().addDays(1))
    f.sender_form.first_name.setText("Jan")
    f.sender_form.last_name.setText("Kos")
    f.sender_form.email.setText("jan.kos@example.pl")
    f.subject.setFocus()
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is None
    assert dialog.error_text() == (
        "Pole „Nadano dnia”: Data nadania nie może być późniejsza niż data wpływu.")
    assert focused() is f.posted


def test_user_dialog_focuses_the_username_after_its_label_changed(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    main = MainWindow(ctx, staff[Role.ADMIN])
    qtbot.addWidget(main)
    window = main.open_users()
    assert window is not None
    dialog = window.add_user()
    assert isinstance(dialog, AddUserDialog)
    _label_of(dialog.form, dialog.username_edit).setText("Login:")
    _label_of(dialog.form, dialog.repeat_edit).setText("Hasło jeszcze raz:")
    dialog.username_edit.setText("okienko")  # taken by the counter clerk of ``staff``
    dialog.full_name_edit.setText("Ktoś Inny")
    dialog.password_edit.setText(TEST_PASSWORD)
    dialog.repeat_edit.setText(TEST_PASSWORD + "x")
    dialog.submit()
    assert dialog.error_text() == "Pole „Hasło jeszcze raz”: Hasła nie są takie same."
    dialog.repeat_edit.setText(TEST_PASSWORD)
    dialog.full_name_edit.setFocus()
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.error_text() == (
        "Pole „Nazwa użytkownika”: Użytkownik o tej nazwie już istnieje.")
    qtbot.waitUntil(dialog.username_edit.hasFocus, timeout=2000)
    dialog.reject()
