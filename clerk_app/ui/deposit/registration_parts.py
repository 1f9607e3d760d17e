"""The deposit petition at the counter: a warning line of what the petition lacks by the
form's own entries (a preview; registering is never blocked), the same warning for the
items the service reports missing, and the check boxes of what a supplement brings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.deposit_petition import proposed_exemption
from clerk_app.domain.petition_checklist import (
    PetitionItem,
    PetitionRecord,
    missing,
    petition_checklist,
)
from clerk_app.services.intake.types import DepositDetailsInput
from clerk_app.ui.qt_helpers import translate

WARNING_STYLE = ("background: #fff4c2; border: 1px solid #e0b000; border-radius: 4px; "
                 "padding: 4px; color: #4a3b00;")


def preview_missing(details: DepositDetailsInput) -> list[PetitionItem]:
    """What the petition lacks by what the counter ticked (an attached statement counts as
    signed here: the clerk checks it when entering it)."""
    exempt = proposed_exemption(details.proxy_relation, details.principal_exempt)
    rent = details.monthly_rent if details.monthly_rent > 0 else None
    return missing(petition_checklist(PetitionRecord(
        signed=True, statement_present=details.has_property_statement,
        statement_signed=details.has_property_statement, by_proxy=details.by_proxy,
        power_of_attorney=details.has_power_of_attorney, stamp_duty_exempt=exempt,
        stamp_duty_paid=details.stamp_duty_paid, monthly_rent=rent)))


def missing_text(items: Iterable[PetitionItem], header: str) -> str:
    """``header`` and one "• item" line per missing item; empty when nothing is missing."""
    lines = [f"• {item.label}" for item in items]
    return "\n".join([header, *lines]) if lines else ""


def registered_missing_text(items: Iterable[PetitionItem]) -> str:
    """The result line of a registered petition that lacks ``items``."""
    return missing_text(items, translate(
        "registration", "Uwaga: prośba zarejestrowana, ale jest niekompletna. Brakuje:"))


class DepositChecklistWarning(QLabel):
    """Under the deposit part of the registration form: what the entries say is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deposit_checklist_warning")
        self.setWordWrap(True)
        self.setStyleSheet(WARNING_STYLE)
        self.hide()
        self.items: list[PetitionItem] = []
        self.active = False  # the item is a deposit petition
        self._read: Callable[[], DepositDetailsInput] | None = None

    def follow(self, widgets: Iterable[QWidget], read: Callable[[], DepositDetailsInput]) -> None:
        """Recompute after each edit of ``widgets``; ``read()`` gives the section's value."""
        self._read = read
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textChanged.connect(lambda _t: self.update_from_form())
            elif isinstance(w, QCheckBox):
                w.toggled.connect(lambda _on: self.update_from_form())
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(lambda _i: self.update_from_form())
            elif isinstance(w, QSpinBox):
                w.valueChanged.connect(lambda _v: self.update_from_form())

    def set_active(self, active: bool) -> None:
        """Shown only while the item being registered is a deposit petition."""
        self.active = active
        self.update_from_form()

    def update_from_form(self) -> None:
        self.show_items(preview_missing(self._read()) if self._read is not None else [])

    def show_items(self, items: list[PetitionItem]) -> None:
        self.items = items
        self.setText(missing_text(items, self.tr(
            "Prośba będzie niekompletna (rejestracja jest nadal możliwa). Brakuje:")))
        self.setVisible(bool(items) and self.active)


class SupplementSection(QGroupBox):
    """What a supplement to a deposit petition brings (passed as ``supplement_items``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Uzupełnienie braków prośby – dołączono:"), parent)
        # Mnemonics only with letters the rest of the registration form leaves free.
        texts = {PetitionItem.POWER_OF_ATTORNEY: self.tr("Pełn&omocnictwo"),
                 PetitionItem.STAMP_DUTY: self.tr("Dowód z&apłaty opłaty skarbowej"),
                 PetitionItem.PROPERTY_STATEMENT:
                     self.tr("Podpisane oświadczenie o stanie majątkowym"),
                 PetitionItem.PETITION_SIGNED: self.tr("Podpisaną prośbę")}
        self.boxes: dict[PetitionItem, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for item, text in texts.items():
            box = QCheckBox(text, self)
            box.setObjectName(f"supplement_{item.value}")
            self.boxes[item] = box
            layout.addWidget(box)
        self.fields: dict[str, QWidget] = {"supplement_items": self.boxes[
            PetitionItem.POWER_OF_ATTORNEY]}
        self.hide()

    def inputs(self) -> list[QWidget]:
        return list(self.boxes.values())

    def reset(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)

    def state(self) -> tuple[object, ...]:
        return tuple(box.isChecked() for box in self.boxes.values())

    def value(self) -> tuple[PetitionItem, ...]:
        """The items ticked, in the checklist's order."""
        return tuple(item for item in PetitionItem
                     if item in self.boxes and self.boxes[item].isChecked())

