"""The petition's substance as a form: rent (the deposit, 10 × rent, computed live, never
typed), instalments, first due date, justification, the flat, the signature, and the proxy
part (:mod:`petition_form_proxy`). Fields are named by the services' keys."""

from __future__ import annotations

import itertools
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.deposit_petition import MAX_INSTALMENTS, MIN_INSTALMENTS
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import deposit_for_rent
from clerk_app.domain.money import format_money, parse_money
from clerk_app.services.deposit.petition_types import PetitionInput
from clerk_app.ui.date_inputs import OptionalDateEdit
from clerk_app.ui.deposit.petition_form_proxy import ProxySection


def amount_text(amount: Decimal | None) -> str:
    """``1 234,56`` (no currency: the text of an amount field); empty for None."""
    return "" if amount is None else format_money(amount).removesuffix(" zł")


class PetitionForm(QWidget):
    """``changed`` after each edit. ``value()`` is the service's input (no checks here)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rent = QLineEdit(self)
        self.rent.setPlaceholderText(self.tr("np. 1 234,56"))
        self.rent.setMaxLength(20)
        self.deposit = QLabel(self)
        self.deposit.setObjectName("deposit_amount")
        self.deposit.setMinimumWidth(200)
        self.instalments = QSpinBox(self)
        self.instalments.setRange(MIN_INSTALMENTS, MAX_INSTALMENTS)
        self.first_due = OptionalDateEdit(self)
        self.justification = QPlainTextEdit(self)
        self.justification.setTabChangesFocus(True)
        self.justification.setMinimumHeight(60)
        self.justification.setMaximumHeight(90)
        self.premises = QLineEdit(self)
        self.premises.setMaxLength(200)
        self.premises.setPlaceholderText(self.tr("adres lokalu, może być inny niż adres "
                                                 "wnioskodawcy"))
        self.signed = QCheckBox(self.tr("Prośba &podpisana przez wnioskodawcę"), self)
        self.by_proxy = QCheckBox(self.tr("W imieniu wnioskodawcy działa pe&łnomocnik"), self)
        self.proxy = ProxySection(self)
        self.fields: dict[str, QWidget] = {
            "monthly_rent": self.rent, "instalments_requested": self.instalments,
            "first_due_on": self.first_due, "justification": self.justification,
            "premises_address": self.premises, "signed": self.signed,
            "by_proxy": self.by_proxy, **self.proxy.fields}
        for key, widget in self.fields.items():
            widget.setObjectName(key)
        self._lay_out()
        self.rent.textChanged.connect(lambda _t: self._rent_changed())
        self.by_proxy.toggled.connect(self._proxy_toggled)
        for edit in (self.premises,):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.justification.textChanged.connect(self.changed.emit)
        self.instalments.valueChanged.connect(lambda _v: self.changed.emit())
        self.first_due.dateChanged.connect(lambda _d: self.changed.emit())
        self.signed.toggled.connect(lambda _on: self.changed.emit())
        self.proxy.changed.connect(self.changed.emit)
        for first, second in itertools.pairwise(self.inputs()):
            QWidget.setTabOrder(first, second)
        self._rent_changed()
        self._proxy_toggled(False)

    def _lay_out(self) -> None:
        group = QGroupBox(self.tr("Prośba o rozłożenie kaucji na raty"), self)
        form = QFormLayout(group)
        rent_row = QHBoxLayout()
        rent_row.addWidget(self.rent, 1)
        rent_row.addWidget(self.deposit)
        rent_label = QLabel(self.tr("&Czynsz miesięczny (zł):"), self)
        rent_label.setBuddy(self.rent)
        form.addRow(rent_label, rent_row)
        form.addRow(self.tr("Liczba rat (&2–10):"), self.instalments)
        form.addRow(self.tr("&Termin pierwszej raty:"), self.first_due)
        form.addRow(self.tr("&Uzasadnienie:"), self.justification)
        form.addRow(self.tr("&Adres lokalu:"), self.premises)
        form.addRow("", self.signed)
        form.addRow("", self.by_proxy)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(group)
        box.addWidget(self.proxy)
        box.addStretch(1)

    def inputs(self) -> list[QWidget]:
        """Every input in the order of the form (the tab order)."""
        return [self.rent, self.instalments, self.first_due, self.justification, self.premises,
                self.signed, self.by_proxy, *self.proxy.inputs()]

    def set_stamp_duty(self, amount: Decimal) -> None:
        self.proxy.set_stamp_duty(amount)

    def set_editable(self, editable: bool) -> None:
        for edit in (self.rent, self.premises):
            edit.setReadOnly(not editable)
        self.justification.setReadOnly(not editable)
        for widget in (self.instalments, self.first_due, self.signed, self.by_proxy):
            widget.setEnabled(editable)
        self.proxy.set_editable(editable)

    def rent_amount(self) -> Decimal | None:
        """The typed rent; None when empty or not an amount (the service then says why)."""
        try:
            return parse_money(self.rent.text(), "monthly_rent")
        except FieldError:
            return None

    def _rent_changed(self) -> None:
        rent = self.rent_amount()
        if rent is None or rent <= 0:
            self.deposit.setText(self.tr("Kaucja (10 × czynsz): —"))
        else:
            self.deposit.setText(self.tr("Kaucja (10 × czynsz): {0}").format(
                format_money(deposit_for_rent(rent))))
        self.changed.emit()

    def _proxy_toggled(self, on: bool) -> None:
        self.proxy.setVisible(on)
        self.changed.emit()

    def set_value(self, data: PetitionInput) -> None:
        """Show ``data`` as stored (no ``changed`` signals meanwhile)."""
        self.blockSignals(True)
        self.rent.setText(amount_text(data.monthly_rent))
        self.instalments.setValue(data.instalments_requested)
        self.first_due.set_date_value(data.first_due_on)
        self.justification.setPlainText(data.justification)
        self.premises.setText(data.premises_address)
        self.signed.setChecked(data.signed)
        self.by_proxy.setChecked(data.proxy is not None)
        self.proxy.set_value(data.proxy, data.principal_exempt,
                             data.stamp_duty_exempt_override, data.stamp_duty_override_reason,
                             data.stamp_duty_paid_on, data.stamp_duty_payment)
        self.blockSignals(False)

    def _rent_value(self) -> Decimal | None:
        """The rent for the service: None when empty; an invalid text is refused by
        :meth:`rent_error` before saving."""
        return self.rent_amount() if self.rent.text().strip() else None

    def rent_error(self) -> FieldError | None:
        """The rent field's own error (an amount that cannot be read), before any save."""
        if not self.rent.text().strip():
            return None
        try:
            parse_money(self.rent.text(), "monthly_rent")
        except FieldError as exc:
            return exc
        return None

    def value(self) -> PetitionInput:
        proxy = self.proxy.proxy_value() if self.by_proxy.isChecked() else None
        override = self.proxy.override if proxy is not None else None
        return PetitionInput(
            monthly_rent=self._rent_value(), instalments_requested=self.instalments.value(),
            first_due_on=self.first_due.date_value(),
            justification=self.justification.toPlainText(),
            premises_address=self.premises.text(), signed=self.signed.isChecked(), proxy=proxy,
            principal_exempt=proxy is not None and self.proxy.principal_exempt.isChecked(),
            stamp_duty_paid_on=self.proxy.paid_on.date_value() if proxy else None,
            stamp_duty_payment=self.proxy.payment_value() if proxy else None,
            stamp_duty_exempt_override=override,
            stamp_duty_override_reason=self.proxy.reason.text() if override is not None
            else "")

    def state(self) -> tuple[object, ...]:
        return (self.rent.text(), self.instalments.value(), self.first_due.date_value(),
                self.justification.toPlainText(), self.premises.text(), self.signed.isChecked(),
                self.by_proxy.isChecked(), self.proxy.state())
