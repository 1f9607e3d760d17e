"""The property-statement editor (clerk and above): household members, their monthly
incomes by source, assets and debts, the signing date, and the totals live.

Opening it reads the statement with ``read_statement``, which records the view (who, when);
counter staff are refused by the service and never see the entry point. Saving is
version-checked (``save_statement``); a conflict keeps what was typed and offers the stored
data; an error is shown at its cell or field.
"""

from __future__ import annotations

import itertools

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.errors import FieldError
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.services.deposit.statement import read_statement, save_statement
from clerk_app.services.deposit.statement_types import StatementForm, StatementInput
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.deposit.field_marks import clear_marks, mark_errors
from clerk_app.ui.deposit.statement_editor_parts import (
    AssetsSection,
    TotalsPanel,
    edit_table,
    focus_cell,
)
from clerk_app.ui.deposit.statement_models import IncomeRow, IncomesModel, MemberRow, MembersModel
from clerk_app.ui.deposit.statement_values import error_place, member_rows, read_statement_input
from clerk_app.ui.error_text import user_message
from clerk_app.ui.qt_helpers import ask_discard, make_error_label
from clerk_app.ui.service_dialog import ServiceDialog


class StatementDialog(ServiceDialog):
    """``form`` is the statement as last read (None until then)."""

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self.form: StatementForm | None = None
        self.version: int | None = None
        self._shown: tuple[object, ...] = ()
        self.discard_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Oświadczenie o stanie majątkowym"))
        self.members = MembersModel(self)
        self.incomes = IncomesModel(self)
        self.members_view = edit_table(self, "household_members")
        self.members_view.setModel(self.members)
        header = self.members_view.horizontalHeader()
        for column in range(1, self.members.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.incomes_view = edit_table(self, "incomes")
        self.incomes_view.setModel(self.incomes)
        self.add_member = QPushButton(self.tr("Dodaj &osobę"), self)
        self.remove_member = QPushButton(self.tr("Usuń osobę"), self)
        self.add_income = QPushButton(self.tr("Dodaj &dochód"), self)
        self.remove_income = QPushButton(self.tr("Usuń dochód"), self)
        self.incomes_box = QGroupBox(self.tr("Dochody miesięczne osoby"), self)
        self.assets = AssetsSection(self)
        self.totals = TotalsPanel(self)
        self.attach_error_label(make_error_label(QLabel(self)))
        self.info_label = QLabel(self)
        self.save_button = QPushButton(self.tr("&Zapisz oświadczenie"), self)
        self.reload_button = QPushButton(self.tr("&Wczytaj aktualne dane"), self)
        self.reload_button.hide()
        self.close_button = QPushButton(self.tr("Zamknij"), self)
        for button in (self.add_member, self.remove_member, self.add_income,
                       self.remove_income, self.reload_button, self.close_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.busy_widgets = [self.save_button]
        self.field_widgets = {**self.assets.fields, "household_members": self.members_view}
        self._lay_out()
        self._connect()
        self.resize(1060, 700)
        self._read()

    def _lay_out(self) -> None:
        members = QGroupBox(self.tr("Członkowie gospodarstwa domowego"), self)
        box = QVBoxLayout(members)
        box.addWidget(self.members_view)
        row = QHBoxLayout()
        row.addWidget(self.add_member)
        row.addWidget(self.remove_member)
        row.addStretch(1)
        box.addLayout(row)
        box = QVBoxLayout(self.incomes_box)
        box.addWidget(self.incomes_view)
        row = QHBoxLayout()
        row.addWidget(self.add_income)
        row.addWidget(self.remove_income)
        row.addStretch(1)
        box.addLayout(row)
        left = QVBoxLayout()
        left.addWidget(members, 3)
        left.addWidget(self.incomes_box, 2)
        right = QVBoxLayout()
        right.addWidget(self.assets)
        right.addWidget(self.totals)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label, 1)
        for button in (self.reload_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        if self.error_label is not None:
            outer.addWidget(self.error_label)
        outer.addLayout(buttons)
        chain: list[QWidget] = [self.members_view, self.add_member, self.remove_member,
                                self.incomes_view, self.add_income, self.remove_income,
                                *self.assets.inputs(), self.save_button, self.close_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.add_member.clicked.connect(self._add_member)
        self.remove_member.clicked.connect(self._remove_member)
        self.add_income.clicked.connect(self._add_income)
        self.remove_income.clicked.connect(self._remove_income)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.reload_button.clicked.connect(self._read)
        self.members_view.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._member_chosen(current.row()))
        self.members.dataChanged.connect(lambda *_a: self._update_totals())
        self.members.rowsInserted.connect(lambda *_a: self._update_totals())
        self.members.rowsRemoved.connect(lambda *_a: self._update_totals())
        self.members.modelReset.connect(self._update_totals)
        self.incomes.dataChanged.connect(lambda *_a: self._incomes_edited())
        self.incomes.rowsInserted.connect(lambda *_a: self._incomes_edited())
        self.incomes.rowsRemoved.connect(lambda *_a: self._incomes_edited())
        self.assets.changed.connect(self._update_totals)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

    # ------------------------------------------------------------------ data
    def _read(self) -> None:
        ctx, actor, case_id = self.ctx, self.actor, self.case_id
        self.load(lambda: read_statement(ctx, actor, case_id), self._loaded)

    def _loaded(self, form: StatementForm) -> None:
        self.form, self.version = form, form.version
        self.setWindowTitle(self.tr("Oświadczenie o stanie majątkowym – {0}").format(
            form.signature))
        self.members.set_members(member_rows(form.data))
        self.assets.set_value(form.data)
        self._member_chosen(0 if self.members.rowCount() else -1)
        self._shown = self.state()
        self.reload_button.hide()
        clear_marks(self.field_widgets)
        self.info_label.setText("" if form.recorded else self.tr(
            "Oświadczenie nie zostało jeszcze wprowadzone."))

    def state(self) -> tuple[object, ...]:
        people = tuple((m.full_name, m.relation, m.pesel, m.birth,
                        tuple((i.source, i.amount) for i in m.incomes))
                       for m in self.members.members())
        return (people, self.assets.state())

    def is_dirty(self) -> bool:
        return self.version is not None and self.state() != self._shown

    def _update_totals(self) -> None:
        self.totals.show_rows(self.members.members(), self.assets.savings.text(),
                              self.assets.debts.text())

    def _incomes_edited(self) -> None:
        self.members.incomes_changed(self.members_view.currentIndex().row())
        self._update_totals()

    def reject(self) -> None:
        """Esc / Zamknij: ask before throwing away what was typed."""
        if self.runner.is_busy():
            return
        if not self.is_dirty():
            super().reject()
            return
        self.discard_box, _discard, _keep = ask_discard(
            self, self.tr("Porzucić zmiany?"),
            self.tr("Zmiany w oświadczeniu nie zostały zapisane. Czy je porzucić?"),
            self.tr("&Wróć do oświadczenia"), self._discard)

    def _discard(self) -> None:
        self._shown = self.state()
        super().reject()

    # -------------------------------------------------------------- editing
    def _member_chosen(self, row: int) -> None:
        member = self.members.member(row)
        if member is not None and self.members_view.currentIndex().row() != row:
            self.members_view.setCurrentIndex(self.members.index(row, 0))
        self.incomes.set_member(member)
        for widget in (self.incomes_view, self.add_income, self.remove_income):
            widget.setEnabled(member is not None)
        name = member.full_name if member is not None and member.full_name else ""
        self.incomes_box.setTitle(self.tr("Dochody miesięczne: {0}").format(name) if name
                                  else self.tr("Dochody miesięczne osoby"))

    def _add_member(self) -> None:
        row = self.members.append(MemberRow())
        self.members_view.setCurrentIndex(self.members.index(row, 0))
        self.members_view.setFocus()
        self.members_view.edit(self.members.index(row, 0))

    def _remove_member(self) -> None:
        self.members.remove(self.members_view.currentIndex().row())
        self._member_chosen(self.members_view.currentIndex().row())

    def _add_income(self) -> None:
        if self.incomes.member is None:
            return
        row = self.incomes.append(IncomeRow())
        self.incomes_view.setCurrentIndex(self.incomes.index(row, 0))
        self.incomes_view.setFocus()
        self.incomes_view.edit(self.incomes.index(row, 0))

    def _remove_income(self) -> None:
        self.incomes.remove(self.incomes_view.currentIndex().row())

    # --------------------------------------------------------------- saving
    def value(self) -> StatementInput:
        """The statement typed (raises ValidationFailed for unreadable amounts/dates)."""
        return read_statement_input(self.members.members(), self.assets.signed_on.date_value(),
                                    self.assets.texts(), self.assets.savings.text(),
                                    self.assets.debts.text())

    def save(self) -> None:
        if self.version is None or self.runner.is_busy():
            return
        self.info_label.clear()
        clear_marks(self.field_widgets)
        try:
            data = self.value()
        except ValidationFailed as error:
            self.show_failure(error)
            return
        ctx, actor, case_id, version = self.ctx, self.actor, self.case_id, self.version
        self.op(lambda: save_statement(ctx, actor, case_id, version, data)).on_success(
            self._saved).announcing(Change(ChangeKind.CASE, case_id)).run()

    def _saved(self, version: int) -> None:
        self.version = version
        self._shown = self.state()
        self.info_label.setText(self.tr("Zapisano oświadczenie."))

    def show_failure(self, error: Exception) -> None:
        self.set_error(user_message(error))
        if isinstance(error, ConflictError):
            self.reload_button.show()
        if not isinstance(error, ValidationFailed):
            return
        mark_errors(self.field_widgets, error, self.assets.inputs())
        for e in error.errors:
            if self._focus_cell(e):
                break

    def _focus_cell(self, error: FieldError) -> bool:
        """Select the member's (or income's) cell a field error names and focus it."""
        place = error_place(error)
        if place is None:
            return False
        self._member_chosen(place.member)
        if place.income is None and error.key in MembersModel.KEYS:
            at = self.members.index(place.member, MembersModel.KEYS[error.key])
            return focus_cell(self.members_view, at)
        if place.income is not None and error.key in IncomesModel.KEYS:
            at = self.incomes.index(place.income, IncomesModel.KEYS[error.key])
            return focus_cell(self.incomes_view, at)
        return False
