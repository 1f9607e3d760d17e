"""The sender / applicant fields: name, PESEL, address and contact.

The sender form is shared by the registration dialog and the case view's "Dane" tab. Every
input is registered under the field key the services use in ``ValidationFailed`` (the
attribute of ``SenderInput``), so a failing field can be focused whatever its label says.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from clerk_app.domain.email_hints import suggest_email
from clerk_app.services.intake.types import SenderInput


def grid_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


class SenderForm(QWidget):
    """Name, PESEL, address and contact of a sender (or of a case's applicant)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, default_city: str = "Piekary Śląskie"
                 ) -> None:
        super().__init__(parent)
        self.default_city = default_city
        self.first_name = self._edit(100)
        self.last_name = self._edit(100)
        self.pesel = self._edit(11, "00000000000")
        self.phone = self._edit(40)
        self.street = self._edit(120)
        self.building = self._edit(20)
        self.flat = self._edit(20)
        self.postal_code = self._edit(10, "00-000")
        self.city = self._edit(100)
        self.city.setText(default_city)
        self.email = self._edit(200, "np. jan.kowalski@example.pl")
        self.fields: dict[str, QWidget] = {
            "first_name": self.first_name, "last_name": self.last_name, "pesel": self.pesel,
            "phone": self.phone, "street": self.street, "building": self.building,
            "flat": self.flat, "postal_code": self.postal_code, "city": self.city,
            "email": self.email,
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = [
            [(self.tr("&Imię:"), self.first_name), (self.tr("Na&zwisko:"), self.last_name)],
            [(self.tr("PES&EL:"), self.pesel), (self.tr("&Telefon:"), self.phone)],
            [(self.tr("&Ulica:"), self.street), (self.tr("Nr &budynku / lokalu:"),
                                                   self.building)],
            [(self.tr("&Kod pocztowy:"), self.postal_code), (self.tr("&Miejscowość:"),
                                                           self.city)],
            [(self.tr("Adres e-&mail:"), self.email)],
        ]
        for r, row in enumerate(rows):
            for c, (text, widget) in enumerate(row):
                grid.addWidget(grid_label(text, widget, self), r, c * 2)
                span = 3 if len(row) == 1 else 1
                if widget is self.building:
                    pair = QGridLayout()
                    pair.setContentsMargins(0, 0, 0, 0)
                    pair.addWidget(self.building, 0, 0)
                    pair.addWidget(QLabel("/", self), 0, 1)
                    pair.addWidget(self.flat, 0, 2)
                    grid.addLayout(pair, r, c * 2 + 1)
                else:
                    grid.addWidget(widget, r, c * 2 + 1, 1, span)
        grid.addLayout(self._hint_row(), len(rows), 1, 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        inputs = self.inputs()
        for first, second in itertools.pairwise(inputs):
            QWidget.setTabOrder(first, second)

    def _hint_row(self) -> QHBoxLayout:
        """"Czy chodziło o …?" under the e-mail, with a button that takes the suggestion."""
        self.email_hint = QLabel(self)
        self.email_hint.setStyleSheet("color: #8a5a00;")
        self.email_fix = QPushButton(self.tr("&Popraw"), self)
        self.email_fix.setAutoDefault(False)
        self.email_fix.clicked.connect(self.accept_email_hint)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.email_hint, 1)
        row.addWidget(self.email_fix)
        self.email.textChanged.connect(lambda _text: self._update_hint())
        self._update_hint()
        return row

    def email_suggestion(self) -> str | None:
        """The address a likely typo in the e-mail probably means (None: looks right)."""
        return suggest_email(self.email.text())

    def _update_hint(self) -> None:
        suggestion = self.email_suggestion()
        self.email_hint.setText(self.tr("Czy chodziło o: {0}?").format(suggestion)
                                if suggestion else "")
        self.email_hint.setVisible(suggestion is not None)
        self.email_fix.setVisible(suggestion is not None)

    def accept_email_hint(self) -> None:
        suggestion = self.email_suggestion()
        if suggestion:
            self.email.setText(suggestion)
            self.changed.emit()
            self.email.setFocus()

    def _edit(self, max_length: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _text: self.changed.emit())
        return edit

    def inputs(self) -> list[QLineEdit]:
        """The inputs in tab order (the order they are laid out)."""
        return [self.first_name, self.last_name, self.pesel, self.phone, self.street,
                self.building, self.flat, self.postal_code, self.city, self.email]

    def value(self) -> SenderInput:
        def opt(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return SenderInput(
            first_name=self.first_name.text(), last_name=self.last_name.text(),
            pesel=opt(self.pesel), street=self.street.text(), building=self.building.text(),
            flat=self.flat.text(), postal_code=self.postal_code.text(), city=self.city.text(),
            phone=opt(self.phone), email=opt(self.email))

    def set_value(self, s: SenderInput) -> None:
        pairs = [(self.first_name, s.first_name), (self.last_name, s.last_name),
                 (self.pesel, s.pesel), (self.phone, s.phone), (self.street, s.street),
                 (self.building, s.building), (self.flat, s.flat),
                 (self.postal_code, s.postal_code), (self.city, s.city),
                 (self.email, s.email)]
        for edit, text in pairs:
            edit.setText(text or "")

    def is_blank(self) -> bool:
        """Nothing typed yet (the default city does not count)."""
        return all(not edit.text().strip() for edit in self.inputs() if edit is not self.city
                   ) and self.city.text().strip() in ("", self.default_city)

    def clear(self) -> None:
        self.set_value(SenderInput("", "", city=self.default_city))

    def state(self) -> tuple[str, ...]:
        return tuple(edit.text() for edit in self.inputs())
