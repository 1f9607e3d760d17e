"""Parts of the property-statement editor: the assets and debts fields (with the signing
date) and the totals panel computed live with ``domain.household.household_totals``."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from clerk_app.domain.household import HouseholdTotals, household_totals
from clerk_app.domain.money import format_money
from clerk_app.services.deposit.statement_types import StatementInput
from clerk_app.ui.date_inputs import OptionalDateEdit
from clerk_app.ui.deposit.petition_form import amount_text
from clerk_app.ui.deposit.statement_models import MemberRow, amount_of

TEXT_KEYS = ("real_estate", "vehicles", "other_assets", "debts_description", "remarks")


def _text_edit(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(52)
    return edit


def edit_table(parent: QWidget, name: str) -> QTableView:
    """An editable table: Tab leaves it, arrows move between its cells."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view



def focus_cell(view: QTableView, at: QModelIndex) -> bool:
    """Make ``at`` the current cell of ``view``, in sight, with the focus."""
    if not at.isValid():
        return False
    view.setCurrentIndex(at)
    view.scrollTo(at)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


class AssetsSection(QGroupBox):
    """Real estate, vehicles, savings, other assets, debts, remarks and the signing date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Majątek i zadłużenie"), parent)
        self.real_estate = _text_edit(self)
        self.vehicles = QLineEdit(self)
        self.savings = QLineEdit(self)
        self.savings.setPlaceholderText("0,00")
        self.other_assets = QLineEdit(self)
        self.debts = QLineEdit(self)
        self.debts.setPlaceholderText("0,00")
        self.debts_description = QLineEdit(self)
        self.remarks = _text_edit(self)
        self.signed_on = OptionalDateEdit(self)
        self.fields: dict[str, QWidget] = {
            "real_estate": self.real_estate, "vehicles": self.vehicles,
            "savings": self.savings, "other_assets": self.other_assets, "debts": self.debts,
            "debts_description": self.debts_description, "remarks": self.remarks,
            "signed_on": self.signed_on}
        form = QFormLayout(self)
        rows = [(self.tr("&Nieruchomości:"), self.real_estate),
                (self.tr("&Pojazdy:"), self.vehicles),
                (self.tr("Osz&czędności (zł):"), self.savings),
                (self.tr("Inne &składniki majątku:"), self.other_assets),
                (self.tr("Zadłu&żenie (zł):"), self.debts),
                (self.tr("Opis zadłużeni&a:"), self.debts_description),
                (self.tr("&Uwagi:"), self.remarks),
                (self.tr("Podpisano dn&ia:"), self.signed_on)]
        for text, widget in rows:
            form.addRow(text, widget)
        for key, widget in self.fields.items():
            widget.setObjectName(key)
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _t: self.changed.emit())
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.changed.emit)
        self.signed_on.dateChanged.connect(lambda _d: self.changed.emit())

    def inputs(self) -> list[QWidget]:
        return list(self.fields.values())

    def texts(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key in TEXT_KEYS:
            widget = self.fields[key]
            out[key] = widget.toPlainText() if isinstance(widget, QPlainTextEdit) \
                else widget.text() if isinstance(widget, QLineEdit) else ""
        return out

    def set_value(self, data: StatementInput) -> None:
        self.real_estate.setPlainText(data.real_estate)
        self.vehicles.setText(data.vehicles)
        self.savings.setText(amount_text(data.savings) if data.savings else "")
        self.other_assets.setText(data.other_assets)
        self.debts.setText(amount_text(data.debts) if data.debts else "")
        self.debts_description.setText(data.debts_description)
        self.remarks.setPlainText(data.remarks)
        self.signed_on.set_date_value(data.signed_on)

    def state(self) -> tuple[object, ...]:
        return (*self.texts().values(), self.savings.text(), self.debts.text(),
                self.signed_on.date_value())


class TotalsPanel(QGroupBox):
    """The household's figures as typed so far (bad amounts count as 0 until corrected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Podsumowanie (wyliczane na bieżąco)"), parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for key, text in (("members", self.tr("Liczba osób w gospodarstwie:")),
                          ("total_income", self.tr("Dochód gospodarstwa (miesięcznie):")),
                          ("income_per_person", self.tr("Dochód na osobę:")),
                          ("savings", self.tr("Oszczędności:")),
                          ("debts", self.tr("Zadłużenie:")),
                          ("savings_less_debts", self.tr("Oszczędności pomniejszone o "
                                                         "zadłużenie:"))):
            label = QLabel(self)
            label.setObjectName(f"total_{key}")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.values[key] = label
            form.addRow(text, label)
        self.totals: HouseholdTotals | None = None

    def show_rows(self, members: list[MemberRow], savings: str, debts: str) -> HouseholdTotals:
        totals = household_totals([[amount_of(i.amount) for i in m.incomes] for m in members],
                                  amount_of(savings), amount_of(debts))
        self.totals = totals
        per_person = totals.income_per_person
        texts = {"members": str(len(members)), "total_income": format_money(totals.total_income),
                 "income_per_person": format_money(per_person) if per_person is not None
                 else "—",
                 "savings": format_money(totals.savings), "debts": format_money(totals.debts),
                 "savings_less_debts": format_money(totals.savings_less_debts)}
        for key, text in texts.items():
            self.values[key].setText(text)
        return totals

    def text_of(self, key: str) -> str:
        return self.values[key].text()

