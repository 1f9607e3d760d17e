"""Letter texts (legal bases, agreement clauses) edited by the administrator: saved, used by
the next letter, an empty text named at its field, a conflict keeps what was typed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ui_test_support import settle, settled

from clerk_app.services.admin.settings import load_letter_texts, save_letter_texts
from clerk_app.ui.letter_texts_dialog import TEXT_FIELDS, LetterTextsDialog
from clerk_app.ui.main_window import MainWindow


def _dialog(qtbot, ctx, admin) -> LetterTextsDialog:
    main = MainWindow(ctx, admin)
    qtbot.addWidget(main)
    settings = main.open_settings()
    settled(qtbot)
    dialog = settings.open_letter_texts()
    settled(qtbot)
    return dialog


def test_every_text_has_a_named_input_filled_from_the_database(qtbot, ctx, admin) -> None:
    dialog = _dialog(qtbot, ctx, admin)
    stored = load_letter_texts(ctx, admin)
    assert set(dialog.inputs) == set(TEXT_FIELDS)
    for key, edit in dialog.inputs.items():
        assert edit.objectName() == key
        assert edit.toPlainText() == getattr(stored, key)
    assert "ochronie praw lokatorów" in dialog.inputs["legal_basis_consent"].toPlainText()


def test_saved_text_is_stored(qtbot, ctx, admin, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx, admin)
    dialog.inputs["legal_basis_refusal"].setPlainText("Uchwała nr XII/34/2026 Rady Miasta.")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.save_button.click()
    assert load_letter_texts(ctx, admin).legal_basis_refusal == \
        "Uchwała nr XII/34/2026 Rady Miasta."
    dialog.grab().save(str(tmp_path / "letter_texts.png"))


def test_empty_text_is_named_and_focused(qtbot, ctx, admin) -> None:
    dialog = _dialog(qtbot, ctx, admin)
    dialog.show()
    dialog.inputs["remedy_authority"].setPlainText("   ")
    settle(qtbot, dialog.runner, dialog.save_button.click)
    assert "Organ rozpatrujący" in dialog.error_text()
    assert dialog.inputs["remedy_authority"].hasFocus()


def test_conflict_keeps_typed_text(qtbot, ctx, admin) -> None:
    dialog = _dialog(qtbot, ctx, admin)
    current = load_letter_texts(ctx, admin)
    save_letter_texts(ctx, admin, dataclasses.replace(current, remedy_through="Wydziału X"))
    dialog.inputs["remedy_through"].setPlainText("Biura Y")
    settle(qtbot, dialog.runner, dialog.save_button.click)
    assert "zmieniony przez innego użytkownika" in dialog.error_text()
    assert dialog.inputs["remedy_through"].toPlainText() == "Biura Y"
    assert load_letter_texts(ctx, admin).remedy_through == "Wydziału X"
