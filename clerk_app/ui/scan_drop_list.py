"""Scans to attach: a list that takes dropped files, and the watched scan-inbox folder.

Every file is checked when it is added (``inspect_scans``, off the GUI thread: content, size,
completeness); a refused file is not added and the reason is reported in Polish. Files whose
content is already stored are added with a warning. Additions are checked one after another,
so the files are listed in the order they were added.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from clerk_app.domain.text import format_file_size
from clerk_app.services.core.context import AppContext
from clerk_app.services.intake.scans import MEDIA_TYPES, ScanBatch, inspect_scans
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner

PATH_ROLE = Qt.ItemDataRole.UserRole
SCAN_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


class ScanDropList(QListWidget):
    """The files to attach; emits ``message(text, is_error)`` after each addition (whose
    refusals stay in ``refused``); ``runner`` is busy while files are being checked."""

    message = Signal(str, bool)
    filesChanged = Signal()

    def __init__(self, ctx: AppContext, max_bytes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.max_bytes = ctx, max_bytes
        self.runner = OpRunner(self)
        self.refused: list[str] = []
        self._checking: set[Path] = set()
        self._additions = 0
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setToolTip(self.tr("Przeciągnij tu pliki PDF, JPEG, PNG lub TIFF. "
                                "Klawisz Delete usuwa zaznaczony plik."))

    def paths(self) -> list[Path]:
        return [Path(self.item(i).data(PATH_ROLE)) for i in range(self.count())]

    def add_files(self, paths: list[Path]) -> None:
        """Check ``paths`` in the pool and list the good ones (see ``message``)."""
        present = {p.resolve() for p in self.paths()} | self._checking
        listed = [self.tr("Plik „{0}” jest już na liście.").format(p.name)
                  for p in paths if p.resolve() in present]
        fresh = list({p.resolve(): p for p in paths if p.resolve() not in present}.values())
        if not fresh:
            self._show(ScanBatch([], [], {}), listed)
            return
        self._checking.update(p.resolve() for p in fresh)
        ctx, max_bytes = self.ctx, self.max_bytes
        self._additions += 1  # each addition queued under its own key: checked in turn
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: inspect_scans(
            ctx, fresh, max_bytes)).on_success(lambda batch: self._show(batch, listed, fresh))
            .on_failure(lambda error: self._show(ScanBatch([], [user_message(error)], {}),
                                                 listed, fresh)).quietly(),
            str(self._additions))

    def _show(self, batch: ScanBatch, listed: list[str], checked: Sequence[Path] = ()) -> None:
        self._checking.difference_update(p.resolve() for p in checked)
        for path, check in batch.accepted:
            kind = MEDIA_TYPES.get(check.media_type, check.media_type)
            item = QListWidgetItem(f"{path.name}  ({kind}, {format_file_size(check.size_bytes)})")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.addItem(item)
        warnings = [self.tr("Uwaga: plik „{0}” był już dołączony jako {1}.").format(
            path.name, identifier) for path, identifier in batch.known.items()]
        self.refused = listed + batch.refused
        if batch.accepted:
            self.filesChanged.emit()
        self.message.emit("\n".join(self.refused + warnings), bool(self.refused))

    def remove_selected(self) -> None:
        for item in self.selectedItems():
            self.takeItem(self.row(item))
        self.filesChanged.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(paths)


class ScanInboxList(QListWidget):
    """Files in the scan-inbox folder (newest first), refreshed when the folder changes.

    ``picked(path)`` is emitted on Enter or double-click; files already taken are hidden.
    """

    picked = Signal(object)

    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder) if folder.strip() else None
        self.taken: set[Path] = set()
        self.watcher = QFileSystemWatcher(self)
        self.delay = QTimer(self)  # a scanner writes a file in steps: wait until it is quiet
        self.delay.setSingleShot(True)
        self.delay.setInterval(300)
        self.delay.timeout.connect(self.refresh)
        self.watcher.directoryChanged.connect(lambda _p: self.delay.start())
        if self.folder is not None and self.folder.is_dir():
            self.watcher.addPath(str(self.folder))
        self.itemActivated.connect(self._activated)
        self.refresh()

    @property
    def available(self) -> bool:
        return self.folder is not None and self.folder.is_dir()

    def refresh(self) -> None:
        self.clear()
        if not self.available:
            return
        assert self.folder is not None
        try:
            files = [p for p in self.folder.iterdir()
                     if p.is_file() and p.suffix.lower() in SCAN_SUFFIXES]
        except OSError:
            return
        for path in sorted(files, key=lambda p: p.stat().st_mtime, reverse=True):
            if path.resolve() in self.taken:
                continue
            item = QListWidgetItem(path.name)
            item.setData(PATH_ROLE, str(path))
            self.addItem(item)

    def take(self, paths: list[Path]) -> None:
        self.taken.update(p.resolve() for p in paths)
        self.refresh()

    def pick_current(self) -> bool:
        item = self.currentItem()
        if item is None:
            return False
        self._activated(item)
        return True

    def _activated(self, item: QListWidgetItem) -> None:
        self.picked.emit(Path(item.data(PATH_ROLE)))
