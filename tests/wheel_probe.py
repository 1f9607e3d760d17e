"""Run by tests/test_wheel_install.py with the interpreter of a venv holding the built wheel.

Loads every Designer form offscreen and renders a letter PDF, from the installed package
only; prints one JSON line describing what it found and writes the PDF to ``argv[1]``.
Needs ``QT_QPA_PLATFORM=offscreen`` in its environment.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

import clerk_app
from clerk_app.documents.letters import render_letter
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.letter_texts import (
    LetterDocument,
    LetterHeader,
    SummonsContent,
    summons_body,
)
from clerk_app.package_files import fonts_dir, forms_dir, migrations_dir
from clerk_app.ui.qt_helpers import app_icon, load_form


def load_forms() -> list[str]:
    app = QApplication([])
    names = sorted(p.stem for p in forms_dir().glob("*.ui"))
    for name in names:
        host = QWidget()
        if load_form(name, host) is None:
            raise RuntimeError(f"form {name} did not load")
        host.deleteLater()
    if app_icon().isNull():
        raise RuntimeError("no application icon")
    app.processEvents()
    return names


def letter_pdf() -> bytes:
    header = LetterHeader(
        identifier="L2026000017",
        sender_lines=("Urząd Miasta Piekary Śląskie", "Biuro Gospodarki Mieszkaniowej"),
        return_address="Urząd Miasta Piekary Śląskie, ul. Bytomska 92, 41-940 Piekary Śl.",
        place_and_date="Piekary Śląskie, 24.11.2026", case_signature="BGM.7141.12.2026",
        addressee_lines=("Józef Żółkiewski", "ul. Źródlana 5/3", "41-940 Piekary Śląskie"),
        handled_by="Józef Żółkiewski", title="Wezwanie do usunięcia braków formalnych")
    body = summons_body(SummonsContent(
        CaseKind.DEPOSIT, date(2026, 11, 20), ("Oświadczenie o stanie majątkowym",), 7, "",
        "Anna Nowak", "Kierownik BGM"))
    return render_letter(LetterDocument(header, body))


def main() -> None:
    Path(sys.argv[1]).write_bytes(letter_pdf())
    print(json.dumps({
        "package": str(Path(clerk_app.__file__).parent),
        "forms_dir": str(forms_dir()),
        "fonts_dir": str(fonts_dir()),
        "migrations_dir": str(migrations_dir()),
        "forms": load_forms(),
    }))


if __name__ == "__main__":
    main()
