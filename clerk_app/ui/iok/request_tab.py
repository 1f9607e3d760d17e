"""The "Wniosek IOK" tab of an IOK case: the request (version-checked edit), what it lacks,
where it stands, its target with the explanation, and the steps of ZGM's handling (request
for completion by post or e-mail, closing as not completed, account created, login data
sent with the confirmation letter). Every service call goes through the op runner; reading
and a conflict are those of :class:`~clerk_app.ui.case_form_tab.CaseFormTab`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.iok_stage import IokStage
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.iok.accounts import record_account_created
from clerk_app.services.iok.completion import close_not_completed, request_completion
from clerk_app.services.iok.request import iok_request, save_request
from clerk_app.services.iok.sending import (
    login_sent_with_confirmation,
    request_completion_by_email,
)
from clerk_app.services.iok.types import IokRequestView
from clerk_app.ui.case_form_tab import CaseFormTab
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.iok.request_form import IokRequestForm
from clerk_app.ui.iok.status_texts import outcome_text, status_lines
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import focus_field, make_error_label, show_error


def _date_edit(parent: QWidget, name: str) -> DateInput:
    edit = DateInput(parent=parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    return edit


class IokRequestTab(CaseFormTab[IokRequestView]):
    """``view`` is the last request read (None until then)."""

    form: IokRequestForm

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, case_id, parent)
        self.view: IokRequestView | None = None
        self.handle = role_can(actor.role, Permission.HANDLE_CASE)
        self.form = IokRequestForm(self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        self.error_label = make_error_label(QLabel(self))
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Zapisz wniosek"), self)
        self.reload_button = QPushButton(self.tr("&Wczytaj aktualne dane"), self)
        self.reload_button.hide()
        self.ask_post = QPushButton(self.tr("Poproś o uzupełnienie – &pocztą"), self)
        self.ask_email = QPushButton(self.tr("Poproś o uzupełnienie – &e-mailem"), self)
        self.close_button = QPushButton(self.tr("Zamknij jako &nieuzupełniony"), self)
        self.created_on = _date_edit(self, "account_created_on")
        self.created_button = QPushButton(self.tr("Zapisz datę &utworzenia konta"), self)
        self.sent_on = _date_edit(self, "login_sent_on")
        self.confirm_by_email = QCheckBox(self.tr("potwierdzenie e-mailem"), self)
        self.sent_button = QPushButton(self.tr("Dane logowania &wysłane – zakończ sprawę"),
                                       self)
        self.runner = OpRunner(self)
        self._lay_out()
        self.ask_post.clicked.connect(lambda: self.ask_completion(by_email=False))
        self.ask_email.clicked.connect(lambda: self.ask_completion(by_email=True))
        self.close_button.clicked.connect(self.close_not_completed)
        self.created_button.clicked.connect(self.record_created)
        self.sent_button.clicked.connect(self.record_sent)

    def _lay_out(self) -> None:
        steps = QGroupBox(self.tr("Obsługa wniosku (ZGM)"), self)
        grid = QGridLayout(steps)
        grid.addWidget(self.ask_post, 0, 0)
        grid.addWidget(self.ask_email, 0, 1)
        grid.addWidget(self.close_button, 0, 2)
        grid.addWidget(QLabel(self.tr("Konto utworzone dnia:"), self), 1, 0)
        grid.addWidget(self.created_on, 1, 1)
        grid.addWidget(self.created_button, 1, 2)
        grid.addWidget(QLabel(self.tr("Dane logowania wysłane dnia:"), self), 2, 0)
        sent = QHBoxLayout()
        sent.addWidget(self.sent_on)
        sent.addWidget(self.confirm_by_email)
        grid.addLayout(sent, 2, 1)
        grid.addWidget(self.sent_button, 2, 2)
        steps.setVisible(self.handle)
        right = QVBoxLayout()
        right.addWidget(self.status_label)
        right.addWidget(self.target_label)
        right.addWidget(steps)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.form, 3)
        columns.addLayout(right, 2)
        self._lay_out_bottom(columns)

    # ------------------------------------------------------------------ reading
    def _reader(self) -> Callable[[], IokRequestView]:
        return partial(iok_request, self.ctx, self.actor, self.case_id)

    def is_dirty(self) -> bool:
        return self.view is not None and self.form.state() != self._shown

    def _loaded(self, view: IokRequestView, keep: bool) -> None:
        if keep:
            self._show_status(view, keep_versions=True)
            return  # keep what is typed (and its versions: saving it conflicts)
        self.view = view
        self.form.set_value(view)
        self._adopted()
        self._show_status(view)

    def _show_status(self, v: IokRequestView, keep_versions: bool = False) -> None:
        stage_text, target_text = status_lines(v)
        self.status_label.setText(stage_text)
        self.target_label.setText(target_text)
        today = self.ctx.today()
        for edit in (self.created_on, self.sent_on):
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
        created = v.account_created_on or today
        self.created_on.setDate(QDate(created.year, created.month, created.day))
        self.sent_on.setDate(QDate(today.year, today.month, today.day))
        open_ = v.status.is_open
        asking = open_ and bool(v.missing) and v.stage in (IokStage.DEFICIENT,
                                                           IokStage.AWAITING_COMPLETION)
        self.form.set_editable(v.may_edit)
        self.save_button.setVisible(v.may_edit)
        self.ask_post.setEnabled(asking)
        self.ask_email.setEnabled(asking and "e-mail" not in " ".join(v.missing).lower())
        reply_due = v.reply.due_on if v.reply is not None else None
        self.close_button.setEnabled(v.status is CaseStatus.AWAITING_COMPLETION and (
            reply_due is None or reply_due < today))
        self.created_button.setEnabled(v.stage in (IokStage.READY, IokStage.EXPORTED))
        self.sent_button.setEnabled(v.stage is IokStage.ACCOUNT_CREATED)
        self.confirm_by_email.setEnabled(v.stage is IokStage.ACCOUNT_CREATED)

    # ------------------------------------------------------------------ actions
    def _run(self, call: Callable[[], object], done: Callable[[object], str],
             *widgets: QWidget) -> None:
        if self.runner.is_busy():
            return
        show_error(self.error_label, "")
        self.info_label.clear()
        Op(self.runner, call).on_success(lambda result: self._done(done(result))) \
            .on_failure(self._failed).disabling(*widgets) \
            .announcing(Change(CASE_WORK, self.case_id)).run()

    def _done(self, text: str) -> None:
        self.info_label.setText(text)
        self.reload(force=True)

    def save(self) -> None:
        v = self.view
        if v is None or not v.may_edit:
            return
        ctx, actor, case_id, data = self.ctx, self.actor, self.case_id, self.form.value()
        self._run(lambda: save_request(ctx, actor, case_id, v.version, v.case_version, data),
                  lambda _r: self.tr("Zapisano wniosek."), self.save_button)

    def ask_completion(self, by_email: bool) -> None:
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        call: Callable[[], object] = (
            (lambda: request_completion_by_email(ctx, actor, case_id)) if by_email else
            (lambda: request_completion(ctx, actor, case_id, by_email=False)))
        self._run(call, outcome_text, self.ask_post, self.ask_email)

    def close_not_completed(self) -> None:
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        self._run(lambda: close_not_completed(ctx, actor, case_id),
                  lambda day: self.tr("Sprawę zamknięto {0}: wniosek nie został "
                                      "uzupełniony.").format(format_date_pl(day)),  # type: ignore[arg-type]
                  self.close_button)

    def record_created(self) -> None:
        v = self.view
        if v is None:
            return
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        on: date = self.created_on.date().toPython()  # type: ignore[assignment]
        self._run(lambda: record_account_created(ctx, actor, case_id, v.version, on),
                  lambda _r: self.tr("Zapisano datę utworzenia konta."), self.created_button)

    def record_sent(self) -> None:
        v = self.view
        if v is None:
            return
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        on: date = self.sent_on.date().toPython()  # type: ignore[assignment]
        by_email = self.confirm_by_email.isChecked()
        self._run(lambda: login_sent_with_confirmation(ctx, actor, case_id, v.version, on,
                                                       by_email),
                  outcome_text, self.sent_button)

    def _mark_invalid(self, error: ValidationFailed) -> None:
        for name in error.fields:
            widget = self.form.fields.get(name) or {
                "account_created_on": self.created_on,
                "login_sent_on": self.sent_on}.get(name)
            if widget is not None:
                focus_field(widget)
                break
