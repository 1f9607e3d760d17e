"""Fields a service refused, shown in light red until they are edited or saved again.

The colour goes through the widget's palette (its base and button colours), not a style
sheet, so a marked line edit, combo box, spin box or list keeps its native look.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QWidget

INVALID_BASE = QColor("#ffe3e3")
INVALID_PROPERTY = "fieldError"  # True on a marked widget (for tests and style sheets)
_NAVIGATION_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Shift,
                              Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Return,
                              Qt.Key.Key_Enter, Qt.Key.Key_Escape})


class FieldMarks(QObject):
    """The marked widgets of one dialog or form, with their own palettes to put back."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._palettes: dict[QWidget, QPalette] = {}

    def mark(self, widgets: Iterable[QWidget]) -> None:
        """Mark exactly ``widgets`` (the earlier marks are cleared)."""
        self.clear()
        for widget in dict.fromkeys(widgets):
            self._palettes[widget] = QPalette(widget.palette())
            palette = QPalette(widget.palette())
            for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
                palette.setColor(role, INVALID_BASE)
            widget.setPalette(palette)
            widget.setProperty(INVALID_PROPERTY, True)
            widget.installEventFilter(self)

    def marked(self) -> list[QWidget]:
        return list(self._palettes)

    def unmark(self, widget: QWidget) -> None:
        palette = self._palettes.pop(widget, None)
        if palette is None:
            return
        widget.removeEventFilter(self)
        widget.setPalette(palette)
        widget.setProperty(INVALID_PROPERTY, False)

    def clear(self) -> None:
        for widget in list(self._palettes):
            self.unmark(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Typing into a marked field (or clicking it) takes its mark off."""
        if isinstance(watched, QWidget) and watched in self._palettes:
            editing = (event.type() == QEvent.Type.MouseButtonPress
                       or (event.type() == QEvent.Type.KeyPress
                           and isinstance(event, QKeyEvent)
                           and Qt.Key(event.key()) not in _NAVIGATION_KEYS))
            if editing:
                self.unmark(watched)
        return super().eventFilter(watched, event)
