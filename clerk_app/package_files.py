"""Files shipped inside the installed package: Designer forms, icons, fonts, migrations.

Their sources stay in the top-level folders ``forms/``, ``resources/`` and ``db/``;
pyproject.toml maps them to the packages ``clerk_app.forms``, ``clerk_app.resources`` and
``clerk_app.db``, so a wheel carries them inside ``clerk_app/`` and an editable install finds
them in the checkout. They are looked up through the import system (``importlib.resources``),
never relative to this file. Qt, reportlab and Alembic need real paths, so only packages
installed as plain directories are supported (a wheel installed by pip is one).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

FORMS_PACKAGE = "clerk_app.forms"
RESOURCES_PACKAGE = "clerk_app.resources"
MIGRATIONS_PACKAGE = "clerk_app.db"


class MissingPackageFiles(RuntimeError):
    """The installation lacks files it should ship; the message is Polish."""

    def __init__(self, what: str, where: str) -> None:
        super().__init__(
            f"Instalacja programu jest niekompletna: brak {what} ({where}). "
            "Zainstaluj clerk-app ponownie."
        )
        self.message = str(self)


def package_dir(package: str) -> Path:
    """The directory of the data package ``package`` (``MissingPackageFiles`` if absent)."""
    try:
        root = files(package)
    except ModuleNotFoundError:
        raise MissingPackageFiles("plików programu", f"pakiet {package}") from None
    if not isinstance(root, Path) or not root.is_dir():
        raise MissingPackageFiles("plików programu", f"pakiet {package} nie jest katalogiem")
    return root


def forms_dir() -> Path:
    """The folder of the Qt Designer ``.ui`` files."""
    return package_dir(FORMS_PACKAGE)


def form_path(name: str) -> Path:
    """``<forms>/<name>.ui`` (it may not exist; the loader reports that)."""
    return forms_dir() / f"{name}.ui"


def resource_path(*parts: str) -> Path:
    """A file or folder below ``resources/``, e.g. ``resource_path("fonts", "X.ttf")``."""
    return package_dir(RESOURCES_PACKAGE).joinpath(*parts)


def fonts_dir() -> Path:
    return resource_path("fonts")


def icons_dir() -> Path:
    return resource_path("icons")


def migrations_dir() -> Path:
    """Alembic's script location: ``env.py``, ``script.py.mako`` and ``versions/``.

    Checked here so that Alembic never gets a missing folder (its own message for that
    tells the user to run ``alembic init``, which is wrong advice for an installed program).
    """
    root = package_dir(MIGRATIONS_PACKAGE)
    for part in ("env.py", "versions"):
        if not (root / part).exists():
            raise MissingPackageFiles("skryptów migracji bazy danych", str(root / part))
    return root
