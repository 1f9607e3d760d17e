"""The ``--out`` file of a command: checked before any work is done, and written at the end.

Light on purpose (only ``pathlib``): a command checks its output file before it opens the
database. Every refusal is a ``CliInputError`` (exit code 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clerk_app.cli.common import CliInputError


def output_path(text: str, suffixes: Sequence[str], *, refuse_folder: bool = False) -> Path:
    """``--out`` as a path once it ends in one of ``suffixes`` and its folder exists;
    ``refuse_folder`` refuses a path that is a folder before anything else."""
    path = Path(text)
    if refuse_folder:
        not_a_folder(path)
    checked_suffix(text, suffixes)
    if not path.parent.is_dir():
        raise CliInputError(f"katalog „{path.parent}” nie istnieje.")
    return path


def checked_suffix(text: str, suffixes: Sequence[str]) -> Path:
    """``text`` as a path, or a refusal naming the endings allowed."""
    path = Path(text)
    if path.suffix.lower() in suffixes:
        return path
    if len(suffixes) == 1:
        raise CliInputError(f"plik wynikowy „{text}” musi mieć rozszerzenie {suffixes[0]}.")
    raise CliInputError(f"nieobsługiwany format pliku „{path.name}” – podaj plik "
                        f"{' albo '.join(suffixes)}.")


def not_a_folder(path: Path) -> None:
    if path.is_dir():
        raise CliInputError(f"„{path}” jest katalogiem – podaj nazwę pliku.")


def write_output(out: Path, data: bytes) -> None:
    """Write a command's output file, or refuse in Polish (a folder, no permission…)."""
    not_a_folder(out)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise CliInputError(f"nie można zapisać pliku „{out}”: "
                            f"{exc.strerror or exc.__class__.__name__}.") from None
