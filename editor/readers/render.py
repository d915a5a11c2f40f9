"""A PDF page drawn as pixels, for the page view (PDFium, as the reader uses).

Only a page that was read already is drawn (its content streams were measured then); the
images it holds are measured here first, from their declared size, so that a page of
absurd images is refused instead of allocated. Nothing is fetched and no script runs.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from editor.decoding import InputError
from editor.readers._pdfium import LOCK

#: Declared image pixels a page may hold to be drawn (a 300 dpi broadsheet scan is ~50 M).
MAX_IMAGE_PIXELS = 400_000_000
#: The widest drawing made (pixels).
MAX_WIDTH = 4000


def _image_pixels(qpdf, number: int) -> int:
    total = 0
    seen = set()

    def walk(res, depth):
        nonlocal total
        if res is None or depth > 8:
            return
        xobjects = res.get("/XObject")
        if xobjects is None:
            return
        for _name, xo in xobjects.items():
            if not isinstance(xo, pikepdf.Stream) or xo.objgen in seen:
                continue
            seen.add(xo.objgen)
            if xo.get("/Subtype") == "/Image":
                try:
                    total += int(xo.get("/Width", 0)) * int(xo.get("/Height", 0))
                except (TypeError, ValueError):
                    total += MAX_IMAGE_PIXELS
            elif xo.get("/Subtype") == "/Form":
                walk(xo.get("/Resources"), depth + 1)

    walk(qpdf.pages[number - 1].obj.get("/Resources"), 0)
    return total


def render_pdf_page(path: str | Path, number: int, width: int) -> tuple[int, int, int, bytes]:
    """Page ``number`` (1-based) drawn ``width`` pixels wide (at most :data:`MAX_WIDTH`):
    (width, height, bytes per row, RGB bytes). InputError when it cannot be drawn."""
    name = Path(path).name
    try:
        with pikepdf.open(str(path), suppress_warnings=True) as qpdf:
            if _image_pixels(qpdf, number) > MAX_IMAGE_PIXELS:
                raise InputError(f"{name}#{number}：页面中的图像过大，不予绘制 / the page's images are too "
                                 f"large to draw safely")
    except InputError:
        raise
    except (pikepdf.PdfError, OSError, IndexError, ValueError) as exc:
        raise InputError(f"{name}：无法绘制页面 / cannot draw the page ({exc})") from None
    with LOCK:  # PDFium, one call at a time (the loader may be reading another page)
        try:
            doc = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError, ValueError) as exc:
            raise InputError(f"{name}：无法绘制页面 / cannot draw the page ({exc})") from None
        try:
            page = doc[number - 1]
            scale = max(0.1, min(width, MAX_WIDTH) / max(page.get_width(), 1.0))
            bitmap = page.render(scale=scale, rev_byteorder=True, may_draw_forms=False)
            out = (bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            page.close()
            return out
        except (pdfium.PdfiumError, IndexError, ValueError) as exc:
            raise InputError(f"{name}：无法绘制页面 / cannot draw the page ({exc})") from None
        finally:
            doc.close()
