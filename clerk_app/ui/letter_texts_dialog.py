"""Administrator's editor of the letter texts the office words itself: the legal basis each
letter kind cites, the agreement's party and missed-instalment clause, the remedy addressee.

So a change of a statute or a resolution needs no new release. Saved version-checked
(``save_letter_texts``); a conflict keeps what was typed.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.field_labels import FIELD_LABELS
from clerk_app.services.admin.settings import LetterTexts, load_letter_texts, save_letter_texts
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.qt_helpers import app_icon
from clerk_app.ui.service_dialog import ServiceDialog

TEXT_FIELDS = tuple(f.name for f in dataclasses.fields(LetterTexts) if f.name != "version")
_ONE_LINE = frozenset({"municipality_name", "remedy_authority", "remedy_through"})


class LetterTextsDialog(ServiceDialog):
    """One multi-line input per text, named by its key; Zapisz saves and closes."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self._version = 0
        self.setWindowTitle(self.tr("Teksty pism"))
        self.setWindowIcon(app_icon())
        intro = QLabel(self.tr(
            "Podstawy prawne i stałe fragmenty pism. Zmiana obowiązuje dla pism wystawionych "
            "od chwili zapisania; pisma już wystawione pozostają bez zmian."), self)
        intro.setWordWrap(True)
        inner = QWidget(self)
        form = QFormLayout(inner)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.inputs: dict[str, QPlainTextEdit] = {}
        for key in TEXT_FIELDS:
            edit = QPlainTextEdit(inner)
            edit.setObjectName(key)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(44 if key in _ONE_LINE else 84)
            label = QLabel(FIELD_LABELS.get(key, key) + ":", inner)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.inputs[key] = edit
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.attach_error_label(QLabel(self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Zapisz"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Anuluj"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        assert self.error_label is not None
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.field_widgets = dict(self.inputs)
        self.busy_widgets = [inner, self.save_button]
        self.resize(820, 620)
        self.reload()

    def reload(self) -> None:
        self.load(lambda: load_letter_texts(self.ctx, self.actor), self._loaded)

    def _loaded(self, texts: LetterTexts) -> None:
        for key, edit in self.inputs.items():
            edit.setPlainText(str(getattr(texts, key)))
        self._version = texts.version

    def values(self) -> LetterTexts:
        return LetterTexts(**{k: e.toPlainText() for k, e in self.inputs.items()},
                           version=self._version)

    def submit(self) -> None:
        texts = self.values()
        self.op(lambda: save_letter_texts(self.ctx, self.actor, texts)).on_success(
            self._saved).announcing(Change(ChangeKind.SETTINGS)).run()

    def _saved(self, texts: LetterTexts) -> None:
        self._loaded(texts)
        self.accept()

    def show_failure(self, error: Exception) -> None:
        super().show_failure(error)
        if isinstance(error, ConflictError):
            self.set_error(error.message + "\n" + self.tr(
                "Wpisane teksty pozostały w oknie; zamknij je i otwórz ponownie, aby "
                "zobaczyć zapisane."))
