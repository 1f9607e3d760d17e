"""Editable item models of the property statement: the household members and, for the
member chosen, their monthly incomes by source. Amounts and dates are kept as typed and
read by :mod:`statement_values`; a bad PESEL, date or amount is shown red at its cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.domain.errors import FieldError
from clerk_app.domain.household import total_income
from clerk_app.domain.money import format_money, parse_money
from clerk_app.domain.validators import pesel_birth_date, validate_pesel

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
BAD = QBrush(QColor("#fdecea"))
DATE_FORMAT = "%d.%m.%Y"


def date_text(value: date | None) -> str:
    return value.strftime(DATE_FORMAT) if value else ""


def parse_date(text: str) -> date | None:
    """``14.05.1944`` → a date; empty → None; anything else raises ValueError."""
    text = text.strip()
    return datetime.strptime(text, DATE_FORMAT).date() if text else None


def amount_error(text: str) -> str | None:
    """Why ``text`` is not an amount (an empty text is 0,00), or None."""
    if not text.strip():
        return None
    try:
        parse_money(text)
    except FieldError as exc:
        return exc.message
    return None


def amount_of(text: str) -> Decimal:
    """The amount typed; 0 when empty or unreadable (the totals go on)."""
    return Decimal("0.00") if amount_error(text) or not text.strip() else parse_money(text)


def pesel_error(text: str) -> str | None:
    if not text.strip():
        return None
    try:
        validate_pesel(text, "member_pesel")
    except FieldError as exc:
        return exc.message
    return None


def date_error(text: str) -> str | None:
    try:
        parse_date(text)
    except ValueError:
        return "Podaj datę w postaci dd.mm.rrrr."
    return None


@dataclass
class IncomeRow:
    source: str = ""
    amount: str = ""


@dataclass
class MemberRow:
    full_name: str = ""
    relation: str = ""
    pesel: str = ""
    birth: str = ""
    incomes: list[IncomeRow] = field(default_factory=list)

    def income_total(self) -> Decimal:
        return total_income(amount_of(i.amount) for i in self.incomes)


class _EditableModel(QAbstractTableModel):
    """Rows of mutable records under fixed headers; ``edited`` columns are editable."""

    _headers: tuple[str, ...] = ()
    _edited: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self._edited:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _valid(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows) \
            and 0 <= index.column() < len(self._headers)

    def append(self, row: Any) -> int:
        at = len(self._rows)
        self.beginInsertRows(ROOT, at, at)
        self._rows.append(row)
        self.endInsertRows()
        return at

    def remove(self, at: int) -> None:
        if 0 <= at < len(self._rows):
            self.beginRemoveRows(ROOT, at, at)
            del self._rows[at]
            self.endRemoveRows()


class MembersModel(_EditableModel):
    """Name, relation, PESEL, birth date (editable) and the member's monthly income."""

    NAME, RELATION, PESEL, BIRTH, INCOME = range(5)
    KEYS = {"member_full_name": NAME, "member_relation": RELATION, "member_pesel": PESEL,
            "member_birth_date": BIRTH}
    _edited = frozenset({NAME, RELATION, PESEL, BIRTH})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Imię i nazwisko"), self.tr("Pokrewieństwo"),
                         self.tr("PESEL"), self.tr("Data urodzenia"), self.tr("Dochód / mies."))
        self._header_tips = (None, self.tr("Stopień pokrewieństwa z wnioskodawcą"),
                             self.tr("PESEL (opcjonalnie; data urodzenia wynika z niego)"),
                             self.tr("dd.mm.rrrr"), self.tr("Suma dochodów miesięcznych osoby"))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._header_tips):
            return self._header_tips[section]
        return super().headerData(section, orientation, role)

    def members(self) -> list[MemberRow]:
        return list(self._rows)

    def set_members(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def member(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _text(self, m: MemberRow, column: int) -> str:
        return [m.full_name, m.relation, m.pesel, m.birth or self._from_pesel(m),
                format_money(m.income_total())][column]

    @staticmethod
    def _from_pesel(m: MemberRow) -> str:
        """The birth date a valid PESEL gives (shown while none is typed)."""
        return date_text(pesel_birth_date(m.pesel)) if m.pesel and not pesel_error(m.pesel) \
            else ""

    def _error(self, m: MemberRow, column: int) -> str | None:
        if column == self.PESEL:
            return pesel_error(m.pesel)
        if column == self.BIRTH:
            return date_error(m.birth)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        m, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column)
        if role == Qt.ItemDataRole.EditRole:
            return m.birth if column == self.BIRTH else self._text(m, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.BIRTH and not m.birth:
            return QBrush(QColor("#616161"))  # taken from the PESEL
        error = self._error(m, column)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return BAD
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or (self.tr("dd.mm.rrrr") if column == self.BIRTH else None)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.INCOME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index) or role != Qt.ItemDataRole.EditRole \
                or index.column() not in self._edited:
            return False
        m = self._rows[index.row()]
        name = ("full_name", "relation", "pesel", "birth")[index.column()]
        setattr(m, name, str(value or "").strip() if name != "full_name" else str(value or ""))
        self.dataChanged.emit(index, index)
        return True

    def incomes_changed(self, row: int) -> None:
        """A member's incomes were edited: their total is shown again."""
        if 0 <= row < len(self._rows):
            at = self.index(row, self.INCOME)
            self.dataChanged.emit(at, at)


class IncomesModel(_EditableModel):
    """The monthly incomes of one member: source and amount (both editable)."""

    SOURCE, AMOUNT = range(2)
    KEYS = {"income_source": SOURCE, "income_amount": AMOUNT}
    _edited = frozenset({SOURCE, AMOUNT})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Źródło dochodu"), self.tr("Kwota miesięczna (zł)"))
        self.member: MemberRow | None = None

    def set_member(self, member: MemberRow | None) -> None:
        """Show (and edit in place) the incomes of ``member``."""
        self.beginResetModel()
        self.member = member
        self._rows = member.incomes if member is not None else []
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        income, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return income.source if column == self.SOURCE else income.amount
        error = amount_error(income.amount) if column == self.AMOUNT else None
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return BAD
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index) or role != Qt.ItemDataRole.EditRole:
            return False
        income = self._rows[index.row()]
        if index.column() == self.SOURCE:
            income.source = str(value or "")
        else:
            income.amount = str(value or "").strip()
        self.dataChanged.emit(index, index)
        return True
