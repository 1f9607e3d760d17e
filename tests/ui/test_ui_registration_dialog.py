"""The registration dialog: bad scans, duplicates, validation, Esc, supplements, scan inbox."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import load_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import ScanUpload
from tests import samples
from tests.services.test_intake import deposit_petition, iok_request
from tests.ui.test_ui_case_list import type_text
from tests.ui.test_ui_registration_keyboard import (
    add_scans,
    focused,
    key,
    open_dialog,
    save_with,
)
from tests.ui.ui_test_support import WAIT_MS

Ctrl = Qt.KeyboardModifier.ControlModifier


def test_bad_files_are_refused_with_a_message(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    scan_list = dialog.form.scan_list
    good = samples.make_pdf(tmp_path / "dobry.pdf")
    empty = tmp_path / "pusty.pdf"
    empty.write_bytes(b"")
    bad = [samples.make_fake_exe(tmp_path / "program.pdf"), empty,
           samples.make_truncated_pdf(tmp_path / "uciety.pdf", good)]
    refused = add_scans(qtbot, scan_list, bad)
    assert len(refused) == 3 and scan_list.count() == 0
    message = dialog.form.scan_message.text()
    for part in ("„program.pdf” nie jest dokumentem PDF", "„pusty.pdf” jest pusty",
                 "„uciety.pdf” jest uszkodzony lub niekompletny"):
        assert part in message
    assert add_scans(qtbot, scan_list, [good]) == [] and scan_list.count() == 1
    assert add_scans(qtbot, scan_list, [good]) == ["Plik „dobry.pdf” jest już na liście."]
    assert scan_list.count() == 1


def test_known_scan_and_possible_duplicate_are_warned_but_saving_is_allowed(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf")
    first = intake.register_item(ctx, staff[Role.COUNTER], iok_request(scans=(ScanUpload(pdf),)))
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    assert add_scans(qtbot, f.scan_list, [pdf]) == []
    assert "był już dołączony jako S2026" in f.scan_message.text()
    f.sender_form.pesel.setFocus()
    type_text(f.sender_form.pesel, "44051401359")
    qtbot.waitUntil(lambda: f.duplicates_label.isVisible(), timeout=10000)
    assert first.signature and first.signature in f.duplicates_label.text()
    assert "ten sam PESEL" in f.duplicates_label.text()
    for edit, text in ((f.sender_form.first_name, "Józef"), (f.sender_form.last_name, "Nowy"),
                       (f.sender_form.email, "nowy@example.pl")):
        edit.setText(text)
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is not None and dialog.saved_result.signature == "ZGM.0143.2.2026"
    assert "był już dołączony" in f.result_label.text()


def test_validation_error_keeps_the_form_and_focuses_the_field(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    f.sender_form.first_name.setText("Jan")
    f.sender_form.last_name.setText("Kos")
    f.sender_form.postal_code.setText("4-94")
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is None
    # An IOK request without an e-mail is registered (deficient): only the postal code.
    assert "Adres e-mail" not in dialog.error_text() and "Kod pocztowy" in dialog.error_text()
    assert focused() is f.sender_form.postal_code  # the first bad field in the form
    assert f.sender_form.first_name.text() == "Jan" and f.sender_form.postal_code.text() == "4-94"
    f.sender_form.postal_code.setText("41-940")
    f.sender_form.email.setText("jan.kos@example.pl")
    save_with(qtbot, dialog, Ctrl, Qt.Key.Key_S)
    assert dialog.saved_result is not None and dialog.error_text() == ""


def test_escape_asks_before_discarding(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    key(qtbot, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible() and dialog.discard_box is None
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    dialog.form.sender_form.last_name.setFocus()
    type_text(dialog.form.sender_form.last_name, "Kowalska")
    key(qtbot, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert box is not None and box.isVisible() and dialog.isVisible()
    dialog.keep_button.click()  # "Wróć do formularza"
    assert dialog.isVisible() and dialog.form.sender_form.last_name.text() == "Kowalska"
    dialog.reject()
    assert dialog.discard_box is not None
    dialog.discard_button.click()  # "Porzuć"
    assert not dialog.isVisible()


def test_supplement_finds_its_case_by_signature(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition())
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.SUPPLEMENT.value))
    assert f.picker.isVisible() and not f.deposit.isVisible()
    assert f.subject.text() == "Uzupełnienie braków formalnych"
    f.picker.signature.setFocus()
    type_text(f.picker.signature, "bgm.7141.1.2026")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f.picker.case_id == case.case_id, timeout=WAIT_MS)  # looked up
    assert "Małgorzata Ślęzak" in f.picker.found.text()
    f.sender_form.first_name.setText("Małgorzata")
    f.sender_form.last_name.setText("Ślęzak")
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is not None, dialog.error_text()
    assert dialog.saved_result.signature == case.signature
    assert dialog.saved_result.entry_number == "2/2026"


def test_scan_inbox_lists_new_files_and_adds_the_picked_one(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    inbox = tmp_path / "skrzynka"
    inbox.mkdir()
    samples.make_pdf(inbox / "skan_001.pdf")
    settings = load_settings(ctx)
    save_settings(ctx, staff[Role.ADMIN], dataclasses.replace(settings,
                                                               scan_inbox_dir=str(inbox)))
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    box = dialog.form.inbox
    assert box.available and [box.item(i).text() for i in range(box.count())] == \
        ["skan_001.pdf"]
    samples.make_jpeg(inbox / "skan_002.jpg")
    (inbox / "notatka.txt").write_text("nie skan")
    qtbot.waitUntil(lambda: box.count() == 2, timeout=5000)
    box.setFocus()
    box.setCurrentRow([box.item(i).text() for i in range(2)].index("skan_002.jpg"))
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.form.scan_list.runner.is_idle, timeout=WAIT_MS)  # checked
    assert [p.name for p in dialog.form.scan_list.paths()] == ["skan_002.jpg"]
    assert [box.item(i).text() for i in range(box.count())] == ["skan_001.pdf"]
