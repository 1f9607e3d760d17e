"""Least access as the counter sees it: its own scan of the day opens in the case view; the
next day the preview says, in Polish, that a clerk opens it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import ScanUpload
from tests import samples
from tests.conftest import FakeClock
from tests.services.test_intake import iok_request
from tests.ui.test_ui_case_view import open_view


def _preview_of_first_scan(qtbot: QtBot, ctx: AppContext, actor: Actor, case_id: int):
    view = open_view(qtbot, ctx, actor, case_id)
    docs = view.documents_tab
    view.tabs.setCurrentWidget(docs)
    docs.tree.setCurrentItem(docs.scan_items()[0])
    return docs.preview


def test_the_counter_opens_its_scan_that_day_only(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path, clock: FakeClock
) -> None:
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf")
    counter = staff[Role.COUNTER]
    case_id = intake.register_item(ctx, counter, iok_request(
        scans=(ScanUpload(pdf),))).case_id or 0
    preview = _preview_of_first_scan(qtbot, ctx, counter, case_id)
    qtbot.waitUntil(lambda: preview.media_type == "application/pdf", timeout=10000)
    clock.advance(days=1)
    preview = _preview_of_first_scan(qtbot, ctx, counter, case_id)
    qtbot.waitUntil(lambda: "otwiera referent" in preview.message.text(), timeout=10000)
    assert preview.media_type != "application/pdf"
