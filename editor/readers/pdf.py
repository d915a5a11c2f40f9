"""PDF with a text layer → SourcePage, one per PDF page, read only when asked for.

Two libraries, each for what it does best (both permissive licences; PyMuPDF is AGPL and
not an option):

* **PDFium** (pypdfium2; BSD-3 / Apache-2.0): Chrome's PDF engine, C++. Characters with
  their boxes, font sizes, fonts and weights, and the page's rules (thin paths), as fast as
  ``pdftotext``; it also renders pages for the page view. It runs no JavaScript (this build
  has no JS engine, and we never start a form environment) and fetches nothing.
* **qpdf** (pikepdf; MPL-2.0): reads the object structure without decoding anything, so
  that every stream a page will make PDFium decode is measured first (inflated in bounded
  chunks; a page past :data:`MAX_PAGE_CONTENT` is refused, where PDFium would allocate it
  all), encryption and permissions are checked, and the font descriptors of Type 3 fonts
  (which PDFium does not read: Chromium and Skia print every font as Type 3) give the
  weight of those fonts.

Coordinates are PDF points, origin top-left, y downwards (as in :mod:`editor.source`).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from editor.decoding import InputError
from editor.readers import _pdfium as P
from editor.readers import type3
from editor.readers.pdfglyphs import glyphs as _glyphs, page_objects as _page_objects
from editor.readers.rawpdf import RawPdf
from editor.readers.order import order_lines
from editor.readers.pdflines import build_lines, unjustify
from editor.source import Box, SourcePage

#: A page whose content streams (its own and its forms') inflate past this many bytes is
#: refused. A newspaper page is well under 5 MB.
MAX_PAGE_CONTENT = 64 * 1024 * 1024
#: A file up to this size is also held in memory, to read its Type 3 fonts from its bytes
#: (:mod:`.type3`); a bigger one is read by qpdf and PDFium alone.
MAX_RAW_FILE = 64 * 1024 * 1024

OCR_HINT = ("需要先做文字识别（OCR），例如 ocrmypdf --language chi_sim in.pdf out.pdf，"
            "或 tesseract page.png page -l chi_sim hocr / it needs OCR first, e.g. "
            "`ocrmypdf --language chi_sim in.pdf out.pdf`, or render it and run "
            "`tesseract page.png page -l chi_sim hocr`, then open the result")

def open_pdf(path) -> "PdfFile":
    return PdfFile(path)


def read_pdf(path) -> Iterator[SourcePage]:
    """Every page of the PDF, one after the other (each read when the iterator gets to it)."""
    with PdfFile(path) as pdf:
        yield from pdf


class PdfFile:
    """An open PDF: ``count`` pages, ``page(n)`` (1-based) reads one. Use as a context manager."""

    def __init__(self, path, max_content: int = MAX_PAGE_CONTENT):
        self.path = str(path)
        self.max_content = max_content
        name = Path(self.path).name
        try:
            self._qpdf = pikepdf.open(self.path, suppress_warnings=True)
        except pikepdf.PasswordError:
            raise InputError(f"{name}：PDF 已加密，需要密码才能打开 / the PDF is encrypted and "
                             f"needs a password to open") from None
        except (pikepdf.PdfError, ValueError, RuntimeError) as exc:
            raise InputError(f"{name}：不是有效的 PDF，或文件已损坏 / not a valid PDF, or the "
                             f"file is damaged ({_first_line(exc)})") from None
        except OSError as exc:
            raise InputError(f"{name}：无法读取 / cannot read the file ({exc.strerror or exc})") from None
        try:
            if self._qpdf.is_encrypted and not self._qpdf.allow.extract:
                raise InputError(f"{name}：PDF 已加密，且不允许提取文字 / the PDF is encrypted and "
                                 f"its permissions forbid extracting the text")
            try:
                with P.LOCK:
                    self._doc = pdfium.PdfDocument(self.path)
                    self.count = len(self._doc)
            except pdfium.PdfiumError as exc:
                raise InputError(f"{name}：PDF 无法解析，文件可能已损坏 / the PDF cannot be parsed; "
                                 f"the file may be damaged ({exc})") from None
            if self.count == 0:
                raise InputError(f"{name}：PDF 没有页面 / the PDF has no pages")
            self.ignored = _hostile_parts(self._qpdf)
            self._raw = None if self._qpdf.is_encrypted else _raw_pdf(self.path)
        except BaseException:
            self._qpdf.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if getattr(self, "_doc", None) is not None:
            with P.LOCK:
                self._doc.close()
            self._doc = None
        if getattr(self, "_qpdf", None) is not None:
            self._qpdf.close()
            self._qpdf = None

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[SourcePage]:
        for n in range(1, self.count + 1):
            yield self.page(n)

    def page(self, number: int) -> SourcePage:
        """Page ``number`` (1-based) as lines in reading order. Raises InputError."""
        if not 1 <= number <= self.count:
            raise InputError(f"没有第 {number} 页（共 {self.count} 页）/ there is no page {number} "
                             f"(the PDF has {self.count})")
        where = f"{Path(self.path).name}#{number}"
        try:
            qpage = self._qpdf.pages[number - 1]
            content = _measured_content(qpage, self.max_content, where)
        except InputError:
            raise
        except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{where}：页面结构损坏 / the page is damaged ({_first_line(exc)})") from None
        fonts = _quietly(type3.page_fonts, self._raw, qpage.obj.objgen) if self._raw else None
        update = _quietly(type3.outline_free, self._raw, fonts) if fonts else None
        with P.LOCK:
            doc = self._outline_free_doc(update) if update else self._doc
            try:
                page = doc[number - 1]
                try:
                    textpage = page.get_textpage()
                    try:
                        return self._read(page, textpage, (qpage, content, fonts), number, where)
                    finally:
                        textpage.close()
                finally:
                    page.close()
            finally:
                if doc is not self._doc:
                    doc.close()

    def _outline_free_doc(self, update: bytes):
        """PDFium's document of the file with ``update`` appended (under P.LOCK), or the
        file's own when that does not open."""
        try:
            return pdfium.PdfDocument(self._raw.data + update)
        except pdfium.PdfiumError:
            return self._doc

    def _read(self, page, textpage, file_facts, number, where) -> SourcePage:
        qpage, content, resources = file_facts    # resources: the page's fonts, read raw (or None)
        left, bottom, right, top = page.get_cropbox()
        width, height = right - left, top - bottom
        tp, pg = P.address(textpage.raw), P.address(page.raw)
        fonts, rules, text_fonts, font_of = _page_objects(pg, left, top)
        if None in fonts.values():   # Type 3 fonts: weights from their descriptors, if the drawing order maps
            fonts.update(type3.styles(qpage, content, text_fonts, self._raw, resources))
        glyphs, _unnamed = _glyphs(tp, left, top, fonts, font_of)
        if not glyphs:
            raise InputError(f"{where}：这一页没有文字层（只有图像或空白）/ this page has no text "
                             f"layer (only images, or blank); {OCR_HINT}")
        lines = build_lines(glyphs)
        meta = {}
        if self.ignored:
            meta["ignored"] = ", ".join(self.ignored)
        return SourcePage(lines=unjustify(order_lines(lines, width, height, rules)), width=width,
                          height=height, kind="pdf", path=self.path, number=number,
                          count=self.count, unit="pt", meta=meta)


def _raw_pdf(path: str) -> RawPdf | None:
    try:
        if Path(path).stat().st_size > MAX_RAW_FILE:
            return None
        return RawPdf(Path(path).read_bytes())
    except (OSError, ValueError, IndexError):
        return None


def _quietly(fn, *args):
    """``fn(*args)``, or None where the file's bytes are not what :mod:`.rawpdf` reads."""
    try:
        return fn(*args)
    except (ValueError, IndexError, KeyError, TypeError, zlib.error):
        return None


def _first_line(exc) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


# ---------------------------------------------------------------- bounded streams

def _filters(stream) -> list[str]:
    f = stream.get("/Filter")
    if f is None:
        return []
    if isinstance(f, pikepdf.Array):
        return [str(x) for x in f]
    return [str(f)]


# Worst inflation per input byte of the filters we let qpdf decode whole (LZW ~ 2,700).
_MAX_RATIO = {"/LZWDecode": 3000, "/LZW": 3000, "/RunLengthDecode": 128, "/RL": 128,
              "/ASCIIHexDecode": 1, "/AHx": 1, "/ASCII85Decode": 2, "/A85": 2}


def _inflate(stream, budget: int, where: str) -> bytes:
    """The decoded bytes of a content stream, refusing any that would pass ``budget``."""
    if stream.get("/F") is not None:       # data in an external file: never followed
        return b""
    filters = _filters(stream)
    raw = stream.read_raw_bytes()
    if not filters:
        data = raw
    elif filters in (["/FlateDecode"], ["/Fl"]) and stream.get("/DecodeParms") is None:
        d = zlib.decompressobj()
        parts, size = [], 0
        try:
            chunk = d.decompress(raw, 1 << 20)
            while True:
                size += len(chunk)
                if size > budget:
                    raise _too_big(where, budget)
                parts.append(chunk)
                if not d.unconsumed_tail:
                    break
                chunk = d.decompress(d.unconsumed_tail, 1 << 20)
        except zlib.error:
            pass       # as PDFium does: keep what inflated
        data = b"".join(parts)
    else:
        bound = len(raw)
        for f in filters:
            bound *= _MAX_RATIO.get(f, 1032)   # Flate's worst is ~1032:1
        if bound > 4 * budget:
            raise _too_big(where, budget)
        try:
            data = stream.read_bytes()
        except pikepdf.PdfError:
            data = b""
    if len(data) > budget:
        raise _too_big(where, budget)
    return data


def _too_big(where: str, budget: int) -> InputError:
    return InputError(f"{where}：页面内容解压后超过 {budget // 1_000_000} MB，拒绝读取（可能是"
                      f"“解压炸弹”）/ the page's content inflates past {budget:,} bytes; refused "
                      f"(a decompression bomb?)")


def _measured_content(qpage, limit: int, where: str) -> bytes:
    """The page's content stream, decoded, once every stream PDFium will decode fits ``limit``."""
    budget = [limit]
    seen: set = set()

    def take(stream) -> bytes:
        og = stream.objgen
        if og != (0, 0):
            if og in seen:
                return b""
            seen.add(og)
        data = _inflate(stream, budget[0], where)
        budget[0] -= len(data)
        return data

    def resources(res, depth: int) -> None:
        if res is None or depth > 8:
            return
        xobjects = res.get("/XObject")
        if xobjects is not None:
            for _, xo in xobjects.items():
                if isinstance(xo, pikepdf.Stream) and xo.get("/Subtype") == "/Form":
                    if xo.objgen not in seen:
                        take(xo)
                        resources(xo.get("/Resources"), depth + 1)

    contents = qpage.obj.get("/Contents")
    parts = []
    if isinstance(contents, pikepdf.Stream):
        parts.append(take(contents))
    elif isinstance(contents, pikepdf.Array):
        parts.extend(take(s) for s in contents if isinstance(s, pikepdf.Stream))
    resources(qpage.obj.get("/Resources"), 0)
    return b"\n".join(parts)


def _hostile_parts(qpdf) -> list[str]:
    """What the file asks to run or fetch, none of which is ever done (for the page's meta)."""
    found = []
    root = qpdf.Root
    names = root.get("/Names")
    if names is not None and names.get("/JavaScript") is not None:
        found.append("JavaScript")
    for where in (root.get("/OpenAction"), root.get("/AA")):
        found.extend(_actions(where))
    return sorted(set(found))


def _actions(obj, depth: int = 0) -> list[str]:
    if obj is None or depth > 4 or not isinstance(obj, pikepdf.Dictionary):
        return []
    out = []
    kind = obj.get("/S")
    if kind is not None:
        out.append({"/JavaScript": "JavaScript", "/Launch": "launch action", "/URI": "URI",
                    "/GoToR": "remote go-to", "/SubmitForm": "form submission",
                    "/ImportData": "data import"}.get(str(kind), ""))
    for key in obj.keys():
        if key in ("/Next", "/O", "/C", "/K", "/F", "/V", "/D", "/WC", "/WS", "/DS", "/WP", "/DP"):
            out.extend(_actions(obj.get(key), depth + 1))
    return [x for x in out if x]
