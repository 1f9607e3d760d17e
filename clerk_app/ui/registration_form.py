"""The registration form: the fields every incoming item has (when and how it came, its kind,
the sender, the letter's own reference, subject, attachments and assignee), the place of the
part each kind adds, of the scans and of the buttons; their layout and keyboard order, and
what the form says as the service's input. (The dialog acts on it.)"""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import CaseKind, Channel, IncomingKind
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.admin.users import UserRow
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.intake.types import RegistrationInput, ScanUpload
from clerk_app.ui.date_inputs import DateTimeInput, OptionalDateEdit
from clerk_app.ui.deposit.registration_parts import DepositChecklistWarning, SupplementSection
from clerk_app.ui.qt_helpers import make_error_label
from clerk_app.ui.registration_kind_parts import CasePicker, DepositSection, IokSection
from clerk_app.ui.scan_drop_list import ScanDropList, ScanInboxList
from clerk_app.ui.sender_form import SenderForm

SUBJECTS = {IncomingKind.IOK_REQUEST: "Wniosek o utworzenie konta IOK",
            IncomingKind.DEPOSIT_PETITION: "Prośba o rozłożenie kaucji zabezpieczającej na raty",
            IncomingKind.SUPPLEMENT: "Uzupełnienie braków formalnych",
            IncomingKind.RECONSIDERATION: "Podanie o ponowne rozpatrzenie",
            IncomingKind.OTHER: "",
            IncomingKind.LEGACY_CONSENT: "Zgoda na przeniesienie konta do IOK"}


class RegistrationForm(QWidget):
    def __init__(self, ctx: AppContext, actor: Actor, settings: OfficeSettings,
                 users: list[UserRow], parent: QWidget) -> None:
        super().__init__(parent)
        self._auto_subject = ""
        self.received = DateTimeInput(self)
        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.posted = OptionalDateEdit(self)
        self.kind = QComboBox(self)
        for kind in IncomingKind:
            self.kind.addItem(kind.label, kind.value)
        self.sender_form = SenderForm(self)
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(100)
        self.reference_date = OptionalDateEdit(self)
        self.subject = QLineEdit(self)
        self.subject.setMaxLength(300)
        self.attachments = QSpinBox(self)
        self.attachments.setRange(0, 999)
        self.attachments.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("(nie przydzielono)"), None)
        for user in users:
            self.assignee.addItem(f"{user.full_name} ({user.role.label})", user.id)
        self.iok = IokSection(self)
        self.deposit = DepositSection(self)
        self.deposit_warning = DepositChecklistWarning(self)
        self.deposit_warning.follow(self.deposit.inputs(), self.deposit.value)
        self.picker = CasePicker(ctx, actor, self)
        self.supplement = SupplementSection(self)
        self.picker.caseChanged.connect(lambda _id: self._case_chosen())
        self.scan_list = ScanDropList(ctx, settings.scan_max_mb * 1048576, self)
        self.add_button = QPushButton(self.tr("&Dodaj plik…"), self)
        self.remove_button = QPushButton(self.tr("Usuń z listy"), self)
        self.inbox = ScanInboxList(settings.scan_inbox_dir, self)
        self.pick_button = QPushButton(self.tr("Dołącz ze skrzynki"), self)
        self.scan_message = QLabel(self)
        self.scan_message.setWordWrap(True)
        self.duplicates_label = QLabel(self)
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.hide()
        self.error_label = make_error_label(QLabel(self))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.save_button = QPushButton(self.tr("&Zapisz  (Ctrl+Enter)"), self)
        self.next_button = QPushButton(self.tr("&Następne pismo"), self)
        self.next_button.hide()
        self.cancel_button = QPushButton(self.tr("Anuluj"), self)
        for button in (self.add_button, self.remove_button, self.pick_button, self.save_button,
                       self.next_button, self.cancel_button):
            button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.scan_list.remove_selected)
        self.channel.currentIndexChanged.connect(lambda _i: self.channel_changed())
        self.received.dateChanged.connect(self._received_day_changed)
        self._lay_out(settings)
        self.channel_changed()
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        for first, second in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)

    def _received_day_changed(self, day: QDate) -> None:
        """A date typed into an empty posting or reference date starts from the received day."""
        self.posted.typing_start = self.reference_date.typing_start = day

    def _lay_out(self, settings: OfficeSettings) -> None:
        item = QGroupBox(self.tr("Przesyłka"), self)
        form = QFormLayout(item)
        form.addRow(self.tr("Data i godzina &wpływu:"), self.received)
        form.addRow(self.tr("&Sposób złożenia:"), self.channel)
        form.addRow(self.tr("Data &nadania (poczta):"), self.posted)
        form.addRow(self.tr("&Rodzaj pisma:"), self.kind)
        sender = QGroupBox(self.tr("Nadawca (wnioskodawca)"), self)
        QVBoxLayout(sender).addWidget(self.sender_form)
        letter = QGroupBox(self.tr("Pismo"), self)
        form = QFormLayout(letter)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.reference, 1)
        ref_row.addWidget(QLabel(self.tr("z dnia:"), self))
        ref_row.addWidget(self.reference_date)
        ref_label = QLabel(self.tr("Znak &pisma nadawcy:"), self)
        ref_label.setBuddy(self.reference)
        form.addRow(ref_label, ref_row)
        form.addRow(self.tr("&Treść (temat):"), self.subject)
        form.addRow(self.tr("Liczba za&łączników:"), self.attachments)
        form.addRow(self.tr("Prz&ydzielono do:"), self.assignee)
        scans = QGroupBox(self.tr("Skany dokumentów"), self)
        box = QVBoxLayout(scans)
        self.scan_list.setMinimumHeight(70)
        box.addWidget(QLabel(self.tr("Pliki do dołączenia (przeciągnij tu pliki):"), self))
        box.addWidget(self.scan_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        if self.inbox.available:
            box.addWidget(QLabel(self.tr("Skrzynka skanów ({0}):").format(
                settings.scan_inbox_dir), self))
            self.inbox.setMaximumHeight(90)
            box.addWidget(self.inbox)
            box.addWidget(self.pick_button)
        else:
            self.inbox.hide()
            self.pick_button.hide()
            box.addWidget(QLabel(self.tr("Skrzynka skanów: folder nie jest ustawiony "
                                         "(Administracja → Ustawienia)."), self))
        box.addWidget(self.scan_message)
        left, right = QVBoxLayout(), QVBoxLayout()
        for group in (item, sender, letter):
            left.addWidget(group)
        left.addStretch(1)
        for widget in (self.iok, self.deposit, self.deposit_warning, self.picker,
                       self.supplement, scans, self.duplicates_label):
            right.addWidget(widget)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        bottom = QHBoxLayout()
        hint = QLabel(self.tr("Enter – następne pole · Ctrl+Enter lub Ctrl+S – zapisz · "
                              "Esc – anuluj"), self)
        hint.setStyleSheet("color: #666;")
        bottom.addWidget(hint)
        bottom.addStretch(1)
        for button in (self.save_button, self.next_button, self.cancel_button):
            bottom.addWidget(button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(columns, 1)
        outer.addWidget(self.error_label)
        outer.addWidget(self.result_label)
        outer.addLayout(bottom)

    def tab_chain(self) -> list[QWidget]:
        """Every input in the order of the form (the tab order). The case a supplement or
        another letter belongs to comes right after the kind: it fills in the sender."""
        case = [*self.picker.inputs(), *self.supplement.inputs()]
        case_first = not self.picker.isHidden()
        return [self.received, self.channel, self.posted, self.kind,
                *(case if case_first else []), *self.sender_form.inputs(),
                self.reference, self.reference_date, self.subject, self.attachments,
                self.assignee, *self.iok.inputs(), *self.deposit.inputs(),
                *([] if case_first else case), self.scan_list,
                self.add_button, self.remove_button, self.inbox, self.pick_button,
                self.save_button, self.next_button, self.cancel_button]

    def field_widgets(self) -> dict[str, QWidget]:
        """The services' field keys → the inputs (to focus the first bad one)."""
        return {**self.sender_form.fields, **self.iok.fields, **self.deposit.fields,
                **self.picker.fields, **self.supplement.fields, "received_at": self.received,
                "posted_on": self.posted, "subject": self.subject,
                "sender_reference": self.reference, "sender_reference_date": self.reference_date,
                "attachments_count": self.attachments, "assignee_id": self.assignee,
                "scans": self.scan_list}

    def state(self) -> tuple[object, ...]:
        return (self.channel.currentIndex(), self.posted.date_value(), self.kind.currentIndex(),
                self.sender_form.state(), self.reference.text(), self.reference_date.date_value(),
                self.subject.text(), self.attachments.value(), self.assignee.currentIndex(),
                self.iok.state(), self.deposit.state(), self.picker.state(),
                self.supplement.state(), tuple(self.scan_list.paths()))

    def kind_changed(self) -> None:
        kind = IncomingKind(self.kind.currentData())
        self.iok.setVisible(kind == IncomingKind.IOK_REQUEST)
        self.deposit.setVisible(kind == IncomingKind.DEPOSIT_PETITION)
        self.deposit_warning.set_active(kind == IncomingKind.DEPOSIT_PETITION)
        self.picker.setVisible(kind in (IncomingKind.SUPPLEMENT, IncomingKind.OTHER))
        self.supplement.setVisible(self._supplements_deposit())
        if self.subject.text() in ("", self._auto_subject):
            self.subject.setText(SUBJECTS[kind])
        self._auto_subject = SUBJECTS[kind]
        self._set_tab_order()

    def _case_chosen(self) -> None:
        """The case of a supplement was found: its applicant is the sender, unless one has
        been typed already (e.g. a proxy's letter)."""
        self.kind_changed()
        applicant = self.picker.applicant
        if applicant is not None and self.sender_form.is_blank():
            self.sender_form.set_value(applicant)

    def _supplements_deposit(self) -> bool:
        """A supplement ("Uzupełnienie braków") to a deposit case: its check boxes count."""
        return (IncomingKind(self.kind.currentData()) == IncomingKind.SUPPLEMENT
                and self.picker.case_kind is CaseKind.DEPOSIT)

    def channel_changed(self) -> None:
        post = self.channel.currentData() == Channel.POST.value
        self.posted.setEnabled(post)
        if post and self.posted.date_value() is None:
            self.posted.setDate(self.received.date())

    def value(self) -> RegistrationInput:
        """What the form says, as the service's input record (no checks here)."""
        kind = IncomingKind(self.kind.currentData())
        channel = Channel(self.channel.currentData())
        qd, qt = self.received.date(), self.received.time()
        received = datetime(qd.year(), qd.month(), qd.day(), qt.hour(), qt.minute(),
                            tzinfo=OFFICE_TZ)
        return RegistrationInput(
            received_at=received, channel=channel, kind=kind, sender=self.sender_form.value(),
            subject=self.subject.text(),
            posted_on=self.posted.date_value() if channel == Channel.POST else None,
            sender_reference=self.reference.text(),
            sender_reference_date=self.reference_date.date_value(),
            attachments_count=self.attachments.value(), assignee_id=self.assignee.currentData(),
            case_id=self.picker.case_id if kind in (IncomingKind.SUPPLEMENT, IncomingKind.OTHER)
            else None,
            iok=self.iok.value() if kind == IncomingKind.IOK_REQUEST else None,
            deposit=self.deposit.value() if kind == IncomingKind.DEPOSIT_PETITION else None,
            supplement_items=self.supplement.value() if self._supplements_deposit() else (),
            scans=tuple(ScanUpload(p) for p in self.scan_list.paths()))

    def clear_for_next(self) -> None:
        self.sender_form.clear()
        for edit in (self.reference, self.subject):
            edit.clear()
        self.posted.set_date_value(None)
        self.reference_date.set_date_value(None)
        self.attachments.setValue(0)
        for section in (self.iok, self.deposit, self.picker, self.supplement):
            section.reset()
        self.scan_list.clear()
        self.scan_message.clear()
        self.result_label.hide()
        self.next_button.hide()
        self.cancel_button.setText(self.tr("Anuluj"))
