"""The op object (work off the GUI thread, Polish failures, busy state, progress) and the
broadcast of what changed."""

from __future__ import annotations

import logging
import re
import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, DatabaseBusy, ValidationFailed
from clerk_app.services.intake.registration import register_item
from clerk_app.ui.case_list_widget import CaseListWidget
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.deadline_dashboard import DeadlineDashboard
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner, ops_running
from tests.services.test_intake import iok_request
from tests.ui.ui_test_support import WAIT_MS, settle, settled

GENERIC = re.compile(r"Wystąpił nieoczekiwany błąd i czynność nie została wykonana\. Spróbuj "
                     r"ponownie; jeśli błąd się powtórzy, powiadom administratora, podając "
                     r"numer zgłoszenia [A-Z2-9]{3}-[A-Z2-9]{3}\.")


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_work_runs_in_the_pool_and_success_in_the_gui_thread(
    qtbot: QtBot, owner: QWidget
) -> None:
    runner = OpRunner(owner)
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work"] = QThread.currentThread()
        return 42

    op: Op[int] = Op(runner, work).on_success(
        lambda result: seen.update(result=result, gui=QThread.currentThread()))
    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        assert op.run()
        assert runner.is_busy() and ops_running() == 1
    assert seen["result"] == 42
    assert seen["gui"] is QApplication.instance().thread()
    assert seen["work"] is not seen["gui"]
    assert not runner.is_busy() and ops_running() == 0


def test_a_service_error_is_shown_in_polish_in_the_label(
    qtbot: QtBot, owner: QWidget
) -> None:
    runner = OpRunner(owner)
    label = QLabel("stary błąd", owner)
    handled: list[Exception] = []

    def refuse() -> None:
        assert label.text() == ""  # emptied when the op started
        raise ValidationFailed([FieldError("Nazwa dnia wolnego", "Pole jest wymagane.")])

    settle(qtbot, runner, Op(runner, refuse).errors_in(label).on_failure(handled.append).run)
    assert label.text() == "Pole „Nazwa dnia wolnego”: Pole jest wymagane."
    assert label.isVisibleTo(owner)
    assert len(handled) == 1 and isinstance(handled[0], ValidationFailed)
    assert handled[0].fields == ["Nazwa dnia wolnego"]  # the dialog focuses that field
    assert runner.message_box is None  # shown inline, no box


def test_an_unexpected_error_is_logged_and_the_person_reads_a_generic_message(
    qtbot: QtBot, owner: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    runner = OpRunner(owner)
    with caplog.at_level(logging.ERROR, logger="clerk_app.ui.operations"):
        settle(qtbot, runner, Op(runner, lambda: 1 / 0).run)
    box = runner.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert GENERIC.fullmatch(box.text()) and "Division" not in box.text()
    assert box.parent() is owner.window()
    [record] = caplog.records
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
    assert "Traceback" in caplog.text and "1 / 0" in caplog.text
    box.close()


def test_user_messages() -> None:
    assert user_message(ConflictError()) == ConflictError().message
    assert user_message(FieldError("Kod pocztowy", "Podaj kod w postaci 00-000.")) == \
        "Pole „Kod pocztowy”: Podaj kod w postaci 00-000."
    assert GENERIC.fullmatch(user_message(KeyError("password_hash")))


def test_busy_cursor_and_disabled_widgets_while_it_runs(qtbot: QtBot, owner: QWidget) -> None:
    runner = OpRunner(owner)
    button = QPushButton("Zapisz", owner)
    busy: list[bool] = []
    runner.busyChanged.connect(busy.append)
    go = threading.Event()
    op = Op(runner, lambda: go.wait(WAIT_MS / 1000)).disabling(button)
    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        op.run()
        assert owner.cursor().shape() == Qt.CursorShape.BusyCursor
        assert not button.isEnabled()
        assert not Op(runner, lambda: None).run()  # one op at a time
        go.set()
    assert busy == [True, False]
    assert button.isEnabled()
    assert owner.cursor().shape() == Qt.CursorShape.ArrowCursor  # restored
    quiet = Op(runner, lambda: go.wait(WAIT_MS / 1000)).quietly()
    go.clear()
    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        quiet.run()
        assert owner.cursor().shape() == Qt.CursorShape.ArrowCursor
        go.set()


def test_progress_is_shown_on_a_bar_and_forwarded(qtbot: QtBot, owner: QWidget) -> None:
    runner = OpRunner(owner)
    bar = QProgressBar(owner)
    bar.hide()
    forwarded: list[tuple[int, int]] = []
    runner.progress.connect(lambda done, total: forwarded.append((done, total)))
    op: Op[None] = Op(runner, lambda: op.report(3, 10))
    settle(qtbot, runner, op.with_progress(bar).run)
    assert forwarded == [(3, 10)]
    assert bar.isVisibleTo(owner) and bar.value() == 3 and bar.maximum() == 10


def test_queued_and_concurrent_ops(qtbot: QtBot, owner: QWidget) -> None:
    runner = OpRunner(owner)
    go = threading.Event()
    ran: list[str] = []
    runner.run_or_queue(lambda: Op(runner, lambda: go.wait(WAIT_MS / 1000)))
    for name in ("a", "b", "c"):  # asked for while one runs: only the last one runs after it
        runner.run_or_queue(lambda n=name: Op(runner, lambda: n).on_success(ran.append))
    assert not runner.is_idle()
    go.set()
    settled(qtbot)
    assert ran == ["c"] and runner.is_idle()
    both = OpRunner(owner, concurrent=True)
    go.clear()
    assert Op(both, lambda: go.wait(WAIT_MS / 1000)).run()
    assert Op(both, lambda: "drugie").on_success(ran.append).run()
    qtbot.waitUntil(lambda: ran[-1] == "drugie", timeout=WAIT_MS)  # did not wait for the first
    go.set()
    settled(qtbot)


def test_an_owner_closed_meanwhile_hears_nothing(qtbot: QtBot) -> None:
    widget = QWidget()
    runner = OpRunner(widget)
    go = threading.Event()
    called: list[object] = []
    Op(runner, lambda: go.wait(WAIT_MS / 1000)).on_success(called.append).run()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=WAIT_MS)
    go.set()
    settled(qtbot)
    qtbot.wait(50)
    assert called == []


class _View(QWidget):
    """A view that reads its case again when the broadcast says it changed."""

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.heard: list[Change] = []
        broadcast().changed.connect(self._on_change)

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(ChangeKind.CASE, self.case_id):
            self.heard.append(change)


def test_a_write_is_announced_to_every_subscribed_view(qtbot: QtBot, owner: QWidget) -> None:
    runner = OpRunner(owner)
    first, second, other = _View(7), _View(7), _View(8)
    for view in (first, second, other):
        qtbot.addWidget(view)
    settle(qtbot, runner, Op(runner, lambda: 7).announcing(
        lambda case_id: Change(ChangeKind.CASE | ChangeKind.LETTERS, case_id)).run)
    assert first.heard == second.heard == [Change(ChangeKind.CASE | ChangeKind.LETTERS, 7)]
    assert other.heard == []  # another case
    settle(qtbot, runner, Op(runner, lambda: 1 / 0).on_failure(lambda _e: None).announcing(
        Change(ChangeKind.CASE, 7)).run)
    assert len(first.heard) == 1  # nothing is announced when the write failed
    settle(qtbot, runner, Op(runner, lambda: None).announcing(Change(ChangeKind.DEADLINES)).run)
    assert len(first.heard) == 1  # another kind
    broadcast().announce(Change(ChangeKind.CASE))  # no case: every case may be touched
    assert len(first.heard) == len(second.heard) == 2 and len(other.heard) == 1


def test_real_views_read_again_after_a_registration(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], owner: QWidget
) -> None:
    clerk = staff[Role.CLERK]
    cases = CaseListWidget(ctx, clerk)
    dashboard = DeadlineDashboard(ctx, clerk)
    for view in (cases, dashboard):
        qtbot.addWidget(view)
    settled(qtbot)
    assert cases.model.rowCount() == 0 and dashboard.model.rowCount() == 0
    runner = OpRunner(owner)
    data = iok_request(assignee_id=clerk.user_id)
    settle(qtbot, runner, Op(runner, lambda: register_item(ctx, staff[Role.COUNTER], data))
           .announcing(lambda r: Change(ChangeKind.CASE | ChangeKind.DEADLINES, r.case_id)).run)
    assert cases.model.rowCount() == 1 and cases.count_label.text() == "Spraw: 1"
    assert dashboard.model.rowCount() == 1  # the IOK request's deadline


def test_a_busy_database_offers_a_retry_that_runs_the_op_again(
    qtbot: QtBot, owner: QWidget
) -> None:
    runner = OpRunner(owner)
    calls: list[int] = []
    done: list[int] = []

    def work() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusy()
        return 7

    settle(qtbot, runner, Op(runner, work).on_success(done.append).run)
    box = runner.message_box
    assert isinstance(box, QMessageBox) and "zajęta" in box.text()
    retry = box.button(QMessageBox.StandardButton.Retry)
    assert retry.text() == "Ponów"
    settle(qtbot, runner, retry.click)
    assert calls == [1, 1] and done == [7]
