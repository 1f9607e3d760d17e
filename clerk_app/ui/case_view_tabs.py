"""Tabs of the case view: "Dane" (applicant, edited with a version check), "Dokumenty"
(incoming items with their scans and a preview) and "Historia" (the timeline)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTemporaryDir, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.cases import IncomingKind
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.text import format_file_size
from clerk_app.services.cases.detail import CaseDetail, IncomingDoc, TimelineEntry, update_applicant
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.services.intake.scans import export_scan
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import focus_field, make_error_label, show_error
from clerk_app.ui.scan_preview import ScanPreview
from clerk_app.ui.sender_form import SenderForm

SCAN_ID_ROLE = 256


def local_time(value: datetime) -> str:
    """``02.03.2026 10:15`` in the office's time zone."""
    return value.astimezone(OFFICE_TZ).strftime("%d.%m.%Y %H:%M")


class ApplicantTab(QWidget):
    """The applicant's data; a save made stale by someone else keeps what was typed.
    ``reloadRequested`` asks the case view for the stored data ("Wczytaj aktualne dane")."""

    reloadRequested = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.version: int | None = None
        self.form = SenderForm(self)
        self.save_button = QPushButton(self.tr("&Zapisz dane wnioskodawcy"), self)
        self.reload_button = QPushButton(self.tr("&Wczytaj aktualne dane"), self)
        self.reload_button.hide()
        self.error_label = make_error_label(QLabel(self))
        self.info_label = QLabel(self)
        self.runner = OpRunner(self)
        can_edit = role_can(actor.role, Permission.REGISTER_ITEM)
        for edit in self.form.inputs():
            edit.setReadOnly(not can_edit)
        self.save_button.setVisible(can_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self.reloadRequested.emit)
        self._shown: tuple[str, ...] = ()

    def set_detail(self, detail: CaseDetail, force: bool = False) -> None:
        """Show the stored data; typed, unsaved changes are kept unless ``force``."""
        if self.version is not None and self.is_dirty() and not force:
            return
        self.version = detail.version
        self.form.set_value(detail.applicant)
        self._shown = self.form.state()
        self.reload_button.hide()
        show_error(self.error_label, "")

    def is_dirty(self) -> bool:
        return self.form.state() != self._shown

    def save(self) -> None:
        if self.version is None:
            return
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        version, value = self.version, self.form.value()
        show_error(self.error_label, "")
        self.info_label.clear()
        Op(self.runner, lambda: update_applicant(ctx, actor, case_id, version, value)) \
            .on_success(self._saved).on_failure(self._failed).disabling(self.save_button) \
            .announcing(Change(ChangeKind.CASE, case_id)).run()

    def _saved(self, version: int) -> None:
        self.version = version
        self._shown = self.form.state()
        self.info_label.setText(self.tr("Zapisano dane wnioskodawcy."))

    def _failed(self, error: Exception) -> None:
        show_error(self.error_label, user_message(error))
        if isinstance(error, ConflictError):
            self.reload_button.show()
        if isinstance(error, ValidationFailed):
            for name in error.fields:
                if name in self.form.fields:
                    focus_field(self.form.fields[name])
                    break


class DocumentsTab(QWidget):
    """Incoming items with their scans; selecting a scan streams it to a temp file and shows it."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Dokument"), self.tr("Rozmiar")])
        self.tree.setColumnWidth(0, 330)
        self.tree.setColumnWidth(1, 60)
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview = ScanPreview(self)
        self.runner = OpRunner(self)
        self._tmp = QTemporaryDir()
        self._files: dict[int, Path] = {}
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 500])
        QVBoxLayout(self).addWidget(splitter)
        self.tree.currentItemChanged.connect(lambda item, _old: self._selected(item))

    def set_documents(self, docs: list[IncomingDoc]) -> None:
        self.tree.clear()
        for doc in docs:
            kind = IncomingKind(doc.kind).label if doc.kind in IncomingKind._value2member_map_ \
                else doc.kind
            top = QTreeWidgetItem([self.tr("{0} · {1}").format(
                doc.entry_number, local_time(doc.received_at)), ""])
            top.setToolTip(0, doc.subject or kind)
            subject = QTreeWidgetItem([doc.subject or kind, ""])
            subject.setFlags(subject.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            top.addChild(subject)
            for scan_id, identifier, filename, size in doc.scans:
                leaf = QTreeWidgetItem([f"{identifier} · {filename}", format_file_size(size)])
                leaf.setData(0, SCAN_ID_ROLE, scan_id)
                top.addChild(leaf)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)

    def scan_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                found += [c for j in range(top.childCount()) if (c := top.child(j)) is not None
                          and isinstance(c.data(0, SCAN_ID_ROLE), int)]
        return found

    def _selected(self, item: QTreeWidgetItem | None) -> None:
        scan_id = item.data(0, SCAN_ID_ROLE) if item is not None else None
        if not isinstance(scan_id, int):
            self.preview.show_message(self.tr("Wybierz skan, aby zobaczyć podgląd."))
            return
        if scan_id in self._files:
            self.preview.show_file(self._files[scan_id])
            return
        if self.runner.is_busy():
            return
        target = Path(self._tmp.path()) / f"skan_{scan_id}"
        self.preview.show_message(self.tr("Wczytywanie skanu…"))
        ctx, actor = self.ctx, self.actor
        Op(self.runner, lambda: export_scan(ctx, actor, scan_id, target)).on_success(
            lambda path: self._exported(scan_id, path)).on_failure(self._failed).run()

    def _exported(self, scan_id: int, path: Path) -> None:
        self._files[scan_id] = path
        current = self.tree.currentItem()
        if current is not None and current.data(0, SCAN_ID_ROLE) == scan_id:
            self.preview.show_file(path)
        elif current is not None:
            self._selected(current)

    def _failed(self, error: Exception) -> None:
        self.preview.show_message(user_message(error))


class TimelineTab(QTreeWidget):
    """Who did what and when, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Kiedy"), self.tr("Kto"), self.tr("Co")])
        self.setRootIsDecorated(False)
        self.setColumnWidth(0, 120)
        self.setColumnWidth(1, 110)

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.clear()
        for entry in entries:
            item = QTreeWidgetItem([local_time(entry.at), entry.username, entry.text])
            item.setToolTip(2, entry.text)
            self.addTopLevelItem(item)
