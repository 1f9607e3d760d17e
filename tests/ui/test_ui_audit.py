"""Audit window: entries listed, filters by user, case signature and dates."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate
from ui_test_support import settle, settled

from clerk_app.domain.roles import Role
from clerk_app.services.admin.audit_log import AuditFilter, AuditRow, list_audit
from clerk_app.services.admin.auth import authenticate
from clerk_app.ui.audit_table_model import (
    COL_ACTION,
    COL_CHANGES,
    COL_ENTITY,
    COL_TIME,
    COL_USER,
    AuditTableModel,
)
from clerk_app.ui.audit_window import AuditWindow
from clerk_app.ui.formatting import changes_text
from clerk_app.ui.main_window import MainWindow
from tests.conftest import TEST_PASSWORD


def _window(qtbot, ctx, actor) -> AuditWindow:
    main = MainWindow(ctx, actor)
    qtbot.addWidget(main)
    window = main.open_audit()
    assert isinstance(window, AuditWindow)
    settled(qtbot)  # the user names and the entries are read off the GUI thread
    return window


def _column(window: AuditWindow, column: int) -> list[str]:
    return [window.model.index(r, column).data() for r in range(window.model.rowCount())]


def test_lists_entries_and_filters_by_user(qtbot, ctx, staff):
    authenticate(ctx, "okienko", TEST_PASSWORD)
    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    users = _column(window, COL_USER)
    assert "admin" in users and "okienko" in users
    assert window.count_label.text() == f"Wpisów: {window.model.rowCount()}"
    # Times are office (Warsaw) local: 09:30 UTC on 2 March is 10:30 in Piekary.
    assert _column(window, COL_TIME)[0] == "02.03.2026 10:30:00"

    window.user_combo.setEditText("okienko")
    settle(qtbot, window.runner, window.filter_button.click)
    assert set(_column(window, COL_USER)) == {"okienko"}
    assert _column(window, COL_ACTION) == ["logowanie"]
    assert _column(window, COL_ENTITY) == ["użytkownik"]

    window.user_combo.setEditText("nikt")
    settle(qtbot, window.runner, window.filter_button.click)
    assert window.model.rowCount() == 0

    settle(qtbot, window.runner, window.clear_button.click)
    assert window.model.rowCount() == len(list_audit(ctx, staff[Role.ADMIN], AuditFilter()))


def test_filters_by_case_signature_and_dates(qtbot, ctx, clock, staff):
    window = _window(qtbot, ctx, staff[Role.ADMIN])
    everything = window.model.rowCount()
    assert everything > 0

    window.signature_edit.setText("BGM.7141.999.2026")
    settle(qtbot, window.runner, window.filter_button.click)
    assert window.model.rowCount() == 0

    window.signature_edit.clear()
    window.from_check.setChecked(True)
    window.from_edit.setDate(QDate(2026, 3, 3))
    settle(qtbot, window.runner, window.filter_button.click)
    assert window.model.rowCount() == 0

    window.from_edit.setDate(QDate(2026, 3, 2))
    window.to_check.setChecked(True)
    window.to_edit.setDate(QDate(2026, 3, 2))
    settle(qtbot, window.runner, window.filter_button.click)
    assert window.model.rowCount() == everything

    window.to_edit.setDate(QDate(2026, 3, 1))
    window.filter_button.click()  # refused in the window, no worker started
    assert "Data końcowa" in window.error_text()


def test_counter_and_clerk_cannot_open_audit(qtbot, ctx, staff):
    for role in (Role.COUNTER, Role.CLERK):
        main = MainWindow(ctx, staff[role])
        qtbot.addWidget(main)
        assert not main.act_audit.isEnabled()


def test_changes_are_formatted_old_to_new():
    text = changes_text({"role": ["counter", "clerk"], "active": [True, False],
                         "id": [None, 3], "full_name": [None, "Jan"]})
    assert text == ("rola: Punkt obsługi → Referent; aktywny: tak → nie; "
                    "imię i nazwisko: Jan")


def test_audit_model_passes_modeltester(qtmodeltester, ctx, staff):
    model = AuditTableModel()
    qtmodeltester.check(model)
    model.set_rows(list_audit(ctx, staff[Role.ADMIN], AuditFilter()))
    qtmodeltester.check(model)
    model.set_rows([AuditRow(1, datetime(2026, 7, 1, 10, 0, tzinfo=UTC), "admin", "settings",
                             "office", "update", None, {"bgm_name": ["A", "B"]})])
    qtmodeltester.check(model)
    assert model.index(0, COL_TIME).data() == "01.07.2026 12:00:00"  # summer time
    assert model.index(0, COL_CHANGES).data() == "nazwa BGM: A → B"


def test_changes_use_polish_names_of_fields_values_and_dates():
    text = changes_text({"status": ["registered", "awaiting_completion"],
                         "complete_on": [None, "2026-12-01"],
                         "delivery_status": ["pending", "deemed"],
                         "last_login_at": [None, "2026-07-01T10:00:00+00:00"]}, "cases")
    assert text == ("status: Zarejestrowana → Wezwano do uzupełnienia; "
                    "kompletna od: 01.12.2026; "
                    "doręczenie: Oczekuje na doręczenie → Doręczenie zastępcze (art. 44 KPA); "
                    "ostatnie logowanie: 01.07.2026 12:00")
    assert changes_text({"kind": [None, "summons"]}, "letters") == \
        "rodzaj: Wezwanie do usunięcia braków formalnych"


def test_the_date_filters_are_one_tab_date_inputs(qtbot, ctx, staff):
    """The filters come from a Designer form; the loader builds them as ``DateInput`` (whose
    Tab is tested with the registration form), not Qt's own three-Tab date edit."""
    from clerk_app.ui.date_inputs import DateInput

    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    for edit in (window.from_edit, window.to_edit):
        assert type(edit) is DateInput
        assert edit.displayFormat() == "dd.MM.yyyy" and edit.calendarPopup()


def test_the_entry_count_is_not_squeezed(qtbot, ctx, staff):
    """It read "W" over "5" beside the close button (a wrapped label next to a spacer)."""
    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    window.resize(1100, 600)
    window.show()
    qtbot.waitUntil(lambda: window.count_label.text().startswith("Wpisów"), timeout=10_000)
    label = window.count_label
    label.setText(label.text() + " (pokazano najnowsze 500; zawęź filtry)")  # a longer one
    qtbot.wait(50)
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
