"""The retention review window: checkable model (qtmodeltester), confirmation naming the
count, anonymisation off the GUI thread with progress, the list reloaded."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_test_support import WAIT_MS

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.retention import anonymise
from clerk_app.ui.retention.review_window import RetentionReviewWindow
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.retention.people import OTHER, TARGET, settled_deposit_case

SHOTS = Path(os.environ.get("CLERK_SHOTS", "/tmp/shots/retention"))


def test_review_checks_confirms_and_anonymises(qtbot: QtBot, qtmodeltester: object,
                                               ctx: AppContext, staff: dict[Role, Actor],
                                               clock: object, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(anonymise, "CHUNK", 1)  # progress after each case
    ids = [settled_deposit_case(ctx, staff, clock, p, tmp_path) for p in (TARGET, OTHER)]
    set_today(clock, date(2037, 1, 5))
    window = RetentionReviewWindow(ctx, staff[Role.SUPERVISOR])
    qtbot.addWidget(window)
    asked: list[int] = []
    window.ask = lambda _parent, count: asked.append(count) or True  # type: ignore[assignment]
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show()
    assert window.model.rowCount() == 2
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    assert not window.anonymise_button.isEnabled()
    first = window.model.index(0, 0)
    assert window.model.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.model.checked_ids() == [ids[0]] and window.anonymise_button.isEnabled()
    assert "zaznaczono: 1" in window.count_label.text()
    assert "do anonimizacji: 2" in window.summary.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "review_window.png"))
    window.check_all_button.click()
    progress: list[tuple[int, int]] = []
    window.runner.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(window.anonymised, timeout=WAIT_MS * 4) as done:
        assert window.anonymise_checked()
    assert done.args == [2] and asked == [2] and progress == [(1, 2), (2, 2)]
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=WAIT_MS)
    assert all(case_row(ctx, i).anonymised_at is not None for i in ids)
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    window.grab().save(str(SHOTS / "review_window_after.png"))


def test_declined_confirmation_changes_nothing(qtbot: QtBot, ctx: AppContext,
                                               staff: dict[Role, Actor], clock: object,
                                               tmp_path: Path) -> None:
    case_id = settled_deposit_case(ctx, staff, clock, TARGET, tmp_path)
    set_today(clock, date(2037, 1, 5))
    window = RetentionReviewWindow(ctx, staff[Role.SUPERVISOR])
    qtbot.addWidget(window)
    window.ask = lambda _parent, _count: False  # type: ignore[assignment]
    with qtbot.waitSignal(window.loaded, timeout=WAIT_MS):
        window.show()
    window.check_all_button.click()
    assert window.model.checked_ids() == [case_id]
    assert not window.anonymise_checked()
    assert case_row(ctx, case_id).anonymised_at is None


def test_menu_entry_for_supervisors_only(qtbot: QtBot, ctx: AppContext,
                                         staff: dict[Role, Actor]) -> None:
    from clerk_app.ui.main_window import MainWindow

    for role, visible in ((Role.SUPERVISOR, True), (Role.CLERK, False)):
        main = MainWindow(ctx, staff[role])
        qtbot.addWidget(main)
        assert main.act_retention.isEnabled() is visible
        if visible:
            main.act_retention.trigger()
            window = main.windows["retention_review"]
            assert isinstance(window, RetentionReviewWindow) and window.isVisible()
            window.close()
