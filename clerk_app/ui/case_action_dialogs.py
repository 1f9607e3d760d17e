"""Small dialogs of the "Pisma i terminy" tab: the summons with its list of deficiencies, and
one date (+ reason) dialog for extending a deadline, the delay notice and the removal of
deficiencies. Each runs its service call off the GUI thread, shows errors inline and, once
it saved, announces the change of the case and closes (accepted, with ``outcome`` set)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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
from clerk_app.domain.petition_checklist import ChecklistLine, ItemState
from clerk_app.ui.changes import Change
from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import to_date, to_qdate, translate
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


ChecklistSource = Callable[[], tuple[ChecklistLine, ...]]


class SummonsDialog(_ActionDialog):
    """Tick the deficiencies and/or type others, one per line; ``issue(items)`` (run in the
    pool) issues the summons. For a deposit petition ``checklist`` (run in the pool) gives
    its checklist: the missing items come pre-ticked, an item that does not apply is shown
    disabled and cannot be demanded; without a petition the typical deficiencies stay."""

    checklistShown = Signal()

    def __init__(self, kind: CaseKind, issue: Callable[[list[str]], object],
                 parent: QWidget | None = None, change: Change | None = None,
                 checklist: ChecklistSource | None = None) -> None:
        super().__init__(self.tr("Wezwanie do uzupełnienia braków"),
                         self.tr("Wystaw wezwanie"), parent, change)
        self.issue = issue
        intro = QLabel(self.tr("Zaznacz braki formalne. Każdy brak będzie osobnym punktem "
                               "wezwania; termin na ich usunięcie biegnie od doręczenia."))
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.box = QGroupBox(self.tr("Typowe braki ({0})").format(kind.label), self)
        self.box_layout = QVBoxLayout(self.box)
        self.checks: list[QCheckBox] = []
        for item in TYPICAL_DEFICIENCIES.get(kind, ()):
            self._add_check(item.label, item.code)
        self.body.addWidget(self.box)
        self.other_label = QLabel(self.tr("&Inne braki (każdy w osobnym wierszu):"), self)
        self.other_edit = _text_box(self, self.tr("np. Czytelny podpis na stronie 2"), 4)
        self.other_edit.setObjectName("other_missing")
        self.other_label.setBuddy(self.other_edit)
        self.body.addWidget(self.other_label)
        self.body.addWidget(self.other_edit)
        self.other_edit.textChanged.connect(self._answered)
        self.finish_layout()
        self._fit_checks()
        self.busy_widgets += [self.box, self.other_edit]
        (self.checks[0] if self.checks else self.other_edit).setFocus()
        self.checklist_runner = OpRunner(self)
        if checklist is not None:
            Op(self.checklist_runner, checklist).on_success(self.show_checklist).on_failure(
                lambda _error: None).quietly().run()  # no petition: the typical items stay

    def _add_check(self, label: str, code: str, state: ItemState | None = None) -> QCheckBox:
        text = label if state is not ItemState.NOT_APPLICABLE else self.tr(
            "{0} – nie dotyczy").format(label)
        check = QCheckBox(text.replace("&", "&&"), self.box)
        check.setObjectName(code)
        check.setProperty("itemCode", code)
        check.setProperty("deficiency", label)
        check.setChecked(state is ItemState.MISSING)
        check.setEnabled(state is not ItemState.NOT_APPLICABLE)
        check.toggled.connect(lambda _on: self._answered())
        self.box_layout.addWidget(check)
        self.checks.append(check)
        return check

    def _fit_checks(self) -> None:
        widest = max((c.sizeHint().width() for c in self.checks), default=0)
        self.setMinimumWidth(max(self.minimumWidth(), widest + 60))  # no clipped labels
        first = next((c for c in self.checks if c.isEnabled()), self.other_edit)
        self.field_widgets = {MISSING_FIELD: first}

    def show_checklist(self, lines: tuple[ChecklistLine, ...]) -> None:
        """Replace the typical items by the petition's checklist, the missing ones ticked."""
        had_focus = any(c.hasFocus() for c in self.checks)
        for check in self.checks:
            self.box_layout.removeWidget(check)
            check.deleteLater()
        self.checks = []
        self.box.setTitle(self.tr("Lista kontrolna prośby"))
        for line in lines:
            self._add_check(line.label, line.item.value, line.state)
        self._fit_checks()
        if had_focus or self.focusWidget() is None:
            self.field_widgets[MISSING_FIELD].setFocus()
        self.checklistShown.emit()

    def _answered(self) -> None:
        """A tick or a typed line answers "choose at least one deficiency": the old
        message goes (it stayed after the items were ticked)."""
        if self.items():
            self.set_error("")

    def items(self) -> list[str]:
        """The ticked (and applicable) labels, then the typed lines (blank lines dropped)."""
        ticked = [str(c.property("deficiency")) for c in self.checks
                  if c.isChecked() and c.isEnabled()]
        typed = [line.strip() for line in self.other_edit.toPlainText().splitlines()]
        return ticked + [line for line in typed if line]

    def work(self) -> Callable[[], object]:
        items, issue = self.items(), self.issue
        return lambda: issue(items)


DELAY_INTRO = ("Sprawa nie zostanie załatwiona w terminie: podaj przyczynę i nowy termin "
               "(art. 36 KPA). Dotychczasowy termin zostanie zastąpiony. Zawiadomienie "
               "pouczy stronę o prawie do wniesienia ponaglenia (art. 37 KPA).")
DELAY_BLOCKED = ("Zawiadomienia o zwłoce nie wystawia się, gdy sprawa czeka na uzupełnienie "
                 "braków przez wnioskodawcę.")


def delay_notice_spec(initial: date) -> DateReasonSpec:
    """What the delay-notice dialog asks: the reason and the new date (default ``initial``);
    its intro says the letter carries the instruction on the ponaglenie (art. 37 KPA)."""
    return DateReasonSpec(
        translate("DateReasonDialog", "Zawiadomienie o zwłoce"),
        translate("DateReasonDialog", DELAY_INTRO),
        translate("DateReasonDialog", "Wystaw zawiadomienie"), "new_due", initial,
        "reason", translate("DateReasonDialog", "np. konieczność uzyskania dodatkowych "
                                                "wyjaśnień"),
        translate("DateReasonDialog", "Przyczyna zwłoki"))


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
    date_label: str = ""


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
        self.date_edit = DateInput(to_qdate(spec.initial), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setObjectName(spec.date_field)
        form.addRow(self._label(spec.date_label or field_label(spec.date_field),
                                self.date_edit), self.date_edit)
        self.field_widgets = {spec.date_field: self.date_edit}
        self.reason_edit: QPlainTextEdit | None = None
        if spec.reason_field is not None:
            self.reason_edit = _text_box(self, spec.reason_hint, 3)
            self.reason_edit.setObjectName(spec.reason_field)
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
