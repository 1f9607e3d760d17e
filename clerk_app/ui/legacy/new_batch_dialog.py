"""*Nowa partia…*: how many accounts, the letters' date and where the PDF goes; the batch is
made, rendered and saved in one op off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.legacy_batch_pdf import render_batch_pdf
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.services.iok.legacy.batches import MAX_BATCH, batch_document, make_batch
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.legacy.widgets import date_edit
from clerk_app.ui.qt_helpers import to_date
from clerk_app.ui.service_dialog import ServiceDialog


@dataclass(frozen=True)
class SavedBatch:
    number: int
    size: int
    path: Path


def make_and_save(ctx: AppContext, actor: Actor, size: int, letter_date: QDate,
                  path: Path) -> SavedBatch:
    """The op's work: the batch, its PDF, the file (refused in Polish if not writable)."""
    if path.is_dir() or not path.parent.is_dir():
        raise ServiceError(f"Nie można zapisać pliku „{path}”: wybierz plik w istniejącym "
                           "katalogu.")
    made = make_batch(ctx, actor, size, to_date(letter_date))
    pdf = render_batch_pdf(made.document)
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise ServiceError(f"Partię {made.number} utworzono, ale nie można zapisać pliku "
                           f"„{path}”: {exc.strerror or exc}. Wydrukuj ją ponownie.") from None
    return SavedBatch(made.number, made.size, path)


def save_again(ctx: AppContext, actor: Actor, batch_id: int, path: Path) -> SavedBatch:
    """The op's work of *Zapisz PDF partii…*: an existing batch's letters printed again."""
    if path.is_dir() or not path.parent.is_dir():
        raise ServiceError(f"Nie można zapisać pliku „{path}”: wybierz plik w istniejącym "
                           "katalogu.")
    document = batch_document(ctx, actor, batch_id)
    try:
        path.write_bytes(render_batch_pdf(document))
    except OSError as exc:
        raise ServiceError(f"Nie można zapisać pliku „{path}”: {exc.strerror or exc}.") \
            from None
    return SavedBatch(document.batch_number, len(document.letters), path)


class NewBatchDialog(ServiceDialog):
    """``made(text)`` once the batch is saved (the text says where)."""

    made = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, size: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Nowa partia pism o zgodę"))
        self.size_box = QSpinBox(self)
        self.size_box.setRange(1, MAX_BATCH)
        self.size_box.setValue(min(max(size, 1), MAX_BATCH))
        self.letter_date = date_edit(self, ctx.today())
        self.path = QLineEdit(self)
        self.path.setText(str(Path.home() / f"partia-migracji-{ctx.today():%Y%m%d}.pdf"))
        browse = QPushButton(self.tr("Wybierz…"), self)
        browse.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Liczba kont (najstarsze najpierw):"), self.size_box)
        form.addRow(self.tr("Data pism:"), self.letter_date)
        form.addRow(self.tr("Plik PDF:"), where)
        self.buttons = QDialogButtonBox(self)
        self.make_button = self.buttons.addButton(self.tr("&Utwórz partię i zapisz PDF"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        self.make_button.setDefault(True)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attach_error_label(QLabel(self)))
        layout.addWidget(self.buttons)
        self.field_widgets = {"batch_size": self.size_box}
        self.busy_widgets = [self.make_button, self.size_box, self.letter_date, self.path]

    def choose_path(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Zapisz pisma partii"),
                                              self.path.text(), self.tr("PDF (*.pdf)"))
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else f"{name}.pdf")

    def make(self) -> None:
        ctx, actor, size = self.ctx, self.actor, self.size_box.value()
        day, path = self.letter_date.date(), Path(self.path.text().strip())
        self.op(lambda: make_and_save(ctx, actor, size, day, path)).on_success(
            self._saved).announcing(Change(ChangeKind.CASE)).run()

    def _saved(self, saved: SavedBatch) -> None:
        self.made.emit(self.tr("Partia {0}: {1} pism zapisano w pliku {2}.").format(
            saved.number, saved.size, saved.path))
        self.accept()
