"""Table models of the "Pisma i terminy" tab: the deadlines and the letters of one case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import DeadlineState
from clerk_app.domain.letter_kinds import DeliveryStatus
from clerk_app.domain.letter_state import LetterState
from clerk_app.domain.text import format_date_pl
from clerk_app.services.deadlines.types import DeadlineView
from clerk_app.services.letters.types import LetterView
from clerk_app.services.mail.states import CaseEmailStates, LetterEmailState
from clerk_app.ui.deadline_table_model import OVERDUE_BACKGROUND, SOON_BACKGROUND
from clerk_app.ui.formatting import local_time
from clerk_app.ui.row_table_model import RowRole, RowTableModel

__all__ = ["CaseDeadlinesModel", "CaseLettersModel", "RowRole"]


# deadlines
COL_KIND = 0
COL_STATE = 1
COL_START = 2
COL_DUE = 3
COL_DAYS_LEFT = 4
DEADLINE_COLUMNS = 5
# letters
COL_IDENTIFIER = 0
COL_LETTER_KIND = 1
COL_DATED = 2
COL_LETTER_STATE = 3
COL_DELIVERY = 4
COL_DELIVERED_ON = 5
COL_EMAIL = 6
LETTER_COLUMNS = 7

SOON_WORKING_DAYS = 2
FAILED_FOREGROUND = QColor("#b00020")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CaseDeadlinesModel(RowTableModel[DeadlineView]):
    """Deadlines of a case; working days left are counted from ``today`` for open ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Rodzaj terminu"), self.tr("Stan"), self.tr("Początek"),
                         self.tr("Termin"), self.tr("Dni robocze"))
        self._left: dict[int, int] = {}

    def set_deadlines(self, rows: Sequence[DeadlineView], cal: LegalCalendar,
                      today: date) -> None:
        """Show ``rows``; running and missed open deadlines get their working days left."""
        self._left = {r.id: cal.working_days_between(today, r.due_on) for r in rows
                      if r.is_open and r.due_on is not None}
        self.set_rows(rows)

    def days_left(self, row: DeadlineView) -> int | None:
        return self._left.get(row.id)

    def text(self, row: DeadlineView, column: int) -> str:
        if column == COL_KIND:
            return row.kind.label
        if column == COL_STATE:
            left = self.days_left(row)
            if row.state is DeadlineState.RUNNING and left is not None and left < 0:
                return self.tr("Po terminie")
            if row.closed_on is not None:
                return self.tr("{0} ({1})").format(row.state.label,
                                                   format_date_pl(row.closed_on))
            return row.state.label
        if column == COL_START:
            return format_date_pl(row.start_on)
        if column == COL_DUE:
            return format_date_pl(row.due_on)
        if column == COL_DAYS_LEFT:
            left = self.days_left(row)
            return "—" if left is None else str(left)
        return ""

    def extra(self, row: DeadlineView, column: int, role: int) -> Any:
        left = self.days_left(row)
        if role == Qt.ItemDataRole.BackgroundRole and left is not None:
            if left < 0 or row.state is DeadlineState.MISSED:
                return QBrush(OVERDUE_BACKGROUND)
            if left <= SOON_WORKING_DAYS:
                return QBrush(SOON_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_DAYS_LEFT:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(row.explanation_lines)
        return None


class CaseLettersModel(RowTableModel[LetterView]):
    """Outgoing letters of a case (newest first, as the service returns them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Kod pisma"), self.tr("Rodzaj"), self.tr("Data pisma"),
                         self.tr("Stan"), self.tr("Sposób doręczenia"),
                         self.tr("Data doręczenia"), self.tr("E-mail"))
        self.email: CaseEmailStates | None = None

    def set_email_states(self, states: CaseEmailStates | None) -> None:
        """The e-mail side of the letters (read apart from the screen; may come later)."""
        self.email = states
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_EMAIL),
                                  self.index(len(self._rows) - 1, COL_EMAIL))

    def email_state(self, row: LetterView) -> LetterEmailState | None:
        return self.email.of(row.id) if self.email is not None else None

    def email_text(self, row: LetterView) -> str:
        state = self.email_state(row)
        if state is not None and state.sent_at is not None:
            return self.tr("wysłano {0}").format(local_time(state.sent_at))
        if state is not None and state.failed:
            return self.tr("błąd – nie wysłano")
        return "—"

    @staticmethod
    def state_day(row: LetterView) -> date | None:
        """The day that belongs to the state: sent, delivered (or deemed), returned."""
        return {LetterState.SENT: row.sent_on, LetterState.RETURNED: row.returned_on,
                LetterState.DELIVERED: row.delivered_on,
                LetterState.NOT_COLLECTED: row.deemed_delivered_on}.get(row.state)

    def text(self, row: LetterView, column: int) -> str:
        if column == COL_IDENTIFIER:
            return row.identifier
        if column == COL_LETTER_KIND:
            return row.kind_label
        if column == COL_DATED:
            return format_date_pl(row.dated_on)
        if column == COL_LETTER_STATE:
            day = self.state_day(row)
            label = row.state.label
            return self.tr("{0} ({1})").format(label, format_date_pl(day)) if day else label
        if column == COL_DELIVERY:  # how it went or goes; the state column says how far
            if row.delivery_status is DeliveryStatus.PENDING and row.email_read_on is None:
                return "—"
            return row.delivery_method.label
        if column == COL_DELIVERED_ON:
            when = row.effective_delivery
            return format_date_pl(when) if when else "—"
        if column == COL_EMAIL:
            return self.email_text(row)
        return ""

    def extra(self, row: LetterView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.tr("Adresat: {0}").format(", ".join(row.addressee.splitlines()))]
            if row.sent_on:
                lines.append(self.tr("Wysłano: {0}").format(format_date_pl(row.sent_on)))
            if row.first_notice_on:
                lines.append(self.tr("Pierwsze awizo: {0}").format(
                    format_date_pl(row.first_notice_on)))
            if row.email_read_on:
                lines.append(self.tr("Potwierdzenie odczytu e-maila: {0} (nie jest "
                                     "doręczeniem)").format(format_date_pl(row.email_read_on)))
            if row.returned_on:
                lines.append(self.tr("Zwrot do nadawcy: {0}").format(
                    format_date_pl(row.returned_on)))
            return "\n".join(lines + self._email_lines(row))
        if (role == Qt.ItemDataRole.ForegroundRole and column == COL_EMAIL
                and (state := self.email_state(row)) is not None and state.failed):
            return QBrush(FAILED_FOREGROUND)
        return None

    def _email_lines(self, row: LetterView) -> list[str]:
        state = self.email_state(row)
        if state is None:
            return []
        if state.sent_at is not None:
            return [self.tr("E-mail wysłano: {0} ({1})").format(local_time(state.sent_at),
                                                              state.message_id)]
        return [self.tr("E-mail nie został wysłany: {0}").format(state.error)] if state.error \
            else []
