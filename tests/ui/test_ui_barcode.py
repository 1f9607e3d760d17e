"""Barcode scanner bursts: recognised, swallowed and routed; human typing passes through."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.cases.detail import find_by_identifier
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake import scans
from clerk_app.services.intake.types import ScanUpload
from clerk_app.ui.barcode_filter import BarcodeFilter
from tests import samples
from tests.services.test_intake import iok_request
from tests.ui.test_ui_case_list import type_text


@pytest.fixture
def barcode(qtbot: QtBot) -> Iterator[BarcodeFilter]:
    app = QApplication.instance()
    assert app is not None
    bf = BarcodeFilter()
    app.installEventFilter(bf)
    yield bf
    app.removeEventFilter(bf)


@pytest.fixture
def edit(qtbot: QtBot) -> QLineEdit:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_fast_burst_ending_in_enter_is_a_scan(
    qtbot: QtBot, barcode: BarcodeFilter, edit: QLineEdit
) -> None:
    with qtbot.waitSignal(barcode.scanned, timeout=1000) as scanned:
        type_text(edit, "ZGM.0143.1.2026\x1d")  # a scanner may add a GS control character
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert scanned.args == ["ZGM.0143.1.2026"]
    assert edit.text() == ""  # the scan's keys were swallowed


def test_slow_typing_is_left_alone(
    qtbot: QtBot, barcode: BarcodeFilter, edit: QLineEdit
) -> None:
    calls: list[str] = []
    barcode.scanned.connect(calls.append)
    for ch in "Kowal":
        type_text(edit, ch)
        qtbot.wait(80)  # a person types a key every 80 ms or slower
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "ab")  # a short fast burst is not a scan either
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert calls == []
    assert edit.text() == "Kowala"


def test_field_that_accepts_barcodes_gets_the_text(
    qtbot: QtBot, barcode: BarcodeFilter, edit: QLineEdit
) -> None:
    edit.setProperty("acceptsBarcode", True)
    calls: list[str] = []
    barcode.scanned.connect(calls.append)
    type_text(edit, "BGM.7141.3.2026")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert calls == [] and edit.text() == "BGM.7141.3.2026"


def test_scanned_codes_are_routed_to_cases_and_scans(
    qtbot: QtBot, barcode: BarcodeFilter, edit: QLineEdit, ctx: AppContext,
    staff: dict[Role, Actor], tmp_path: Path
) -> None:
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf")
    result = intake.register_item(ctx, staff[Role.COUNTER], iok_request(scans=(ScanUpload(pdf),)))
    scan = scans.list_scans(ctx, staff[Role.CLERK], result.case_id or 0)[0]
    routed: list[object] = []
    barcode.scanned.connect(lambda text: routed.append(
        find_by_identifier(ctx, staff[Role.CLERK], text)))  # the navigator's look-up
    for code in ("ZGM.0143.1.2026", scan.identifier, "XYZ.0000.9.2026"):
        with qtbot.waitSignal(barcode.scanned, timeout=1000):
            type_text(edit, code)
            qtbot.keyClick(edit, Qt.Key.Key_Enter)
    kinds = [(m.kind, m.case_id) if m is not None else None for m in routed]  # type: ignore[attr-defined]
    assert kinds == [("case", result.case_id), ("scan", result.case_id), None]
