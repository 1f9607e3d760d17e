"""Tab "Pisma i terminy": summons through the dialog, preview of the letter, delivery and the
7-day deadline with its explanation, removal of deficiencies, extension, delay notice,
permissions, the table models and printing a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from clerk_app.documents.letters import render_envelope_label
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus
from clerk_app.domain.letter_texts import EnvelopeLabel
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import (
    list_case_deadlines,
    propose_delay_new_date,
    start_decision_deadline,
)
from clerk_app.services.deadlines.types import DeadlineView
from clerk_app.services.letters.issue import issue_summons, list_case_letters
from clerk_app.services.letters.types import LetterView
from clerk_app.ui.case_action_dialogs import DateReasonDialog, SummonsDialog
from clerk_app.ui.case_letters_models import (
    COL_DATED,
    COL_DAYS_LEFT,
    COL_DELIVERED_ON,
    COL_DELIVERY,
    COL_DUE,
    COL_IDENTIFIER,
    COL_KIND,
    COL_START,
    COL_STATE,
    CaseDeadlinesModel,
    CaseLettersModel,
)
from clerk_app.ui.case_letters_tab import CaseLettersTab
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.delivery_dialog import DeliveryDialog
from clerk_app.ui.pdf_printing import PdfPreviewDialog, print_pdf_to
from tests.services.deadline_fixtures import make_case, set_today
from tests.ui.ui_test_support import WAIT_MS, settle, settled


def open_tab(qtbot: QtBot, ctx: AppContext, actor: Actor,
             case_id: int) -> tuple[CaseView, CaseLettersTab]:
    view = CaseView(ctx, actor, case_id)
    qtbot.addWidget(view)
    view.show()
    view.tabs.setCurrentWidget(view.letters_tab)
    qtbot.waitUntil(lambda: view.letters_tab.data is not None, timeout=WAIT_MS)
    return view, view.letters_tab


def cell(model: CaseDeadlinesModel | CaseLettersModel, row: int, column: int) -> str:
    return str(model.index(row, column).data())


def test_summons_preview_delivery_and_deadline(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    set_today(clock, date(2025, 12, 10))
    case_id = make_case(ctx, clerk.user_id, received_on=date(2025, 12, 8),
                        assignee_id=clerk.user_id)
    view, tab = open_tab(qtbot, ctx, clerk, case_id)
    assert "Pisma i terminy" in [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tab.deadlines_model.rowCount() == 0 and tab.letters_model.rowCount() == 0
    assert "nie biegnie żaden termin" in tab.explanation.toPlainText()
    assert not tab.removed_button.isEnabled() and not tab.preview_button.isEnabled()

    assert tab.summons_button.isEnabled()
    tab.summons_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, SummonsDialog)
    assert [c.property("itemCode") for c in dialog.checks] == [
        "petition", "property_statement", "power_of_attorney", "stamp_duty"]
    assert dialog.focusWidget() is dialog.checks[0]
    settle(qtbot, dialog.runner, dialog.ok_button.click)  # nothing ticked: refused inline
    assert "Braki formalne" in dialog.error_text() and dialog.isVisible()
    assert list_case_letters(ctx, clerk, case_id) == []
    qtbot.keyClick(dialog.checks[0], Qt.Key.Key_Tab)  # keyboard: Tab to the 2nd, Space ticks
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert dialog.checks[1].isChecked() and not dialog.checks[0].isChecked()
    qtbot.keyClicks(dialog.other_edit, "Umowa najmu lokalu")  # QTest types ASCII only
    qtbot.keyClick(dialog.other_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.other_edit, Qt.Key.Key_Return)
    assert dialog.items() == ["Oświadczenie o stanie majątkowym (załącznik nr 2)",
                              "Umowa najmu lokalu"]
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert not dialog.isVisible()
    preview = shown.args[0]
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.pdf.startswith(b"%PDF") and preview.page_count() >= 1
    assert "L2025000001" in preview.windowTitle()
    assert preview.file_name == "L2025000001.pdf"
    qtbot.waitUntil(lambda: tab.letters_model.rowCount() == 1, timeout=WAIT_MS)
    [letter] = list_case_letters(ctx, clerk, case_id)
    assert letter.identifier == "L2025000001"
    assert cell(tab.letters_model, 0, COL_IDENTIFIER) == "L2025000001"
    assert cell(tab.letters_model, 0, COL_DATED) == "10.12.2025"
    assert cell(tab.letters_model, 0, COL_DELIVERY) == "—"
    qtbot.waitUntil(lambda: view.header_values["status"].text() == "Wezwano do uzupełnienia",
                    timeout=WAIT_MS)
    assert tab.deadlines_model.rowCount() == 0  # nothing runs until the summons is delivered
    assert tab.removed_button.isEnabled() and tab.delivery_button.isEnabled()
    assert not tab.summons_button.isEnabled()  # issued already: not a second one (it was)
    preview.close()

    set_today(clock, date(2025, 12, 18))
    tab.delivery_button.click()
    settled(qtbot)  # the letter is looked up off the GUI thread
    delivery = tab.dialog
    assert isinstance(delivery, DeliveryDialog)
    assert delivery.letter is not None and delivery.letter.id == letter.id
    delivery.date_edit.setDate(QDate(2025, 12, 17))
    settle(qtbot, delivery.runner, delivery.ok_button.click)
    qtbot.waitUntil(lambda: tab.deadlines_model.rowCount() == 1, timeout=WAIT_MS)
    m = tab.deadlines_model
    assert [cell(m, 0, c) for c in (COL_KIND, COL_STATE, COL_START, COL_DUE, COL_DAYS_LEFT)] \
        == ["Uzupełnienie braków", "Biegnie", "17.12.2025", "29.12.2025", "4"]
    text = tab.explanation.toPlainText()
    assert text.startswith("Uzupełnienie braków – biegnie, termin 29.12.2025")
    assert "Pominięto: 24.12.2025 Wigilia Bożego Narodzenia" in text
    assert text.endswith("Termin upływa: 29.12.2025")
    qtbot.waitUntil(lambda: view.header_values["deadline"].text() == "29.12.2025",
                    timeout=WAIT_MS)
    assert cell(tab.letters_model, 0, COL_DELIVERY) == "Poczta (ZPO)"
    assert cell(tab.letters_model, 0, COL_DELIVERED_ON) == "17.12.2025"
    assert not tab.delivery_button.isEnabled()
    assert tab.extend_button.isEnabled()


def test_counter_sees_actions_disabled_but_may_print_and_deliver(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    case_id = make_case(ctx, clerk.user_id)
    start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    issue_summons(ctx, clerk, case_id, ["Podpis"])
    _view, tab = open_tab(qtbot, ctx, counter, case_id)
    for button in (tab.summons_button, tab.removed_button, tab.delay_button,
                   tab.extend_button):
        assert not button.isEnabled()
    assert "referent" in tab.summons_button.toolTip()
    assert cell(tab.deadlines_model, 0, COL_STATE) == "Wstrzymany"  # by the summons
    assert cell(tab.deadlines_model, 0, COL_DAYS_LEFT) == "—"
    assert "Bieg terminu wstrzymany od 02.03.2026" in tab.explanation.toPlainText()
    assert tab.delivery_button.isEnabled() and tab.label_button.isEnabled()
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, tab.runner, tab.label_button.click)
    label = shown.args[0]
    assert isinstance(label, PdfPreviewDialog) and label.page_count() == 1
    assert label.file_name == "L2026000001_etykieta.pdf"
    label.close()


def test_removal_resumes_and_extension_needs_a_reason(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    issue_summons(ctx, clerk, case_id, ["Podpis"])
    set_today(clock, date(2026, 3, 9))
    view, tab = open_tab(qtbot, ctx, clerk, case_id)
    assert not tab.extend_button.isEnabled()  # a suspended deadline is not extended
    # While suspended there is no due date: a dash in the table, none in the explanation.
    assert cell(tab.deadlines_model, 0, COL_DUE) == "—"
    text = tab.explanation.toPlainText()
    assert text.startswith("Rozpatrzenie prośby – wstrzymany\n")
    assert "Termin upływa" not in text
    tab.removed_button.click()
    removed = tab.dialog
    assert isinstance(removed, DateReasonDialog) and removed.reason_edit is None
    assert removed.date_edit.date() == QDate(2026, 3, 9)
    settle(qtbot, removed.runner, removed.ok_button.click)
    qtbot.waitUntil(lambda: cell(tab.deadlines_model, 0, COL_STATE) == "Biegnie",
                    timeout=WAIT_MS)
    assert cell(tab.deadlines_model, 0, COL_DUE) == "09.04.2026"  # 02.04 + 7 days waiting
    assert "Wstrzymanie: 02.03.2026 – 09.03.2026 (7 dni)" in tab.explanation.toPlainText()
    qtbot.waitUntil(lambda: view.header_values["status"].text() == "W rozpatrzeniu",
                    timeout=WAIT_MS)

    before = list_case_deadlines(ctx, clerk, case_id)
    tab.extend_button.click()
    extend = tab.dialog
    assert isinstance(extend, DateReasonDialog) and extend.reason_edit is not None
    extend.date_edit.setDate(QDate(2026, 4, 20))
    settle(qtbot, extend.runner, extend.ok_button.click)
    assert extend.isVisible()
    assert "Powód przedłużenia" in extend.error_text()
    assert extend.focusWidget() is extend.reason_edit  # the field the service named
    assert list_case_deadlines(ctx, clerk, case_id) == before  # nothing saved
    extend.reason_edit.setPlainText("Oczekiwanie na opinię radcy prawnego")
    settle(qtbot, extend.runner, extend.ok_button.click)
    assert not extend.isVisible()
    qtbot.waitUntil(lambda: cell(tab.deadlines_model, 0, COL_DUE) == "20.04.2026",
                    timeout=WAIT_MS)
    assert "Poprzedni termin: 09.04.2026" in tab.explanation.toPlainText()

    tab.delay_button.click()
    delay = tab.dialog
    assert isinstance(delay, DateReasonDialog) and delay.reason_edit is not None
    # The proposed date is the domain's (30 days after the current date, on an office day).
    proposed = delay.date_edit.date()
    assert date(proposed.year(), proposed.month(), proposed.day()) == (
        propose_delay_new_date(ctx, clerk, case_id))
    delay.date_edit.setDate(QDate(2026, 5, 4))
    delay.reason_edit.setPlainText("Konieczność uzyskania opinii")
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, delay.runner, delay.ok_button.click)
    assert shown.args[0].page_count() >= 1
    qtbot.waitUntil(lambda: tab.letters_model.rowCount() == 2, timeout=WAIT_MS)
    assert cell(tab.letters_model, 0, COL_IDENTIFIER) == "L2026000002"  # newest first
    kinds = [d.kind for d in list_case_deadlines(ctx, clerk, case_id)]
    assert kinds == [DeadlineKind.DECISION, DeadlineKind.DELAY_NEW_DATE]
    # The notice replaced the decision month: the selection follows to the new date (it
    # stayed on the cancelled one).
    selected = tab.sections.deadline()
    assert selected is not None and selected.kind is DeadlineKind.DELAY_NEW_DATE
    shown.args[0].close()


def _deadline(id_: int, state: DeadlineState, due: date,
              closed: date | None = None) -> DeadlineView:
    return DeadlineView(id_, 1, DeadlineKind.DEFICIENCY, state, "doręczenie",
                        CaseEvent.SUMMONS_DELIVERY_RECORDED, date(2026, 3, 2),
                        7, PeriodUnit.DAYS, due, due, None, 0, None, closed, None,
                        ("Zdarzenie początkowe: doręczenie 02.03.2026",), 1)


def test_models_pass_the_model_tester(qtmodeltester: object) -> None:
    deadlines = CaseDeadlinesModel()
    deadlines.set_deadlines([
        _deadline(1, DeadlineState.RUNNING, date(2026, 3, 9)),
        _deadline(2, DeadlineState.MET, date(2026, 3, 2), closed=date(2026, 3, 2)),
        _deadline(3, DeadlineState.RUNNING, date(2026, 3, 3))], LegalCalendar(),
        date(2026, 3, 4))
    assert [cell(deadlines, r, COL_DAYS_LEFT) for r in range(3)] == ["3", "—", "-1"]
    assert cell(deadlines, 2, COL_STATE) == "Po terminie"
    assert cell(deadlines, 1, COL_STATE) == "Dotrzymany (02.03.2026)"
    letters = CaseLettersModel()
    letters.set_rows([LetterView(7, "L2026000007", 1, "BGM.7141.1.2026", "summons",
                                 "Wezwanie", "Jan Nowak\nul. Długa 1", date(2026, 3, 2),
                                 DeliveryMethod.POST, DeliveryStatus.DEEMED, None,
                                 date(2026, 3, 3), date(2026, 3, 17), 2)])
    assert cell(letters, 0, COL_DELIVERED_ON) == "17.03.2026"
    for model in (deadlines, letters, CaseDeadlinesModel(), CaseLettersModel()):
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_print_pdf_to_a_pdf_printer(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = render_envelope_label(EnvelopeLabel(
        "L2026000001", "Urząd Miasta – BGM, ul. Bytomska 92, 41-940 Piekary Śląskie",
        ("Józef Żółkiewski", "ul. Źródlana 5/3", "41-940 Piekary Śląskie"), "BGM.7141.1.2026"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "etykieta.pdf"
    printer.setOutputFileName(str(target))
    assert print_pdf_to(pdf, printer) == 1
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 1000

    dialog = PdfPreviewDialog(pdf, "Etykieta", None, "etykieta.pdf")
    qtbot.addWidget(dialog)
    saved = tmp_path / "kopia.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_pdf(saved)
    assert saved.read_bytes() == pdf
    again = tmp_path / "wydruk.pdf"
    printer.setOutputFileName(str(again))
    assert dialog.print_to(printer) == 1 and again.stat().st_size > 1000


def test_the_summons_dialog_drops_its_error_once_an_item_is_ticked(qtbot: QtBot) -> None:
    """"Choose at least one deficiency" stayed on screen after the items were ticked."""
    from clerk_app.domain.cases import CaseKind

    dialog = SummonsDialog(CaseKind.DEPOSIT, lambda items: items)
    qtbot.addWidget(dialog)
    for check in dialog.checks:
        check.setChecked(False)
    dialog.set_error("Wskaż co najmniej jeden brak.")
    dialog.other_edit.setPlainText("   ")  # a blank line answers nothing
    assert dialog.error_text() == "Wskaż co najmniej jeden brak."
    dialog.checks[0].setChecked(True)
    assert dialog.error_text() == ""
    dialog.checks[0].setChecked(False)
    dialog.set_error("Wskaż co najmniej jeden brak.")
    dialog.other_edit.setPlainText("Czytelny podpis")
    assert dialog.error_text() == ""
