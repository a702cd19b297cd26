"""PDF pages as pixels, with PDFium (pypdfium2): the print preview and printing draw these.

Core knows no Qt: a page comes back as raw RGBX bytes (4 bytes a pixel, ``stride`` bytes a row),
which the desktop wraps in a QImage without converting. pypdfium2 ships PDFium as a wheel for
Windows and Linux, so nothing outside the program (pdftoppm, a PDF viewer) is needed.

    from core.pdf.raster import open_pdf
    with open_pdf(data) as doc:
        n = doc.page_count
        page = doc.render(0, dpi=96)      # RasterPage(width, height, stride, data)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from core.messages import pdf as M

POINTS_PER_INCH = 72


@dataclass(frozen=True, slots=True)
class RasterPage:
    width: int
    height: int
    stride: int
    data: bytes  # RGBX, top row first

    def ink_fraction(self) -> float:
        """Share of sampled pixels that are not white: a blank render (a failed one) is 0."""
        step = max(1, self.width * self.height // 20_000)
        total = inked = 0
        for n in range(0, self.width * self.height, step):
            y, x = divmod(n, self.width)
            i = y * self.stride + 4 * x
            total += 1
            inked += min(self.data[i:i + 3]) < 200
        return inked / total if total else 0.0


class PdfPages:
    """An open PDF: its page count, each page's size in points, and pages rendered at a resolution."""

    def __init__(self, source: bytes | str | os.PathLike) -> None:
        try:
            import pypdfium2 as pdfium
        except ImportError as exc:  # a build that lost its native library
            raise M.NO_RENDERER.error(reason=exc) from exc
        self._pdfium = pdfium
        try:
            self._doc = pdfium.PdfDocument(source if isinstance(source, bytes) else os.fspath(source))
        except pdfium.PdfiumError as exc:
            raise M.UNREADABLE.error(reason=exc) from exc

    @property
    def page_count(self) -> int:
        return len(self._doc)

    def size_points(self, index: int) -> tuple[float, float]:
        return tuple(self._doc.get_page_size(index))

    def render(self, index: int, dpi: float) -> RasterPage:
        page = self._doc[index]
        try:
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, rev_byteorder=True)
            try:
                return RasterPage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            finally:
                bitmap.close()
        except self._pdfium.PdfiumError as exc:
            raise M.UNREADABLE.error(reason=exc) from exc
        finally:
            page.close()

    def close(self) -> None:
        self._doc.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_pdf(source: bytes | str | os.PathLike) -> PdfPages:
    return PdfPages(source)
