"""A barcode scanner is a keyboard that types very fast: recognise its bursts.

Install :class:`BarcodeFilter` on the QApplication (``app.installEventFilter(f)``). Printable
key presses are held back for a moment: a burst of at least ``min_length`` characters, each
less than ``max_gap_ms`` after the previous one and ending in Enter, is a scan — its key events
are swallowed and ``scanned(text)`` is emitted with control characters stripped. Anything
slower is human typing: the held keys are delivered to their widget unchanged (at most
``max_gap_ms`` late). A widget with the dynamic property ``acceptsBarcode`` set to true (e.g.
the case-signature field of the registration form) gets scans typed into it as usual.

Routing is the main window's job: :class:`~clerk_app.ui.case_navigator.CaseNavigator` looks
the code up (``find_by_identifier``, off the GUI thread) and opens what it points at.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.services.cases.detail import clean_scanned_text

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
EDITING_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Backspace, Qt.Key.Key_Escape,
                Qt.Key.Key_Delete)
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier,
         Qt.KeyboardModifier.KeypadModifier)


@dataclass
class _Held:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float


class BarcodeFilter(QObject):
    """Emits ``scanned(text)`` for a fast burst ending in Enter; ``enabled`` switches it off."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_gap_ms: float = 30,
                 min_length: int = 4) -> None:
        super().__init__(parent)
        self.max_gap = max_gap_ms / 1000
        self.min_length = min_length
        self.enabled = True
        # When set, only keys typed in this window or the windows it owns count as scans.
        self.scope: QWidget | None = None
        self._held: list[_Held] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(max_gap_ms)))
        self._timer.timeout.connect(self.flush)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress
                or not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget)):
            return False
        if watched.property("acceptsBarcode") or not self._in_scope(watched):
            return False
        now = time.monotonic()
        mods = event.modifiers()
        text = event.text()
        char = (len(text) == 1 and mods in PLAIN and not event.isAutoRepeat()
                and event.key() not in ENTER_KEYS and event.key() not in EDITING_KEYS)
        # Control characters (GS, RS…) count only inside a burst; they are stripped later.
        if char and (text.isprintable() or self._held):
            if self._held and now - self._held[-1].at >= self.max_gap:
                self.flush()  # too slow: the earlier keys were typed by a person
            self._held.append(_Held(watched, event.key(), mods, text, now))
            self._timer.start()
            return True
        if event.key() in ENTER_KEYS and self._held and self._is_scan(now):
            text = clean_scanned_text("".join(h.text for h in self._held))
            self._held.clear()
            self._timer.stop()
            self.scanned.emit(text)
            return True
        self.flush()  # any other key: deliver what was held first, in order
        return False

    def _in_scope(self, widget: QWidget) -> bool:
        scope = self.scope
        if scope is None:
            return True
        if not shiboken6.isValid(scope):
            return False
        window: QWidget | None = widget.window()
        while window is not None:
            if window is scope:
                return True
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return False

    def _is_scan(self, now: float) -> bool:
        if len(self._held) < self.min_length or now - self._held[-1].at >= self.max_gap:
            return False
        times = [h.at for h in self._held]
        return all(b - a < self.max_gap for a, b in itertools.pairwise(times))

    def flush(self) -> None:
        """Deliver the held keys to their widgets as if nothing had happened."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for h in held:
                if not shiboken6.isValid(h.target):
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(h.target, QKeyEvent(kind, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False
