"""The instalment agreement: its rendered PDF for the preview, and the dialog recording the
day it was signed (not in the future) through ``record_agreement_signed``."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from clerk_app.documents.agreement_pdf import render_agreement_pdf
from clerk_app.domain.errors import FieldError
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.agreement import record_agreement_signed
from clerk_app.services.deposit.workflow_types import AgreementResult
from clerk_app.ui.case_action_dialogs import DateReasonDialog, DateReasonSpec
from clerk_app.ui.case_letters_tab import RenderedPdf
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.qt_helpers import to_date, to_qdate, translate

SIGNED_FIELD = "signed_on"


def agreement_pdf(result: AgreementResult) -> RenderedPdf:
    """A prepared agreement rendered for its preview and print (in the pool)."""
    title = translate("AgreementDialog", "Umowa o rozłożenie kaucji na raty")
    return RenderedPdf(f"{title} {result.identifier}", f"{result.identifier}.pdf",
                       render_agreement_pdf(result.document))


class SigningDateDialog(DateReasonDialog):
    """The day both parties signed the agreement; ``outcome`` the new overview."""

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int, case_version: int,
                 parent: QWidget | None = None) -> None:
        self.today = ctx.today()
        spec = DateReasonSpec(
            translate("AgreementDialog", "Podpisanie umowy"),
            translate("AgreementDialog",
                      "Dzień, w którym strony podpisały umowę o rozłożenie kaucji na raty. "
                      "Sprawa zostanie zakończona, a wnioskodawca może podpisać umowę najmu "
                      "lokalu."),
            translate("AgreementDialog", "&Zapisz datę podpisania"), SIGNED_FIELD, self.today,
            date_label=translate("AgreementDialog", "Data podpisania umowy"))

        def call(day: date, _reason: str) -> object:
            return record_agreement_signed(ctx, actor, case_id, case_version, day)

        super().__init__(spec, call, parent, Change(CASE_WORK, case_id))
        self.date_edit.setMaximumDate(to_qdate(self.today))
        self.field_widgets["agreement_signed_on"] = self.date_edit

    def save(self) -> bool:
        if self.runner.is_busy():
            return False
        if to_date(self.date_edit.date()) > self.today:
            self.show_failure(ValidationFailed([FieldError(
                SIGNED_FIELD, self.tr("Data podpisania nie może być późniejsza niż dzisiaj."),
                self.tr("Data podpisania umowy"))]))
            return False
        return super().save()
