"""The retention review (supervisors): cases whose period of keeping personal data passed.

The supervisor ticks cases (or all loaded ones) and anonymises them after a confirmation
naming the count; the work runs off the GUI thread in one transaction with a progress bar,
and every open view hears that the cases changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.retention import RULE_ORDER
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.retention.anonymise import AnonymiseResult, anonymise_cases
from clerk_app.services.retention.review import ReviewCursor, ReviewPage, retention_review
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label, translate
from clerk_app.ui.retention.review_model import COL_RULE, RetentionReviewModel

PAGE = 500


def confirm_anonymise(parent: QWidget, count: int) -> bool:
    """Ask before anonymising (it cannot be undone)."""
    answer = QMessageBox.warning(
        parent, translate("RetentionReviewWindow", "Anonimizacja danych osobowych"),
        translate("RetentionReviewWindow",
                  "Zanonimizować zaznaczone sprawy: {0}?\n\nDane osobowe (imiona i nazwiska, "
                  "PESEL, adresy, e-mail, telefon, gospodarstwo domowe, dochody, skany i "
                  "zachowane pisma) zostaną trwale usunięte. Pozostaną znak sprawy, rodzaj, "
                  "daty i sposób załatwienia.\n\nTej operacji nie można cofnąć.").format(count),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class RetentionReviewWindow(QWidget):
    """``loaded`` after each read, ``anonymised(count)`` after a review."""

    loaded = Signal()
    anonymised = Signal(int)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Przegląd okresów przechowywania danych"))
        self.ask = confirm_anonymise  # tests answer for the person
        self._cursor: ReviewCursor | None = None
        self.model = RetentionReviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("retention_review")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_RULE, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error_label = make_error_label(QLabel(self))
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.check_all_button = QPushButton(self.tr("Zaznacz &wszystkie wczytane"), self)
        self.check_selected_button = QPushButton(self.tr("Zaznacz &podświetlone"), self)
        self.uncheck_button = QPushButton(self.tr("&Odznacz"), self)
        self.more_button = QPushButton(self.tr("Wczytaj &więcej"), self)
        self.anonymise_button = QPushButton(self.tr("&Anonimizuj zaznaczone…"), self)
        self.refresh_button = QPushButton(self.tr("O&dśwież"), self)
        self.close_button = QPushButton(self.tr("Zamknij"), self)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        for b in (self.check_all_button, self.check_selected_button, self.uncheck_button,
                  self.more_button):
            top.addWidget(b)
        top.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        for b in (self.anonymise_button, self.refresh_button, self.close_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Sprawy, których okres przechowywania danych osobowych minął (reguły w ustawieniach, "
            "karta „Dane osobowe”). Zaznacz sprawy i zanonimizuj je: znak sprawy, rodzaj, daty "
            "i sposób załatwienia pozostaną do spisu spraw i statystyk."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addLayout(bar)
        self.runner = OpRunner(self)
        self.check_all_button.clicked.connect(lambda: self.model.set_all_checked(True))
        self.uncheck_button.clicked.connect(lambda: self.model.set_all_checked(False))
        self.check_selected_button.clicked.connect(self.check_highlighted)
        self.more_button.clicked.connect(self.load_more)
        self.anonymise_button.clicked.connect(self.anonymise_checked)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        self.model.dataChanged.connect(lambda *_a: self._update())
        self.model.modelReset.connect(self._update)
        self.model.rowsInserted.connect(lambda *_a: self._update())
        self.runner.busyChanged.connect(lambda _busy: self._update())
        self.resize(1100, 520)
        self._update()
        self.reload()

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: retention_review(
            ctx, actor, limit=PAGE)).on_success(self._show).errors_in(self.error_label), "load")

    def load_more(self) -> bool:
        cursor = self._cursor
        if cursor is None:
            return False
        ctx, actor = self.ctx, self.actor
        return Op(self.runner, lambda: retention_review(ctx, actor, limit=PAGE, after=cursor)) \
            .on_success(self._append).errors_in(self.error_label).run()

    def _show(self, page: ReviewPage) -> None:
        self._cursor = page.next_cursor
        self.model.set_rows(list(page.rows))
        parts = [f"{rule.short_label}: {page.counts.get(rule, 0)}" for rule in RULE_ORDER]
        self.summary.setText(self.tr("Na dzień {0} do anonimizacji: {1} ({2}).").format(
            page.today.strftime("%d.%m.%Y"), page.total, "; ".join(parts)))
        self._update()
        self.loaded.emit()

    def _append(self, page: ReviewPage) -> None:
        self._cursor = page.next_cursor
        self.model.append_rows(list(page.rows))
        self.loaded.emit()

    def check_highlighted(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            self.model.setData(index.siblingAtColumn(0), Qt.CheckState.Checked,
                               Qt.ItemDataRole.CheckStateRole)

    def _update(self) -> None:
        checked = len(self.model.checked_ids())
        busy = self.runner.is_busy()
        self.count_label.setText(self.tr("Wczytano: {0}, zaznaczono: {1}").format(
            self.model.rowCount(), checked))
        self.anonymise_button.setEnabled(checked > 0 and not busy)
        self.more_button.setEnabled(self._cursor is not None and not busy)

    def anonymise_checked(self) -> bool:
        """Confirm with the count, then anonymise the checked cases off the GUI thread."""
        ids = self.model.checked_ids()
        if not ids or self.runner.is_busy() or not self.ask(self, len(ids)):
            return False
        ctx, actor = self.ctx, self.actor
        op: Op[AnonymiseResult] = Op(self.runner, lambda: anonymise_cases(
            ctx, actor, ids, progress=op.report))
        return op.with_progress(self.progress).on_success(self._done) \
            .errors_in(self.error_label).disabling(self.table) \
            .announcing(Change(CASE_WORK)).run()

    def _done(self, result: AnonymiseResult) -> None:
        self.progress.setVisible(False)
        self.anonymised.emit(result.count)
        self.reload()
