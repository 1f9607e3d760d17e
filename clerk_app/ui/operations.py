"""Service calls off the GUI thread, one way everywhere (after Anki's ``aqt.operations``).

An :class:`Op` runs a function (a service call) in the thread pool and then, in the GUI
thread, calls its success callback or shows its failure in Polish (see
:mod:`~clerk_app.ui.error_text`): a service error's own ``message``; anything else is logged
with its traceback and the person reads a generic sentence. While it runs the owner widget
shows a busy cursor and the given widgets are disabled; progress the work reports is shown
where given; a write announces its :class:`~clerk_app.ui.changes.Change` to every open view
once it succeeded::

    Op(self.runner, lambda: save_settings(ctx, actor, values)).on_success(self._saved) \\
        .errors_in(self.error_label).disabling(self.save_button) \\
        .announcing(Change(ChangeKind.SETTINGS)).run()

Each op belongs to an :class:`OpRunner` (one per window, tab or model): it emits
``busyChanged``, ``settled`` after the callbacks of each op (tests wait for it) and
``progress``; unless ``concurrent`` it runs one op at a time (``run()`` is False otherwise).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QWidget

from clerk_app.services.core.errors import DatabaseBusy
from clerk_app.ui.changes import Change, broadcast
from clerk_app.ui.error_text import user_message
from clerk_app.ui.qt_helpers import show_error, translate

T = TypeVar("T")
log = logging.getLogger(__name__)
_live: set[Op[Any]] = set()  # every op between run() and its callbacks (GUI thread only)


def ops_running() -> int:
    """How many ops of still existing owners have not settled yet (tests wait for 0)."""
    for op in [op for op in _live if not shiboken6.isValid(op.runner)]:
        _live.discard(op)
    return len(_live)


def wait_for_workers(msecs: int = 30000) -> bool:
    """Block until every pool job has ended (used when the application quits)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


class _Relay(QObject):
    """Carries one op's outcome and progress from the pool thread to its runner."""

    arrived = Signal(object, object, object)  # op, result, error (None on success)
    progressed = Signal(object, int, int)  # op, done, total


class OpRunner(QObject):
    """The ops of one owner (its parent: a window, a tab or a model)."""

    busyChanged = Signal(bool)
    settled = Signal()
    progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None, *, concurrent: bool = False,
                 synchronous: bool = False, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.concurrent = concurrent  # several ops at once (queries that must not wait)
        self.synchronous = synchronous  # run in the calling thread (model tests, scripts)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: list[Op[Any]] = []
        self._queued: dict[str, Callable[[], Op[Any]]] = {}
        self.message_box: QMessageBox | None = None

    def is_busy(self) -> bool:
        return bool(self._running)

    def is_idle(self) -> bool:
        """Nothing running and nothing queued."""
        return not self._running and not self._queued

    def run_or_queue(self, make: Callable[[], Op[Any]], key: str = "") -> None:
        """Run the op ``make()`` builds now, or once the running op has settled (e.g. a
        reload asked for while one runs): of the ops queued under one ``key`` meanwhile only
        the last one runs."""
        if self.is_busy():
            self._queued.pop(key, None)
            self._queued[key] = make
        else:
            make().run()

    def _run_queued(self) -> None:
        if self._queued and not self.is_busy():
            key = next(iter(self._queued))
            self.run_or_queue(self._queued.pop(key), key)

    def owner(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def _hold(self, op: Op[Any]) -> None:
        cursor_already = any(o.busy_cursor for o in self._running)
        self._running.append(op)
        _live.add(op)
        for widget in op.widgets:
            widget.setEnabled(False)
        owner = self.owner()
        if op.busy_cursor and not cursor_already and owner is not None:
            owner.setCursor(Qt.CursorShape.BusyCursor)
        if len(self._running) == 1:
            self.busyChanged.emit(True)

    def _release(self, op: Op[Any]) -> None:
        """Undo what :meth:`_hold` did, unless another running op still wants it."""
        if op in self._running:
            self._running.remove(op)
        _live.discard(op)
        still_held = {id(w) for o in self._running for w in o.widgets}
        for widget in op.widgets:
            if id(widget) not in still_held and shiboken6.isValid(widget):
                widget.setEnabled(True)
        owner = self.owner()
        if op.busy_cursor and owner is not None and not any(o.busy_cursor
                                                            for o in self._running):
            owner.unsetCursor()
        if not self._running:
            self.busyChanged.emit(False)

    def start(self, job: Callable[[], None]) -> None:
        self._pool.start(job)

    def show_message(self, message: str) -> None:
        """A failure nobody handles: a warning box over the owner's window."""
        owner = self.owner()
        box = QMessageBox(QMessageBox.Icon.Warning, translate("operations", "Błąd"), message,
                          QMessageBox.StandardButton.Ok, owner.window() if owner else None)
        self.message_box = box
        box.open()

    def offer_retry(self, op: Op[Any], message: str) -> None:
        """The database was busy: say so, and run ``op`` again if the person asks."""
        owner = self.owner()
        box = QMessageBox(QMessageBox.Icon.Warning, translate("operations", "Baza zajęta"),
                          message, QMessageBox.StandardButton.Retry
                          | QMessageBox.StandardButton.Cancel,
                          owner.window() if owner else None)
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        box.button(QMessageBox.StandardButton.Retry).setText(translate("operations", "Ponów"))
        box.button(QMessageBox.StandardButton.Cancel).setText(translate("operations", "Anuluj"))
        retry = box.button(QMessageBox.StandardButton.Retry)
        box.buttonClicked.connect(lambda button: op.run() if button is retry else None)
        self.message_box = box
        box.open()

    @Slot(object, object, object)
    def _arrived(self, op: object, result: object, error: object) -> None:
        if isinstance(op, Op):
            op.finish(result, error if isinstance(error, Exception) else None)

    @Slot(object, int, int)
    def _progressed(self, op: object, done: int, total: int) -> None:
        if isinstance(op, Op):
            op.show_progress(done, total)
        self.progress.emit(done, total)


class Op(Generic[T]):
    """``work()`` in the pool; the callbacks and displays in the GUI thread (see module)."""

    def __init__(self, runner: OpRunner, work: Callable[[], T]) -> None:
        self.runner, self._work = runner, work
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[Exception], object] | None = None
        self._label: QLabel | None = None
        self._progress: QProgressBar | Callable[[int, int], object] | None = None
        self._changes: list[Change | Callable[[T], Change | None]] = []
        self._relay: _Relay | None = None
        self.widgets: tuple[QWidget, ...] = ()
        self.busy_cursor = True

    # ---------------------------------------------------------------- building
    def on_success(self, callback: Callable[[T], object]) -> Op[T]:
        self._success = callback
        return self

    def on_failure(self, handler: Callable[[Exception], object]) -> Op[T]:
        """Hand the error to ``handler`` (e.g. a dialog's, focusing a ValidationFailed's
        first field) instead of the warning box; a label set by :meth:`errors_in` still
        shows the message."""
        self._failure = handler
        return self

    def errors_in(self, label: QLabel) -> Op[T]:
        """Show the failure inline in ``label`` (emptied when the op starts)."""
        self._label = label
        return self

    def disabling(self, *widgets: QWidget) -> Op[T]:
        self.widgets += widgets
        return self

    def with_progress(self, show: QProgressBar | Callable[[int, int], object]) -> Op[T]:
        """Show what the work reports through :meth:`report` on a bar or with a callback."""
        self._progress = show
        return self

    def announcing(self, change: Change | Callable[[T], Change | None]) -> Op[T]:
        """After success, broadcast ``change`` (or what it makes of the result)."""
        self._changes.append(change)
        return self

    def quietly(self) -> Op[T]:
        """No busy cursor (a read in the background while the person goes on typing)."""
        self.busy_cursor = False
        return self

    # ----------------------------------------------------------------- running
    def report(self, done: int, total: int) -> None:
        """Progress of the work; safe to call from the pool thread."""
        if self._relay is not None:
            self._relay.progressed.emit(self, done, total)
        elif self.runner.synchronous:
            self.runner._progressed(self, done, total)

    def run(self) -> bool:
        """Start the work; False (and nothing started) while a one-at-a-time runner is busy."""
        runner = self.runner
        if not runner.concurrent and runner.is_busy():
            return False
        if self._label is not None:
            show_error(self._label, "")
        runner._hold(self)
        if runner.synchronous:
            try:
                result = self._work()
            except Exception as exc:
                self.finish(None, exc)
            else:
                self.finish(result, None)
            return True
        relay = self._relay = _Relay()
        relay.arrived.connect(runner._arrived)
        relay.progressed.connect(runner._progressed)
        work = self._work

        def job() -> None:
            try:
                result = work()
            except Exception as exc:  # reported in the GUI thread, never lost
                relay.arrived.emit(self, None, exc)
            else:
                relay.arrived.emit(self, result, None)

        runner.start(job)
        return True

    def finish(self, result: object, error: Exception | None) -> None:
        """In the GUI thread: release the owner, then the callbacks, then ``settled``."""
        runner = self.runner
        runner._release(self)
        try:
            if error is None:
                self._succeeded(cast(T, result))
            else:
                self._failed(error)
        finally:
            runner.settled.emit()
            runner._run_queued()

    def _succeeded(self, result: T) -> None:
        try:
            if self._success is not None:
                self._success(result)
        finally:
            for change in self._changes:
                made = change(result) if callable(change) else change
                if made is not None:
                    broadcast().announce(made)

    def _failed(self, error: Exception) -> None:
        message = user_message(error)  # logs a fault of the program with its incident number
        if isinstance(error, DatabaseBusy):
            self.runner.offer_retry(self, message)
            return
        if self._label is not None and shiboken6.isValid(self._label):
            show_error(self._label, message)
        if self._failure is not None:
            self._failure(error)
        elif self._label is None:
            self.runner.show_message(message)

    def show_progress(self, done: int, total: int) -> None:
        show = self._progress
        if isinstance(show, QProgressBar):
            show.setVisible(True)
            show.setRange(0, max(total, 1))
            show.setValue(done)
        elif show is not None:
            show(done, total)
