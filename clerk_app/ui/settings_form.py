"""The office-settings editor shared by the first-start dialog and the settings dialog."""

from __future__ import annotations

import dataclasses
from typing import cast

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from clerk_app.domain.errors import FieldError
from clerk_app.domain.signatures import format_register_number, format_signature
from clerk_app.domain.validators import format_nrb
from clerk_app.services.admin.settings import SMTP_SECURITY_LABELS, OfficeSettings
from clerk_app.ui.qt_helpers import child, load_form

# Settings chosen from a list: value stored → Polish text shown.
_CHOICES: dict[str, dict[str, str]] = {"smtp_security": SMTP_SECURITY_LABELS}
_FIELDS = [f.name for f in dataclasses.fields(OfficeSettings) if f.name != "version"]


class OfficeSettingsForm(QWidget):
    """Tabs with one input per ``OfficeSettings`` field (the widgets are named as the fields).

    ``field_widgets`` maps the field keys used in service errors (the attribute names) to
    the inputs.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = load_form("office_settings_form", self, margin=0)
        self.tabs = child(form, QTabWidget, "settingsTabs")
        self.inputs: dict[str, QLineEdit | QSpinBox | QCheckBox | QComboBox] = {}
        for name in _FIELDS:
            widget = form.findChild(QWidget, name)
            if not isinstance(widget, QLineEdit | QSpinBox | QCheckBox | QComboBox):
                raise LookupError(f"Formularz ustawień nie zawiera pola „{name}”.")
            self.inputs[name] = widget
            if isinstance(widget, QLineEdit):
                widget.setMinimumWidth(320)
            if isinstance(widget, QComboBox):
                for value, text in _CHOICES[name].items():
                    widget.addItem(text, value)
        self.field_widgets: dict[str, QWidget] = dict(self.inputs)
        child(form, QPushButton, "scanDirButton").clicked.connect(self._choose_scan_dir)
        self.signature_example = self._example_row(form, "signature_pattern")
        self.register_example = self._example_row(form, "register_pattern")
        for name in ("signature_pattern", "register_pattern", "iok_unit", "iok_jrwa",
                     "deposit_unit", "deposit_jrwa"):
            edit = self.inputs[name]
            assert isinstance(edit, QLineEdit)
            edit.textChanged.connect(lambda _text: self._show_examples())
        self._show_examples()
        self._version = 0
        self._loaded = OfficeSettings()

    def set_values(self, settings: OfficeSettings) -> None:
        """Fill every input from ``settings`` (its version is kept for saving)."""
        for name, widget in self.inputs.items():
            value = getattr(settings, name)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif name in ("stamp_duty", "max_monthly_rent"):
                widget.setText(str(value).replace(".", ","))
            elif name == "deposit_bank_account" and value:
                try:
                    widget.setText(format_nrb(str(value)))
                except FieldError:
                    widget.setText(str(value))
            else:
                widget.setText(str(value))
        self._version = settings.version
        self._loaded = settings

    def values(self) -> OfficeSettings:
        """What is typed, as settings with the version last loaded (the service validates)."""
        data: dict[str, object] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QSpinBox):
                data[name] = widget.value()
            elif isinstance(widget, QCheckBox):
                data[name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                data[name] = widget.currentData()
            else:
                data[name] = widget.text()
        return dataclasses.replace(self._loaded, **data,  # type: ignore[arg-type]
                                   version=self._version)

    def _example_row(self, form: QWidget, name: str) -> QLabel:
        """A grey line under the pattern ``name`` showing what it makes."""
        layout = child(form, QFormLayout, "signaturesTabForm")
        position = cast(tuple[int, object], layout.getWidgetPosition(self.inputs[name]))
        row = position[0]
        label = QLabel()
        label.setObjectName(f"{name}_example")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setEnabled(False)  # drawn grey: a hint, not a field
        label.setWordWrap(True)
        layout.insertRow(row + 1, "", label)
        return label

    def _show_examples(self) -> None:
        """The patterns as the office will see them: number 12 of the current year."""
        text = {name: edit.text() for name, edit in self.inputs.items()
                if isinstance(edit, QLineEdit)}
        year = QDate.currentDate().year()
        try:
            deposit = format_signature(text["signature_pattern"], text["deposit_unit"],
                                       text["deposit_jrwa"], 12, year)
            iok = format_signature(text["signature_pattern"], text["iok_unit"],
                                   text["iok_jrwa"], 12, year)
            self.signature_example.setText(
                self.tr("np. {0} (kaucja), {1} (IOK)").format(deposit, iok))
        except FieldError as exc:
            self.signature_example.setText(exc.message)
        try:
            self.register_example.setText(self.tr("np. {0}").format(
                format_register_number(text["register_pattern"], 12, year)))
        except FieldError as exc:
            self.register_example.setText(exc.message)

    def input(self, name: str) -> QLineEdit | QSpinBox | QCheckBox | QComboBox:
        return self.inputs[name]

    def _choose_scan_dir(self) -> None:
        edit = self.inputs["scan_inbox_dir"]
        assert isinstance(edit, QLineEdit)
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Katalog skanów do wczytania"), edit.text()
        )
        if chosen:
            edit.setText(chosen)
