"""The migration window's e-mail button on a real local SMTP server, and the return-form
dialog's refusals (an unknown code, a form already registered), on both back-ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import Channel
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.legacy.answers import (
    ReturnFormInput,
    find_scanned_account,
    register_return_form,
)
from clerk_app.services.iok.legacy.batches import make_batch
from clerk_app.ui.legacy.migration_window import MigrationWindow
from clerk_app.ui.legacy.return_form_dialog import ReturnFormDialog
from tests.mailserver import MailServer, configure_smtp, smtp_server
from tests.services.legacy.test_legacy_batches import import_waiting
from tests.ui.ui_test_support import WAIT_MS, settle, settled

__all__ = ["smtp_server"]


def test_batch_letters_by_email_from_the_window(
        qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path,
        smtp_server: MailServer) -> None:
    boss = staff[Role.SUPERVISOR]
    import_waiting(ctx, boss, tmp_path, 9)
    make_batch(ctx, boss, 9, date(2026, 3, 2))
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    smtp_server.refused.add("stary0@wp.pl")
    window = MigrationWindow(ctx, boss)
    qtbot.addWidget(window)
    settled(qtbot)
    window.tabs.setCurrentIndex(2)
    assert window.selected_batch() is not None
    settle(qtbot, window.runner, window.email_button.click)
    settled(qtbot)
    assert "Wysłano e-mailem: 2, nie udało się: 1." in window.batch_result.text()
    assert "stary0@wp.pl" in window.batch_result.text()
    assert len(smtp_server.received) == 2
    assert window.batches_model.index(0, 4).data() == "2"  # sent by e-mail
    assert window.batches_model.index(0, 5).data() == "1"  # failed, kept for a retry


def test_return_form_refusals(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor],
                              tmp_path: Path) -> None:
    boss, counter = staff[Role.SUPERVISOR], staff[Role.COUNTER]
    import_waiting(ctx, boss, tmp_path, 3)
    code = make_batch(ctx, boss, 3, date(2026, 3, 2)).document.letters[0].code
    dialog = ReturnFormDialog(ctx, counter)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("M000009999")
    settle(qtbot, dialog.runner, dialog.find_account)
    assert "Nie znaleziono konta" in dialog.error_text()
    assert dialog.account is None and not dialog.register_button.isEnabled()
    scanned = find_scanned_account(ctx, counter, code)
    register_return_form(ctx, counter, ReturnFormInput(
        scanned.row.account_id, scanned.version, "a@wp.pl", True, False, ctx.now(),
        Channel.COUNTER_B84))
    dialog.code.setFocus()
    with qtbot.waitSignal(dialog.runner.settled, timeout=WAIT_MS):
        qtbot.keyClicks(dialog.code, code)  # typed (or a scanner typing into the field)
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert "formularz już zarejestrowano 02.03.2026" in dialog.account_label.text()
    assert not dialog.register_button.isEnabled()


def test_batch_pdf_saved_again(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor],
                               tmp_path: Path) -> None:
    boss = staff[Role.SUPERVISOR]
    import_waiting(ctx, boss, tmp_path, 4)
    make_batch(ctx, boss, 4, date(2026, 3, 2))
    window = MigrationWindow(ctx, boss)
    qtbot.addWidget(window)
    settled(qtbot)
    out = tmp_path / "again.pdf"
    settle(qtbot, window.runner, lambda: window.save_selected_pdf(out))
    assert len(PdfReader(out).pages) == 4 + 1
    assert f"Partia 1: 4 pism zapisano w pliku {out}." == window.batch_result.text()
    settle(qtbot, window.runner, lambda: window.save_selected_pdf(tmp_path))
    assert "Nie można zapisać pliku" in window.error_label.text()
