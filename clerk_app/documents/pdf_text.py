"""Fast single-line text for long PDF tables (thousands of pages in a few seconds).

``Canvas.drawString`` re-encodes every string for the embedded TrueType subset; a report
with 100,000 rows repeats the same labels and dates over and over. :class:`PageWriter`
caches each string's PDF text operators (the encoding recipe documented in
``reportlab.pdfbase.ttfonts``) and emits a page's rectangles and text as one literal.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

RGB = tuple[float, float, float]
_ELLIPSIS = "…"
_ESCAPES = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})


class PageWriter:
    """Collects rectangles, lines and text of one page; ``flush`` writes them to the canvas."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._doc = canvas._doc  # the document the font subsets are registered in
        self._ops: dict[tuple[str, float, str], str] = {}
        self._ascii: dict[str, str | None] = {}
        self._char_widths: dict[str, dict[str, float]] = {}
        self._widths: dict[tuple[str, float, str], float] = {}
        self._fits: dict[tuple[str, float, str, float], str] = {}
        self._cells: dict[tuple[str, float, str, float, str], tuple[float, str]] = {}
        self._shapes: list[str] = []
        self._text: list[str] = []

    def _ascii_subset(self, font_name: str) -> str | None:
        """The internal name of subset 0 when it maps printable ASCII to itself (reportlab's
        ``asciiReadable`` TrueType subsets); then ASCII text needs no re-encoding."""
        if font_name not in self._ascii:
            font = pdfmetrics.getFont(font_name)
            probe = "".join(chr(c) for c in range(32, 127))
            same = font.splitString(probe, self._doc) == [(0, probe.encode("ascii"))]
            self._ascii[font_name] = (font.getSubsetInternalName(0, self._doc) if same
                                      else None)
        return self._ascii[font_name]

    def _encoded(self, font_name: str, size: float, text: str) -> str:
        key = (font_name, size, text)
        op = self._ops.get(key)
        if op is None and text.isascii() and text.isprintable():
            subset = self._ascii_subset(font_name)
            if subset is not None:
                op = self._ops[key] = f"{subset} {size:g} Tf ({text.translate(_ESCAPES)}) Tj"
        if op is None:
            font = pdfmetrics.getFont(font_name)
            op = " ".join(
                f"{font.getSubsetInternalName(subset, self._doc)} {size:g} Tf "
                f"({escapePDF(chunk)}) Tj"
                for subset, chunk in font.splitString(text, self._doc)
            )
            self._ops[key] = op
        return op

    def width(self, font_name: str, size: float, text: str) -> float:
        key = (font_name, size, text)
        width = self._widths.get(key)
        if width is None:
            table = self._char_widths.get(font_name)
            if table is None:
                face = pdfmetrics.getFont(font_name).face
                table = self._char_widths[font_name] = {
                    chr(code): w for code, w in face.charWidths.items()}
            try:
                width = sum(map(table.__getitem__, text)) * size / 1000
            except KeyError:  # a character without a glyph: reportlab knows the fallback
                width = pdfmetrics.stringWidth(text, font_name, size)
            self._widths[key] = width
        return width

    def fit(self, font_name: str, size: float, text: str, max_width: float) -> str:
        """``text`` cut with an ellipsis so that it fits ``max_width``."""
        key = (font_name, size, text, max_width)
        fitted = self._fits.get(key)
        if fitted is None:
            fitted = text
            if self.width(font_name, size, text) > max_width:
                low, high = 0, len(text)
                while low < high:
                    mid = (low + high + 1) // 2
                    if pdfmetrics.stringWidth(text[:mid] + _ELLIPSIS, font_name, size) \
                            <= max_width:
                        low = mid
                    else:
                        high = mid - 1
                fitted = text[:low].rstrip() + _ELLIPSIS
            self._fits[key] = fitted
        return fitted

    def text(self, x: float, y: float, font_name: str, size: float, text: str,
             align: str = "left") -> None:
        if not text:
            return
        if align == "right":
            x -= self.width(font_name, size, text)
        elif align == "center":
            x -= self.width(font_name, size, text) / 2
        self._text.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {self._encoded(font_name, size, text)}")

    def cell(self, x: float, y: float, font_name: str, size: float, text: str,
             max_width: float, align: str = "left") -> None:
        """A table cell: ``text`` fitted to ``max_width`` and aligned at ``x`` (cached)."""
        key = (font_name, size, text, max_width, align)
        hit = self._cells.get(key)
        if hit is None:
            fitted = self.fit(font_name, size, text, max_width)
            width = self.width(font_name, size, fitted) if align != "left" else 0.0
            shift = -width if align == "right" else -width / 2
            hit = self._cells[key] = (shift, self._encoded(font_name, size, fitted))
        self._text.append(f"1 0 0 1 {x + hit[0]:.2f} {y:.2f} Tm {hit[1]}")

    def rect(self, x: float, y: float, w: float, h: float, fill: RGB) -> None:
        self._shapes.append(f"{fill[0]:g} {fill[1]:g} {fill[2]:g} rg "
                            f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re f")

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self._shapes.append(f"{width:g} w {x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S")

    def flush(self) -> None:
        """Write the collected page content (shapes first, then black text)."""
        parts = ["q", *self._shapes, "0 0 0 rg 0 0 0 RG BT", *self._text, "ET Q"]
        self.canvas.addLiteral("\n".join(parts))
        self._shapes.clear()
        self._text.clear()


@contextmanager
def without_ascii85() -> Iterator[None]:
    """Plain Flate streams (ASCII85 on top only makes files bigger and slower)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved
