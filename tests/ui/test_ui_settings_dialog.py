"""Settings dialog: load, save, field errors and the optimistic-lock conflict."""

from __future__ import annotations

import dataclasses

from ui_test_support import settle, settled

from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import load_settings, save_settings
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.settings_dialog import SettingsDialog
from tests.conftest import TEST_NRB


def _dialog(qtbot, ctx, admin) -> SettingsDialog:
    main = MainWindow(ctx, admin)
    qtbot.addWidget(main)
    dialog = main.open_settings()
    assert isinstance(dialog, SettingsDialog)
    settled(qtbot)  # the settings are read off the GUI thread
    return dialog


def test_loads_and_saves_settings(qtbot, ctx, admin, office_settings):
    dialog = _dialog(qtbot, ctx, admin)
    form = dialog.settings_form
    assert form.input("signatory_name").text() == office_settings.signatory_name
    assert form.input("deposit_bank_account").text().replace(" ", "") == TEST_NRB
    assert form.input("stamp_duty").text() == "17,00"

    form.input("signatory_name").setText("Barbara Zięba")
    form.input("deficiency_days").setValue(10)
    form.input("stamp_duty").setText("17,50")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save_button.click()
    stored = load_settings(ctx)
    assert stored.signatory_name == "Barbara Zięba"
    assert stored.deficiency_days == 10
    assert stored.stamp_duty == "17.50"
    assert stored.deposit_bank_account == TEST_NRB


def test_invalid_field_is_named_and_focused(qtbot, ctx, admin):
    dialog = _dialog(qtbot, ctx, admin)
    qtbot.waitExposed(dialog)
    before = load_settings(ctx)
    dialog.settings_form.input("stamp_duty").setText("dużo")
    settle(qtbot, dialog.runner, dialog.save_button.click)
    assert "„Opłata skarbowa”" in dialog.error_text()
    qtbot.waitUntil(dialog.settings_form.input("stamp_duty").hasFocus, timeout=2000)
    assert dialog.isVisible()
    assert load_settings(ctx) == before


def test_conflict_keeps_dialog_open_with_typed_values(qtbot, ctx, staff):
    admin = staff[Role.ADMIN]
    dialog = _dialog(qtbot, ctx, admin)
    current = load_settings(ctx)
    save_settings(ctx, admin, dataclasses.replace(current, bgm_address="ul. Inna 1"))

    dialog.settings_form.input("zgm_name").setText("Mój ZGM")
    settle(qtbot, dialog.runner, dialog.save_button.click)
    assert dialog.conflict
    assert "zmieniony przez innego użytkownika" in dialog.error_text()
    assert dialog.isVisible()
    assert dialog.settings_form.input("zgm_name").text() == "Mój ZGM"
    assert load_settings(ctx).zgm_name == current.zgm_name

    settle(qtbot, dialog.runner, dialog.reload)
    assert dialog.settings_form.input("bgm_address").text() == "ul. Inna 1"
    dialog.settings_form.input("zgm_name").setText("Mój ZGM")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save_button.click()
    assert load_settings(ctx).zgm_name == "Mój ZGM"


def test_email_reading_setting_is_a_check_box_that_saves(qtbot, ctx, admin):
    dialog = _dialog(qtbot, ctx, admin)
    box = dialog.settings_form.input("email_read_counts_as_delivery")
    assert not box.isChecked()  # by default a reading confirmation is not a delivery
    box.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save_button.click()
    assert load_settings(ctx).email_read_counts_as_delivery is True
