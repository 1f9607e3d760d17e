"""Running service calls off the GUI thread (QThreadPool + QRunnable + signals)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of one task; emitted from the worker thread, delivered in the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Calls ``fn()`` in a pool thread and reports its result or its exception."""

    def __init__(self, fn: Callable[[], object]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI thread, never lost
            if not hasattr(exc, "message"):
                log.exception("Błąd w zadaniu w tle")
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver's window was closed while the task ran
            log.debug("Wynik zadania w tle pominięty: okno zostało zamknięte")


class TaskRunner(QObject):
    """Runs one task at a time for a window and calls back in the GUI thread.

    ``settled`` is emitted after the callbacks of a task have run, so tests can wait with
    ``qtbot.waitSignal(runner.settled)``. ``progress`` may be emitted from the worker thread
    through :meth:`report_progress`.
    """

    busyChanged = Signal(bool)
    settled = Signal()
    progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._task: Task | None = None
        self._on_success: Callable[[object], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None

    def is_busy(self) -> bool:
        return self._task is not None

    def run(
        self,
        fn: Callable[[], object],
        on_success: Callable[[object], None],
        on_failure: Callable[[Exception], None],
    ) -> bool:
        """Start ``fn`` in the pool; False (and nothing started) while a task is running."""
        if self._task is not None:
            return False
        task = Task(fn)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        self._task = task
        self._on_success, self._on_failure = on_success, on_failure
        self.busyChanged.emit(True)
        self._pool.start(task)
        return True

    def report_progress(self, done: int, total: int) -> None:
        """Thread-safe: forwards progress to the GUI thread."""
        self.progress.emit(done, total)

    @Slot(object)
    def _finished(self, result: object) -> None:
        callback = self._on_success
        self._clear()
        if callback is not None:
            callback(result)
        self.settled.emit()

    @Slot(object)
    def _failed(self, error: object) -> None:
        callback = self._on_failure
        self._clear()
        if callback is not None and isinstance(error, Exception):
            callback(error)
        self.settled.emit()

    def _clear(self) -> None:
        self._task = None
        self._on_success = self._on_failure = None
        self.busyChanged.emit(False)


def wait_for_workers(msecs: int = 30000) -> bool:
    """Block until every pool task has ended (used when the application quits)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
