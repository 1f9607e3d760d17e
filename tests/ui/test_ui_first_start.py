"""First-start dialog on an empty database: validation, atomic save, then login."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from ui_test_support import WAIT_MS, flow_starter, log_in, settle

from clerk_app.domain.roles import Role
from clerk_app.services.admin.auth import has_any_user
from clerk_app.services.admin.settings import OfficeSettings, load_settings
from clerk_app.ui.first_start_dialog import FirstStartDialog
from tests.conftest import TEST_NRB, TEST_PASSWORD

BAD_NRB = TEST_NRB[:-1] + ("0" if TEST_NRB[-1] != "0" else "1")

@pytest.fixture
def start_flow(qapp, qtbot):
    yield from flow_starter(qapp, qtbot)


def _fill(dialog: FirstStartDialog, nrb: str) -> None:
    dialog.username_edit.setText("kierownik.it")
    dialog.full_name_edit.setText("Irena Informatyk")
    dialog.password_edit.setText(TEST_PASSWORD)
    dialog.repeat_edit.setText(TEST_PASSWORD)
    dialog.settings_form.input("deposit_bank_account").setText(nrb)
    dialog.settings_form.input("signatory_name").setText("Anna Nowak")


def _first_start(ctx, start_flow) -> tuple[object, FirstStartDialog]:
    flow = start_flow(ctx)
    dialog = flow.dialog
    assert isinstance(dialog, FirstStartDialog)
    dialog.show()
    return flow, dialog


def test_defaults_are_prefilled(qtbot, ctx, start_flow):
    _flow, dialog = _first_start(ctx, start_flow)
    defaults = OfficeSettings()
    values = dialog.settings_form.values()
    assert values.city_office_name == defaults.city_office_name
    assert values.deposit_jrwa == defaults.deposit_jrwa
    assert values.deficiency_days == defaults.deficiency_days
    assert dialog.demo_count.value() == 1000


def test_invalid_nrb_names_the_field_saves_nothing_then_valid_creates_admin(
    qtbot, ctx, start_flow
):
    flow, dialog = _first_start(ctx, start_flow)
    qtbot.waitExposed(dialog)
    _fill(dialog, BAD_NRB)
    settle(qtbot, dialog.runner, dialog.create_button.click)

    assert "Rachunek bankowy na kaucje" in dialog.error_text()
    nrb_edit = dialog.settings_form.input("deposit_bank_account")
    assert dialog.settings_form.tabs.currentWidget().isAncestorOf(nrb_edit)
    qtbot.waitUntil(nrb_edit.hasFocus, timeout=2000)
    assert not has_any_user(ctx)
    assert load_settings(ctx).version == 0  # nothing stored
    assert flow.main_window is None

    dialog.settings_form.input("deposit_bank_account").setText(TEST_NRB)
    dialog.password_edit.setText(TEST_PASSWORD)
    dialog.repeat_edit.setText(TEST_PASSWORD)
    with qtbot.waitSignal(flow.mainWindowShown, timeout=WAIT_MS):
        dialog.create_button.click()

    assert has_any_user(ctx)
    stored = load_settings(ctx)
    assert stored.deposit_bank_account == TEST_NRB
    assert stored.signatory_name == "Anna Nowak"
    window = flow.main_window
    assert window is not None and window.actor.role == Role.ADMIN
    assert window.actor.username == "kierownik.it"

    # The new administrator can log in after logging out.
    window.act_logout.trigger()
    assert flow.main_window is None
    window = log_in(qtbot, flow, "kierownik.it", TEST_PASSWORD)
    assert "Irena Informatyk" in window.user_label.text()


def test_passwords_that_differ_are_refused_without_saving(qtbot, ctx, start_flow):
    _flow, dialog = _first_start(ctx, start_flow)
    _fill(dialog, TEST_NRB)
    dialog.repeat_edit.setText(TEST_PASSWORD + "x")
    dialog.create_button.click()
    assert "Powtórz hasło" in dialog.error_text()
    assert not dialog.runner.is_busy()
    assert not has_any_user(ctx)


@pytest.mark.parametrize(
    ("field", "label"),
    [("city_office_name", "Nazwa urzędu"), ("deposit_jrwa", "Klasa JRWA (kaucja)"),
     ("signature_pattern", "Wzór znaku sprawy")],
)
def test_empty_required_setting_names_and_focuses_it(qtbot, ctx, start_flow, field, label):
    _flow, dialog = _first_start(ctx, start_flow)
    qtbot.waitExposed(dialog)
    _fill(dialog, TEST_NRB)
    dialog.settings_form.input(field).setText("")
    settle(qtbot, dialog.runner, dialog.create_button.click)
    assert f"„{label}”" in dialog.error_text()
    qtbot.waitUntil(dialog.settings_form.input(field).hasFocus, timeout=2000)
    assert not has_any_user(ctx)


def test_invalid_admin_login_is_reported(qtbot, ctx, start_flow):
    _flow, dialog = _first_start(ctx, start_flow)
    _fill(dialog, TEST_NRB)
    dialog.username_edit.setText("X")
    settle(qtbot, dialog.runner, dialog.create_button.click)
    assert "„Nazwa użytkownika”" in dialog.error_text()
    assert not has_any_user(ctx)


def test_demo_data_runs_with_progress(qtbot, ctx, start_flow):
    flow, dialog = _first_start(ctx, start_flow)
    assert dialog.demo_check.isEnabled()
    _fill(dialog, TEST_NRB)
    dialog.demo_check.setChecked(True)
    dialog.demo_count.setValue(5)
    progress: list[tuple[int, int]] = []
    dialog.runner.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(flow.mainWindowShown, timeout=120000):
        dialog.create_button.click()
    assert has_any_user(ctx)
    QApplication.processEvents()
    assert progress, "the generator reported no progress"


def test_the_signature_pattern_shows_an_example_signature(qtbot, ctx, start_flow):
    """The pattern was shown only raw as {unit}.{jrwa}.{number}.{year}."""
    from datetime import date

    _flow, dialog = _first_start(ctx, start_flow)
    form = dialog.settings_form
    year = date.today().year
    assert form.signature_example.text() == (
        f"np. BGM.7141.12.{year} (kaucja), ZGM.0143.12.{year} (IOK)")
    assert form.register_example.text() == f"np. 12/{year}"
    form.input("signature_pattern").setText("{unit}-{number}/{year}")
    assert form.signature_example.text().startswith(f"np. BGM-12/{year}")
    form.input("signature_pattern").setText("{unit}.{nr}")
    assert "Nieznany symbol „{nr}”" in form.signature_example.text()
    form.tabs.setCurrentIndex(1)
    dialog.grab().save("/tmp/shots/me/first_start_signatures.png")
