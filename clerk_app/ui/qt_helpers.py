"""Small Qt helpers: resource paths, loading Designer forms, finding and focusing fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QFile,
    QIODevice,
    QObject,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.package_files import form_path, icons_dir
from clerk_app.ui.date_inputs import DateInput

ERROR_STYLE = "color: #b00020; font-weight: bold;"

W = TypeVar("W", bound=QObject)


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` for code outside QObject subclasses."""
    return QCoreApplication.translate(context, text)


def app_icon() -> QIcon:
    """The application icon (SVG, with the rendered PNGs as fallbacks)."""
    icon = QIcon()
    folder = icons_dir()
    for name in ("clerk_app.svg", "clerk_app.png", "clerk_app_64.png"):
        path = folder / name
        if path.exists():
            icon.addFile(str(path))
    return icon


def load_form(name: str, parent: QWidget, margin: int = 11) -> QWidget:
    """Load ``forms/<name>.ui`` and lay it out as the only content of ``parent``, with
    ``margin`` pixels around it (0 for forms embedded in another form)."""
    path = form_path(name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"Brak pliku formularza: {path}")
    try:
        loader = QUiLoader()
        loader.registerCustomWidget(DateInput)  # forms name it for one-Tab dates
        form = loader.load(file, parent)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(f"Nie można wczytać formularza {path}")
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    inner = form.layout()
    if inner is not None:
        inner.setContentsMargins(margin, margin, margin, margin)
    if form.windowTitle():
        parent.setWindowTitle(form.windowTitle())
    return form


def child(parent: QObject, kind: type[W], name: str) -> W:
    """The child ``name`` of type ``kind``; a missing one is a programming error."""
    found = parent.findChild(kind, name)
    if found is None:
        raise LookupError(f"Formularz nie zawiera elementu {kind.__name__} „{name}”.")
    return found


def make_error_label(label: QLabel) -> QLabel:
    """Style ``label`` as the red inline message of a window (hidden while empty)."""
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setText("")
    label.setVisible(False)
    return label


def show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def focus_field(widget: QWidget) -> None:
    """Bring ``widget`` to view (switching tabs on the way) and give it the focus."""
    node: QObject | None = widget
    while node is not None:
        parent = node.parent()
        if isinstance(parent, QStackedWidget) and isinstance(node, QWidget):
            # By index: setCurrentWidget() here made PySide 6.11 invalidate the Python
            # wrappers of Qt-created children (e.g. a dialog's buttons).
            parent.setCurrentIndex(parent.indexOf(node))
            outer = parent.parent()
            if isinstance(outer, QTabWidget):
                outer.setCurrentIndex(outer.indexOf(node))
        node = parent
    widget.setFocus()
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        widget.selectAll()


def field_label_text(label: QLabel) -> str:
    """``"&Nazwa użytkownika:"`` → ``"Nazwa użytkownika"`` (the field's name for people)."""
    return label.text().replace("&", "").strip().rstrip(":").strip()


def buddy_label_text(form: QWidget, widget: QWidget) -> str:
    """The text of the label in ``form`` whose buddy is ``widget`` (for a message naming
    the field as the form shows it); the widget's object name when it has no label."""
    for label in form.findChildren(QLabel):
        if label.buddy() is widget:
            return field_label_text(label)
    return widget.objectName()


def keyed_inputs(form: QWidget, object_names: Mapping[str, str]) -> dict[str, QWidget]:
    """Field key → input, for each ``key: objectName`` pair whose input ``form`` contains
    (the keys are the ones services name in ``ValidationFailed``)."""
    found: dict[str, QWidget] = {}
    for key, name in object_names.items():
        widget = form.findChild(QWidget, name)
        if widget is not None:
            found[key] = widget
    return found


def to_qdate(d: date) -> QDate:
    """A Python date as a QDate (for date edits)."""
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    """A QDate as a Python date."""
    return date(q.year(), q.month(), q.day())


def setup_sorted_table(view: QTableView, model: QAbstractItemModel, sort_column: int,
                       order: Qt.SortOrder, stretch_column: int) -> None:
    """A read-only, row-selecting, sortable table whose columns fit their contents except
    ``stretch_column``, which takes the remaining width."""
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def ask_discard(parent: QWidget, title: str, text: str, keep_label: str,
                on_discard: Callable[[], object]) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """A window-modal "throw away what was typed?" box: *Porzuć* calls ``on_discard``, the
    default button keeps editing. Returns the box and its discard and keep buttons."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    discard = box.addButton(translate("qt_helpers", "&Porzuć"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(keep_label, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.buttonClicked.connect(lambda b: on_discard() if b is discard else None)
    box.open()
    return box, discard, keep


def limit_typing(fields: Mapping[str, QWidget]) -> None:
    """Text inputs stop at their column's length (``TEXT_LIMITS``, the services' limit)."""
    from clerk_app.domain.field_limits import TEXT_LIMITS

    for key, widget in fields.items():
        if isinstance(widget, QLineEdit) and key in TEXT_LIMITS:
            widget.setMaxLength(TEXT_LIMITS[key])
