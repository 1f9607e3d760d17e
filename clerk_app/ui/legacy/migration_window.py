"""The migration of old Portal Mieszkańców / e-Faktura accounts (supervisors): import a file
off the GUI thread, the accounts per class, the batches with their progress, a new batch
(its PDF saved) and a batch's letters by e-mail to the old addresses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.legacy_batch_pdf import render_one_letter_pdf
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.legacy.importing import LegacyImportReport, import_legacy
from clerk_app.services.iok.legacy.mailing import BatchMailOutcome, send_batch_by_email
from clerk_app.services.iok.legacy.overview import (
    LegacyAccountRow,
    MigrationOverview,
    legacy_accounts,
    migration_overview,
)
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.legacy.models import AccountsModel, BatchesModel, RejectedRowsModel
from clerk_app.ui.legacy.new_batch_dialog import NewBatchDialog, save_again
from clerk_app.ui.legacy.widgets import outcome_label, table_view
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label


class MigrationWindow(QWidget):
    """``loaded`` after each read of the overview; ``imported`` after an import."""

    loaded = Signal()
    imported = Signal(object)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.overview: MigrationOverview | None = None
        self.batch_dialog: NewBatchDialog | None = None
        self.setWindowTitle(self.tr("Migracja kont Portalu Mieszkańców / e-Faktury do IOK"))
        self.runner = OpRunner(self)
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.error_label = make_error_label(QLabel(self))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._import_tab(), self.tr("&Import pliku"))
        self.tabs.addTab(self._accounts_tab(), self.tr("&Konta"))
        self.tabs.addTab(self._batches_tab(), self.tr("&Partie"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        broadcast().changed.connect(self._on_change)
        self.resize(1100, 560)
        self.reload()

    # ------------------------------------------------------------------ tabs
    def _import_tab(self) -> QWidget:
        tab = QWidget(self)
        self.file_edit = QLineEdit(tab)
        self.file_edit.setPlaceholderText(self.tr("plik CSV albo XLSX z Portalu Mieszkańców"))
        self.choose_button = QPushButton(self.tr("&Wybierz plik…"), tab)
        self.all_or_nothing = QCheckBox(self.tr("Wszystko albo nic (jeden odrzucony wiersz – "
                                                "nie importuj żadnego)"), tab)
        self.import_button = QPushButton(self.tr("&Importuj"), tab)
        self.import_progress = QProgressBar(tab)
        self.import_progress.setVisible(False)
        self.import_result = outcome_label(tab, "import_result")
        self.rejected_model = RejectedRowsModel(self)
        self.rejected_table = table_view(tab, "rejected_rows")
        self.rejected_table.setModel(self.rejected_model)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Plik:"), tab))
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.all_or_nothing)
        bar = QHBoxLayout()
        bar.addWidget(self.import_progress, 1)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        layout.addWidget(self.import_result)
        layout.addWidget(QLabel(self.tr("Odrzucone wiersze:"), tab))
        layout.addWidget(self.rejected_table, 1)
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.start_import)
        return tab

    def _accounts_tab(self) -> QWidget:
        tab = QWidget(self)
        self.class_combo = QComboBox(tab)
        self.class_combo.addItem(self.tr("Wszystkie"), None)
        for klass in LegacyClass:
            self.class_combo.addItem(klass.label, klass.value)
        self.accounts_model = AccountsModel(self)
        self.accounts_table = table_view(tab, "accounts")
        self.accounts_table.setModel(self.accounts_model)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Klasa:"), tab))
        row.addWidget(self.class_combo)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.accounts_table, 1)
        layout.addWidget(QLabel(self.tr("Najstarsze konta, najwyżej 500."), tab))
        self.class_combo.currentIndexChanged.connect(lambda _i: self.load_accounts())
        return tab

    def _batches_tab(self) -> QWidget:
        tab = QWidget(self)
        self.batches_model = BatchesModel(self)
        self.batches_table = table_view(tab, "batches")
        self.batches_table.setModel(self.batches_model)
        self.new_batch_button = QPushButton(self.tr("&Nowa partia…"), tab)
        self.reprint_button = QPushButton(self.tr("&Zapisz PDF partii…"), tab)
        self.email_button = QPushButton(self.tr("Wyślij &e-mailem"), tab)
        self.email_button.setToolTip(self.tr("Pisma wybranej partii na stare adresy e-mail "
                                             "(ponawia nieudane wysyłki)."))
        self.batch_progress = QProgressBar(tab)
        self.batch_progress.setVisible(False)
        self.batch_result = outcome_label(tab, "batch_result")
        bar = QHBoxLayout()
        bar.addWidget(self.batch_progress, 1)
        for button in (self.new_batch_button, self.reprint_button, self.email_button):
            bar.addWidget(button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.batches_table, 1)
        layout.addWidget(self.batch_result)
        layout.addLayout(bar)
        self.new_batch_button.clicked.connect(self.open_new_batch)
        self.email_button.clicked.connect(self.send_selected_by_email)
        self.reprint_button.clicked.connect(lambda: self.save_selected_pdf())
        return tab

    # --------------------------------------------------------------- reading
    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: migration_overview(ctx, actor))
                                 .on_success(self._show).errors_in(self.error_label), "load")
        self.load_accounts()

    def load_accounts(self) -> None:
        ctx, actor = self.ctx, self.actor
        value = self.class_combo.currentData()
        klass = LegacyClass(value) if value else None
        self.runner.run_or_queue(lambda: Op(
            self.runner, lambda: legacy_accounts(ctx, actor, klass))
            .on_success(self._show_accounts).errors_in(self.error_label), "accounts")

    def _show(self, overview: MigrationOverview) -> None:
        self.overview = overview
        c = overview.counts
        self.counts_label.setText(self.tr(
            "Konta: do przeniesienia {0}, wymagające zgody {1} (poza partiami: {2}), pominięte "
            "{3}. Partii: {4}. Brak odpowiedzi liczony po {5} dniach.").format(
            c[LegacyClass.MIGRATE], c[LegacyClass.NEEDS_CONSENT], overview.waiting,
            c[LegacyClass.SKIPPED], len(overview.batches), overview.no_answer_days))
        selected = self.selected_batch()
        self.batches_model.set_rows(overview.batches)
        keep = next((i for i, b in enumerate(overview.batches) if b.batch_id == selected), 0)
        if overview.batches:
            self.batches_table.selectRow(keep)
        self.email_button.setEnabled(bool(overview.batches))
        self.reprint_button.setEnabled(bool(overview.batches))
        self.loaded.emit()

    def _show_accounts(self, rows: list[LegacyAccountRow]) -> None:
        self.accounts_model.set_rows(rows)

    def selected_batch(self) -> int | None:
        rows = self.batches_table.selectionModel().selectedRows()
        row = self.batches_model.row_at(rows[0].row()) if rows else None
        return row.batch_id if row is not None else None

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(ChangeKind.CASE):
            self.reload()

    # --------------------------------------------------------------- actions
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Plik z Portalu Mieszkańców"), self.file_edit.text(),
            self.tr("Eksport kont (*.csv *.xlsx);;Wszystkie pliki (*)"))
        if name:
            self.file_edit.setText(name)

    def start_import(self) -> None:
        text = self.file_edit.text().strip()
        if not text:
            self.error_label.setText(self.tr("Wybierz plik do importu."))
            self.error_label.setVisible(True)
            return
        ctx, actor, path = self.ctx, self.actor, Path(text)
        strict = self.all_or_nothing.isChecked()
        self.import_result.setText(self.tr("Import trwa…"))
        op: Op[LegacyImportReport] = Op(self.runner, lambda: import_legacy(
            ctx, actor, path, all_or_nothing=strict, progress=op.report))
        op.on_success(self._imported).errors_in(self.error_label) \
            .with_progress(self.import_progress) \
            .disabling(self.import_button, self.choose_button, self.all_or_nothing) \
            .announcing(Change(ChangeKind.CASE)).run()

    def _imported(self, report: LegacyImportReport) -> None:
        self.import_progress.setVisible(False)
        head = self.tr("Plik „{0}”, wiersze: do przeniesienia {1}, wymagające zgody {2}, "
                       "pominięte {3}, odrzucone {4}.").format(
            report.file_name, report.migrate, report.needs_consent, report.skipped,
            len(report.rejected))
        if report.imported:
            tail = self.tr("Zmienione w bazie: {0} (nowe {1}, zaktualizowane {2}).").format(
                report.new, report.inserted, report.updated)
        else:
            tail = self.tr("Zaznaczono „wszystko albo nic”, a plik ma odrzucone wiersze: "
                           "nie zaimportowano niczego.")
        self.import_result.setText(f"{head} {tail}")
        self.rejected_model.set_rows(report.rejected)
        self.imported.emit(report)

    def open_new_batch(self) -> NewBatchDialog:
        size = self.overview.batch_size if self.overview is not None else 200
        dialog = NewBatchDialog(self.ctx, self.actor, size, self)
        dialog.made.connect(self._batch_made)
        self.batch_dialog = dialog
        dialog.open()
        return dialog

    def _batch_made(self, text: str) -> None:
        self.batch_result.setText(text)
        self.reload()

    def save_selected_pdf(self, path: Path | None = None) -> None:
        """The selected batch's letters and labels to a PDF again (a lost or spoilt print)."""
        batch_id = self.selected_batch()
        if batch_id is None:
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Zapisz pisma partii"), "",
                                                  self.tr("PDF (*.pdf)"))
            if not name:
                return
            path = Path(name)
        ctx, actor, target = self.ctx, self.actor, path
        Op(self.runner, lambda: save_again(ctx, actor, batch_id, target)).on_success(
            lambda saved: self.batch_result.setText(self.tr(
                "Partia {0}: {1} pism zapisano w pliku {2}.").format(
                saved.number, saved.size, saved.path))).errors_in(self.error_label) \
            .disabling(self.reprint_button).run()

    def send_selected_by_email(self) -> None:
        batch_id = self.selected_batch()
        if batch_id is None:
            return
        ctx, actor = self.ctx, self.actor
        self.batch_result.setText(self.tr("Wysyłanie…"))
        op: Op[BatchMailOutcome] = Op(self.runner, lambda: send_batch_by_email(
            ctx, actor, batch_id, render_one_letter_pdf, progress=op.report))
        op.on_success(self._mailed).errors_in(self.error_label) \
            .with_progress(self.batch_progress) \
            .disabling(self.email_button, self.new_batch_button).run()

    def _mailed(self, outcome: BatchMailOutcome) -> None:
        self.batch_progress.setVisible(False)
        text = self.tr("Wysłano e-mailem: {0}, nie udało się: {1}.").format(
            outcome.sent, outcome.failed)
        if outcome.errors:
            code, error = outcome.errors[0]
            text += " " + self.tr("Np. {0}: {1}").format(code, error)
        self.batch_result.setText(text)
        self.reload()
