"""The access window (RODO art. 15): a supervisor's search fills both tables (models pass
qtmodeltester), "Zapisz PDF…" writes the report and records the export; the menu entry is
the supervisor's only; the admin's main window opens no case list."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from ui_test_support import settle, settled

from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.rodo.access_window import AccessWindow
from tests.services.rodo.test_subject_access import PESEL, _world

SHOTS = Path("/tmp/shots/access")


def _window(qtbot, ctx, actor) -> AccessWindow:
    main = MainWindow(ctx, actor)
    qtbot.addWidget(main)
    window = main.open_subject_access()
    assert isinstance(window, AccessWindow)
    return window


def test_search_fills_the_tables_and_saves_the_pdf(qtbot, qtmodeltester, ctx, staff,
                                                   tmp_path):
    _world(ctx, staff)
    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    window.search_edit.setText(PESEL)
    settle(qtbot, window.runner, window.search_button.click)
    assert window.error_text() == ""
    assert window.records.rowCount() == 6 and window.accesses.rowCount() > 5
    kinds = {window.records.index(r, 0).data() for r in range(window.records.rowCount())}
    assert "Oświadczenie o stanie majątkowym" in kinds and "Sprawa" in kinds
    qtmodeltester.check(window.records)
    qtmodeltester.check(window.accesses)
    qtmodeltester.check(window.records_view.model())
    assert "PESEL •••••••1359" in window.summary_label.text()
    assert window.save_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.resize(1200, 700)
    window.grab().save(str(SHOTS / "access_window.png"))
    target = tmp_path / "odpowiedz.pdf"
    settle(qtbot, window.runner, lambda: window.save_pdf(target))
    assert window.saved_path == target and target.read_bytes().startswith(b"%PDF")
    with ctx.db.read() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "rodo_request").order_by(AuditEntry.id)))
    assert actions == ["search", "export_pdf"]


def test_a_bad_key_is_shown_inline_and_focuses_the_field(qtbot, ctx, staff):
    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    window.show()
    window.search_edit.setText("Kowalski")
    settle(qtbot, window.runner, window.search_button.click)
    assert "imię i nazwisko" in window.error_text()
    assert not window.save_button.isEnabled() and window.records.rowCount() == 0


@pytest.mark.parametrize("role", [Role.COUNTER, Role.CLERK, Role.ADMIN], ids=str)
def test_only_the_supervisor_has_the_menu_entry(qtbot, ctx, staff, role):
    main = MainWindow(ctx, staff[role])
    qtbot.addWidget(main)
    settled(qtbot)
    assert not main.act_subject_access.isEnabled()


def test_the_admins_main_window_opens_no_case(qtbot, ctx, staff):
    main = MainWindow(ctx, staff[Role.ADMIN])
    qtbot.addWidget(main)
    settled(qtbot)
    assert [main.tabs.tabText(i) for i in range(main.tabs.count())] == ["Administracja"]
    assert not hasattr(main, "case_list")
    assert not main.act_cases.isEnabled() and not main.act_deadlines.isEnabled()
    assert main.act_users.isEnabled() and main.act_audit.isEnabled()
    assert main.act_days_off.isEnabled() and main.act_settings.isEnabled()
    main.resize(900, 400)
    SHOTS.mkdir(parents=True, exist_ok=True)
    main.grab().save(str(SHOTS / "admin_main_window.png"))
