"""The fields of an IOK request in the case view: what the clerk edits (role, premises,
contractor number, e-mail with its typo hint, phone, e-invoice consent, signature) and what
is only shown (person, postal address, channel, filing date). Inputs are keyed by the names
of ``IokRequestInput``, so a ``ValidationFailed`` focuses the right one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from clerk_app.domain.cases import ApplicantRole
from clerk_app.domain.email_hints import suggest_email
from clerk_app.domain.text import format_date_pl
from clerk_app.services.iok.types import IokRequestInput, IokRequestView


def _edit(parent: QWidget, length: int, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(length)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class IokRequestForm(QWidget):
    """The request's data; ``set_value`` shows a stored request, ``value`` reads the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = QLabel(self)
        self.postal = QLabel(self)
        self.filed = QLabel(self)
        self.role = QComboBox(self)
        for role in ApplicantRole:
            self.role.addItem(role.label, role.value)
        self.street = _edit(self, 120, "premises_street", self.tr("ulica"))
        self.building = _edit(self, 20, "premises_building", self.tr("nr"))
        self.flat = _edit(self, 20, "premises_flat", self.tr("lokal"))
        self.contractor = _edit(self, 40, "contractor_number", self.tr("jeśli znany"))
        self.email = _edit(self, 200, "email", "np. jan.kowalski@example.pl")
        self.email_hint = QLabel(self)
        self.email_hint.setStyleSheet("color: #8a5a00;")
        self.email_fix = QPushButton(self.tr("Po&praw"), self)
        self.email_fix.setAutoDefault(False)
        self.phone = _edit(self, 40, "phone")
        self.e_invoice = QCheckBox(self.tr("Zgoda na e-fakturę przesyłaną e-mailem"), self)
        self.signed = QCheckBox(self.tr("Wniosek podpisany (akceptacja regulaminu IOK)"), self)
        self.fields: dict[str, QWidget] = {
            "applicant_role": self.role, "premises_street": self.street,
            "premises_building": self.building, "premises_flat": self.flat,
            "contractor_number": self.contractor, "email": self.email, "phone": self.phone,
            "e_invoice_consent": self.e_invoice, "signed": self.signed}
        premises = QHBoxLayout()
        premises.addWidget(self.street, 3)
        premises.addWidget(self.building, 1)
        premises.addWidget(QLabel("/", self))
        premises.addWidget(self.flat, 1)
        hint = QHBoxLayout()
        hint.addWidget(self.email_hint, 1)
        hint.addWidget(self.email_fix)
        form = QFormLayout(self)
        form.addRow(self.tr("Wnioskodawca:"), self.person)
        form.addRow(self.tr("Adres do korespondencji:"), self.postal)
        form.addRow(self.tr("Wpływ:"), self.filed)
        form.addRow(self.tr("&Rola:"), self.role)
        premises_label = QLabel(self.tr("&Lokal (ulica, nr):"), self)
        premises_label.setBuddy(self.street)
        form.addRow(premises_label, premises)
        form.addRow(self.tr("Nr &kontrahenta ZGM:"), self.contractor)
        form.addRow(self.tr("Adres e-&mail:"), self.email)
        form.addRow(QLabel(self), hint)
        form.addRow(self.tr("&Telefon:"), self.phone)
        form.addRow("", self.e_invoice)
        form.addRow("", self.signed)
        self.email.textChanged.connect(lambda _t: self._update_hint())
        self.email_fix.clicked.connect(self.accept_hint)
        self._update_hint()

    def inputs(self) -> list[QWidget]:
        return [self.role, self.street, self.building, self.flat, self.contractor,
                self.email, self.email_fix, self.phone, self.e_invoice, self.signed]

    def set_editable(self, editable: bool) -> None:
        for edit in (self.street, self.building, self.flat, self.contractor, self.email,
                     self.phone):
            edit.setReadOnly(not editable)
        for widget in (self.role, self.e_invoice, self.signed, self.email_fix):
            widget.setEnabled(editable)

    def _update_hint(self) -> None:
        suggestion = suggest_email(self.email.text())
        self.email_hint.setText(self.tr("Czy chodziło o: {0}?").format(suggestion)
                                if suggestion else "")
        self.email_hint.setVisible(suggestion is not None)
        self.email_fix.setVisible(suggestion is not None)

    def accept_hint(self) -> None:
        suggestion = suggest_email(self.email.text())
        if suggestion:
            self.email.setText(suggestion)

    def set_value(self, v: IokRequestView) -> None:
        channel = v.channel.label if v.channel else "—"
        self.person.setText(v.applicant_name)
        self.postal.setText(v.postal_address or "—")
        self.filed.setText(f"{format_date_pl(v.received_on)} · {channel}")
        d = v.data
        self.role.setCurrentIndex(max(0, self.role.findData(d.applicant_role.value)))
        for edit, text in ((self.street, d.premises_street), (self.building,
                           d.premises_building), (self.flat, d.premises_flat),
                           (self.contractor, d.contractor_number), (self.email, d.email),
                           (self.phone, d.phone)):
            edit.setText(text or "")
        self.e_invoice.setChecked(d.e_invoice_consent)
        self.signed.setChecked(d.signed)

    def value(self) -> IokRequestInput:
        def opt(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return IokRequestInput(
            ApplicantRole(self.role.currentData()), self.street.text(), self.building.text(),
            self.flat.text(), opt(self.contractor), opt(self.email), opt(self.phone),
            self.e_invoice.isChecked(), self.signed.isChecked())

    def state(self) -> tuple[object, ...]:
        return (self.role.currentIndex(), self.street.text(), self.building.text(),
                self.flat.text(), self.contractor.text(), self.email.text(),
                self.phone.text(), self.e_invoice.isChecked(), self.signed.isChecked())
