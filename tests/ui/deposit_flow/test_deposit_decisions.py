"""The "Rozstrzygnięcie" panel: consent with the schedule shown before saving, the agreement
prepared and its signing recorded, refusal with its reasoning required at the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.letters.issue import list_case_letters
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.deposit.agreement_dialog import SigningDateDialog
from clerk_app.ui.deposit.consent_dialog import ConsentDialog
from clerk_app.ui.deposit.decision_panel import DecisionPanel
from clerk_app.ui.deposit.refusal_dialog import RefusalDialog
from clerk_app.ui.deposit.schedule_model import COL_AMOUNT, COL_DUE, COL_WORDS
from clerk_app.ui.pdf_printing import PdfPreviewDialog
from clerk_app.ui.qt_helpers import to_qdate
from tests.services.deadline_fixtures import set_today
from tests.ui.deposit_flow.deposit_flow_support import (
    open_case,
    record_statement,
    register_petition,
)
from tests.ui.ui_test_support import WAIT_MS, settle, settled


def complete_case(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor],
                  clock: object) -> tuple[CaseView, DecisionPanel]:
    """A complete petition (no proxy, statement signed), its decision panel shown."""
    set_today(clock, date(2026, 3, 2))
    clerk = staff[Role.CLERK]
    case_id = register_petition(ctx, staff, rent="612.35", instalments=10)
    record_statement(ctx, clerk, case_id)
    set_today(clock, date(2026, 3, 9))
    view = open_case(qtbot, ctx, clerk, case_id)
    panel = view.decision_panel
    assert isinstance(panel, DecisionPanel)
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == "Rozstrzygnięcie"
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.data is not None, timeout=WAIT_MS)
    return view, panel


def test_consent_shows_the_schedule_before_saving_then_agreement_is_signed(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    view, panel = complete_case(qtbot, ctx, staff, clock)
    assert panel.consent_button.isEnabled() and panel.refusal_button.isEnabled()
    assert not panel.prepare_button.isEnabled() and not panel.signed_button.isEnabled()
    assert panel.values["decision"].text() == "jeszcze nie rozstrzygnięto"

    panel.consent_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, ConsentDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 10, timeout=WAIT_MS)
    assert dialog.count_edit.value() == 10  # proposed from the petition
    assert dialog.total() == Decimal("6123.50") and dialog.ok_button.isEnabled()
    assert "6 123,50 zł" in dialog.total_label.text()
    with qtbot.waitSignal(dialog.scheduleShown, timeout=WAIT_MS):
        dialog.count_edit.setValue(4)
        assert not dialog.ok_button.isEnabled()  # not before the new schedule is shown
    assert dialog.model.rowCount() == 4 and dialog.total() == Decimal("6123.50")
    first_due = date(2026, 4, 10)
    with qtbot.waitSignal(dialog.scheduleShown, timeout=WAIT_MS):
        dialog.first_due_edit.setDate(to_qdate(first_due))
    assert dialog.model.index(0, COL_DUE).data() == "10.04.2026"
    assert dialog.model.index(0, COL_AMOUNT).data() == "1 530,89 zł"
    assert "złotych" in str(dialog.model.index(0, COL_WORDS).data())
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert not dialog.isVisible()
    assert isinstance(shown.args[0], PdfPreviewDialog) and shown.args[0].page_count() >= 1
    qtbot.waitUntil(lambda: panel.data is not None
                    and panel.data.overview.status is CaseStatus.CONSENT, timeout=WAIT_MS)
    overview = deposit_overview(ctx, clerk, view.case_id)
    assert overview.decision is not None and overview.decision.kind is DecisionKind.CONSENT
    assert overview.decision.instalment_count == 4
    assert not panel.consent_button.isEnabled() and panel.prepare_button.isEnabled()
    assert panel.values["decision"].text().startswith("Zgoda")

    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, panel.runner, panel.prepare_button.click)
    agreement_preview = shown.args[0]
    assert agreement_preview.pdf.startswith(b"%PDF")
    qtbot.waitUntil(lambda: panel.signed_button.isEnabled(), timeout=WAIT_MS)
    assert panel.schedule_model.rowCount() == 4 and panel.schedule_table.isVisibleTo(panel)
    assert "czeka na podpisanie" in panel.values["agreement"].text()

    panel.signed_button.click()
    signing = panel.dialog
    assert isinstance(signing, SigningDateDialog)
    assert signing.date_edit.maximumDate() == to_qdate(date(2026, 3, 9))  # not in the future
    signing.date_edit.setDate(to_qdate(date(2026, 3, 9)))
    settle(qtbot, signing.runner, signing.ok_button.click)
    assert not signing.isVisible(), signing.error_text()
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.overview.settlement
                    is SettlementKind.AGREEMENT_SIGNED, timeout=WAIT_MS)
    assert panel.values["settlement"].text().startswith("zakończona 09.03.2026")
    assert panel.values["lease"].text() == "Można podpisać umowę najmu lokalu."
    assert not panel.signed_button.isEnabled() and not panel.prepare_button.isEnabled()
    qtbot.waitUntil(lambda: view.header_values["status"].text() == "Zakończona",
                    timeout=WAIT_MS)
    kinds = [x.kind.value for x in list_case_letters(ctx, clerk, view.case_id)]
    assert "consent" in kinds and "agreement" in kinds


def test_refusal_reasoning_required_at_the_field_then_accepted(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    view, panel = complete_case(qtbot, ctx, staff, clock)
    panel.refusal_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, RefusalDialog)
    assert "podanie o ponowne rozpatrzenie" in dialog.remedy_label.text()
    assert "Prezydenta Miasta Piekary Śląskie" in dialog.remedy_label.text()
    dialog.reasoning_edit.setPlainText("   \n ")
    assert dialog.save() is False
    assert "uzasadnienie" in dialog.error_text().lower() and dialog.isVisible()
    assert dialog.focusWidget() is dialog.reasoning_edit
    assert list_case_letters(ctx, clerk, view.case_id) == []

    dialog.reasoning_edit.setPlainText("Dochód na osobę w gospodarstwie domowym pozwala na "
                                       "jednorazową wpłatę kaucji.")
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: panel.data is not None
                    and panel.data.overview.settlement is SettlementKind.REFUSAL,
                    timeout=WAIT_MS)
    assert "Dochód na osobę" in panel.values["reasoning"].text()
    assert panel.values["decision"].text().startswith("Odmowa")
    assert not panel.consent_button.isEnabled() and not panel.refusal_button.isEnabled()
    [letter] = list_case_letters(ctx, clerk, view.case_id)
    assert letter.kind.value == "refusal"
    settled(qtbot)
