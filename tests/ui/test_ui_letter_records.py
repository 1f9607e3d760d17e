"""Issued letters as records in the case view: the state column, the preview of the kept
PDF (an old letter is rendered and kept on first open), the delivery dialog recording a
sending, a return and an e-mail reading that is not a delivery; the model tester; a
screenshot of the tab."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus
from clerk_app.domain.letter_state import LetterState
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import LetterFile
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.delivery import record_not_collected, record_sent
from clerk_app.services.letters.issue import issue_delay_notice, issue_summons, list_case_letters
from clerk_app.services.letters.types import LetterView
from clerk_app.ui.case_letters_models import COL_LETTER_STATE, CaseLettersModel
from clerk_app.ui.delivery_dialog import EMAIL, RETURNED, SENT, DeliveryDialog
from clerk_app.ui.pdf_printing import PdfPreviewDialog
from tests.services.deadline_fixtures import make_case, set_today
from tests.ui.test_ui_case_letters import cell, open_tab
from tests.ui.ui_test_support import WAIT_MS, settle, settled

SCREENSHOTS = Path(os.environ.get("CLERK_SCREENSHOTS", "/tmp/clerk-screenshots"))


def _kept(ctx: AppContext, letter_id: int) -> bytes | None:
    with ctx.db.read() as session:
        row = session.get(LetterFile, letter_id)
        return bytes(row.pdf) if row is not None else None


def _letters(ctx: AppContext, clerk: Actor, clock: object) -> tuple[int, list[int]]:
    """A case with a delay notice sent, a summons not collected, and a summons whose kept
    file is gone (as demo data or rows from before); ids oldest first."""
    set_today(clock, date(2026, 3, 2))
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    delay = issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 30), "opinia ZGM")
    record_sent(ctx, clerk, delay.letter_id, delay.version, date(2026, 3, 2))
    one = issue_summons(ctx, clerk, case_id, ["Podpis"])
    set_today(clock, date(2026, 3, 30))
    record_not_collected(ctx, clerk, one.letter_id, one.version, date(2026, 3, 4))
    three = issue_summons(ctx, clerk, case_id, ["Pełnomocnictwo"])
    with ctx.db.transaction() as session:
        session.execute(LetterFile.__table__.delete()
                        .where(LetterFile.letter_id == three.letter_id))
    return case_id, [delay.letter_id, one.letter_id, three.letter_id]


def test_state_column_and_preview_of_the_kept_pdf(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id, ids = _letters(ctx, clerk, clock)
    view, tab = open_tab(qtbot, ctx, clerk, case_id)
    view.resize(1100, 720)
    qtbot.waitUntil(lambda: tab.letters_model.rowCount() == 3, timeout=WAIT_MS)
    states = [cell(tab.letters_model, r, COL_LETTER_STATE) for r in range(3)]
    assert states == ["Wystawione",
                      "Nieodebrane (doręczenie zastępcze, art. 44 KPA) (18.03.2026)",
                      "Wysłane (02.03.2026)"]
    header = tab.letters_model.headerData(COL_LETTER_STATE, Qt.Orientation.Horizontal)
    assert header == "Stan"

    # the newest letter (its file gone) is selected: rendered on first open, then kept
    assert _kept(ctx, ids[2]) is None
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        assert tab.preview_letter()
    preview = shown.args[0]
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.pdf == _kept(ctx, ids[2]) and preview.page_count() == 1
    assert preview.file_name == "L2026000003.pdf"
    preview.close()
    settled(qtbot)
    tab.sections.letters.selectRow(1)
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        assert tab.preview_letter()
    assert shown.args[0].pdf == _kept(ctx, ids[1])  # exactly the issued bytes
    shown.args[0].close()
    settled(qtbot)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(SCREENSHOTS / "case_letters_states.png"))


def test_issued_letter_preview_shows_the_kept_bytes(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    _view, tab = open_tab(qtbot, ctx, clerk, case_id)
    tab.summons_button.click()
    dialog = tab.dialog
    dialog.checks[0].setChecked(True)  # type: ignore[union-attr]
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, dialog.runner, dialog.ok_button.click)  # type: ignore[union-attr]
    [letter] = list_case_letters(ctx, clerk, case_id)
    assert shown.args[0].pdf == _kept(ctx, letter.id)
    assert "L2026000001" in shown.args[0].windowTitle()
    shown.args[0].close()
    settled(qtbot)


def test_delivery_dialog_sent_email_read_and_returned(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    set_today(clock, date(2026, 3, 2))
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    letter = issue_summons(ctx, clerk, case_id, ["Podpis"])
    set_today(clock, date(2026, 3, 6))

    def dialog_for() -> DeliveryDialog:
        dialog = DeliveryDialog.for_identifier(ctx, counter, letter.identifier)
        qtbot.addWidget(dialog)
        dialog.show()
        settled(qtbot)
        assert dialog.letter is not None
        return dialog

    dialog = dialog_for()
    dialog.method_group.button(SENT).setChecked(True)
    assert dialog.date_label.text() == "Data nadania:"
    dialog.date_edit.setDate(QDate(2026, 3, 3))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.outcome is not None and dialog.outcome.letter.state is LetterState.SENT

    dialog = dialog_for()
    assert "Stan: Wysłane (03.03.2026)" in dialog.letter_label.text()
    dialog.method_group.button(EMAIL).setChecked(True)
    assert dialog.deemed_label.isVisible() and "nie jest doręczeniem" in dialog.deemed_label.text()
    dialog.date_edit.setDate(QDate(2026, 3, 5))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.outcome is not None and dialog.outcome.started_deadline is None
    assert dialog.outcome.letter.delivery_status is DeliveryStatus.PENDING
    assert dialog.outcome.letter.email_read_on == date(2026, 3, 5)

    dialog = dialog_for()
    assert "Potwierdzenie odczytu e-maila: 05.03.2026" in dialog.letter_label.text()
    dialog.method_group.button(RETURNED).setChecked(True)
    assert dialog.date_label.text() == "Data zwrotu:"
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.outcome is not None
    assert dialog.outcome.letter.state is LetterState.RETURNED

    dialog = dialog_for()  # a returned letter takes nothing more
    assert not dialog.ok_button.isEnabled() and not dialog.how_box.isEnabled()
    assert "Zwrócone do nadawcy (06.03.2026)" in dialog.letter_label.text()


def _view(id_: int, state: LetterState, **days: date) -> LetterView:
    status = {LetterState.DELIVERED: DeliveryStatus.DELIVERED,
              LetterState.NOT_COLLECTED: DeliveryStatus.DEEMED}.get(state,
                                                                    DeliveryStatus.PENDING)
    return LetterView(id_, f"L202600000{id_}", 1, "BGM.7141.1.2026", "summons", "Wezwanie",
                      "Jan Nowak\nul. Długa 1", date(2026, 3, 2), DeliveryMethod.POST, status,
                      days.get("delivered_on"), days.get("first_notice_on"),
                      days.get("deemed_delivered_on"), 1, state, days.get("sent_on"),
                      days.get("returned_on"), days.get("email_read_on"))


def test_letters_model_with_every_state_passes_the_model_tester(qtmodeltester: object) -> None:
    model = CaseLettersModel()
    model.set_rows([
        _view(1, LetterState.ISSUED),
        _view(2, LetterState.SENT, sent_on=date(2026, 3, 3), email_read_on=date(2026, 3, 4)),
        _view(3, LetterState.DELIVERED, delivered_on=date(2026, 3, 5)),
        _view(4, LetterState.NOT_COLLECTED, first_notice_on=date(2026, 3, 4),
              deemed_delivered_on=date(2026, 3, 18)),
        _view(5, LetterState.RETURNED, returned_on=date(2026, 3, 20))])
    assert [cell(model, r, COL_LETTER_STATE) for r in range(5)] == [
        "Wystawione", "Wysłane (03.03.2026)", "Doręczone (05.03.2026)",
        "Nieodebrane (doręczenie zastępcze, art. 44 KPA) (18.03.2026)",
        "Zwrócone do nadawcy (20.03.2026)"]
    tip = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Potwierdzenie odczytu e-maila: 04.03.2026 (nie jest doręczeniem)" in tip
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
