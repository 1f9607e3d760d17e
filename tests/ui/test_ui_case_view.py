"""The case view: header, applicant edits with a conflict check, scan preview, timeline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.cases.detail import get_case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import ScanUpload
from clerk_app.ui.case_view import CaseView
from tests import samples
from tests.services.test_intake import iok_request
from tests.ui.ui_test_support import settle


def open_view(qtbot: QtBot, ctx: AppContext, actor: Actor, case_id: int) -> CaseView:
    view = CaseView(ctx, actor, case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    return view


def save(qtbot: QtBot, view: CaseView) -> None:
    settle(qtbot, view.data_tab.runner, view.data_tab.save_button.click)


def test_second_clerk_gets_conflict_and_keeps_typed_text(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case_id = intake.register_item(ctx, staff[Role.COUNTER], iok_request()).case_id or 0
    first = open_view(qtbot, ctx, staff[Role.CLERK], case_id)
    second = open_view(qtbot, ctx, staff[Role.SUPERVISOR], case_id)
    assert first.signature_label.text() == "ZGM.0143.1.2026"
    assert first.header_values["applicant"].text().startswith("Józef Żółkiewski")
    assert [first.tabs.tabText(i) for i in range(first.tabs.count())] == \
        ["Dane", "Wniosek IOK", "Dokumenty", "Historia", "Pisma i terminy"]

    # The second clerk is typing while the first one saves: the save's broadcast makes both
    # windows read the case again, and the second keeps what was typed (and its version).
    second.data_tab.form.last_name.setText("Żółkiewski-Nowak")
    second.data_tab.form.phone.setText("601 222 333")
    first.data_tab.form.street.setText("Kalwaryjska")
    with qtbot.waitSignals([first.loaded, second.loaded], timeout=10000):
        save(qtbot, first)
    assert first.data_tab.error_label.text() == ""
    assert get_case(ctx, staff[Role.CLERK], case_id).applicant.street == "Kalwaryjska"
    assert "Kalwaryjska" in first.header_values["applicant"].text()
    assert "Kalwaryjska" in second.header_values["applicant"].text()
    assert second.data_tab.form.street.text() != "Kalwaryjska"

    save(qtbot, second)
    assert second.data_tab.error_label.text() == ConflictError().message
    assert second.data_tab.error_label.isVisible() and second.isVisible()
    assert second.data_tab.form.last_name.text() == "Żółkiewski-Nowak"
    assert second.data_tab.form.phone.text() == "601 222 333"
    assert second.data_tab.reload_button.isVisible()
    stored = get_case(ctx, staff[Role.CLERK], case_id).applicant
    assert stored.last_name == "Żółkiewski" and stored.street == "Kalwaryjska"
    # Reading the current data takes the new version; typing again then saves.
    with qtbot.waitSignal(second.loaded, timeout=10000):
        second.data_tab.reload_button.click()
    assert second.data_tab.form.street.text() == "Kalwaryjska"
    second.data_tab.form.last_name.setText("Żółkiewski-Nowak")
    save(qtbot, second)
    assert second.data_tab.error_label.text() == ""
    assert get_case(ctx, staff[Role.CLERK], case_id).applicant.last_name == "Żółkiewski-Nowak"


def test_invalid_applicant_data_is_refused_and_focused(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case_id = intake.register_item(ctx, staff[Role.COUNTER], iok_request()).case_id or 0
    view = open_view(qtbot, ctx, staff[Role.CLERK], case_id)
    view.activateWindow()
    view.data_tab.form.postal_code.setText("4-94")  # (an IOK e-mail may be empty: deficient)
    save(qtbot, view)
    assert "Kod pocztowy" in view.data_tab.error_label.text()
    assert view.data_tab.form.postal_code.hasFocus() or \
        view.focusWidget() is view.data_tab.form.postal_code


def test_documents_tab_previews_pdf_and_image(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf", pages=3)
    jpg = samples.make_jpeg(tmp_path / "zdjecie.jpg")
    result = intake.register_item(ctx, staff[Role.COUNTER], iok_request(
        scans=(ScanUpload(pdf), ScanUpload(jpg))))
    view = open_view(qtbot, ctx, staff[Role.CLERK], result.case_id or 0)
    docs = view.documents_tab
    view.tabs.setCurrentWidget(docs)
    items = docs.scan_items()
    assert [i.text(0).split(" · ")[1] for i in items] == ["wniosek.pdf", "zdjecie.jpg"]
    docs.tree.setCurrentItem(items[0])
    preview = docs.preview
    qtbot.waitUntil(lambda: preview.media_type == "application/pdf", timeout=10000)
    assert preview.page_count == 3 and preview.page_label.text() == "Strona 1 z 3"
    preview.next_button.click()
    assert preview.page == 1 and preview.page_label.text() == "Strona 2 z 3"
    preview.zoom_in_button.click()
    assert preview.zoom_factor > 1
    docs.tree.setCurrentItem(items[1])
    qtbot.waitUntil(lambda: preview.media_type == "image/jpeg", timeout=10000)
    assert preview.pixmap.width() == 320
    label: QLabel = preview.image_label
    assert label.pixmap() is not None and not label.pixmap().isNull()
    history = view.history_tab
    texts = [history.topLevelItem(i).text(2) for i in range(history.topLevelItemCount())]
    assert len(texts) >= 3 and all(texts)


def test_tabs_added_by_others_get_the_case(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case_id = intake.register_item(ctx, staff[Role.COUNTER], iok_request()).case_id or 0
    view = open_view(qtbot, ctx, staff[Role.CLERK], case_id)

    class LettersTab(QLabel):
        def set_case(self, detail: object) -> None:
            self.setText(getattr(detail, "signature", ""))

    tab = LettersTab()
    assert view.add_tab("Pisma", tab) == 5  # after "Wniosek IOK" of an IOK case
    assert tab.text() == "ZGM.0143.1.2026"
