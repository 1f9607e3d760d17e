"""Registering deposit petitions and their supplements: the checklist warning under the
deposit part and in the result (never blocking), the supplement's check boxes in the
service input, the posting date of a supplement by post still required."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import Channel, IncomingKind, ProxyRelation
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.petition import petition_form
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, RegistrationResult
from clerk_app.ui.deposit.registration_parts import WARNING_STYLE, preview_missing
from clerk_app.ui.registration_dialog import RegistrationDialog
from tests.services.test_intake import deposit_petition, iok_request
from tests.ui.test_ui_registration_keyboard import open_dialog, save_with
from tests.ui.ui_test_support import WAIT_MS

Staff = dict[Role, Actor]
Ctrl = Qt.KeyboardModifier.ControlModifier


def _sender(dialog: RegistrationDialog) -> None:
    s = dialog.form.sender_form
    for edit, text in ((s.first_name, "Małgorzata"), (s.last_name, "Ślęzak"),
                       (s.street, "Kalwaryjska"), (s.building, "5"), (s.postal_code, "41-940")):
        edit.setText(text)


def test_proxy_without_power_or_duty_is_warned_and_registered(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    warning = f.deposit_warning
    assert not warning.isVisible()  # not a deposit petition yet
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.DEPOSIT_PETITION.value))
    _sender(dialog)
    d = f.deposit
    d.rent.setText("612,35")
    d.statement.setChecked(True)
    assert not warning.isVisible()  # nothing missing
    d.by_proxy.setChecked(True)
    d.proxy_name.setText("Tomasz Wróblewski")
    d.proxy_address.setText("ul. Bytomska 12/4, 41-940 Piekary Śląskie")
    d.proxy_relation.setCurrentIndex(d.proxy_relation.findData(ProxyRelation.OTHER.value))
    assert warning.isVisible()
    assert warning.items == [PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY]
    assert "Pełnomocnictwo" in warning.text() and "opłaty skarbowej" in warning.text()
    assert "rejestracja jest nadal możliwa" in warning.text()
    d.proxy_relation.setCurrentIndex(d.proxy_relation.findData(ProxyRelation.SPOUSE.value))
    assert warning.items == [PetitionItem.POWER_OF_ATTORNEY]  # a spouse pays no duty
    d.proxy_relation.setCurrentIndex(d.proxy_relation.findData(ProxyRelation.OTHER.value))
    save_with(qtbot, dialog, Ctrl)
    result = dialog.saved_result
    assert result is not None and result.case_id is not None, dialog.error_text()
    assert "Zarejestrowano" in f.result_label.text()
    for item in result.missing_items:  # as the service reports them (a warning only)
        assert item.label in f.result_label.text()
    checklist = {line.item: line.state.label
                 for line in petition_form(ctx, staff[Role.CLERK], result.case_id).checklist}
    assert checklist[PetitionItem.POWER_OF_ATTORNEY] == "Brak"
    assert checklist[PetitionItem.STAMP_DUTY] == "Brak"
    proxy = petition_form(ctx, staff[Role.CLERK], result.case_id).data.proxy
    assert proxy is not None  # letters go to the proxy's address typed at the counter
    assert proxy.address == "ul. Bytomska 12/4, 41-940 Piekary Śląskie"
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.IOK_REQUEST.value))
    assert not warning.isVisible()


def test_result_lists_the_missing_items_the_service_reports(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    dialog._saved(RegistrationResult(  # what register_item returns once it fills the field
        incoming_item_id=1, entry_number="1/2026", case_id=1, signature="BGM.7141.1.2026",
        missing_items=(PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY)))
    text = dialog.form.result_label.text()
    assert text.startswith("Zarejestrowano. Nr wpisu w rejestrze: 1/2026; znak sprawy: "
                           "BGM.7141.1.2026.")
    assert "prośba zarejestrowana, ale jest niekompletna" in text
    assert PetitionItem.POWER_OF_ATTORNEY.label in text and PetitionItem.STAMP_DUTY.label in text
    assert dialog.form.result_label.styleSheet() == WARNING_STYLE  # not the green of success


def test_preview_from_the_entries() -> None:
    base = DepositDetailsInput(Decimal("612.35"), 10, has_property_statement=True)
    assert preview_missing(base) == []
    no_rent = DepositDetailsInput(Decimal("0"), 10)
    assert preview_missing(no_rent) == [PetitionItem.PROPERTY_STATEMENT, PetitionItem.RENT]
    exempt = DepositDetailsInput(Decimal("612.35"), 10, has_property_statement=True,
                                 by_proxy=True, proxy_relation=ProxyRelation.OTHER,
                                 has_power_of_attorney=True, principal_exempt=True)
    assert preview_missing(exempt) == []


def _pick(qtbot: QtBot, dialog: RegistrationDialog, signature: str, case_id: int) -> None:
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.SUPPLEMENT.value))
    f.picker.signature.setText(signature)
    f.picker.look_up()
    qtbot.waitUntil(lambda: f.picker.case_id == case_id, timeout=WAIT_MS)


def test_supplement_check_boxes_reach_the_service_input(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition())
    assert case.signature is not None and case.case_id is not None
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    _sender(dialog)
    f.channel.setCurrentIndex(f.channel.findData(Channel.POST.value))
    _pick(qtbot, dialog, case.signature, case.case_id)
    assert f.supplement.isVisible()
    boxes = f.supplement.boxes
    assert f.tab_chain().index(boxes[PetitionItem.POWER_OF_ATTORNEY]) == \
        f.tab_chain().index(f.picker.signature) + 1
    boxes[PetitionItem.POWER_OF_ATTORNEY].setChecked(True)
    boxes[PetitionItem.STAMP_DUTY].setChecked(True)
    assert f.value().supplement_items == (PetitionItem.POWER_OF_ATTORNEY,
                                          PetitionItem.STAMP_DUTY)
    # By post the posting date is still required.
    f.posted.set_date_value(None)
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is None
    assert "Dla przesyłki pocztowej podaj datę nadania" in dialog.error_text()
    assert f.posted.hasFocus()
    f.posted.setDate(f.received.date())
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is not None, dialog.error_text()
    assert dialog.saved_result.case_id == case.case_id
    dialog.start_next()
    assert f.value().supplement_items == ()
    assert not any(b.isChecked() for b in boxes.values())


def test_supplement_to_another_kind_of_case_has_no_check_boxes(
    qtbot: QtBot, ctx: AppContext, staff: Staff
) -> None:
    case = intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    assert case.signature is not None and case.case_id is not None
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    _pick(qtbot, dialog, case.signature, case.case_id)
    f = dialog.form
    assert not f.supplement.isVisible()
    f.supplement.boxes[PetitionItem.PETITION_SIGNED].setChecked(True)
    assert f.value().supplement_items == ()
