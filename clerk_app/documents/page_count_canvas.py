"""A reportlab canvas that knows the page count before it draws the footers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from clerk_app.documents.fonts import FONT_REGULAR, register_fonts

FooterPainter = Callable[[Canvas, int, int], None]  # canvas, page number, page count


class PageCountCanvas(Canvas):
    """Keeps every page until the end, then paints ``footer(canvas, page, pages)`` on each
    ("strona 1 z 2"). Use :func:`canvas_maker` to pass it to ``doc.build``."""

    footer: FooterPainter

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()  # every page starts in DejaVu: no unembedded Helvetica in the PDF
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT_REGULAR
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.footer(self, number, total)
            super().showPage()
        super().save()


def canvas_maker(footer: FooterPainter) -> Callable[..., PageCountCanvas]:
    """The ``canvasmaker`` for ``doc.build`` that paints ``footer`` with the page count."""

    def make(*args: Any, **kwargs: Any) -> PageCountCanvas:
        canvas = PageCountCanvas(*args, **kwargs)
        canvas.footer = footer
        return canvas

    return make
