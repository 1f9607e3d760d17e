"""Before saving a registration: an e-mail that looks like a typo of a common provider
("gmial.com") asks whether to correct it or keep it as typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from clerk_app.ui.sender_form import SenderForm


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegistrationDialog", text)


def ask_email_hint(parent: QWidget, sender: SenderForm, confirmed: str,
                   on_chosen: Callable[[str], None]) -> QMessageBox | None:
    """Open the window-modal question when the typed address has a suggestion and was not
    kept already (``confirmed``); *Popraw i zapisz* takes the suggestion, *Zostaw jak
    wpisano* keeps it; either calls ``on_chosen(address)``. None: nothing to ask."""
    typed, suggestion = sender.email.text().strip(), sender.email_suggestion()
    if suggestion is None or typed == confirmed:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Sprawdź adres e-mail"))
    box.setText(_tr("Adres „{0}” wygląda na literówkę. Czy chodziło o „{1}”?")
                .format(typed, suggestion))
    fix = box.addButton(_tr("&Popraw i zapisz"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_tr("&Zostaw jak wpisano"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("&Wróć do formularza"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(fix)

    def chosen(button: QAbstractButton) -> None:
        if button is fix:
            sender.accept_email_hint()
        if button in (fix, keep):
            on_chosen(sender.email.text().strip())

    box.buttonClicked.connect(chosen)
    box.open()
    return box
