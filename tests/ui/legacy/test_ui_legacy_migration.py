"""Issue 10 "Must show" (c) through the real windows, on SQLite and PostgreSQL: an import
(refused all-or-nothing, then run), a migration batch printed to PDF, its return form's
barcode read from the printed page and scanned at the counter, the account migrated and the
batch's progress updated. The table models pass qtmodeltester."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import Channel
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_letters import parse_account_code
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.legacy.answers import find_scanned_account
from clerk_app.ui.legacy.migration_window import MigrationWindow
from clerk_app.ui.legacy.return_form_dialog import ReturnFormDialog
from clerk_app.ui.main_window import MainWindow
from tests.services.legacy.legacy_files import file_with_bad_rows
from tests.ui.ui_test_support import WAIT_MS, settle, settled

SHOTS = Path("/tmp/shots/legacy")
needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="zbar-tools / poppler-utils not installed")


def _scan_form(pdf: Path, folder: Path) -> str:
    """Read the return form's barcode off the first printed page, as a scanner would."""
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(pdf),
                    str(folder / "page")], check=True)
    (png,) = folder.glob("page-*.png")
    with Image.open(png) as page:
        width, height = page.size
        page.crop((0, height * 200 // 297, width, height)).save(folder / "form.png")
    out = subprocess.run(["zbarimg", "-q", "--raw", str(folder / "form.png")],
                         capture_output=True, text=True, check=True).stdout.split()
    assert len(out) == 1
    return out[0]


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


@needs_zbar
def test_scenario_c_batch_printed_form_scanned_account_migrated(
        qtbot: QtBot, qtmodeltester: object, ctx: AppContext, staff: dict[Role, Actor],
        tmp_path: Path, db_url: str) -> None:
    boss, counter = staff[Role.SUPERVISOR], staff[Role.COUNTER]
    source = tmp_path / "portal.csv"
    expected = file_with_bad_rows(source, 600)
    main = MainWindow(ctx, boss)
    qtbot.addWidget(main)
    main.act_legacy.trigger()
    window = main.windows["legacy"]
    assert isinstance(window, MigrationWindow)
    window.show()
    settled(qtbot)

    window.file_edit.setText(str(source))
    window.all_or_nothing.setChecked(True)
    settle(qtbot, window.runner, window.import_button.click)
    assert "nie zaimportowano niczego" in window.import_result.text()
    assert window.overview is not None and window.overview.counts[LegacyClass.MIGRATE] == 0
    window.all_or_nothing.setChecked(False)
    with qtbot.waitSignal(window.imported, timeout=WAIT_MS):
        window.import_button.click()
    settled(qtbot)
    assert window.rejected_model.rowCount() == 4
    assert window.rejected_model.index(0, 0).data() == "51"
    assert f"odrzucone 4. Zmienione w bazie: {expected.accounts}" in \
        window.import_result.text()
    assert window.overview.counts[LegacyClass.NEEDS_CONSENT] == expected.waiting_accounts
    migrate_before = window.overview.counts[LegacyClass.MIGRATE]
    for model in (window.rejected_model, window.accounts_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    window.resize(1150, 600)
    _shot(window, f"migration-import-{db_url.split(':')[0]}.png")

    window.tabs.setCurrentIndex(1)
    window.class_combo.setCurrentIndex(window.class_combo.findData(
        LegacyClass.NEEDS_CONSENT.value))
    settled(qtbot)
    assert window.accounts_model.rowCount() == min(500, expected.waiting_accounts)
    _shot(window, f"migration-accounts-{db_url.split(':')[0]}.png")
    window.tabs.setCurrentIndex(2)
    dialog = window.open_new_batch()
    qtbot.waitExposed(dialog)
    assert dialog.size_box.value() == 200  # the setting iok_batch_size
    dialog.size_box.setValue(12)
    pdf = tmp_path / "partia-1.pdf"
    dialog.path.setText(str(pdf))
    settle(qtbot, dialog.runner, dialog.make_button.click)
    settled(qtbot)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Partia 1: 12 pism" in window.batch_result.text()
    assert window.batches_model.rowCount() == 1
    qtmodeltester.check(window.batches_model)  # type: ignore[attr-defined]
    _shot(window, f"migration-batches-{db_url.split(':')[0]}.png")

    code = _scan_form(pdf, tmp_path)
    desk = MainWindow(ctx, counter)
    qtbot.addWidget(desk)
    assert not desk.act_legacy.isEnabled()  # the migration window is for supervisors
    desk.show()
    qtbot.waitExposed(desk)
    desk.navigator.scanner.scanned.emit(code)  # scanned anywhere in the main window
    form = desk.windows["legacy_form"]
    assert isinstance(form, ReturnFormDialog)
    qtbot.waitUntil(lambda: form.account is not None, timeout=WAIT_MS)
    settled(qtbot)
    assert form.account is not None, form.error_text()
    assert form.account.row.code == code and "partia 1" in form.account_label.text()
    form.email.setText("zgoda@poczta.fm")
    settle(qtbot, form.runner, form.register_button.click)
    assert "Bez zaznaczonej zgody" in form.error_text()
    form.consent.setChecked(True)
    form.channel.setCurrentIndex(form.channel.findData(Channel.POST.value))
    _shot(form, f"return-form-scanned-{db_url.split(':')[0]}.png")
    settle(qtbot, form.runner, form.register_button.click)
    assert form.last_result is not None, form.error_text()
    assert "konto przeniesione do IOK" in form.result_label.text()
    _shot(form, f"return-form-{db_url.split(':')[0]}.png")

    account = find_scanned_account(ctx, counter, code)
    assert account.row.account_class is LegacyClass.MIGRATE
    assert account.row.answered_on == ctx.today()
    assert parse_account_code(code) == account.row.account_id
    settled(qtbot)  # the migration window heard of the change and read again
    qtbot.waitUntil(lambda: window.batches_model.index(0, 7).data() == "1", timeout=WAIT_MS)
    assert window.overview.counts[LegacyClass.MIGRATE] == migrate_before + 1
