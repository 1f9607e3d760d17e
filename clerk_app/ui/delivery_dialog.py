"""Recording the delivery of an outgoing letter from its scanned barcode identifier.

The scanner types the identifier and Enter into the "Kod pisma" field (or the main window's
barcode filter opens the dialog with :meth:`DeliveryDialog.for_identifier`). The dialog
shows the letter, and the user picks how it was delivered: on the ZPO date, not collected
after a first notice (the deemed delivery date and its explanation are shown), at the
counter, or by e-mail (a reading confirmation is a delivery only where the office's setting
says so; the dialog says which). It also records the day the letter was sent and the day it
came back to the sender. OK records it through the delivery service.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.errors import FieldError
from clerk_app.domain.letter_kinds import DeliveryMethod
from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.delivery import (
    DeliveryDesk,
    delivery_desk,
    record_delivery,
    record_not_collected,
    record_returned,
    record_sent,
)
from clerk_app.services.letters.types import DeliveryResult, LetterView
from clerk_app.ui.changes import CASE_WORK, Change, ChangeKind, broadcast
from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.qt_helpers import to_date, to_qdate
from clerk_app.ui.service_dialog import ServiceDialog

__all__ = ["DeliveryDialog", "to_date", "to_qdate"]

POST, NOT_COLLECTED, COUNTER, EMAIL, SENT, RETURNED = range(6)


class _EnterFilter(QObject):
    """Enter in the code field looks the letter up instead of pressing OK."""

    def __init__(self, dialog: DeliveryDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dialog.look_up()
            return True
        return super().eventFilter(watched, event)


class DeliveryDialog(ServiceDialog):
    """Find a letter by identifier and record its delivery; accepted with ``outcome`` set."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.letter: LetterView | None = None
        self.calendar: LegalCalendar | None = None
        self.email_read_counts = False
        self.outcome: DeliveryResult | None = None
        self.setWindowTitle(self.tr("Doręczenie pisma"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.identifier_edit = QLineEdit()
        self.identifier_edit.setPlaceholderText(self.tr("Zeskanuj kod kreskowy pisma"))
        self.identifier_edit.setProperty("acceptsBarcode", True)  # see barcode_filter
        self.identifier_edit.installEventFilter(_EnterFilter(self))
        self.find_button = QPushButton(self.tr("Szukaj"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.look_up)
        row.addWidget(QLabel(self.tr("Kod pisma:")))
        row.addWidget(self.identifier_edit, 1)
        row.addWidget(self.find_button)
        layout.addLayout(row)

        self.letter_label = QLabel(self.tr("Zeskanuj kod z potwierdzenia odbioru."))
        self.letter_label.setWordWrap(True)
        self.letter_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.letter_label)

        self.how_box = QGroupBox(self.tr("Sposób doręczenia"))
        form = QFormLayout(self.how_box)
        self.method_group = QButtonGroup(self)
        labels = (self.tr("Doręczono – data z potwierdzenia odbioru (ZPO)"),
                  self.tr("Nieodebrane – pierwsze awizo dnia …"),
                  self.tr("Doręczono w urzędzie"),
                  self.tr("Doręczono e-mailem (potwierdzenie odczytu)"),
                  self.tr("Wysłano – data nadania"),
                  self.tr("Zwrócono do nadawcy – data zwrotu"))
        for number, text in enumerate(labels):
            button = QRadioButton(text)
            self.method_group.addButton(button, number)
            form.addRow(button)
        self.method_group.button(POST).setChecked(True)
        self.date_label = QLabel()
        self.date_edit = DateInput(to_qdate(ctx.today()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self._date_titles = {NOT_COLLECTED: self.tr("Data pierwszego awizo:"),
                             SENT: self.tr("Data nadania:"), RETURNED: self.tr("Data zwrotu:")}
        self._delivered_title = self.tr("Data doręczenia:")
        metrics = self.date_label.fontMetrics()  # the label changes: room for the longest
        self.date_label.setMinimumWidth(max(
            metrics.horizontalAdvance(t)
            for t in (*self._date_titles.values(), self._delivered_title)) + 4)
        form.addRow(self.date_label, self.date_edit)
        layout.addWidget(self.how_box)
        # Below the box, not in its form: a form row of wrapped text overlapped the date
        # field and lost its last line; the dialog grows to show every line.
        self.deemed_label = QLabel()
        self.deemed_label.setObjectName("deemed_label")
        self.deemed_label.setTextFormat(Qt.TextFormat.PlainText)  # lines broken by hand:
        self.deemed_label.setContentsMargins(8, 0, 8, 0)  # a wrapped label's height is guessed
        layout.addWidget(self.deemed_label)

        self.attach_error_label(QLabel())
        assert self.error_label is not None
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Zapisz doręczenie"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.field_widgets = {"delivered_on": self.date_edit,
                              "first_notice_on": self.date_edit,
                              "sent_on": self.date_edit, "returned_on": self.date_edit,
                              "delivery_status": self.identifier_edit}
        self.busy_widgets = [self.identifier_edit, self.find_button, self.how_box,
                             self.ok_button]
        self.method_group.idToggled.connect(lambda _id, _on: self._update())
        self.date_edit.dateChanged.connect(lambda _d: self._update())
        broadcast().changed.connect(self._on_change)
        self._update()

    @classmethod
    def for_identifier(cls, ctx: AppContext, actor: Actor, identifier: str,
                       parent: QWidget | None = None) -> DeliveryDialog:
        """A dialog with ``identifier`` already looked up (from the barcode filter)."""
        dialog = cls(ctx, actor, parent)
        dialog.identifier_edit.setText(identifier)
        if identifier.strip():  # an empty desk waits for the first scan
            dialog.look_up()
        return dialog

    def method(self) -> int:
        return self.method_group.checkedId()

    def look_up(self, focus: bool = True) -> None:
        """Find the letter whose identifier is in the code field (off the GUI thread)."""
        ctx, actor, text = self.ctx, self.actor, self.identifier_edit.text()
        if not text.strip():
            self.set_error(self.tr("Zeskanuj kod kreskowy pisma albo wpisz jego kod."))
            self.identifier_edit.setFocus()
            return
        self.op(lambda: delivery_desk(ctx, actor, text)).on_success(
            lambda desk: self._found(desk, focus)).on_failure(self._not_found).run()

    def _found(self, desk: DeliveryDesk, focus: bool) -> None:
        self.letter, self.calendar = desk.letter, desk.calendar
        self.email_read_counts = desk.email_read_counts
        if self.letter is None:
            self.set_error(self.tr("Nie znaleziono pisma o kodzie „{0}”.")
                           .format(self.identifier_edit.text().strip()))
        self._show_letter()
        if self.letter is not None and focus:
            self.date_edit.setFocus()
        elif focus:
            self.identifier_edit.setFocus()
            self.identifier_edit.selectAll()

    def _not_found(self, error: Exception) -> None:
        self.show_failure(error)
        self.letter = None
        self._show_letter()
        self.identifier_edit.setFocus()
        self.identifier_edit.selectAll()

    @Slot(object)
    def _on_change(self, change: object) -> None:
        """The letter was delivered elsewhere or a day off moved the dates: read again."""
        letter = self.letter
        if (letter is not None and self.outcome is None and isinstance(change, Change)
                and change.concerns(ChangeKind.LETTERS | ChangeKind.DAYS_OFF,
                                    letter.case_id)):
            self.look_up(focus=False)

    def _show_letter(self) -> None:
        letter = self.letter
        if letter is None:
            self.letter_label.setText(self.tr("Zeskanuj kod z potwierdzenia odbioru."))
        else:
            lines = [self.tr("Pismo {0}: {1}").format(letter.identifier, letter.kind_label),
                     self.tr("Sprawa: {0}, pismo z dnia {1}").format(
                         letter.case_signature, format_date_pl(letter.dated_on)),
                     self.tr("Adresat: {0}").format(", ".join(letter.addressee.splitlines())),
                     self.tr("Stan: {0}").format(letter.state.label)]
            when = letter.returned_on or letter.effective_delivery or letter.sent_on
            if when:
                lines[-1] += f" ({format_date_pl(when)})"
            if letter.email_read_on:
                lines.append(self.tr("Potwierdzenie odczytu e-maila: {0} (nie jest "
                                     "doręczeniem)").format(format_date_pl(letter.email_read_on)))
            self.letter_label.setText("\n".join(lines))
        self._update()

    def _update(self) -> None:
        letter = self.letter
        open_ = letter is not None and letter.returned_on is None
        pending = open_ and letter is not None and letter.delivery_status.value == "pending"
        returnable = open_ and letter is not None and letter.delivery_status.value != "delivered"
        for number in (POST, NOT_COLLECTED, COUNTER, EMAIL, SENT):
            self.method_group.button(number).setEnabled(pending)
        self.method_group.button(RETURNED).setEnabled(returnable)
        self.how_box.setEnabled(returnable)
        method = self.method()
        self.ok_button.setEnabled(pending or (returnable and method == RETURNED))
        not_collected = method == NOT_COLLECTED
        self.date_label.setText(self._date_titles.get(method, self._delivered_title))
        email_note = method == EMAIL and not self.email_read_counts
        self.deemed_label.setVisible(not_collected or email_note)
        if email_note:
            self.deemed_label.setText(self.tr(
                "Potwierdzenie odczytu zostanie zapisane przy piśmie, ale zgodnie\n"
                "z ustawieniami urzędu nie jest doręczeniem: termin nie zacznie biec."))
            self._fit()
        if not_collected and self.calendar is not None:
            try:
                computed = self.calendar.deemed_delivery(to_date(self.date_edit.date()))
            except FieldError as exc:
                self.deemed_label.setText(exc.message)
                return
            lines = [self.tr("Doręczenie zastępcze (art. 44 KPA): {0}").format(
                format_date_pl(computed.result)), *computed.explanation_lines()]
            self.deemed_label.setText("\n".join(
                "\n".join(textwrap.wrap(line, 80, subsequent_indent="    ")) for line in lines))
            self._fit()

    def _fit(self) -> None:
        """Grow the dialog so every line of the explanation shows (never shrink it)."""
        hint = self.sizeHint()
        if hint.height() > self.height() or hint.width() > self.width():
            self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def deemed_text(self) -> str:
        return (self.deemed_label.text()
                if self.deemed_label.isVisible() and self.method() == NOT_COLLECTED else "")

    def save(self) -> None:
        """Record the delivery in the background; on success the dialog closes."""
        letter = self.letter
        if letter is None:
            self.set_error(self.tr("Najpierw zeskanuj lub wpisz kod pisma."))
            return
        day, method = to_date(self.date_edit.date()), self.method()
        ctx, actor = self.ctx, self.actor

        def work() -> DeliveryResult:
            if method == SENT:
                return DeliveryResult(record_sent(ctx, actor, letter.id, letter.version, day),
                                      None)
            if method == RETURNED:
                return DeliveryResult(
                    record_returned(ctx, actor, letter.id, letter.version, day), None)
            if method == NOT_COLLECTED:
                return record_not_collected(ctx, actor, letter.id, letter.version, day)
            how = {POST: DeliveryMethod.POST, COUNTER: DeliveryMethod.COUNTER,
                   EMAIL: DeliveryMethod.EMAIL}[method]
            return record_delivery(ctx, actor, letter.id, letter.version, day, how)

        self.op(work).on_success(self._saved).announcing(
            Change(CASE_WORK, letter.case_id)).run()

    def _saved(self, result: DeliveryResult) -> None:
        self.outcome = result
        self.accept()
