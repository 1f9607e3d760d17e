"""The proxy part of the petition form: who acts, the power of attorney, and the stamp duty
(amount from the settings; paid on a day and in a way, or exempt — proposed from the
relation or the principal's exemption, overridden by the clerk with a reason)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.deposit_petition import (
    PowerOfAttorneyForm,
    StampDutyPayment,
    proposed_exemption,
)
from clerk_app.domain.money import format_money
from clerk_app.services.deposit.petition_types import ProxyInput
from clerk_app.ui.date_inputs import OptionalDateEdit


def _combo(parent: QWidget, none_text: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class ProxySection(QGroupBox):
    """Shown when a proxy acts; ``changed`` after each edit (the tab's dirty check)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pełnomocnik"), parent)
        self.override: bool | None = None  # the clerk's decision against the proposal
        self.editable = True
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.address = QLineEdit(self)
        self.address.setMaxLength(300)
        self.address.setPlaceholderText(self.tr("ulica, nr, kod pocztowy, miejscowość"))
        self.relation = _combo(self, self.tr("(wybierz)"),
                               [(r.label, r.value) for r in ProxyRelation])
        self.power = _combo(self, self.tr("Jeszcze nie złożono"),
                            [(f.label, f.value) for f in PowerOfAttorneyForm])
        self.principal_exempt = QCheckBox(self.tr("Moco&dawca zwolniony z opłaty skarbowej"),
                                          self)
        self.duty_amount = QLabel(self)
        self.proposal = QLabel(self)
        self.proposal.setWordWrap(True)
        self.exempt = QCheckBox(self.tr("Zwo&lnienie z opłaty skarbowej"), self)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("wymagany, gdy zmieniasz propozycję"))
        self.paid_on = OptionalDateEdit(self)
        self.payment = _combo(self, "—", [(p.label, p.value) for p in StampDutyPayment])
        self.fields: dict[str, QWidget] = {
            "proxy_name": self.name, "proxy_address": self.address,
            "proxy_relation": self.relation, "power_of_attorney": self.power,
            "principal_exempt": self.principal_exempt, "stamp_duty_exempt": self.exempt,
            "stamp_duty_override_reason": self.reason, "stamp_duty_paid_on": self.paid_on,
            "stamp_duty_payment": self.payment}
        for key, widget in self.fields.items():
            widget.setObjectName(key)
        self._lay_out()
        self.relation.currentIndexChanged.connect(lambda _i: self._proposal_changed())
        self.principal_exempt.toggled.connect(lambda _on: self._proposal_changed())
        self.exempt.toggled.connect(self._exempt_toggled)
        for edit in (self.name, self.address, self.reason):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        for combo in (self.power, self.payment):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.paid_on.dateChanged.connect(lambda _d: self.changed.emit())
        self.set_stamp_duty(Decimal("17.00"))
        self._proposal_changed()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Imię i nazwisko:"), self.name)
        form.addRow(self.tr("Adr&es pełnomocnika:"), self.address)
        form.addRow(self.tr("&Stosunek do mocodawcy:"), self.relation)
        form.addRow(self.tr("Pełno&mocnictwo:"), self.power)
        duty = QGroupBox(self.tr("Opłata skarbowa od pełnomocnictwa"), self)
        duty_form = QFormLayout(duty)
        duty_form.addRow(self.tr("Kwota:"), self.duty_amount)
        duty_form.addRow("", self.principal_exempt)
        duty_form.addRow(self.tr("Propozycja:"), self.proposal)
        duty_form.addRow("", self.exempt)
        duty_form.addRow(self.tr("Powód zmian&y:"), self.reason)
        duty_form.addRow(self.tr("Zapłacono d&nia:"), self.paid_on)
        duty_form.addRow(self.tr("Sposó&b zapłaty:"), self.payment)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(duty)

    def inputs(self) -> list[QWidget]:
        return [self.name, self.address, self.relation, self.power, self.principal_exempt,
                self.exempt, self.reason, self.paid_on, self.payment]

    def set_stamp_duty(self, amount: Decimal) -> None:
        self.duty_amount.setText(format_money(amount))

    def relation_value(self) -> ProxyRelation | None:
        data = self.relation.currentData()
        return ProxyRelation(data) if data else None

    def proposed(self) -> bool:
        return proposed_exemption(self.relation_value(), self.principal_exempt.isChecked())

    def exempt_now(self) -> bool:
        return self.proposed() if self.override is None else self.override

    def _proposal_changed(self) -> None:
        """A new relation or principal's exemption: show the proposal; the clerk's own
        decision stays only while it still differs from the proposal."""
        proposed = self.proposed()
        if self.override == proposed:
            self.override = None
        relation = self.relation_value()
        if self.principal_exempt.isChecked():
            why = self.tr("zwolniony – mocodawca jest zwolniony")
        elif relation is not None and relation.stamp_duty_exempt:
            why = self.tr("zwolniony – {0}").format(relation.label.lower())
        else:
            why = self.tr("opłata należna")
        self.proposal.setText(why)
        self._show_exemption()
        self.changed.emit()

    def _exempt_toggled(self, on: bool) -> None:
        self.override = None if on == self.proposed() else on
        self._show_exemption()
        self.changed.emit()

    def _show_exemption(self) -> None:
        exempt = self.exempt_now()
        self.exempt.blockSignals(True)
        self.exempt.setChecked(exempt)
        self.exempt.blockSignals(False)
        self.reason.setEnabled(self.override is not None and self.editable)
        for widget in (self.paid_on, self.payment):
            widget.setEnabled(not exempt and self.editable)

    def set_editable(self, editable: bool) -> None:
        """Counter staff see the section read-only."""
        self.editable = editable
        for edit in (self.name, self.address):
            edit.setReadOnly(not editable)
        for widget in (self.relation, self.power, self.principal_exempt, self.exempt):
            widget.setEnabled(editable)
        self._show_exemption()

    def set_value(self, proxy: ProxyInput | None, principal_exempt: bool,
                  override: bool | None, reason: str, paid_on: date | None,
                  payment: StampDutyPayment | None) -> None:
        self.blockSignals(True)
        self.name.setText(proxy.name if proxy else "")
        self.address.setText(proxy.address if proxy else "")
        _select(self.relation, proxy.relation.value if proxy and proxy.relation else None)
        _select(self.power, proxy.power_of_attorney.value
                if proxy and proxy.power_of_attorney else None)
        self.principal_exempt.setChecked(principal_exempt)
        self.override = override
        self._proposal_changed()
        self.reason.setText(reason)
        self.paid_on.set_date_value(paid_on)
        _select(self.payment, payment.value if payment else None)
        self.blockSignals(False)

    def proxy_value(self) -> ProxyInput:
        power = self.power.currentData()
        return ProxyInput(self.name.text(), self.address.text(), self.relation_value(),
                          PowerOfAttorneyForm(power) if power else None)

    def payment_value(self) -> StampDutyPayment | None:
        data = self.payment.currentData()
        return StampDutyPayment(data) if data else None

    def state(self) -> tuple[object, ...]:
        return (self.name.text(), self.address.text(), self.relation.currentIndex(),
                self.power.currentIndex(), self.principal_exempt.isChecked(), self.override,
                self.reason.text(), self.paid_on.date_value(), self.payment.currentIndex())
