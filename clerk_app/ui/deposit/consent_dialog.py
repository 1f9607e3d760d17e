"""Consent to pay the deposit in instalments: the agreed number and first due date, with the
schedule computed by the service and shown before saving.

Each change of the inputs asks for the schedule again after a short pause (debounced, off
the GUI thread); Save stays disabled until the schedule shown matches the inputs. Saving
issues the consent letter (``grant_consent``) and hands back its rendered PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from clerk_app.domain.money import format_money
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.decisions import grant_consent, preview_schedule
from clerk_app.services.deposit.workflow_types import SchedulePreview
from clerk_app.ui.case_action_dialogs import _ActionDialog
from clerk_app.ui.case_letters_tab import issued_letter
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.deposit.schedule_model import ScheduleModel, schedule_view
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import show_error, to_date, to_qdate

COUNT_FIELD = "instalment_count"
FIRST_DUE_FIELD = "first_due_on"
MIN_INSTALMENTS, MAX_INSTALMENTS = 2, 10
DEBOUNCE_MS = 250


@dataclass(frozen=True)
class ConsentProposal:
    """What the dialog proposes: the petition's request (the clerk may agree otherwise)."""

    case_id: int
    case_version: int
    signature: str
    instalment_count: int
    first_due_on: date


class ConsentDialog(_ActionDialog):
    """``scheduleShown`` after each schedule shown; ``outcome`` the consent letter's PDF."""

    scheduleShown = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, proposal: ConsentProposal,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Zgoda na rozłożenie kaucji na raty – {0}").format(
            proposal.signature), self.tr("&Wyraź zgodę i wystaw pismo"), parent,
            Change(CASE_WORK, proposal.case_id))
        self.ctx, self.actor, self.proposal = ctx, actor, proposal
        self.setMinimumWidth(760)
        intro = QLabel(self.tr("Ustal liczbę rat i termin pierwszej raty. Harmonogram "
                               "wylicza się sam; sprawdź go przed zapisaniem."), self)
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.count_edit = QSpinBox(self)
        self.count_edit.setObjectName(COUNT_FIELD)
        self.count_edit.setRange(MIN_INSTALMENTS, MAX_INSTALMENTS)
        self.count_edit.setValue(min(max(proposal.instalment_count, MIN_INSTALMENTS),
                                     MAX_INSTALMENTS))
        self.first_due_edit = DateInput(to_qdate(proposal.first_due_on), self)
        self.first_due_edit.setObjectName(FIRST_DUE_FIELD)
        self.first_due_edit.setCalendarPopup(True)
        self.first_due_edit.setDisplayFormat("dd.MM.yyyy")
        for text, widget in ((self.tr("&Liczba rat:"), self.count_edit),
                             (self.tr("&Termin pierwszej raty:"), self.first_due_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.body.addLayout(form)
        self.model = ScheduleModel(self)
        self.table = schedule_view(self, self.model)
        self.body.addWidget(self.table, 1)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("total")
        self.body.addWidget(self.total_label)
        self.preview_error = QLabel(self)
        self.attach_preview_error()
        self.finish_layout()
        self.field_widgets = {COUNT_FIELD: self.count_edit, FIRST_DUE_FIELD: self.first_due_edit}
        self.busy_widgets += [self.count_edit, self.first_due_edit]
        self.preview: SchedulePreview | None = None
        self.shown_for: tuple[int, date] | None = None
        self.preview_runner = OpRunner(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_schedule)
        self.count_edit.valueChanged.connect(self._inputs_changed)
        self.first_due_edit.dateChanged.connect(self._inputs_changed)
        self.resize(820, 560)
        self.count_edit.setFocus()
        self._inputs_changed()
        self.timer.stop()
        self.refresh_schedule()  # the first schedule at once

    def attach_preview_error(self) -> None:
        self.preview_error.setWordWrap(True)
        self.preview_error.setStyleSheet("color: #b00020;")
        self.preview_error.setVisible(False)
        self.body.addWidget(self.preview_error)

    def inputs(self) -> tuple[int, date]:
        return self.count_edit.value(), to_date(self.first_due_edit.date())

    def _inputs_changed(self) -> None:
        self.ok_button.setEnabled(self.shown_for == self.inputs())
        self.timer.start()

    def refresh_schedule(self) -> None:
        """Ask the service for the schedule of the current inputs (the latest ask wins)."""
        self.preview_runner.run_or_queue(self._preview_op)

    def _preview_op(self) -> Op[SchedulePreview]:
        ctx, actor, case_id = self.ctx, self.actor, self.proposal.case_id
        count, first = asked = self.inputs()
        return Op(self.preview_runner, lambda: preview_schedule(
            ctx, actor, case_id, count, first)).on_success(
            lambda preview: self.show_schedule(preview, asked)).on_failure(
            self._preview_failed).quietly()

    def show_schedule(self, preview: SchedulePreview, asked: tuple[int, date]) -> None:
        if asked != self.inputs():
            return  # the inputs moved on; their own preview follows
        self.preview, self.shown_for = preview, asked
        self.model.set_schedule(preview.rows)
        self.total_label.setText(self.tr(
            "Razem: <b>{0}</b> (kaucja 10 × czynsz {1} = {2})").format(
            format_money(preview.total), format_money(preview.monthly_rent),
            format_money(preview.deposit)))
        show_error(self.preview_error, "")
        self.ok_button.setEnabled(preview.total == preview.deposit
                                  and not self.runner.is_busy())
        self.scheduleShown.emit()

    def _preview_failed(self, error: Exception) -> None:
        self.preview, self.shown_for = None, None
        self.model.set_schedule(())
        self.total_label.setText("")
        show_error(self.preview_error, user_message(error))
        self.ok_button.setEnabled(False)

    def total(self) -> Decimal:
        return self.model.total()

    def save(self) -> bool:
        if self.shown_for != self.inputs():
            self.set_error(self.tr("Poczekaj na harmonogram rat dla podanych danych."))
            return False
        return super().save()

    def work(self) -> Callable[[], object]:
        ctx, actor, p = self.ctx, self.actor, self.proposal
        count, first = self.inputs()
        return lambda: issued_letter(ctx, actor, grant_consent(
            ctx, actor, p.case_id, p.case_version, count, first))
