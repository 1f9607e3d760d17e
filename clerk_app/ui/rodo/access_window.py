"""What is held about a person (RODO art. 15), for supervisors: a PESEL or a name, the
records holding that person's data and who viewed or changed them, saved as a PDF.

The search and the export are audited by the services; the PDF is rendered first, its export
recorded, and only then the file written, so no answer leaves the office unrecorded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.rodo_access_pdf import render_access_report
from clerk_app.domain.rodo_report import SubjectAccessReport
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.rodo.access import find_person_data, record_export
from clerk_app.ui.qt_helpers import app_icon, setup_sorted_table
from clerk_app.ui.rodo.access_models import SORT_ROLE, AccessRecordsModel, HeldRecordsModel
from clerk_app.ui.service_dialog import ServiceDialog


def save_report(ctx: AppContext, actor: Actor, report: SubjectAccessReport,
                path: Path) -> Path:
    """Render the PDF, record its export (audited), then write the file."""
    data, pages = render_access_report(report)
    record_export(ctx, actor, report, pages)
    path.write_bytes(data)
    return path


class AccessWindow(ServiceDialog):
    """Search field, the two result tables, "Zapisz PDF…"."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.ctx, self.actor = ctx, actor
        self.report: SubjectAccessReport | None = None
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("Dane osoby (art. 15 RODO)"))
        self.setWindowIcon(app_icon())
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("PESEL albo imię i nazwisko"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("&Szukaj"), self)
        self.search_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Zapisz &PDF…"), self)
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Zamknij"), self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.attach_error_label(QLabel(self))
        self.field_widgets = {"search": self.search_edit}
        self.busy_widgets = [self.search_button]
        self.records = HeldRecordsModel(self)
        self.accesses = AccessRecordsModel(self)
        self.records_view = self._table(self.records, HeldRecordsModel.DATED,
                                        HeldRecordsModel.DATA, "records")
        self.accesses_view = self._table(self.accesses, AccessRecordsModel.AT,
                                         AccessRecordsModel.ACTION, "accesses")
        self._layout()
        self.search_button.clicked.connect(self.search)
        self.search_edit.returnPressed.connect(self.search)
        self.save_button.clicked.connect(self._save_clicked)
        self.close_button.clicked.connect(self.close)
        self.resize(1100, 650)

    def _table(self, model: HeldRecordsModel | AccessRecordsModel, sort_column: int,
               stretch: int, name: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setObjectName(name)
        setup_sorted_table(view, proxy, sort_column, Qt.SortOrder.AscendingOrder, stretch)
        return view

    def _layout(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("&Osoba:"), self)
        label.setBuddy(self.search_edit)
        top.addWidget(label)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.search_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, view in ((self.tr("Dokumenty zawierające dane osoby"), self.records_view),
                            (self.tr("Kto przeglądał lub zmieniał te dane"),
                             self.accesses_view)):
            box = QWidget(splitter)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>", box))
            inner.addWidget(view, 1)
            splitter.addWidget(box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        assert self.error_label is not None
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def search(self) -> None:
        """Search off the GUI thread (the service records the search)."""
        ctx, actor, key = self.ctx, self.actor, self.search_edit.text()
        self.report = None  # a new search replaces what was shown, also when it fails
        self.records.set_rows([])
        self.accesses.set_rows([])
        self.summary_label.clear()
        self.save_button.setEnabled(False)
        self.op(lambda: find_person_data(ctx, actor, key)).on_success(self.show_report).run()

    def show_report(self, report: SubjectAccessReport) -> None:
        self.report = report
        self.records.set_rows(report.records)
        self.accesses.set_rows(report.accesses)
        self.summary_label.setText(self.tr(
            "{0}: dokumentów {1} (spraw {2}), wpisów w dzienniku {3}. Zapytanie nr {4}.")
            .format(report.search_label, len(report.records), report.case_count,
                    len(report.accesses), report.request_id))
        self.save_button.setEnabled(True)

    def _save_clicked(self) -> None:
        if self.report is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Zapisz PDF"), f"art15_{self.report.request_id}.pdf",
            self.tr("Dokument PDF (*.pdf)"))
        if name:
            self.save_pdf(Path(name if name.lower().endswith(".pdf") else f"{name}.pdf"))

    def save_pdf(self, path: Path) -> None:
        """Write the report shown to ``path`` (off the GUI thread; audited)."""
        report, ctx, actor = self.report, self.ctx, self.actor
        if report is None:
            return
        self.op(lambda: save_report(ctx, actor, report, path)).disabling(
            self.save_button).on_success(self._saved).run()

    def _saved(self, path: Path) -> None:
        self.saved_path = path
        self.summary_label.setText(self.summary_label.text() + " " + self.tr(
            "Zapisano: {0}").format(path.name))
