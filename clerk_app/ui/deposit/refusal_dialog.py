"""Refusal to pay the deposit in instalments: the clerk's reasoning (required) and a note of
the remedy the letter carries. Saving issues the refusal letter (``refuse``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QWidget

from clerk_app.domain.errors import FieldError
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.decisions import refuse
from clerk_app.ui.case_action_dialogs import _ActionDialog
from clerk_app.ui.case_letters_tab import issued_letter
from clerk_app.ui.changes import CASE_WORK, Change

REASONING_FIELD = "reasoning"
REMEDY = ("Pouczenie w piśmie: od odmowy przysługuje podanie o ponowne rozpatrzenie sprawy, "
          "wnoszone do Prezydenta Miasta Piekary Śląskie za pośrednictwem Biura Gospodarki "
          "Mieszkaniowej. Podanie zarejestrowane w sprawie wznawia jej rozpatrywanie.")


class RefusalDialog(_ActionDialog):
    """``outcome`` the refusal letter's PDF once issued."""

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int, case_version: int,
                 signature: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Odmowa rozłożenia kaucji na raty – {0}").format(signature),
                         self.tr("&Odmów i wystaw pismo"), parent, Change(CASE_WORK, case_id))
        self.ctx, self.actor = ctx, actor
        self.case_id, self.case_version = case_id, case_version
        self.setMinimumWidth(600)
        label = QLabel(self.tr("&Uzasadnienie odmowy (własnymi słowami):"), self)
        self.reasoning_edit = QPlainTextEdit(self)
        self.reasoning_edit.setObjectName(REASONING_FIELD)
        self.reasoning_edit.setTabChangesFocus(True)
        self.reasoning_edit.setPlaceholderText(self.tr(
            "np. Z oświadczenia o stanie majątkowym wynika, że dochód na osobę pozwala "
            "na jednorazową wpłatę kaucji…"))
        self.reasoning_edit.setMinimumHeight(self.reasoning_edit.fontMetrics()
                                             .lineSpacing() * 8)
        label.setBuddy(self.reasoning_edit)
        self.body.addWidget(label)
        self.body.addWidget(self.reasoning_edit, 1)
        self.remedy_label = QLabel(self.tr(REMEDY), self)
        self.remedy_label.setObjectName("remedy")
        self.remedy_label.setWordWrap(True)
        self.remedy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.remedy_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.remedy_label.setMargin(6)
        self.remedy_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.remedy_label)
        hint = QLabel(self.tr("Ctrl+Enter zapisuje."), self)
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.finish_layout()
        self.ok_button.setAutoDefault(False)  # Enter writes a new line of the reasoning
        self.field_widgets = {REASONING_FIELD: self.reasoning_edit}
        self.busy_widgets += [self.reasoning_edit]
        self.resize(640, 440)
        self.reasoning_edit.setFocus()

    def reasoning(self) -> str:
        return self.reasoning_edit.toPlainText().strip()

    def save(self) -> bool:
        if self.runner.is_busy():
            return False
        if not self.reasoning():
            self.show_failure(ValidationFailed([FieldError(
                REASONING_FIELD, self.tr("Podaj uzasadnienie odmowy."),
                self.tr("Uzasadnienie odmowy"))]))
            return False
        return super().save()

    def work(self) -> Callable[[], object]:
        ctx, actor, case_id, version = self.ctx, self.actor, self.case_id, self.case_version
        reasoning = self.reasoning()
        return lambda: issued_letter(ctx, actor, refuse(ctx, actor, case_id, version, reasoning))
