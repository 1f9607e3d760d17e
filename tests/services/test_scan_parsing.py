"""Scans are parsed with pypdf and Pillow: active PDFs, polyglots, fakes, truncations and
absurd images are refused in Polish; a JPEG with trailing bytes is accepted; names cleaned."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from clerk_app.domain.errors import FieldError
from clerk_app.domain.text import format_megabytes
from clerk_app.services.intake.scan_parsing import clean_filename
from clerk_app.services.intake.scans import check_scan_file
from tests.samples import make_jpeg, make_pdf

LIMIT = 25 * 1048576


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def _save(writer: PdfWriter, path: Path) -> Path:
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def js_pdf(path: Path) -> Path:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"),
        NameObject("/JS"): TextStringObject("app.alert('x');")})
    return _save(writer, path)


def launch_pdf(path: Path) -> Path:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/Launch"),
        NameObject("/F"): TextStringObject("calc.exe")})
    return _save(writer, path)


def attachment_pdf(path: Path) -> Path:
    writer = _writer()
    writer.add_attachment("faktura.exe", b"MZ\x90\x00")
    return _save(writer, path)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.txt", "x" * 100)
    return buffer.getvalue()


def pdf_zip(path: Path) -> Path:
    make_pdf(path)
    path.write_bytes(path.read_bytes() + _zip_bytes())
    return path


def jpeg_zip(path: Path) -> Path:
    make_jpeg(path)
    path.write_bytes(path.read_bytes() + _zip_bytes())
    return path


def html_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n")
    return path


def tiny_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert path.stat().st_size == 15
    return path


def cut_update(path: Path) -> Path:
    make_pdf(path)
    original = path.read_bytes()
    writer = PdfWriter(clone_from=path)
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    updated = original + b"\n" + buffer.getvalue()[len(b"%PDF-1.3\n"):]
    path.write_bytes(updated[: len(original) + (len(updated) - len(original)) // 2])
    return path


def tiff_noise(path: Path) -> Path:
    path.write_bytes(b"II*\x00" + os.urandom(4000))
    return path


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    head = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + \
        struct.pack(">I", zlib.crc32(chunk))
    idat = b"IDAT" + zlib.compress(b"\x00" * 10)
    return head + struct.pack(">I", 10) + idat + struct.pack(">I", zlib.crc32(idat)) + \
        b"\x00\x00\x00\x00IEND\xaeB`\x82"


def huge_png(path: Path) -> Path:
    path.write_bytes(_png_header(65535, 65535))
    assert path.stat().st_size < 120
    return path


def bitmap_60000(path: Path) -> Path:
    path.write_bytes(_png_header(60000, 60000))
    return path


@pytest.mark.parametrize("make, message", [
    (js_pdf, "aktywną treść"), (launch_pdf, "aktywną treść"),
    (attachment_pdf, "aktywną treść"), (pdf_zip, "archiwum ZIP"), (jpeg_zip, "archiwum ZIP"),
    (html_pdf, "uszkodzony lub niekompletny"), (tiny_pdf, "uszkodzony lub niekompletny"),
    (cut_update, "uszkodzony lub niekompletny"), (tiff_noise, "uszkodzony"),
    (huge_png, "pikseli"), (bitmap_60000, "pikseli"),
])
def test_hostile_files_are_refused(make: Callable[[Path], Path], message: str,
                                   tmp_path: Path) -> None:
    path = make(tmp_path / "skan.bin")
    with pytest.raises(FieldError, match=message) as caught:
        check_scan_file(path, LIMIT, "skan.pdf")
    assert caught.value.key == "scans"


def test_valid_files_pass(tmp_path: Path) -> None:
    assert check_scan_file(make_pdf(tmp_path / "a.pdf"), LIMIT).media_type == "application/pdf"
    jpeg = make_jpeg(tmp_path / "a.jpg")
    jpeg.write_bytes(jpeg.read_bytes() + b"\x00" * 100)  # trailing bytes after the end marker
    assert check_scan_file(jpeg, LIMIT).media_type == "image/jpeg"
    png = tmp_path / "a.png"
    Image.new("RGB", (200, 300), "white").save(png)
    assert check_scan_file(png, LIMIT).media_type == "image/png"


def test_size_message_uses_one_unit_with_a_polish_comma(tmp_path: Path) -> None:
    assert format_megabytes(LIMIT + 1) == "25,1 MB"
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.truncate(LIMIT + 1)
    with pytest.raises(FieldError, match="ma 25,1 MB; dopuszczalne jest 25,0 MB"):
        check_scan_file(big, LIMIT)


@pytest.mark.parametrize("raw, clean", [
    ("../../etc/passwd", "passwd"), ("C:\\Users\\ania\\skan.pdf", "skan.pdf"),
    ("skan\x00.pdf", "skan.pdf"), ("fak\u202etxt.exe", "faktxt.exe"),
    ("wniosek\n\r\t.pdf", "wniosek.pdf"), ("", "skan"), ("Wniosek Łęcka.pdf", "Wniosek Łęcka.pdf"),
])
def test_file_names_are_cleaned(raw: str, clean: str) -> None:
    assert clean_filename(raw) == clean
