"""Small dialogs of the "Pisma i terminy" tab: the summons with its list of deficiencies, and
one date (+ reason) dialog for extending a deadline, the delay notice and the removal of
deficiencies. Each runs its service call off the GUI thread, shows errors inline and, once
it saved, announces the change of the case and closes (accepted, with ``outcome`` set)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain import checklists as cl
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.field_labels import field_label
from clerk_app.ui.changes import Change
from clerk_app.ui.qt_helpers import to_date, to_qdate
from clerk_app.ui.service_dialog import ServiceDialog

MISSING_FIELD = "missing"  # the key of the field the summons service names
TYPICAL_DEFICIENCIES: dict[CaseKind, tuple[cl.ChecklistItem, ...]] = {
    CaseKind.DEPOSIT: (cl.DEPOSIT_PETITION, cl.DEPOSIT_PROPERTY_STATEMENT,
                       cl.DEPOSIT_POWER_OF_ATTORNEY, cl.DEPOSIT_STAMP_DUTY),
    CaseKind.IOK: (cl.IOK_SIGNATURE, cl.IOK_EMAIL, cl.IOK_EMAIL_INVALID, cl.IOK_NAME,
                   cl.IOK_PREMISES),
}


def _text_box(parent: QWidget, placeholder: str, lines: int) -> QPlainTextEdit:
    """A multi-line box where Tab moves on (keyboard use) instead of typing a tab."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class _ActionDialog(ServiceDialog):
    """OK runs ``work()`` in the pool; on success ``change`` is announced and the dialog
    closes with ``outcome`` set. Ctrl+Enter saves from anywhere, also from a multi-line box."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None,
                 change: Change | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.outcome: object = None
        self.change = change
        self.body = QVBoxLayout(self)
        self.attach_error_label(QLabel(self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self.busy_widgets = [self.ok_button]

    def finish_layout(self) -> None:
        assert self.error_label is not None
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    def set_error(self, message: str) -> None:
        """Show the message and grow the dialog so the (wrapped) text is not covered."""
        super().set_error(message)
        self.body.activate()
        needed = (self.body.totalHeightForWidth(self.width()) if self.body.hasHeightForWidth()
                  else self.body.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def work(self) -> Callable[[], object]:
        raise NotImplementedError

    def save(self) -> bool:
        if self.runner.is_busy():
            return False
        op = self.op(self.work()).on_success(self._succeeded)
        if self.change is not None:
            op.announcing(self.change)
        return op.run()

    def _succeeded(self, result: object) -> None:
        self.outcome = result
        self.accept()


class SummonsDialog(_ActionDialog):
    """Tick the typical deficiencies of the case kind and/or type others, one per line;
    ``issue(items)`` (run in the pool) issues the summons."""

    def __init__(self, kind: CaseKind, issue: Callable[[list[str]], object],
                 parent: QWidget | None = None, change: Change | None = None) -> None:
        super().__init__(self.tr("Wezwanie do uzupełnienia braków"),
                         self.tr("Wystaw wezwanie"), parent, change)
        self.issue = issue
        intro = QLabel(self.tr("Zaznacz braki formalne. Każdy brak będzie osobnym punktem "
                               "wezwania; termin na ich usunięcie biegnie od doręczenia."))
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        box = QGroupBox(self.tr("Typowe braki ({0})").format(kind.label), self)
        inner = QVBoxLayout(box)
        self.checks: list[QCheckBox] = []
        for item in TYPICAL_DEFICIENCIES.get(kind, ()):
            check = QCheckBox(item.label.replace("&", "&&"), box)
            check.setProperty("itemCode", item.code)
            inner.addWidget(check)
            self.checks.append(check)
        self.body.addWidget(box)
        widest = max((c.sizeHint().width() for c in self.checks), default=0)
        self.setMinimumWidth(max(self.minimumWidth(), widest + 60))  # no clipped labels
        self.other_label = QLabel(self.tr("&Inne braki (każdy w osobnym wierszu):"), self)
        self.other_edit = _text_box(self, self.tr("np. Czytelny podpis na stronie 2"), 4)
        self.other_label.setBuddy(self.other_edit)
        self.body.addWidget(self.other_label)
        self.body.addWidget(self.other_edit)
        self.finish_layout()
        self.field_widgets = {MISSING_FIELD: self.checks[0] if self.checks else self.other_edit}
        self.busy_widgets += [box, self.other_edit]
        (self.checks[0] if self.checks else self.other_edit).setFocus()

    def items(self) -> list[str]:
        """The ticked labels, then the typed lines (blank lines dropped)."""
        ticked = [c.text().replace("&&", "&") for c in self.checks if c.isChecked()]
        typed = [line.strip() for line in self.other_edit.toPlainText().splitlines()]
        return ticked + [line for line in typed if line]

    def work(self) -> Callable[[], object]:
        items, issue = self.items(), self.issue
        return lambda: issue(items)


@dataclass(frozen=True)
class DateReasonSpec:
    """What a date (+ reason) dialog asks. The fields are the keys the service uses in its
    validation errors, so a bad field gets the focus; their labels default to the field-label
    table."""

    title: str
    intro: str
    ok_text: str
    date_field: str
    initial: date
    reason_field: str | None = None
    reason_hint: str = ""
    reason_label: str = ""


class DateReasonDialog(_ActionDialog):
    """A date and (optionally) a required reason; ``call(day, reason)`` runs in the pool."""

    def __init__(self, spec: DateReasonSpec, call: Callable[[date, str], object],
                 parent: QWidget | None = None, change: Change | None = None) -> None:
        super().__init__(spec.title, spec.ok_text, parent, change)
        self.call = call
        intro = QLabel(spec.intro, self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.date_edit = QDateEdit(to_qdate(spec.initial), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        form.addRow(self._label(field_label(spec.date_field), self.date_edit), self.date_edit)
        self.field_widgets = {spec.date_field: self.date_edit}
        self.reason_edit: QPlainTextEdit | None = None
        if spec.reason_field is not None:
            self.reason_edit = _text_box(self, spec.reason_hint, 3)
            label = spec.reason_label or field_label(spec.reason_field)
            form.addRow(self._label(label, self.reason_edit), self.reason_edit)
            self.field_widgets[spec.reason_field] = self.reason_edit
        self.body.addLayout(form)
        self.finish_layout()
        self.busy_widgets += list(self.field_widgets.values())
        self.date_edit.setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(f"&{text}:", self)
        label.setBuddy(buddy)
        return label

    def reason(self) -> str:
        return self.reason_edit.toPlainText() if self.reason_edit is not None else ""

    def work(self) -> Callable[[], object]:
        day, reason, call = to_date(self.date_edit.date()), self.reason(), self.call
        return lambda: call(day, reason)
