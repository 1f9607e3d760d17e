"""One case: a header and tabs "Dane", "Dokumenty", "Historia", "Pisma i terminy" (+ tabs
added by others).

The whole window is read at once (``case_screen``, one read transaction) and read again when
the broadcast says the case changed, whoever changed it. Other parts of the application add
their own tabs with :meth:`CaseView.add_tab`; a tab widget that has a ``set_case(detail)``
method is given the case each time it is (re)loaded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.text import format_date_pl
from clerk_app.services.cases.detail import CaseDetail
from clerk_app.services.cases.screen import CaseScreen, case_screen
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.case_letters_tab import CaseLettersTab
from clerk_app.ui.case_view_tabs import ApplicantTab, DocumentsTab, TimelineTab
from clerk_app.ui.changes import CASE_WORK, Change, ChangeKind, broadcast
from clerk_app.ui.deposit.decision_panel import DecisionPanel
from clerk_app.ui.deposit.petition_tab import PetitionTab
from clerk_app.ui.deposit.reassign_dialog import ReassignDialog, can_reassign
from clerk_app.ui.iok.request_tab import IokRequestTab
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label


class CaseView(QWidget):
    """Emits ``loaded`` after each (re)load."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.detail: CaseDetail | None = None
        self.setWindowTitle(self.tr("Sprawa"))
        self.header_values: dict[str, QLabel] = {}
        header = self._build_header()
        self.error_label = make_error_label(QLabel(self))
        self.tabs = QTabWidget(self)
        self.data_tab = ApplicantTab(ctx, actor, case_id, self)
        self.documents_tab = DocumentsTab(ctx, actor, self)
        self.history_tab = TimelineTab(self)
        self.add_tab(self.tr("Dane"), self.data_tab)
        self.add_tab(self.tr("Dokumenty"), self.documents_tab)
        self.add_tab(self.tr("Historia"), self.history_tab)
        self.letters_tab = CaseLettersTab(ctx, actor, case_id, self)
        self.decision_panel: DecisionPanel | None = None  # deposit cases: added on first load
        self.add_tab(self.tr("Pisma i terminy"), self.letters_tab)
        self.petition_tab: PetitionTab | None = None  # added once the case is a deposit one
        self.iok_tab: IokRequestTab | None = None  # added once the case is an IOK one
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.loader = OpRunner(self)
        self._force = False  # replace typed applicant data at the next load
        self.data_tab.reloadRequested.connect(lambda: self.reload(force=True))
        broadcast().changed.connect(self._on_change)
        self.resize(980, 680)
        self.reload()

    def _build_header(self) -> QGridLayout:
        grid = QGridLayout()
        self.signature_label = QLabel(self)
        font = self.signature_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.signature_label.setFont(font)
        self.signature_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.signature_label, 0, 0, 1, 3)
        self.reassign_button = QPushButton(self.tr("Przydziel &referenta…"), self)
        self.reassign_button.setVisible(can_reassign(self.actor))  # supervisors only
        self.reassign_button.setEnabled(False)
        self.reassign_button.clicked.connect(self.open_reassign)
        grid.addWidget(self.reassign_button, 0, 3, Qt.AlignmentFlag.AlignRight)
        names = [("kind", self.tr("Rodzaj:")), ("status", self.tr("Status:")),
                 ("applicant", self.tr("Wnioskodawca:")), ("assignee", self.tr("Referent:")),
                 ("received", self.tr("Wpłynęło:")), ("deadline", self.tr("Najbliższy termin:"))]
        for i, (key, text) in enumerate(names):
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.header_values[key] = value
            row, col = 1 + i // 2, (i % 2) * 2
            grid.addWidget(QLabel(text, self), row, col)
            grid.addWidget(value, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def open_reassign(self) -> ReassignDialog | None:
        """The supervisor's dialog giving the case to another clerk."""
        if self.detail is None or not can_reassign(self.actor):
            return None
        self.reassign_dialog = ReassignDialog(self.ctx, self.actor, self.detail, self)
        self.reassign_dialog.open()
        return self.reassign_dialog

    def add_tab(self, title: str, widget: QWidget) -> int:
        """Add a tab (e.g. "Pisma", "Terminy"); it gets ``set_case(detail)`` on each load."""
        index = self.tabs.addTab(widget, title)
        set_case = getattr(widget, "set_case", None)
        if self.detail is not None and callable(set_case):
            set_case(self.detail)
        return index

    def reload(self, force: bool = False) -> None:
        """Read the case again off the GUI thread (typed applicant data is kept unless
        ``force``); asked while a read runs, it reads once more afterwards."""
        self._force = self._force or force
        self.loader.run_or_queue(self._load)

    def _load(self) -> Op[CaseScreen]:
        force, self._force = self._force, False
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        return Op(self.loader, lambda: case_screen(ctx, actor, case_id)).on_success(
            lambda screen: self._loaded(screen, force)).errors_in(self.error_label)

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(CASE_WORK | ChangeKind.DAYS_OFF,
                                                          self.case_id):
            self.reload()

    def _loaded(self, screen: CaseScreen, force: bool) -> None:
        d = self.detail = screen.detail
        self.setWindowTitle(self.tr("Sprawa {0}").format(d.signature))
        self.signature_label.setText(d.signature)
        values = {"kind": d.kind.label, "status": d.status.label,
                  "applicant": f"{d.applicant_name}, {d.applicant.address_line}",
                  "assignee": d.assignee or self.tr("(nie przydzielono)"),
                  "received": format_date_pl(d.received_on),
                  "deadline": format_date_pl(d.next_deadline) if d.next_deadline else "—"}
        for key, text in values.items():
            self.header_values[key].setText(text)
        self.reassign_button.setEnabled(d.status.is_open)
        if d.kind is CaseKind.DEPOSIT and self.decision_panel is None:  # its set_case follows
            self.decision_panel = DecisionPanel(self.ctx, self.actor, self.case_id, self)
            self.tabs.addTab(self.decision_panel, self.tr("Rozstrzygnięcie"))
        self.data_tab.set_detail(d, force)
        self.documents_tab.set_documents(screen.documents)
        self.history_tab.set_entries(screen.timeline)
        self.letters_tab.show_screen(screen)
        if d.kind is CaseKind.DEPOSIT and self.petition_tab is None:
            self.petition_tab = PetitionTab(self.ctx, self.actor, self.case_id, self)
            self.tabs.insertTab(1, self.petition_tab, self.tr("Prośba o raty"))
        if d.kind is CaseKind.IOK and self.iok_tab is None:
            self.iok_tab = IokRequestTab(self.ctx, self.actor, self.case_id, self)
            self.tabs.insertTab(1, self.iok_tab, self.tr("Wniosek IOK"))
        for i in range(self.tabs.count()):
            set_case = getattr(self.tabs.widget(i), "set_case", None)
            if callable(set_case):
                set_case(d)
        self.loaded.emit()
