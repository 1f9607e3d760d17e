"""Tab "Rozstrzygnięcie" of a deposit case: where it stands, the current decision, the
agreement and its schedule, how the case was settled, and the clerk's next steps.

The buttons are enabled from ``DepositOverview.actions`` (the services refuse too). Each
action runs off the GUI thread, announces the change of the case (every view reloads) and
shows the PDF it issued.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.deadline_rules import default_delay_new_date
from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.cases.detail import CaseDetail
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.deposit.agreement import prepare_agreement
from clerk_app.services.deposit.leave import leave_without_consideration
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.deposit.petition import petition_form
from clerk_app.services.deposit.workflow_types import DepositOverview
from clerk_app.services.letters import issue as lt
from clerk_app.ui.case_action_dialogs import DateReasonDialog, _ActionDialog, delay_notice_spec
from clerk_app.ui.case_letters_parts import button
from clerk_app.ui.case_letters_tab import RenderedPdf, issued_letter
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.deposit.agreement_dialog import SigningDateDialog, agreement_pdf
from clerk_app.ui.deposit.consent_dialog import ConsentDialog, ConsentProposal
from clerk_app.ui.deposit.decision_texts import overview_lines, overview_values
from clerk_app.ui.deposit.leave_list_window import confirm_leave
from clerk_app.ui.deposit.refusal_dialog import RefusalDialog
from clerk_app.ui.deposit.schedule_model import ScheduleModel, schedule_view
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import PdfPreviewDialog, replace_preview
from clerk_app.ui.qt_helpers import make_error_label, show_error


@dataclass(frozen=True)
class PanelData:
    overview: DepositOverview
    requested_count: int | None
    requested_first_due: date | None


def read_panel(ctx: AppContext, actor: Actor, case_id: int) -> PanelData:
    """The overview and the petition's request (the consent's proposal), in the pool."""
    overview = deposit_overview(ctx, actor, case_id)
    try:
        request = petition_form(ctx, actor, case_id).data
    except NotFound:
        return PanelData(overview, None, None)
    return PanelData(overview, request.instalments_requested, request.first_due_on)


class DecisionPanel(QWidget):
    """``loaded`` after each read; ``previewShown(dialog)`` when a PDF is shown."""

    loaded = Signal()
    previewShown = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.data: PanelData | None = None
        self.dialog: QWidget | None = None
        self.preview: PdfPreviewDialog | None = None
        self.can_handle = role_can(actor.role, Permission.HANDLE_CASE)
        self.loader = OpRunner(self)
        self.runner = OpRunner(self)
        self.change = Change(CASE_WORK, case_id)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, text in overview_lines():
            value = QLabel(self)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(QLabel(text, self), value)
        self.schedule_title = QLabel(self.tr("<b>Harmonogram rat</b>"), self)
        self.schedule_model = ScheduleModel(self)
        self.schedule_table = schedule_view(self, self.schedule_model, 6)
        actions, closing = QHBoxLayout(), QHBoxLayout()
        self.consent_button = button(self, self.tr("Wyraź &zgodę…"), self.open_consent, actions)
        self.refusal_button = button(self, self.tr("Odmó&w…"), self.open_refusal, actions)
        self.delay_button = button(self, self.tr("Zawiadomienie o zwło&ce…"),
                                   self.open_delay_notice, actions)
        self.leave_button = button(self, self.tr("Pozostaw &bez rozpoznania…"),
                                   self.leave, actions)
        actions.addStretch(1)
        self.prepare_button = button(self, self.tr("Przygotuj &umowę"),
                                     self.prepare_agreement, closing)
        self.signed_button = button(self, self.tr("Zapisz datę &podpisania umowy…"),
                                    self.open_signing, closing)
        closing.addStretch(1)
        self.error_label = make_error_label(QLabel(self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.schedule_title)
        layout.addWidget(self.schedule_table, 1)
        layout.addLayout(actions)
        layout.addLayout(closing)
        layout.addWidget(self.error_label)
        self.runner.busyChanged.connect(lambda _busy: self._update())
        self._update()

    # loading -------------------------------------------------------------------------------
    def set_case(self, detail: CaseDetail) -> None:
        """Called by the case view on each load."""
        if detail.kind is not CaseKind.DEPOSIT:
            return
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        self.loader.run_or_queue(lambda: Op(self.loader, lambda: read_panel(
            ctx, actor, case_id)).on_success(self.show_data).errors_in(self.error_label))

    def show_data(self, data: PanelData) -> None:
        self.data = data
        for key, text in overview_values(data.overview).items():
            self.values[key].setText(text)
        agreement = data.overview.agreement
        rows = agreement.schedule if agreement is not None else ()
        self.schedule_model.set_schedule(rows)
        self.schedule_title.setVisible(bool(rows))
        self.schedule_table.setVisible(bool(rows))
        self._update()
        self.loaded.emit()

    def _update(self) -> None:
        o = self.data.overview if self.data is not None else None
        a = o.actions if o is not None else None
        idle = not self.runner.is_busy() and self.can_handle
        self.consent_button.setEnabled(bool(a and a.can_decide and idle))
        self.refusal_button.setEnabled(bool(a and a.can_decide and idle))
        self.delay_button.setEnabled(bool(a and a.can_issue_delay_notice and idle))
        self.leave_button.setEnabled(bool(a and a.can_leave_without_consideration and idle))
        self.prepare_button.setEnabled(bool(a and a.can_prepare_agreement and idle))
        self.signed_button.setEnabled(bool(a and a.can_record_signing and idle))

    # actions -------------------------------------------------------------------------------
    def _open(self, dialog: _ActionDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._issued(dialog.outcome))
        dialog.open()

    def _issued(self, result: object) -> None:
        if isinstance(result, RenderedPdf):
            self.show_preview(result)

    def open_consent(self) -> ConsentDialog | None:
        if self.data is None:
            return None
        o, today = self.data.overview, self.ctx.today()
        first = self.data.requested_first_due or today
        proposal = ConsentProposal(o.case_id, o.case_version, o.signature,
                                   self.data.requested_count or 10, max(first, today))
        dialog = ConsentDialog(self.ctx, self.actor, proposal, self.window())
        self._open(dialog)
        return dialog

    def open_refusal(self) -> RefusalDialog | None:
        if self.data is None:
            return None
        o = self.data.overview
        dialog = RefusalDialog(self.ctx, self.actor, o.case_id, o.case_version, o.signature,
                               self.window())
        self._open(dialog)
        return dialog

    def open_delay_notice(self) -> DateReasonDialog | None:
        if self.data is None:
            return None
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        initial = default_delay_new_date(LegalCalendar(), ctx.today(),
                                         self.data.overview.decision_due)
        dialog = DateReasonDialog(
            delay_notice_spec(initial), lambda day, reason: issued_letter(
                ctx, actor, lt.issue_delay_notice(ctx, actor, case_id, day, reason)),
            self.window(), self.change)
        self._open(dialog)
        return dialog

    def open_signing(self) -> SigningDateDialog | None:
        if self.data is None:
            return None
        o = self.data.overview
        dialog = SigningDateDialog(self.ctx, self.actor, o.case_id, o.case_version,
                                   self.window())
        self._open(dialog)
        return dialog

    def leave(self) -> bool:
        if self.data is None or self.runner.is_busy():
            return False
        o = self.data.overview
        missing = "; ".join(item.label for item in o.missing) or "—"
        if not confirm_leave(self.window(), o.signature, missing):
            return False
        ctx, actor = self.ctx, self.actor
        return self._run(lambda: issued_letter(ctx, actor, leave_without_consideration(
            ctx, actor, o.case_id, o.case_version)))

    def prepare_agreement(self) -> bool:
        """Prepare the agreement from the consent and show it for printing."""
        if self.data is None:
            return False
        ctx, actor, o = self.ctx, self.actor, self.data.overview
        return self._run(lambda: agreement_pdf(prepare_agreement(
            ctx, actor, o.case_id, o.case_version)))

    def _run(self, work: Callable[[], RenderedPdf]) -> bool:
        show_error(self.error_label, "")
        return Op(self.runner, work).on_success(self._issued).errors_in(
            self.error_label).announcing(self.change).run()

    def show_preview(self, rendered: RenderedPdf) -> PdfPreviewDialog:
        self.preview = replace_preview(self.preview, rendered.pdf, rendered.title,
                                       self.window(), rendered.file_name)
        self.previewShown.emit(self.preview)
        return self.preview
