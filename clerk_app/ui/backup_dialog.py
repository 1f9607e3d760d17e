"""The administrator's backup window: save a copy of the whole database, or put one back
(after a confirmation; the session ends afterwards, as the data under it changed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.admin.backups import (
    BackupInfo,
    RestoreResult,
    backup_database,
    restore_database,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.operations import Op
from clerk_app.ui.service_dialog import ServiceDialog

BACKUP_FILTER = "Kopia bazy (*.bak *.sqlite3 *.dump);;Wszystkie pliki (*)"


class BackupDialog(ServiceDialog):
    """``restored`` is emitted after a successful restore (the main window logs out)."""

    restored = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Kopia zapasowa bazy danych"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Baza: {0} ({1}).\nKopia obejmuje całą bazę: sprawy, pisma, skany, użytkowników "
            "i dziennik zdarzeń. Można ją zapisać w trakcie pracy innych osób.").format(
                ctx.db.display_name(), "SQLite" if ctx.db.dialect == "sqlite" else "PostgreSQL"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Zapisz kopię…"))
        self.restore_button = QPushButton(self.tr("&Odtwórz z kopii…"))
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.attach_error_label(QLabel())
        assert self.error_label is not None
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.busy_widgets = [self.backup_button, self.restore_button]
        self.backup_button.clicked.connect(self._ask_backup)
        self.restore_button.clicked.connect(self._ask_restore)

    def _ask_backup(self) -> None:
        name = f"kopia-bazy-{datetime.now():%Y-%m-%d-%H%M}.bak"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Zapisz kopię bazy"), name, self.tr(BACKUP_FILTER))
        if chosen:
            self.backup_to(Path(chosen))

    def backup_to(self, path: Path) -> bool:
        """Write the copy off the GUI thread, with progress."""
        ctx, actor = self.ctx, self.actor
        op: Op[BackupInfo]

        def work() -> BackupInfo:
            return backup_database(ctx, actor, path, op.report)

        self._started(self.tr("Zapisywanie kopii…"))
        op = self.op(work).on_success(lambda info: self._done(self.tr(
            "Zapisano kopię bazy:\n{0}").format(path))).with_progress(self.progress)
        return op.run()

    def _ask_restore(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Odtwórz bazę z kopii"), "", self.tr(BACKUP_FILTER))
        if not chosen:
            return
        answer = QMessageBox.warning(
            self, self.tr("Odtworzenie bazy"),
            self.tr("Cała obecna zawartość bazy zostanie zastąpiona kopią „{0}”. Zmiany "
                    "wprowadzone po jej zapisaniu przepadną.\n\nWszyscy użytkownicy tego "
                    "komputera zostaną wylogowani. Kontynuować?").format(Path(chosen).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_from(Path(chosen))

    def restore_from(self, path: Path) -> bool:
        ctx, actor = self.ctx, self.actor
        op: Op[RestoreResult]

        def work() -> RestoreResult:
            return restore_database(ctx, actor, path, op.report)

        self._started(self.tr("Odtwarzanie bazy…"))
        op = self.op(work).on_success(self._restored).with_progress(self.progress)
        return op.run()

    def _started(self, text: str) -> None:
        self.result_label.setText(text)
        self.progress.setRange(0, 0)  # busy until the first report

    def _done(self, text: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.result_label.setText(text)
        self.adjustSize()  # a long path wraps: the dialog grows to show it whole

    def _restored(self, result: RestoreResult) -> None:
        text = self.tr("Odtworzono bazę z kopii.")
        if result.previous_copy is not None:
            text += "\n" + self.tr("Poprzednia zawartość:\n{0}").format(result.previous_copy)
        self._done(text)
        self.restored.emit()

    def show_failure(self, error: Exception) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result_label.setText("")
        super().show_failure(error)
        self.adjustSize()
