"""The part each kind of incoming item adds to the registration form: the IOK request's
details, the deposit petition's (rent, instalments, proxy), and for a supplement or another
letter the case it belongs to (the case picker)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from clerk_app.domain.cases import ApplicantRole, CaseKind, ProxyRelation
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import deposit_for_rent
from clerk_app.domain.money import format_money, parse_money
from clerk_app.services.cases.detail import CaseDetail, case_for_identifier
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake.types import DepositDetailsInput, IokDetailsInput, SenderInput
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner

Inputs = list[QWidget]


def _state(widgets: Inputs) -> tuple[object, ...]:
    values: list[object] = []
    for w in widgets:
        if isinstance(w, QLineEdit):
            values.append(w.text())
        elif isinstance(w, QCheckBox):
            values.append(w.isChecked())
        elif isinstance(w, QComboBox):
            values.append(w.currentIndex())
        elif isinstance(w, QSpinBox):
            values.append(w.value())
    return tuple(values)


class IokSection(QGroupBox):
    """Tenant or owner, the premises (blank: the postal address), contractor number,
    e-invoice consent, signature present."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Wniosek o konto IOK"), parent)
        self.role = QComboBox(self)
        for role in ApplicantRole:
            self.role.addItem(role.label, role.value)
        self.contractor = QLineEdit(self)
        self.contractor.setMaxLength(40)
        self.contractor.setPlaceholderText(self.tr("jeśli znany"))
        self.e_invoice = QCheckBox(self.tr("Zgoda na e-fakturę przesyłaną e-mailem"), self)
        self.signed = QCheckBox(self.tr("Wniosek podpisany (akceptacja regulaminu IOK)"), self)
        self.premises_street = QLineEdit(self)
        self.premises_street.setMaxLength(120)
        self.premises_street.setPlaceholderText(self.tr("puste: jak adres wnioskodawcy"))
        self.premises_building = QLineEdit(self)
        self.premises_building.setMaxLength(20)
        self.premises_flat = QLineEdit(self)
        self.premises_flat.setMaxLength(20)
        premises = QHBoxLayout()
        premises.addWidget(self.premises_street, 3)
        premises.addWidget(self.premises_building, 1)
        premises.addWidget(QLabel("/", self))
        premises.addWidget(self.premises_flat, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Wnioskodawca &jest:"), self.role)
        premises_label = QLabel(self.tr("&Lokal (ulica, nr):"), self)
        premises_label.setBuddy(self.premises_street)
        form.addRow(premises_label, premises)
        form.addRow(self.tr("Nr &kontrahenta ZGM:"), self.contractor)
        form.addRow("", self.e_invoice)
        form.addRow("", self.signed)
        self.fields: dict[str, QWidget] = {
            "contractor_number": self.contractor, "premises_street": self.premises_street,
            "premises_building": self.premises_building, "premises_flat": self.premises_flat}
        self.reset()

    def inputs(self) -> Inputs:
        return [self.role, self.premises_street, self.premises_building, self.premises_flat,
                self.contractor, self.e_invoice, self.signed]

    def reset(self) -> None:
        self.role.setCurrentIndex(0)
        self.contractor.clear()
        for edit in (self.premises_street, self.premises_building, self.premises_flat):
            edit.clear()
        self.e_invoice.setChecked(False)
        self.signed.setChecked(True)

    def state(self) -> tuple[object, ...]:
        return _state(self.inputs())

    def value(self) -> IokDetailsInput:
        return IokDetailsInput(
            applicant_role=ApplicantRole(self.role.currentData()),
            contractor_number=self.contractor.text().strip() or None,
            e_invoice_consent=self.e_invoice.isChecked(), signed=self.signed.isChecked(),
            premises_street=self.premises_street.text(),
            premises_building=self.premises_building.text(),
            premises_flat=self.premises_flat.text())


class DepositSection(QGroupBox):
    """Monthly rent with a live deposit preview, instalments, justification and proxy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Prośba o rozłożenie kaucji na raty"), parent)
        self.rent = QLineEdit(self)
        self.rent.setPlaceholderText(self.tr("np. 612,35"))
        self.preview = QLabel(self)
        self.preview.setMinimumWidth(170)
        self.instalments = QSpinBox(self)
        self.instalments.setRange(2, 10)
        self.instalments.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.justification = QLineEdit(self)
        self.justification.setMaxLength(2000)
        self.statement = QCheckBox(self.tr("Dołączono oświadczenie o stanie majątkowym"), self)
        self.by_proxy = QCheckBox(self.tr("Składa pełnomocnik"), self)
        self.proxy_name = QLineEdit(self)
        self.proxy_name.setObjectName("proxy_name")
        self.proxy_address = QLineEdit(self)
        self.proxy_address.setObjectName("proxy_address")
        self.proxy_address.setMaxLength(300)
        self.proxy_address.setPlaceholderText(self.tr("ul. Przykładowa 1/2, 41-940 Piekary "
                                                      "Śląskie (tu trafią pisma)"))
        self.proxy_relation = QComboBox(self)
        for relation in ProxyRelation:
            self.proxy_relation.addItem(relation.label, relation.value)
        self.power_of_attorney = QCheckBox(self.tr("Dołączono pełnomocnictwo"), self)
        self.stamp_duty = QCheckBox(self.tr("Opłata skarbowa uiszczona"), self)
        self.exempt = QCheckBox(self.tr("Mocodawca zwolniony z opłaty skarbowej"), self)
        rent_row = QHBoxLayout()
        rent_row.addWidget(self.rent, 1)
        rent_row.addWidget(self.preview)
        form = QFormLayout(self)
        rent_label = QLabel(self.tr("&Czynsz miesięczny:"), self)
        rent_label.setBuddy(self.rent)
        form.addRow(rent_label, rent_row)
        form.addRow(self.tr("Liczba &rat:"), self.instalments)
        form.addRow(self.tr("&Uzasadnienie:"), self.justification)
        form.addRow("", self.statement)
        form.addRow("", self.by_proxy)
        form.addRow(self.tr("&Pełnomocnik:"), self.proxy_name)
        form.addRow(self.tr("Adres pełnomo&cnika:"), self.proxy_address)
        form.addRow(self.tr("&Stosunek do wnioskodawcy:"), self.proxy_relation)
        form.addRow("", self.power_of_attorney)
        form.addRow("", self.stamp_duty)
        form.addRow("", self.exempt)
        self.fields: dict[str, QWidget] = {"monthly_rent": self.rent,
                                           "instalments_requested": self.instalments,
                                           "proxy_name": self.proxy_name,
                                           "proxy_address": self.proxy_address}
        self.rent.textChanged.connect(self._update_preview)
        self.by_proxy.toggled.connect(self._proxy_toggled)
        self.proxy_relation.currentIndexChanged.connect(lambda _i: self._proxy_toggled(
            self.by_proxy.isChecked()))
        self.reset()

    def inputs(self) -> Inputs:
        return [self.rent, self.instalments, self.justification, self.statement, self.by_proxy,
                self.proxy_name, self.proxy_address, self.proxy_relation,
                self.power_of_attorney, self.stamp_duty, self.exempt]

    def reset(self) -> None:
        for edit in (self.rent, self.justification, self.proxy_name, self.proxy_address):
            edit.clear()
        self.instalments.setValue(10)
        for box in (self.statement, self.by_proxy, self.power_of_attorney, self.stamp_duty,
                    self.exempt):
            box.setChecked(False)
        self.proxy_relation.setCurrentIndex(0)
        self._proxy_toggled(False)
        self._update_preview()

    def state(self) -> tuple[object, ...]:
        return _state(self.inputs())

    def rent_amount(self) -> Decimal | None:
        try:
            return parse_money(self.rent.text(), "monthly_rent")
        except FieldError:
            return None

    def _update_preview(self) -> None:
        rent = self.rent_amount()
        if rent is None or rent <= 0:
            self.preview.setText(self.tr("Kaucja: —"))
        else:
            self.preview.setText(self.tr("Kaucja: {0}").format(format_money(
                deposit_for_rent(rent))))

    def _proxy_toggled(self, on: bool) -> None:
        exempt_relation = ProxyRelation(self.proxy_relation.currentData()).stamp_duty_exempt
        for widget in (self.proxy_name, self.proxy_address, self.proxy_relation,
                       self.power_of_attorney):
            widget.setEnabled(on)
        for widget in (self.stamp_duty, self.exempt):
            widget.setEnabled(on and not exempt_relation)

    def value(self) -> DepositDetailsInput:
        proxy = self.by_proxy.isChecked()
        return DepositDetailsInput(
            monthly_rent=self.rent_amount() or Decimal("0"),
            instalments_requested=self.instalments.value(),
            justification=self.justification.text().strip(),
            has_property_statement=self.statement.isChecked(), by_proxy=proxy,
            proxy_name=self.proxy_name.text().strip() or None if proxy else None,
            proxy_address=self.proxy_address.text().strip() if proxy else "",
            proxy_relation=ProxyRelation(self.proxy_relation.currentData()) if proxy else None,
            has_power_of_attorney=proxy and self.power_of_attorney.isChecked(),
            principal_exempt=proxy and self.exempt.isChecked(),
            stamp_duty_paid=proxy and self.stamp_duty.isChecked())


class CasePicker(QGroupBox):
    """The case a supplement belongs to: type its signature or scan its barcode (looked up
    off the GUI thread; a result for a text no longer in the field is dropped)."""

    caseChanged = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sprawa, której dotyczy pismo"), parent)
        self.ctx, self.actor = ctx, actor
        self.case_id: int | None = None
        self.case_kind: CaseKind | None = None  # of the case found
        self.applicant: SenderInput | None = None  # of the case found
        self.runner = OpRunner(self)
        self.signature = QLineEdit(self)
        self.signature.setPlaceholderText(self.tr("znak sprawy, np. BGM.7141.12.2026"))
        self.signature.setProperty("acceptsBarcode", True)  # a scan goes into the field
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.found.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(self.tr("Znak &sprawy:"), self.signature)
        form.addRow("", self.found)
        self.fields: dict[str, QWidget] = {"case_id": self.signature}
        self.signature.editingFinished.connect(self.look_up)
        self.signature.textEdited.connect(lambda _t: self._set(None, ""))

    def inputs(self) -> Inputs:
        return [self.signature]

    def reset(self) -> None:
        self.signature.clear()
        self._set(None, "")

    def state(self) -> tuple[object, ...]:
        return (self.signature.text(),)

    def look_up(self) -> None:
        """Find the case by its signature (or a scanned letter/scan identifier)."""
        text = self.signature.text().strip()
        if not text:
            self._set(None, "")
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: case_for_identifier(
            ctx, actor, text)).on_success(lambda detail: self._found(text, detail))
            .on_failure(lambda error: self._set(None, user_message(error))).quietly())

    def _found(self, text: str, detail: CaseDetail | None) -> None:
        if self.signature.text().strip() != text:
            return  # typed on meanwhile: that text is looked up when it is finished
        if detail is None:
            self._set(None, self.tr("Nie znaleziono sprawy o znaku „{0}”.").format(text))
            return
        self.signature.setText(detail.signature)
        self.case_kind, self.applicant = detail.kind, detail.applicant
        self._set(detail.id, self.tr("{0} – {1}, {2}; {3}").format(
            detail.signature, detail.applicant_name, detail.applicant.address_line,
            detail.status.label))

    def _set(self, case_id: int | None, text: str) -> None:
        changed = case_id != self.case_id
        self.case_id = case_id
        if case_id is None:
            self.case_kind = self.applicant = None
        self.found.setText(text)
        if changed:
            self.caseChanged.emit(case_id)
