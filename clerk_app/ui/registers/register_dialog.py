"""The registers: choose the case register (unit, JRWA class, year) or the incoming-mail
register (year); see its rows in a table and its PDF in a preview; print, save PDF or XLSX.

The register is read in the thread pool as soon as the dialog shows (and again shortly
after a parameter changes); the table fills at once and the PDF is then rendered in the
pool too; the preview, printing and saving are those of the deadline report
(:class:`~clerk_app.ui.pdf_report_dialog.PdfReportDialog`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from clerk_app.documents.register_pdf import render_register_pdf
from clerk_app.documents.register_table import file_stem
from clerk_app.documents.register_xlsx import write_register_xlsx
from clerk_app.domain.registers import CaseRegister, IncomingRegister, RegisterChoices
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.registers.registers import (
    MAX_YEAR,
    MIN_YEAR,
    case_register,
    incoming_register,
    register_choices,
)
from clerk_app.ui.operations import Op
from clerk_app.ui.pdf_report_dialog import PdfReportDialog
from clerk_app.ui.registers.register_model import RegisterTableModel

CASES, INCOMING = "cases", "incoming"
Register = CaseRegister | IncomingRegister
Params = tuple[str, str, str, int]  # register kind, unit, JRWA class, year


class RegisterDialog(PdfReportDialog[Params]):
    """``loaded`` when a register's rows are shown, ``generated`` when its PDF preview is
    ready, ``saved(path)`` after a save."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, parent)
        self.register: Register | None = None
        self._pdf_params: Params | None = None  # of the PDF in the preview
        self.setWindowTitle(self.tr("Rejestry: spis spraw i rejestr przesyłek"))
        self.resize(1100, 760)

        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Spis spraw"), CASES)
        self.kind_combo.addItem(self.tr("Rejestr przesyłek wpływających"), INCOMING)
        self.class_combo = QComboBox()
        self.class_combo.setMinimumContentsLength(16)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setValue(ctx.today().year)
        self.class_label = QLabel(self.tr("Komórka i klasa JRWA:"))
        form.addRow(self.tr("Rejestr:"), self.kind_combo)
        form.addRow(self.class_label, self.class_combo)
        form.addRow(self.tr("Rok:"), self.year_spin)

        self.summary.setText(self.tr("Przygotowywanie rejestru…"))
        self.tabs = QTabWidget()
        self.model = RegisterTableModel(self)
        self.table_view = QTableView()
        self.table_view.setModel(self.model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setWordWrap(False)
        self.table_view.verticalHeader().setVisible(False)
        self.tabs.addTab(self.table_view, self.tr("Tabela"))
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.tabs.addTab(self.pdf_view, self.tr("Podgląd wydruku"))
        self._lay_out(form, self.tabs, self.tr("Odśwież"))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._params_changed())
        self.class_combo.currentIndexChanged.connect(lambda _i: self._params_changed())
        self.year_spin.valueChanged.connect(lambda _v: self._params_changed())
        self._choices_ready = False
        self._update_form()

    def _first_shown(self) -> None:
        """The choices, then the register at once: no empty box."""
        ctx, actor = self.ctx, self.actor
        Op(self.runner, lambda: register_choices(ctx, actor)).on_success(
            self._choices_arrived).on_failure(self._failed).run()

    def _choices_arrived(self, choices: RegisterChoices) -> None:
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        for unit, jrwa in choices.classes:
            self.class_combo.addItem(f"{unit}.{jrwa}", (unit, jrwa))
        self.class_combo.blockSignals(False)
        self._choices_ready = True
        self.generate()

    def params(self) -> Params:
        kind = str(self.kind_combo.currentData())
        pair = self.class_combo.currentData()
        unit, jrwa = pair if kind == CASES and pair else ("", "")
        return kind, unit, jrwa, self.year_spin.value()

    def select_class(self, unit: str, jrwa_class: str) -> None:
        index = self.class_combo.findData((unit, jrwa_class))
        if index >= 0:
            self.class_combo.setCurrentIndex(index)

    def _params_changed(self) -> None:
        self._update_form()
        if self.register is not None and not self.is_current():
            self.summary.setText(self.tr("Parametry zmienione – rejestr jest przygotowywany "
                                         "na nowo…"))
        self._update_buttons(self.runner.is_busy())
        if self._choices_ready:
            self._refresh.start()

    def generate(self) -> bool:
        """Read the register in the background, then render its PDF; False while busy."""
        params = self.params()
        kind, unit, jrwa, year = params
        if kind == CASES and not unit:
            self.summary.setText(self.tr("Nie ma jeszcze żadnej klasy JRWA do wyboru."))
            return False
        ctx, actor = self.ctx, self.actor

        def read() -> Register:
            if kind == CASES:
                return case_register(ctx, actor, unit, jrwa, year)
            return incoming_register(ctx, actor, year)

        self.summary.setText(self.tr("Przygotowywanie rejestru…"))
        return Op(self.runner, read).on_success(
            lambda register: self._loaded(register, params)).on_failure(self._failed).run()

    def _loaded(self, register: Register, params: Params) -> None:
        self.register, self._params = register, params
        self.model.set_register(register)
        self.table_view.resizeColumnsToContents()
        self.summary.setText(self._describe(register) + " " + self.tr("Przygotowywanie "
                                                                       "wydruku…"))
        self._update_buttons()
        self.loaded.emit()
        Op(self.runner, lambda: render_register_pdf(register)).on_success(
            lambda pdf: self._generated(pdf, params)).on_failure(self._failed).run()

    def _describe(self, register: Register) -> str:
        if isinstance(register, CaseRegister):
            return self.tr("Spis spraw {0}, rok {1}: spraw {2}, w tym załatwionych "
                           "ostatecznie {3}.").format(register.symbol, register.year,
                                                      len(register.rows),
                                                      register.settled_count)
        return self.tr("Rejestr przesyłek wpływających, rok {0}: wpisów {1}.").format(
            register.year, len(register.rows))

    def _generated(self, pdf: bytes, params: Params) -> None:
        if params != self._params or self.register is None:
            return  # a newer register is already shown; its own PDF follows
        self._pdf_params = params
        register = self.register
        self._show_pdf(pdf, lambda pages: self._describe(register) + " " + self.tr(
            "Stron wydruku: {0}.").format(pages))

    def pdf_ready(self) -> bool:
        return self.is_current() and self._pdf_params == self._params

    def _xlsx_writer(self) -> Callable[[Path], object] | None:
        register = self.register
        return None if register is None else partial(write_register_xlsx, register)

    def _save_title(self, ext: str) -> str:
        return self.tr("Zapisz rejestr PDF") if ext == "pdf" else self.tr("Zapisz rejestr XLSX")

    def _default_name(self, ext: str) -> str:
        return f"{file_stem(self.register)}.{ext}" if self.register else f"rejestr.{ext}"

    def _update_form(self) -> None:
        cases = self.kind_combo.currentData() == CASES
        self.class_label.setVisible(cases)
        self.class_combo.setVisible(cases)
