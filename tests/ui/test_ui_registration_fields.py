"""The registration form's fields as a clerk meets them: Tab through the dates, a supplement's
sender from its case, the refused fields marked, no banner about the case just saved, and
count boxes that keep their size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import RegistrationResult
from clerk_app.ui.field_marks import INVALID_BASE, INVALID_PROPERTY
from clerk_app.ui.registration_dialog import RegistrationDialog
from tests.services.test_intake import deposit_petition
from tests.ui.test_ui_case_list import type_text
from tests.ui.test_ui_registration_keyboard import focused, key, open_dialog, save_with
from tests.ui.ui_test_support import WAIT_MS

Ctrl = Qt.KeyboardModifier.ControlModifier
Tab = Qt.Key.Key_Tab


def test_one_tab_leaves_each_date_and_an_empty_date_can_be_typed(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    f.channel.setCurrentIndex(f.channel.findData(Channel.POST.value))
    f.received.setFocus()
    key(qtbot, Tab)  # not five Tabs through day, month, year, hour and minute
    assert focused() is f.channel
    key(qtbot, Tab)
    assert focused() is f.posted and f.posted.date_value() is not None
    key(qtbot, Tab)
    assert focused() is f.kind
    key(qtbot, Qt.Key.Key_Backtab)
    assert focused() is f.posted
    f.reference_date.setFocus()
    assert f.reference_date.date_value() is None  # empty ("—")
    key(qtbot, Tab)
    assert focused() is f.subject  # the empty date kept the focus for ever
    f.reference_date.setFocus()
    type_text(f.reference_date, "15112026")
    assert f.reference_date.date_value() is not None
    assert f.reference_date.date_value().isoformat() == "2026-11-15"  # type: ignore[union-attr]
    key(qtbot, Qt.Key.Key_Delete)
    assert f.reference_date.date_value() is None
    key(qtbot, Qt.Key.Key_Backtab)
    assert focused() is f.reference


def _supplement_dialog(qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
                       ) -> tuple[RegistrationResult, RegistrationDialog]:
    """A deposit case, and the dialog set to register a supplement to it."""
    case = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition())
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData(IncomingKind.SUPPLEMENT.value))
    return case, dialog


def test_a_supplement_takes_its_sender_from_the_case_found(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case, dialog = _supplement_dialog(qtbot, ctx, staff)
    f = dialog.form
    f.kind.setFocus()
    key(qtbot, Tab)  # the case comes first: it fills in the sender
    assert focused() is f.picker.signature
    type_text(f.picker.signature, case.signature or "")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f.picker.case_id == case.case_id, timeout=WAIT_MS)
    sender = f.sender_form
    assert (sender.first_name.text(), sender.last_name.text(), sender.street.text(),
            sender.building.text(), sender.postal_code.text()) == \
        ("Małgorzata", "Ślęzak", "Kalwaryjska", "5", "41-940")
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is not None, dialog.error_text()
    assert dialog.saved_result.signature == case.signature


def test_a_sender_typed_before_the_case_is_kept(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case, dialog = _supplement_dialog(qtbot, ctx, staff)
    f = dialog.form
    f.sender_form.last_name.setText("Pełnomocnik")
    f.picker.signature.setText(case.signature or "")
    f.picker.look_up()
    qtbot.waitUntil(lambda: f.picker.case_id == case.case_id, timeout=WAIT_MS)
    assert f.sender_form.last_name.text() == "Pełnomocnik"
    assert f.sender_form.first_name.text() == ""


def _is_marked(widget: object) -> bool:
    palette: QPalette = widget.palette()  # type: ignore[attr-defined]
    return bool(widget.property(INVALID_PROPERTY)) and \
        palette.color(QPalette.ColorRole.Base) == INVALID_BASE  # type: ignore[attr-defined]


def test_refused_fields_are_marked_until_edited(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    s = dialog.form.sender_form
    s.last_name.setText("Kos")
    s.postal_code.setText("4-94")
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is None
    assert _is_marked(s.first_name) and _is_marked(s.postal_code)
    assert not _is_marked(s.last_name) and not _is_marked(s.city)
    assert focused() is s.first_name
    key(qtbot, Tab)  # moving through a field does not clear its mark
    assert _is_marked(s.first_name)
    s.postal_code.setFocus()
    s.postal_code.clear()
    type_text(s.postal_code, "41-940")
    assert not _is_marked(s.postal_code) and _is_marked(s.first_name)
    s.first_name.setText("Jan")
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is not None, dialog.error_text()
    assert dialog.field_marks.marked() == []


def test_the_case_just_saved_is_not_its_own_possible_duplicate(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    s = f.sender_form
    for edit, text in ((s.first_name, "Jan"), (s.last_name, "Kos"), (s.pesel, "44051401359"),
                       (s.street, "Bytomska"), (s.building, "1"), (s.postal_code, "41-940"),
                       (s.email, "jan.kos@example.pl")):
        edit.setFocus()
        type_text(edit, text)  # each keystroke restarts the duplicate check's timer
    save_with(qtbot, dialog, Ctrl)  # saved before the timer has run out
    assert dialog.saved_result is not None, dialog.error_text()
    qtbot.wait(dialog.dup_timer.interval() + 200)
    dialog.check_duplicates()  # however late a check comes
    qtbot.waitUntil(dialog.dup_runner.is_idle, timeout=WAIT_MS)
    assert dialog.hints == [] and f.duplicates_label.isHidden()


def test_count_boxes_keep_their_own_width(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.DEPOSIT_PETITION.value))
    qtbot.wait(50)
    for spin in (f.attachments, f.deposit.instalments):
        assert spin.width() <= spin.sizeHint().width() + 2, spin
    assert f.received.width() < f.subject.width()
