"""The registers: choose the case register (unit, JRWA class, year) or the incoming-mail
register (year); see its rows in a table and its PDF in a preview; print, save PDF or XLSX.

The register is read in the thread pool as soon as the dialog shows (and again shortly
after a parameter changes); the table fills at once and the PDF is then rendered in the
pool too, like the deadline report's preview (:mod:`clerk_app.ui.report_dialog`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
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
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import (
    ask_pdf_path,
    ask_printer,
    ask_xlsx_path,
    load_pdf,
    print_document,
)
from clerk_app.ui.registers.register_model import RegisterTableModel

REFRESH_AFTER_MS = 400
CASES, INCOMING = "cases", "incoming"
Register = CaseRegister | IncomingRegister
Params = tuple[str, str, str, int]  # register kind, unit, JRWA class, year


class RegisterDialog(QDialog):
    """``loaded`` when a register's rows are shown, ``generated`` when its PDF preview is
    ready, ``saved(path)`` after a save."""

    loaded = Signal()
    generated = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.register: Register | None = None
        self.pdf: bytes = b""
        self._params: Params | None = None  # of the register shown
        self._pdf_params: Params | None = None  # of the PDF in the preview
        self._buffer: QBuffer | None = None
        self.runner = OpRunner(self)
        self.setWindowTitle(self.tr("Rejestry: spis spraw i rejestr przesyłek"))
        self.resize(1100, 760)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
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
        layout.addLayout(form)

        self.summary = QLabel(self.tr("Przygotowywanie rejestru…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.model = RegisterTableModel(self)
        self.table_view = QTableView()
        self.table_view.setModel(self.model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setWordWrap(False)
        self.table_view.verticalHeader().setVisible(False)
        self.tabs.addTab(self.table_view, self.tr("Tabela"))
        self.pdf_doc = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.pdf_doc)
        self.tabs.addTab(self.pdf_view, self.tr("Podgląd wydruku"))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Odśwież"))
        self.print_button = QPushButton(self.tr("Drukuj…"))
        self.pdf_button = QPushButton(self.tr("Zapisz PDF…"))
        self.xlsx_button = QPushButton(self.tr("Zapisz XLSX…"))
        close = QPushButton(self.tr("Zamknij"))
        for button in (self.preview_button, self.print_button, self.pdf_button,
                       self.xlsx_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.insertStretch(1)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self._print_clicked)
        self.pdf_button.clicked.connect(self._save_pdf_clicked)
        self.xlsx_button.clicked.connect(self._save_xlsx_clicked)
        close.clicked.connect(self.reject)
        self.runner.busyChanged.connect(self._set_busy)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._params_changed())
        self.class_combo.currentIndexChanged.connect(lambda _i: self._params_changed())
        self.year_spin.valueChanged.connect(lambda _v: self._params_changed())
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_AFTER_MS)
        self._refresh.timeout.connect(self._refresh_now)
        self._shown = False
        self._choices_ready = False
        self._update_form()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # the choices, then the register at once: no empty box
            self._shown = True
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

    def _refresh_now(self) -> None:
        if self.runner.is_busy():
            self._refresh.start()
        elif not self.is_current():
            self.generate()

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
        self.pdf, self._pdf_params = pdf, params
        self._buffer = load_pdf(self.pdf_doc, pdf, self)
        self.summary.setText(self._describe(self.register) + " " + self.tr(
            "Stron wydruku: {0}.").format(self.pdf_doc.pageCount()))
        self._update_buttons()
        self.generated.emit()

    def _failed(self, error: Exception) -> None:
        self.summary.setText(user_message(error))
        self._update_buttons()

    def is_current(self) -> bool:
        """True when the register shown matches the parameters on screen."""
        return self.register is not None and self._params == self.params()

    def pdf_ready(self) -> bool:
        return self.is_current() and self._pdf_params == self._params

    def save_pdf(self, path: Path) -> None:
        Path(path).write_bytes(self.pdf)
        self.saved.emit(str(path))

    def save_xlsx(self, path: Path) -> bool:
        """Write the register shown as XLSX in the background."""
        register = self.register
        if register is None:
            return False
        return Op(self.runner, lambda: write_register_xlsx(register, Path(path))) \
            .on_success(lambda _written: self._saved(path)).on_failure(self._failed).run()

    def _saved(self, path: Path) -> None:
        self.summary.setText(self.tr("Zapisano: {0}").format(path))
        self.saved.emit(str(path))

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page of the register on ``printer``; returns the pages printed."""
        return print_document(self.pdf_doc, printer)

    def _print_clicked(self) -> None:
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def _save_pdf_clicked(self) -> None:
        path = ask_pdf_path(self, self.tr("Zapisz rejestr PDF"), self._default_name("pdf"))
        if path is not None:
            self.save_pdf(path)

    def _save_xlsx_clicked(self) -> None:
        path = ask_xlsx_path(self, self.tr("Zapisz rejestr XLSX"), self._default_name("xlsx"))
        if path is not None:
            self.save_xlsx(path)

    def _default_name(self, ext: str) -> str:
        return f"{file_stem(self.register)}.{ext}" if self.register else f"rejestr.{ext}"

    def _set_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self._update_buttons(busy)

    def _update_form(self) -> None:
        cases = self.kind_combo.currentData() == CASES
        self.class_label.setVisible(cases)
        self.class_combo.setVisible(cases)

    def _update_buttons(self, busy: bool = False) -> None:
        ready = self.pdf_ready() and not busy
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(ready)
        self.xlsx_button.setEnabled(self.is_current() and not busy)
