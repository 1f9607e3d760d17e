"""Tab "Pisma i terminy" of the case view: the case's deadlines with the explanation of the
selected one, its letters with their state (preview and print of the kept PDF, envelope label,
delivery, sending by e-mail: ``ui/mail/letter_email.py``) and the clerk's actions (summons,
deficiencies removed, delay notice, extension).
A letter is always previewed and printed from its issued bytes (``records.letter_pdf``),
fetched off the GUI thread. The case view gives the tab its
data (:meth:`CaseLettersTab.show_screen`); every service call is an op, and an action that
saved announces the change, after which the case view reads the case again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clerk_app.documents.letters import render_envelope_label
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineState, allowed_transitions
from clerk_app.domain.deadline_rules import default_delay_new_date, default_extension_date
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.text import format_date_pl
from clerk_app.services.cases.detail import CaseDetail
from clerk_app.services.cases.screen import CaseScreen
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines import actions as dl
from clerk_app.services.deposit.petition import petition_form
from clerk_app.services.letters import issue as lt
from clerk_app.services.letters.records import letter_pdf as kept_pdf
from clerk_app.services.letters.types import LetterResult, LetterView
from clerk_app.ui.case_action_dialogs import (
    DateReasonDialog,
    DateReasonSpec,
    SummonsDialog,
    _ActionDialog,
    delay_notice_spec,
)
from clerk_app.ui.case_letters_parts import LettersSection, button
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.delivery_dialog import DeliveryDialog
from clerk_app.ui.mail.letter_email import LetterEmailAction
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import PdfPreviewDialog, replace_preview
from clerk_app.ui.qt_helpers import make_error_label, show_error

_S = CaseStatus
_UNDECIDED = (_S.REGISTERED, _S.IN_PROGRESS)  # not while it waits for the applicant


@dataclass(frozen=True)
class RenderedPdf:
    """A PDF to preview: window title, default file name and the bytes (empty with a
    ``letter_id``: the issued letter's kept bytes are still to be fetched)."""

    title: str
    file_name: str
    pdf: bytes
    letter_id: int | None = None


def letter_pdf(identifier: str, title: str, pdf: bytes) -> RenderedPdf:
    return RenderedPdf(f"{title} {identifier}", f"{identifier}.pdf", pdf)


def issued_letter(ctx: AppContext, actor: Actor, result: LetterResult) -> RenderedPdf:
    """A freshly issued letter with the bytes kept when it was issued; in the pool."""
    return kept_letter(ctx, actor, result.letter_id, result.kind.label)


def kept_letter(ctx: AppContext, actor: Actor, letter_id: int, title: str) -> RenderedPdf:
    """The issued letter's kept bytes (rendered and kept first for an old letter); in the
    pool."""
    stored = kept_pdf(ctx, actor, letter_id)
    return RenderedPdf(f"{title} {stored.identifier}", stored.file_name, stored.pdf, letter_id)


class CaseLettersTab(QWidget):
    """``loaded`` each time the case view has given it the case's data."""

    loaded = Signal()
    previewShown = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.detail: CaseDetail | None = None
        self.data: CaseScreen | None = None
        self.can_handle = role_can(actor.role, Permission.HANDLE_CASE)
        self.can_deliver = role_can(actor.role, Permission.RECORD_DELIVERY)
        self.dialog: QWidget | None = None
        self.preview: PdfPreviewDialog | None = None
        self.runner = OpRunner(self)
        self.change = Change(CASE_WORK, case_id)  # what every action here announces

        actions = QHBoxLayout()
        self.summons_button = button(self, self.tr("&Wezwij do uzupełnienia braków…"),
                                     self.open_summons, actions)
        self.removed_button = button(self, self.tr("&Braki usunięte…"),
                                     self.open_removed, actions)
        self.delay_button = button(self, self.tr("Zawiadomienie o &zwłoce…"),
                                   self.open_delay_notice, actions)
        actions.addStretch(1)
        self.sections = LettersSection(self)
        self.deadlines_model = self.sections.deadlines_model
        self.letters_model = self.sections.letters_model
        self.explanation = self.sections.explanation
        self.extend_button = button(self, self.tr("Przedł&uż termin…"), self.open_extend,
                                    self.sections.deadline_bar)
        self.preview_button = button(self, self.tr("&Podgląd i druk…"), self.preview_letter,
                                     self.sections.letter_bar)
        self.label_button = button(self, self.tr("&Etykieta na kopertę…"),
                                   self.preview_label, self.sections.letter_bar)
        self.delivery_button = button(self, self.tr("&Doręczenie…"), self.open_delivery,
                                      self.sections.letter_bar)
        self.email = LetterEmailAction(self, ctx, actor, case_id, self.runner,
                                       self.letters_model, self.change)
        self.error_label = make_error_label(QLabel(self))
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.sections, 1)
        self.email.place(self.sections.letter_bar, layout)
        layout.addWidget(self.error_label)
        if not self.can_handle:
            for b in (self.summons_button, self.removed_button, self.delay_button,
                      self.extend_button):
                b.setToolTip(self.tr("Tę czynność wykonuje referent prowadzący sprawę."))
        self.sections.selectionChanged.connect(self._update)
        self.sections.letters.activated.connect(lambda _index: self.preview_letter())
        self.runner.busyChanged.connect(lambda _busy: self._update())
        self._update()

    # loading -------------------------------------------------------------------------------
    def show_screen(self, screen: CaseScreen) -> None:
        """Called by the case view on each load: the case, its deadlines and letters."""
        self.detail, self.data = screen.detail, screen
        self.sections.show_data(screen.deadlines, screen.letters, screen.calendar,
                                screen.today)
        show_error(self.error_label, "")
        self._update()
        self.email.reload()
        self.loaded.emit()

    def _update(self) -> None:
        d, deadline, letter = self.detail, self.sections.deadline(), self.sections.letter()
        status = d.status if d else None
        handle = self.can_handle and d is not None
        # A summons already out is not issued again, unless the post returned it unserved.
        summonses = [x for x in (self.data.letters if self.data else ())
                     if x.kind in (LetterKind.SUMMONS, LetterKind.IOK_COMPLETION)]
        returned = bool(summonses) and max(summonses, key=lambda x: x.id).returned_on is not None
        self.summons_button.setEnabled(handle and d is not None and (
            (status is _S.AWAITING_COMPLETION and returned)
            or _S.AWAITING_COMPLETION in allowed_transitions(d.kind, d.status)))
        self.removed_button.setEnabled(handle and status is _S.AWAITING_COMPLETION)
        self.delay_button.setEnabled(handle and d is not None and d.kind is CaseKind.DEPOSIT
                                     and status in _UNDECIDED)
        self.extend_button.setEnabled(
            self.can_handle and deadline is not None and deadline.closed_on is None
            and deadline.state in (DeadlineState.RUNNING, DeadlineState.MISSED))
        idle = not self.runner.is_busy()
        self.preview_button.setEnabled(letter is not None and idle)
        self.label_button.setEnabled(letter is not None and idle)
        self.delivery_button.setEnabled(self.can_deliver and letter is not None
                                        and letter.effective_delivery is None)
        self.email.update(letter, idle)

    # dialogs -------------------------------------------------------------------------------
    def owner(self) -> QWidget:
        """Parent of the dialogs: the case window, not this tab. (``focus_field`` walks up
        from a bad field; passing the tab widget's QStackedWidget there makes PySide 6.11
        invalidate wrappers of C++-made children such as a button box's OK button.)"""
        return self.window()

    def _open(self, dialog: _ActionDialog | DeliveryDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        if isinstance(dialog, _ActionDialog):  # an issued letter is shown at once
            dialog.accepted.connect(lambda: self._issued(dialog.outcome))
        dialog.open()

    def _issued(self, result: object) -> None:
        if isinstance(result, RenderedPdf):
            self.show_preview(result)

    def _extension_date(self, current_due: date | None) -> date:
        cal = self.data.calendar if self.data else LegalCalendar()
        today = self.data.today if self.data else self.ctx.today()
        return default_extension_date(cal, today, current_due)

    def _delay_notice_date(self) -> date:
        if self.data is not None:
            return self.data.delay_notice_date
        return default_delay_new_date(LegalCalendar(), self.ctx.today(), None)

    def open_summons(self) -> SummonsDialog | None:
        if self.detail is None:
            return None
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        dialog = SummonsDialog(self.detail.kind, lambda items: issued_letter(
            ctx, actor, lt.issue_summons(ctx, actor, case_id, items)), self.owner(), self.change,
            (lambda: petition_form(ctx, actor, case_id).checklist)
            if self.detail.kind is CaseKind.DEPOSIT else None)
        self._open(dialog)
        return dialog

    def open_removed(self) -> DateReasonDialog:
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        spec = DateReasonSpec(
            self.tr("Braki usunięte"),
            self.tr("Dzień, w którym wnioskodawca usunął braki (data wpływu uzupełnienia). "
                    "Termin na uzupełnienie zostanie zamknięty, a termin rozpatrzenia "
                    "zacznie biec lub zostanie wznowiony."),
            self.tr("Zapisz"), "removed_on", ctx.today())
        return self._date_dialog(spec, lambda day, _r: dl.record_deficiencies_removed(
            ctx, actor, case_id, day))

    def open_delay_notice(self) -> DateReasonDialog:
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        spec = delay_notice_spec(self._delay_notice_date())
        return self._date_dialog(spec, lambda day, reason: issued_letter(
            ctx, actor, lt.issue_delay_notice(ctx, actor, case_id, day, reason)))

    def open_extend(self) -> DateReasonDialog | None:
        deadline = self.sections.deadline()
        if deadline is None:
            return None
        ctx, actor, dl_id, version = self.ctx, self.actor, deadline.id, deadline.version
        spec = DateReasonSpec(
            self.tr("Przedłużenie terminu"),
            self.tr("{0}: obecny termin {1}. Podaj nowy termin (dzień roboczy) i powód.")
            .format(deadline.kind.label, format_date_pl(deadline.due_on)),
            self.tr("Przedłuż"), dl.NEW_DUE_FIELD, self._extension_date(deadline.due_on),
            dl.REASON_FIELD, reason_label=self.tr("Powód przedłużenia"))
        return self._date_dialog(spec, lambda day, reason: dl.extend_deadline(
            ctx, actor, dl_id, version, day, reason))

    def _date_dialog(self, spec: DateReasonSpec,
                     call: Callable[[date, str], object]) -> DateReasonDialog:
        dialog = DateReasonDialog(spec, call, self.owner(), self.change)
        self._open(dialog)
        return dialog

    def open_delivery(self) -> DeliveryDialog | None:
        letter = self.sections.letter()
        if letter is None or not self.can_deliver:
            return None
        dialog = DeliveryDialog.for_identifier(self.ctx, self.actor, letter.identifier,
                                               self.owner())
        self._open(dialog)
        return dialog

    # previews ------------------------------------------------------------------------------
    def preview_letter(self) -> bool:
        """Show the selected letter exactly as issued, from its kept PDF (Enter or a
        double-click too); printing from the preview prints those bytes."""
        ctx, actor = self.ctx, self.actor
        return self._render(lambda x: kept_letter(ctx, actor, x.id, x.kind_label))

    def preview_label(self) -> bool:
        """The 100 × 50 mm envelope label of the selected letter."""
        ctx, actor, title = self.ctx, self.actor, self.tr("Etykieta na kopertę")
        return self._render(lambda x: RenderedPdf(
            f"{title} {x.identifier}", f"{x.identifier}_etykieta.pdf",
            render_envelope_label(lt.envelope_label(ctx, actor, x.id))))

    def _render(self, make: Callable[[LetterView], RenderedPdf]) -> bool:
        letter = self.sections.letter()
        if letter is None:
            return False
        return Op(self.runner, lambda: make(letter)).on_success(self.show_preview).errors_in(
            self.error_label).run()

    def show_preview(self, rendered: RenderedPdf) -> PdfPreviewDialog:
        self.preview = replace_preview(self.preview, rendered.pdf, rendered.title,
                                       self.owner(), rendered.file_name)
        self.previewShown.emit(self.preview)
        return self.preview
