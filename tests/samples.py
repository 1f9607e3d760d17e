"""Real sample files for scan tests: a PDF made with reportlab, images made with Pillow."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def make_pdf(path: Path, text: str = "Wniosek o utworzenie konta IOK", pages: int = 1) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        c.drawString(72, 760, f"{text} - strona {page + 1}")
        c.showPage()
    c.save()
    return path


def make_jpeg(path: Path, color: tuple[int, int, int] = (200, 220, 240)) -> Path:
    Image.new("RGB", (320, 200), color).save(path, "JPEG")
    return path


def make_png(path: Path) -> Path:
    Image.new("RGB", (50, 50), (10, 20, 30)).save(path, "PNG")
    return path


def make_fake_exe(path: Path) -> Path:
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200 + b"This program cannot be run")
    return path


def make_truncated_pdf(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
