"""Scanned files are parsed, not just sniffed: a PDF is opened with pypdf and refused when it
carries JavaScript, launch actions or embedded files; an image is decoded with Pillow under a
pixel limit; a file that is also a ZIP archive (a polyglot) is refused; names are cleaned.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject, IndirectObject, PdfObject

from clerk_app.domain.errors import FieldError

FIELD = "scans"
MAX_PIXELS = 60_000_000  # an A3 page at 600 dpi is 70 MP in grey… 60 MP covers A4 at 600 dpi
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/Launch", "/EmbeddedFiles", "/EmbeddedFile",
                          "/RichMedia", "/XFA"})
_ZIP_END = b"PK\x05\x06"
_ZIP_ENTRY = b"PK\x03\x04"
_BIDI_AND_CONTROL = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_filename(name: str) -> str:
    """The file's own name: no folder parts, control, NUL or bidi-override characters."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    text = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    text = _BIDI_AND_CONTROL.sub("", text).strip().strip(".")
    return text[:255] or "skan"


def _is_zip(path: Path) -> bool:
    """A ZIP end-of-central-directory record near the end, with a local entry anywhere."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 66_000))
        tail = fh.read()
        if _ZIP_END not in tail:
            return False
        fh.seek(0)
        while chunk := fh.read(1 << 20):
            if _ZIP_ENTRY in chunk:
                return True
    return False


def _active(obj: PdfObject | None, seen: set[int], depth: int = 0) -> str | None:
    """The first active-content key found below ``obj`` (bounded walk)."""
    if obj is None or depth > 40:
        return None
    if isinstance(obj, IndirectObject):
        if obj.idnum in seen:
            return None
        seen.add(obj.idnum)
        obj = obj.get_object()
    if isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            if key in _ACTIVE_KEYS:
                return str(key)
            if key == "/S" and str(value) in ("/JavaScript", "/Launch"):
                return str(value)
            if key in ("/Parent", "/P"):
                continue
            found = _active(value, seen, depth + 1)
            if found:
                return found
    elif isinstance(obj, list):
        for value in obj:
            found = _active(value, seen, depth + 1)
            if found:
                return found
    return None


def _ends_cleanly(path: Path) -> bool:
    """Nothing but white space after the last ``%%EOF`` (else an update was cut off)."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - (1 << 16)))
        tail = fh.read()
    end = tail.rfind(b"%%EOF")
    return end >= 0 and not tail[end + 5:].strip(b" \t\r\n\x00")


def check_pdf(path: Path, label: str) -> int:
    """Open the PDF strictly; returns its page count or raises a Polish FieldError."""
    if not _ends_cleanly(path):
        raise FieldError(FIELD, f"Plik „{label}” jest uszkodzony lub niekompletny (urywa "
                                "się przed końcem dokumentu PDF).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=True)
            pages = len(reader.pages)
            found = _active(reader.trailer.get("/Root"), set())
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError,
            AttributeError, IndexError) as exc:
        raise FieldError(FIELD, f"Plik „{label}” jest uszkodzony lub niekompletny (nie jest "
                                "poprawnym dokumentem PDF).") from exc
    if pages < 1:
        raise FieldError(FIELD, f"Plik „{label}” nie ma żadnej strony.")
    if found:
        raise FieldError(FIELD, f"Plik „{label}” zawiera aktywną treść (skrypty, akcje "
                                "uruchamiania albo osadzone pliki) i nie może być "
                                "dołączony jako skan. Zeskanuj dokument ponownie albo "
                                "wydrukuj go do zwykłego PDF.")
    return pages


def check_image(path: Path, label: str) -> None:
    """Decode the image under :data:`MAX_PIXELS`; a damaged or absurd image is refused."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise FieldError(FIELD, f"Obraz „{label}” ma {width} × {height} pikseli; "
                                            "to więcej, niż może mieć skan strony.")
                image.load()
    except FieldError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise FieldError(FIELD, f"Obraz „{label}” deklaruje więcej pikseli, niż może mieć "
                                "skan strony; plik jest uszkodzony albo spreparowany.") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            ) as exc:
        raise FieldError(FIELD, f"Plik „{label}” jest uszkodzony lub nie jest poprawnym "
                                "obrazem.") from exc


def check_content(path: Path, media_type: str, label: str) -> int | None:
    """Parse the file as ``media_type``; returns a PDF's page count."""
    if _is_zip(path):
        raise FieldError(FIELD, f"Plik „{label}” jest jednocześnie archiwum ZIP i nie może "
                                "być dołączony jako skan.")
    if media_type == "application/pdf":
        return check_pdf(path, label)
    check_image(path, label)
    return None
