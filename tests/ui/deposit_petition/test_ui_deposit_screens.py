"""The deposit windows render with realistic data: the case view on its petition tab (with
the checklist panel), the statement editor, the viewers list and the registration parts
are grabbed to PNG (copied to
``$CLERK_SHOTS`` when set, to be looked at)."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import IncomingKind, ProxyRelation
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.petition import petition_form, save_petition
from clerk_app.services.deposit.statement import save_statement
from clerk_app.services.deposit.statement_types import StatementInput
from clerk_app.ui.deposit.statement_views_dialog import StatementViewsDialog
from tests.services.test_deposit_statement import STATEMENT
from tests.ui.deposit_petition.deposit_ui_support import open_petition, register_by_proxy
from tests.ui.test_ui_registration_keyboard import open_dialog
from tests.ui.ui_test_support import WAIT_MS, settled

Staff = dict[Role, Actor]


def grab(widget: QWidget, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    QApplication.processEvents()  # pending layout requests, as a shown window has them done
    image = widget.grab()
    assert not image.isNull() and image.width() > 400
    assert image.save(str(target))
    shots = os.environ.get("CLERK_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(shots) / name)
    return target


def _case(ctx: AppContext, staff: Staff) -> int:
    """A proxy who is not a relative, power of attorney filed, no stamp duty paid."""
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER,
                                has_power_of_attorney=True)
    clerk = staff[Role.CLERK]
    view = petition_form(ctx, clerk, case_id)
    assert view.data.proxy is not None
    save_petition(ctx, clerk, case_id, view.version, replace(
        view.data, first_due_on=date(2026, 4, 15), instalments_requested=8,
        justification="Wnioskodawczyni samotnie wychowuje dwoje dzieci; po opłaceniu "
                      "czynszu nie jest w stanie jednorazowo wpłacić kaucji.",
        premises_address="ul. Bytomska 12/3, 41-940 Piekary Śląskie",
        proxy=replace(view.data.proxy, address="ul. Jana Pawła II 4, 41-940 Piekary Śląskie",
                      power_of_attorney=PowerOfAttorneyForm.ORIGINAL)))
    statement: StatementInput = replace(STATEMENT, real_estate="brak",
                                        other_assets="meble, sprzęt AGD")
    save_statement(ctx, clerk, case_id, 0, statement)
    return case_id


def test_screens_of_the_petition_and_statement(qtbot: QtBot, ctx: AppContext, staff: Staff,
                                               tmp_path: Path) -> None:
    case_id = _case(ctx, staff)
    view, tab = open_petition(qtbot, ctx, staff[Role.SUPERVISOR], case_id)
    view.resize(1180, 820)
    settled(qtbot)
    qtbot.wait(100)
    assert tab.checklist.states()["stamp_duty"] == "Brak"
    grab(view, tmp_path, "deposit_case_view_petition.png")
    grab(tab.checklist, tmp_path, "deposit_checklist_panel.png")
    assert tab.statement_button is not None
    tab.statement_button.click()
    dialog = tab.statement_dialog
    qtbot.waitUntil(lambda: dialog.version is not None, timeout=WAIT_MS)
    dialog.show()
    assert dialog.totals.text_of("members") == "3"
    grab(dialog, tmp_path, "deposit_statement_editor.png")
    dialog.reject()
    viewers = StatementViewsDialog(ctx, staff[Role.SUPERVISOR], case_id)
    qtbot.addWidget(viewers)
    viewers.show()
    qtbot.waitUntil(lambda: viewers.model.rowCount() == 1, timeout=WAIT_MS)
    grab(viewers, tmp_path, "deposit_statement_viewers.png")
    counter_view, counter_tab = open_petition(qtbot, ctx, staff[Role.COUNTER], case_id)
    counter_view.resize(1180, 820)
    qtbot.wait(100)
    assert counter_tab.statement_button is None
    grab(counter_view, tmp_path, "deposit_case_view_counter.png")


def test_screens_of_the_registration_parts(qtbot: QtBot, ctx: AppContext, staff: Staff,
                                           tmp_path: Path) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER)
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.DEPOSIT_PETITION.value))
    s = f.sender_form
    for edit, text in ((s.first_name, "Halina"), (s.last_name, "Grzybowska"),
                       (s.street, "Bytomska"), (s.building, "12"), (s.flat, "3"),
                       (s.postal_code, "41-940")):
        edit.setText(text)
    d = f.deposit
    d.rent.setText("1 234,56")
    d.justification.setText("Niskie dochody, troje dzieci")
    d.by_proxy.setChecked(True)
    d.proxy_name.setText("Tomasz Wróblewski")
    d.proxy_relation.setCurrentIndex(d.proxy_relation.findData(ProxyRelation.OTHER.value))
    assert f.deposit_warning.isVisible()
    grab(dialog, tmp_path, "deposit_registration_warning.png")
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.SUPPLEMENT.value))
    f.picker.signature.setText("BGM.7141.1.2026")
    f.picker.look_up()
    qtbot.waitUntil(lambda: f.picker.case_id == case_id, timeout=WAIT_MS)
    f.supplement.boxes[PetitionItem.POWER_OF_ATTORNEY].setChecked(True)
    assert f.supplement.isVisible()
    grab(dialog, tmp_path, "deposit_registration_supplement.png")
