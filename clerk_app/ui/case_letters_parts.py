"""Widgets of the "Pisma i terminy" tab: the deadlines table with the explanation of the
selected deadline below it, and the letters table; each with a title row for its buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import DeadlineState
from clerk_app.domain.text import format_date_pl
from clerk_app.services.deadlines.types import DeadlineView
from clerk_app.services.letters.types import LetterView
from clerk_app.ui.case_letters_models import (
    COL_KIND,
    COL_LETTER_KIND,
    COL_STATE,
    CaseDeadlinesModel,
    CaseLettersModel,
)


def button(parent: QWidget, text: str, slot: Callable[[], object],
           layout: QBoxLayout) -> QPushButton:
    """A push button that Enter in a dialog does not press by accident."""
    result = QPushButton(text, parent)
    result.setAutoDefault(False)
    result.clicked.connect(lambda _checked=False: slot())
    layout.addWidget(result)
    return result


def _table(parent: QWidget, model: QAbstractItemModel, stretch: int) -> QTableView:
    """A read-only, row-selecting table; column ``stretch`` takes the spare width (the
    resize modes are set after the model, which would otherwise reset them)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table (keyboard use)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class LettersSection(QSplitter):
    """Deadlines, explanation and letters, one above the other (sizes adjustable)."""

    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.deadlines_model = CaseDeadlinesModel(self)
        self.letters_model = CaseLettersModel(self)
        self.deadlines = _table(self, self.deadlines_model, COL_KIND)
        self.letters = _table(self, self.letters_model, COL_LETTER_KIND)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setReadOnly(True)
        self.explanation.setTabChangesFocus(True)
        self.explanation.setAccessibleName(self.tr("Wyjaśnienie terminu"))
        self.deadline_bar, top = self._titled(self.tr("&Terminy"), self.deadlines)
        self.letter_bar, bottom = self._titled(self.tr("Pi&sma"), self.letters)
        explained = QWidget(self)
        inner = QVBoxLayout(explained)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(QLabel(self.tr("Jak obliczono termin:"), explained))
        inner.addWidget(self.explanation)
        for widget, size in ((top, 110), (explained, 210), (bottom, 130)):
            self.addWidget(widget)
            self.setStretchFactor(self.indexOf(widget), size)
        self.setSizes([110, 210, 130])
        for view in (self.deadlines, self.letters):
            model = view.selectionModel()
            model.selectionChanged.connect(self._selected)

    def _titled(self, title: str, view: QTableView) -> tuple[QHBoxLayout, QWidget]:
        box = QWidget(self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        label = QLabel(f"<b>{title}</b>", box)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setBuddy(view)
        bar.addWidget(label, 1)
        inner.addLayout(bar)
        inner.addWidget(view)
        return bar, box

    def show_data(self, deadlines: Sequence[DeadlineView], letters: Sequence[LetterView],
                  cal: LegalCalendar, today: date) -> None:
        """Replace the rows; the selected deadline and letter stay selected by id, else the
        first open deadline and the newest letter are selected."""
        old_deadline, old_letter = self.deadline(), self.letter()
        self.deadlines_model.set_deadlines(deadlines, cal, today)
        self.letters_model.set_rows(letters)
        # The one selected stays while it still runs; an action that suspended or cancelled
        # it moves the selection to the deadline that runs now (e.g. the 7 days).
        running = [d for d in deadlines if d.closed_on is None
                   and d.state in (DeadlineState.RUNNING, DeadlineState.MISSED)]
        keep = old_deadline.id if old_deadline and old_deadline.id in {
            d.id for d in running} else None
        first = running[0] if running else next((d for d in deadlines if d.is_open), None)
        self._select(self.deadlines, [d.id for d in deadlines], keep,
                     deadlines.index(first) if first is not None else 0)
        self._select(self.letters, [x.id for x in letters],
                     old_letter.id if old_letter else None, 0)
        self._selected()

    @staticmethod
    def _select(view: QTableView, ids: list[int], keep: int | None, default: int) -> None:
        if not ids:
            return
        row = ids.index(keep) if keep in ids else default
        view.selectRow(row)
        view.setCurrentIndex(view.model().index(row, 0))

    def deadline(self) -> DeadlineView | None:
        rows = self.deadlines.selectionModel().selectedRows()
        return self.deadlines_model.row_at(rows[0].row()) if rows else None

    def letter(self) -> LetterView | None:
        rows = self.letters.selectionModel().selectedRows()
        return self.letters_model.row_at(rows[0].row()) if rows else None

    def _selected(self, _new: QItemSelection | None = None,
                  _old: QItemSelection | None = None) -> None:
        self.explanation.setPlainText(self.explanation_text(self.deadline()))
        self.selectionChanged.emit()

    def explanation_text(self, deadline: DeadlineView | None) -> str:
        """Title line (kind, state, due date), then how the date was computed."""
        if deadline is None:
            return (self.tr("Wybierz termin, aby zobaczyć, jak obliczono jego datę.")
                    if self.deadlines_model.rowCount() else
                    self.tr("W tej sprawie nie biegnie żaden termin."))
        state = self.deadlines_model.text(deadline, COL_STATE).lower()
        if deadline.due_on is None:  # suspended: no date until the clock runs again
            title = self.tr("{0} – {1}").format(deadline.kind.label, state)
        else:
            title = self.tr("{0} – {1}, termin {2}").format(
                deadline.kind.label, state, format_date_pl(deadline.due_on))
        return "\n".join([title, *deadline.explanation_lines])
