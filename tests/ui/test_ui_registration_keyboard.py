"""Registering with the keyboard only, then finding the cases in the case list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.domain.cases import CaseKind, Channel
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case, DepositPetition, IncomingItem, IokRequest
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import scans
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.registration_dialog import RegistrationDialog
from clerk_app.ui.scan_drop_list import ScanDropList
from tests import samples
from tests.ui.test_ui_case_list import search, type_text
from tests.ui.ui_test_support import WAIT_MS

Enter = Qt.Key.Key_Return


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def key(qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
        ) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, k, mods)


def fill(qtbot: QtBot, text: str = "") -> None:
    """Type ``text`` into the focused field and press Enter (to the next field)."""
    widget = focused()
    assert widget is not None
    if text:
        if isinstance(widget, QComboBox):  # a new incremental search, not a continued one
            qtbot.wait(QApplication.keyboardInputInterval() + 50)
        type_text(widget, text)
    qtbot.keyClick(widget, Enter)


def drop_files(widget: QWidget, paths: list[Path]) -> None:
    """What a drag and drop from the file manager delivers to the scan list."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)  # type: ignore[attr-defined]


def open_dialog(qtbot: QtBot, ctx: AppContext, actor: Actor) -> RegistrationDialog:
    dialog = RegistrationDialog(ctx, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: dialog.setup is not None, timeout=WAIT_MS)  # read off-thread
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()), timeout=5000)
    return dialog


def add_scans(qtbot: QtBot, scan_list: ScanDropList, paths: list[Path]) -> list[str]:
    """Add ``paths`` to the list and wait for their check; the refusals."""
    scan_list.add_files(paths)
    qtbot.waitUntil(scan_list.runner.is_idle, timeout=WAIT_MS)
    return scan_list.refused


def save_with(qtbot: QtBot, dialog: RegistrationDialog, mods: Qt.KeyboardModifier,
              k: Qt.Key = Enter) -> None:
    with qtbot.waitSignal(dialog.runner.settled, timeout=20000):
        key(qtbot, k, mods)


def test_keyboard_only_registration_then_search(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf")
    jpg = samples.make_jpeg(tmp_path / "zdjecie.jpg")
    dialog = open_dialog(qtbot, ctx, staff[Role.COUNTER])
    f = dialog.form
    assert focused() is f.received
    fill(qtbot)  # received: now
    fill(qtbot, "Sekr")  # channel: Sekretariat ZGM (the posting date is skipped: no post)
    assert f.channel.currentData() == Channel.ZGM_SECRETARIAT.value
    assert focused() is f.kind
    fill(qtbot)  # kind: IOK request (the default)
    for text in ("Józef", "Żółkiewski", "44051401359", "600100200", "Bytomska", "12", "3",
                 "41-940", "", "jozef@example.pl", "", "", "", "1", "J"):
        fill(qtbot, text)
    assert f.assignee.currentData() == staff[Role.CLERK].user_id
    assert focused() is f.iok.role
    fill(qtbot)  # tenant
    for _ in range(3):  # the premises: blank, so the postal address
        fill(qtbot)
    fill(qtbot, "K-1234")
    key(qtbot, Qt.Key.Key_Space)  # e-invoice consent
    fill(qtbot)
    fill(qtbot)  # signed (checked by default)
    assert focused() is f.scan_list
    assert add_scans(qtbot, f.scan_list, [pdf]) == []
    drop_files(f.scan_list, [jpg])
    qtbot.waitUntil(f.scan_list.runner.is_idle, timeout=WAIT_MS)
    assert f.scan_list.paths() == [pdf, jpg]
    save_with(qtbot, dialog, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error_text() == ""
    first = dialog.saved_result
    assert first is not None and first.signature == "ZGM.0143.1.2026"
    assert first.entry_number in f.result_label.text() and first.signature in \
        f.result_label.text()
    assert [s.media_type for s in scans.list_scans(ctx, staff[Role.CLERK],
                                                   first.case_id or 0)] == \
        ["application/pdf", "image/jpeg"]

    assert focused() is f.next_button
    fill(qtbot)  # "Następne pismo" clears the form; the focus is back on the first field
    assert focused() is f.received and f.sender_form.first_name.text() == ""
    fill(qtbot)
    fill(qtbot, "Pocz")  # by post: the posting date is enabled now
    assert focused() is f.posted and f.posted.date_value() is not None
    fill(qtbot)
    fill(qtbot, "Pro")  # deposit petition
    for text in ("Małgorzata", "Ślęzak", "", "", "Kalwaryjska", "5", "", "41-940", "", "",
                 "", "", "", "2", ""):
        fill(qtbot, text)
    assert focused() is f.deposit.rent
    type_text(f.deposit.rent, "612,35")
    assert f.deposit.preview.text() == "Kaucja: 6 123,50 zł"
    fill(qtbot)
    fill(qtbot, "6")  # instalments
    fill(qtbot, "Utrata pracy")
    key(qtbot, Qt.Key.Key_Space)  # property statement enclosed
    fill(qtbot)
    fill(qtbot)  # no proxy: the proxy fields are skipped
    assert focused() is f.scan_list
    drop_files(f.scan_list, [samples.make_pdf(tmp_path / "prosba.pdf", "Prośba")])
    save_with(qtbot, dialog, Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_S)
    second = dialog.saved_result
    assert second is not None and second.signature == "BGM.7141.1.2026", dialog.error_text()
    with ctx.db.read() as s:
        iok = s.get(IokRequest, first.case_id)
        assert iok is not None and iok.e_invoice_consent and iok.contractor_number == "K-1234"
        petition = s.get(DepositPetition, second.case_id)
        assert petition is not None and petition.instalments_requested == 6
        assert petition.has_property_statement
        item = s.scalars(select(IncomingItem).where(IncomingItem.case_id == second.case_id)
                         ).one()
        assert item.channel == Channel.POST.value and item.posted_on is not None
        assert item.attachments_count == 2
        kinds = {c.kind for c in s.scalars(select(Case))}
    assert kinds == {CaseKind.IOK.value, CaseKind.DEPOSIT.value}
    key(qtbot, Qt.Key.Key_Escape)  # nothing unsaved: closes without asking
    assert not dialog.isVisible() and dialog.discard_box is None

    widget = CaseListWidget(ctx, staff[Role.CLERK])
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2, timeout=10000)
    assert search(qtbot, widget, "zolkiewski") == ["Żółkiewski Józef"]
    assert search(qtbot, widget, "Żółkiewski") == ["Żółkiewski Józef"]
    assert search(qtbot, widget, "slezak") == ["Ślęzak Małgorzata"]
    assert search(qtbot, widget, "ŚLĘZAK") == ["Ślęzak Małgorzata"]
