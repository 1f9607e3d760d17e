"""*Formularz zwrotny migracji…*: the counter scans the returned form's barcode (or types
the code), checks the account shown, types the e-mail and ticks the consents; registering
it records an incoming item and moves the account to IOK (``migrate``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import Channel
from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.legacy.answers import (
    ReturnFormInput,
    ReturnFormResult,
    ScannedAccount,
    find_scanned_account,
    register_return_form,
)
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.legacy.widgets import date_edit, outcome_label
from clerk_app.ui.qt_helpers import to_date
from clerk_app.ui.service_dialog import ServiceDialog


class ReturnFormDialog(ServiceDialog):
    """One form after another: after a registration the code field is ready for the next."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.account: ScannedAccount | None = None
        self.last_result: ReturnFormResult | None = None
        self.setWindowTitle(self.tr("Formularz zwrotny – przeniesienie konta do IOK"))
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setProperty("acceptsBarcode", True)  # the scanner types into it
        self.code.setPlaceholderText(self.tr("zeskanuj kod z formularza, np. M000000123"))
        self.find_button = QPushButton(self.tr("&Znajdź"), self)
        self.account_label = QLabel(self.tr("Zeskanuj kod kreskowy formularza zwrotnego."),
                                    self)
        self.account_label.setObjectName("account_label")
        self.account_label.setWordWrap(True)
        self.email = QLineEdit(self)
        self.email.setObjectName("email")
        self.consent = QCheckBox(self.tr("Zgoda na przeniesienie konta do IOK (zaznaczona i "
                                         "podpisana na formularzu)"), self)
        self.e_invoice = QCheckBox(self.tr("Zgoda na e-faktury na ten adres"), self)
        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.posted_on = date_edit(self, ctx.today())
        self.result_label = outcome_label(self, "result_label")
        scan = QHBoxLayout()
        scan.addWidget(self.code, 1)
        scan.addWidget(self.find_button)
        form = QFormLayout()
        code_label = QLabel(self.tr("&Kod konta:"), self)
        code_label.setBuddy(self.code)
        form.addRow(code_label, scan)
        form.addRow(self.tr("Konto:"), self.account_label)
        form.addRow(self.tr("&Adres e-mail:"), self.email)
        form.addRow("", self.consent)
        form.addRow("", self.e_invoice)
        form.addRow(self.tr("Sposób wpływu:"), self.channel)
        form.addRow(self.tr("Data nadania (poczta):"), self.posted_on)
        self.buttons = QDialogButtonBox(self)
        self.register_button = self.buttons.addButton(self.tr("&Zarejestruj"),
                                                      QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attach_error_label(QLabel(self)))
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.field_widgets = {"email": self.email, "migration_consent": self.consent,
                              "account_code": self.code}
        self.busy_widgets = [self.register_button, self.find_button]
        self.code.returnPressed.connect(self.find_account)
        self.find_button.clicked.connect(self.find_account)
        self.channel.currentIndexChanged.connect(lambda _i: self._update())
        self.resize(620, 380)
        self._show_account(None)

    def _update(self) -> None:
        self.posted_on.setEnabled(self.channel.currentData() == Channel.POST.value)
        ready = self.account is not None and self.account.row.answered_on is None
        for widget in (self.email, self.consent, self.e_invoice, self.register_button):
            widget.setEnabled(ready)

    def take_scan(self, code: str) -> None:
        """A code the main window's scanner read: look its account up."""
        self.code.setText(code)
        self.find_account()

    def find_account(self) -> None:
        ctx, actor, code = self.ctx, self.actor, self.code.text()
        self.result_label.setText("")
        self.op(lambda: find_scanned_account(ctx, actor, code)).on_success(
            self._show_account).run()

    def show_failure(self, error: Exception) -> None:
        super().show_failure(error)
        if self.account is None or not self.register_button.isEnabled():
            self._show_account(None)
            self.code.setFocus()
            self.code.selectAll()  # the next scan replaces the code that was not found

    def _show_account(self, account: ScannedAccount | None) -> None:
        self.account = account
        if account is None:
            self.account_label.setText(self.tr("Zeskanuj kod kreskowy formularza zwrotnego."))
        else:
            row = account.row
            text = self.tr("{0} – nr kontrahenta {1}, {2}; partia {3}").format(
                row.name, row.contractor_number, row.address or "—",
                row.batch_number if row.batch_number is not None else "—")
            if row.answered_on is not None:
                text += self.tr(" – formularz już zarejestrowano {0}.").format(
                    format_date_pl(row.answered_on))
            self.account_label.setText(text)
            self.email.setText(row.email or "")
            self.e_invoice.setChecked(account.e_invoice)
            self.consent.setChecked(False)
            self.email.setFocus()
        self._update()

    def register(self) -> None:
        account = self.account
        if account is None:
            return
        channel = Channel(self.channel.currentData())
        data = ReturnFormInput(
            account.row.account_id, account.version, self.email.text(),
            self.consent.isChecked(), self.e_invoice.isChecked(), self.ctx.now(), channel,
            to_date(self.posted_on.date()) if channel is Channel.POST else None)
        ctx, actor = self.ctx, self.actor
        self.op(lambda: register_return_form(ctx, actor, data)).on_success(
            self._registered).announcing(Change(ChangeKind.CASE)).run()

    def _registered(self, result: ReturnFormResult) -> None:
        self.last_result = result
        self.result_label.setText(self.tr(
            "Zarejestrowano pismo {0}; konto przeniesione do IOK (dane logowania na {1}).")
            .format(result.entry_number, result.email))
        self.account = None
        self.code.clear()
        self.email.clear()
        self.consent.setChecked(False)
        self.e_invoice.setChecked(False)
        self.account_label.setText(self.tr("Zeskanuj kod następnego formularza."))
        self._update()
        self.code.setFocus()
