"""Date inputs for the keyboard: Tab leaves the field, and an optional date can be typed.

Qt's own date edits spend Tab on their sections (day, month, year, hour, minute: five Tabs to
leave "Data i godzina wpływu"), and one showing an empty special value swallows Tab and every
digit typed into it. Here typing a full section moves to the next one (Qt does that already),
Tab and Shift+Tab move to the next or previous field, and an empty optional date takes the
first digit typed as the start of a date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QSizePolicy, QWidget

DATE_FORMAT = "dd.MM.yyyy"
DATE_TIME_FORMAT = "dd.MM.yyyy HH:mm"
NO_DATE = QDate(2000, 1, 1)  # the "empty" value of an optional date (shown as "—")


class DateInput(QDateEdit):
    """A date (dd.MM.yyyy, calendar on Alt+↓) that Tab leaves."""

    def __init__(self, value: QDate | QWidget | None = None, parent: QWidget | None = None
                 ) -> None:
        if isinstance(value, QWidget):  # QUiLoader passes the parent alone (forms/*.ui)
            value, parent = None, value
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if value is not None:
            self.setDate(value)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateTimeInput(QDateTimeEdit):
    """A date and time (dd.MM.yyyy HH:mm) that Tab leaves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_TIME_FORMAT)
        self.setCalendarPopup(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class OptionalDateEdit(DateInput):
    """A date that may be empty (shown as "—"); ``date_value()`` is None then.

    A digit typed into the empty field starts a date (the day section first, so "15112026"
    reads 15.11.2026); Delete empties the field again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)
        self.typing_start: QDate | None = None  # the date a first digit edits (None: today)
        self.setToolTip(self.tr("Wpisz datę (np. 15112026); Delete – pole puste"))

    def date_value(self) -> date | None:
        self.interpretText()  # a section still being typed ("3" of "31") counts too
        value = self.date()
        return None if value == NO_DATE else value.toPython()  # type: ignore[return-value]

    def set_date_value(self, value: date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        empty = self.date() == NO_DATE
        if empty and event.text().isdigit():
            self.setDate(self.typing_start or QDate.currentDate())
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        elif (not empty and event.key() == Qt.Key.Key_Delete
              and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.setDate(NO_DATE)
            return
        super().keyPressEvent(event)
