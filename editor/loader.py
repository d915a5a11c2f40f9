"""Open whatever the user hands us, through one table of readers: a text page, a project
file, NewsML-G2, PDF, hOCR, ALTO, PAGE XML.

Each :class:`Reader` says its id, its title, the file names it usually has (for the open
dialog), how to know it from the file's first bytes (:mod:`editor.sniff`) and how to open
it into project pages (one per page: a multi-page PDF or project gives several). The CLI,
the window and batch export ask this table and never branch on a format; ``as_`` (the
CLI's ``--as``, the window's choice of file type) skips the sniffing.

A name may end in ``#N``: page N of a PDF or of a project of several pages
(``scan.pdf#3``), as may a selection of pages (``--pages 3-5,7``, :func:`parse_pages`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .decoding import decode
from .errors import MAX_PROJECT_BYTES, InputError, read_page_bytes
from .i18n import Message, _
from .model import Page
from .parser import parse_source, parse_text
from .project import Project, file_sha256
from .sniff import Head, head_of

PageRanges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Request:
    """What to open: the file, its first bytes, and which of its pages (None: all)."""

    path: Path
    head: Head
    pages: PageRanges | None = None
    name: str = ""          # the file as the user named it (pages are called name#N)
    encoding: str | None = None  # a text page's codec (--encoding), else detected

    def data(self, limit: int | None = None) -> bytes:
        """The whole file (read once; text kinds only: at most ``limit``, by default
        errors.MAX_BYTES)."""
        if self.head.whole is None:
            self.head.whole = read_page_bytes(self.path, limit)
        return self.head.whole


@dataclass(frozen=True)
class Reader:
    id: str
    title: Message
    patterns: tuple[str, ...]                   # for the open dialog: "*.pdf"
    sniff: Callable[[Head], bool]
    open: Callable[[Request], Iterable[Project]]


# --- the readers -------------------------------------------------------------------------

def _open_text(req: Request) -> list[Project]:
    data = req.data()
    if not data.strip():
        raise InputError(_("the file is empty: {path}", path=str(req.path)))
    decoded = decode(data, encoding=req.encoding)
    req.head.whole = data = None  # the file's bytes (as large as the page) are not needed now
    text, encoding = decoded.text, decoded.encoding
    del decoded
    page = parse_text(text, encoding, str(req.path))
    return [Project(page, raw_path=str(req.path), opened_as="page")]


def _open_project(req: Request) -> list[Project]:
    from .workset import load_projects_bytes

    projects, _current = load_projects_bytes(req.data(MAX_PROJECT_BYTES))  # a page and its blocks
    for n, project in enumerate(projects, 1):
        project.opened_as = "project"
        project.ref = page_ref(req.name, n, len(projects))
        if not project.page.source:
            project.page.source = str(req.path)
    return [projects[n - 1] for n in select(req.pages, len(projects))] if req.pages else projects


def _open_newsml(req: Request) -> list[Project]:
    from .newsml_read import read_newsml

    page = read_newsml(req.data())
    page.source = page.source or str(req.path)
    return [Project(page, opened_as="newsml")]


def _from_source(source, req: Request, sha: str) -> Project:
    source.sha256 = sha
    source.path = str(Path(source.path).resolve())  # a saved project finds them from anywhere
    source.image = str(Path(source.image).resolve()) if source.image else ""
    page = parse_source(source)
    page.source = str(req.path)
    return Project(page, opened_as=source.kind if source.kind != "page" else "pagexml",
                   ref=page_ref(req.name, source.number, source.count))


def _open_pdf(req: Request) -> Iterator[Project]:
    """The PDF's pages, one at a time (a 500-page PDF is never all in memory)."""
    from .readers import open_pdf

    sha = file_sha256(req.path)
    with open_pdf(req.path) as pdf:
        numbers = select(req.pages, pdf.count) if req.pages else range(1, pdf.count + 1)
        for n in numbers:
            yield _from_source(pdf.page(n), req, sha)


def _ocr(read) -> Callable[[Request], list[Project]]:
    def open_ocr(req: Request) -> list[Project]:
        req.data()  # the size limit and the usual errors, as for any text file
        return [_from_source(read(req.path), req, file_sha256(req.path))]
    return open_ocr


def _lazy(name: str):
    def read(path):
        from . import readers

        return getattr(readers, name)(path)
    return read


READERS: dict[str, Reader] = {r.id: r for r in (
    Reader("pdf", _("PDF with a text layer"), ("*.pdf",), Head.is_pdf, _open_pdf),
    Reader("project", _("jiaodui project"), ("*.json",), Head.is_project, _open_project),
    Reader("hocr", _("hOCR (Tesseract, archives)"), ("*.hocr", "*.html"), Head.is_hocr, _ocr(_lazy("read_hocr"))),
    Reader("alto", _("ALTO XML"), ("*.xml",), Head.is_alto, _ocr(_lazy("read_alto"))),
    Reader("pagexml", _("PAGE XML (Transkribus, OCR-D)"), ("*.xml",), Head.is_pagexml,
           _ocr(_lazy("read_pagexml"))),
    Reader("newsml", _("NewsML-G2"), ("*.xml",), Head.is_newsml, _open_newsml),
    Reader("page", _("Text page"), ("*.txt",), lambda head: True, _open_text),
)}
#: The ids ``--as`` takes.
AS_CHOICES = tuple(READERS)
#: File names that say the file is something else than a text page (never taken for one
#: when a folder is opened or exported).
_NOT_TEXT = {".json", ".xml", ".html", ".htm", ".hocr", ".pdf", ".png", ".jpg", ".jpeg", ".tif",
             ".tiff", ".gif", ".bmp", ".webp", ".jp2", ".zip", ".gz", ".docx", ".doc", ".xlsx"}


def reader_for(head: Head) -> Reader:
    """The reader of a file, by its first bytes. InputError for an image."""
    if head.is_image():
        raise InputError(_("{path} is a {kind} image, not a page: run OCR first (e.g. tesseract IMAGE OUT "
                           "-l chi_sim hocr) and open the .hocr file", path=Path(head.name).name or "?",
                           kind=head.image_kind()))
    return next(r for r in READERS.values() if r.sniff(head))


def sniff(data: bytes, name: str = "") -> str:
    """The id of the reader for these bytes ("image" for an image)."""
    head = Head(data[:65536], name, data)
    return "image" if head.is_image() else reader_for(head).id


def sniff_path(path: str | Path) -> str:
    """The reader id for a file by its first bytes; "page" if it cannot be read."""
    try:
        return reader_for(head_of(path)).id if Path(path).is_file() else "page"
    except (OSError, InputError):
        return "page"


def page_kind(path: str | Path) -> str | None:
    """The reader id of a file a folder holds, or None when it is no page (an image, a
    binary, a JSON or XML file of another kind, a hidden file)."""
    path = Path(path)
    if path.name.startswith(".") or not path.is_file():
        return None
    try:
        head = head_of(path)
        kind = reader_for(head).id
    except (OSError, InputError):
        return None
    if kind == "page" and (path.suffix.lower() in _NOT_TEXT or _binary(head.data)):
        return None
    return kind


def _binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in data or data.startswith((b"PK\x03\x04", b"\x1f\x8b", b"\xd0\xcf\x11\xe0"))


# --- pages of a file ----------------------------------------------------------------------

_RANGE = re.compile(r"^\s*(\d{1,6})\s*(?:-\s*(\d{1,6})\s*)?$")


def parse_pages(spec: str) -> PageRanges:
    """``"3"``, ``"3-5"``, ``"1,3,5-7"`` → ranges (1-based, inclusive); InputError if not."""
    ranges = []
    for part in spec.split(","):
        m = _RANGE.match(part)
        lo = int(m.group(1)) if m else 0
        hi = int(m.group(2) or lo) if m else 0
        if not m or lo < 1 or hi < lo:
            raise InputError(_("not a page range: {spec} (use e.g. 3, 3-5 or 1,3,5-7)", spec=spec))
        ranges.append((lo, hi))
    if len(ranges) > 1000:
        raise InputError(_("not a page range: {spec} (use e.g. 3, 3-5 or 1,3,5-7)", spec=spec[:50]))
    return tuple(ranges)


def pages_option(spec: str | None) -> PageRanges | None:
    """The CLI's ``--pages`` (None when not given); InputError when it is no range."""
    return parse_pages(spec) if spec else None


def select(pages: PageRanges, count: int) -> list[int]:
    """The page numbers chosen of a file of ``count`` pages; InputError past its end."""
    beyond = [hi for _lo, hi in pages if hi > count]
    if beyond:
        raise InputError(_("there is no page {number} (the file has {count})", number=max(beyond), count=count))
    return sorted({n for lo, hi in pages for n in range(lo, hi + 1)})


def split_ref(name: str | Path) -> tuple[str, PageRanges | None]:
    """``scan.pdf#3`` → (``scan.pdf``, page 3); a name that exists as it is stays whole."""
    name = str(name)
    base, sep, number = name.rpartition("#")
    if sep and number.isdecimal() and len(number) <= 6 and not os.path.exists(name) and int(number) > 0:
        return base, ((int(number), int(number)),)
    return name, None


def page_ref(path: str | Path, number: int, count: int) -> str:
    """How a page of a file is named: the file itself when it has one page, else ``file#N``."""
    return str(path) if count <= 1 else f"{path}#{number}"


# --- opening ------------------------------------------------------------------------------

def iter_documents(name: str | Path, as_: str | None = None, pages: PageRanges | None = None,
                   encoding: str | None = None) -> Iterator[Project]:
    """The project pages of a file of any kind we read (``name`` may end in ``#N``), one
    at a time. ``as_``: a reader id, to skip the sniffing; ``encoding``: a text page's
    codec instead of the detected one. InputError with a clear message
    (after the pages that could be read, for a PDF that fails on a later page)."""
    base, ref_pages = split_ref(name)
    path = Path(base)
    if not path.is_file():
        if not path.exists() or path.is_dir():
            read_page_bytes(path)  # the clear message: no such file, a folder
        raise InputError(_("not a regular file: {path}", path=str(path)))  # never a FIFO or a device
    try:
        head = head_of(path)
    except OSError as exc:
        raise InputError(_("cannot read {path}: {reason}", path=str(path), reason=exc.strerror or str(exc))) from None
    reader = READERS[as_] if as_ else reader_for(head)
    try:
        for project in reader.open(Request(path, head, ref_pages or pages, base, encoding)):
            project.ref = project.ref or base
            yield project
    except InputError:
        raise
    except (MemoryError, RecursionError, Exception) as exc:  # a library's error on a hostile file
        reason = f"{type(exc).__name__}: {str(exc)[:200]}"
        raise InputError(_("cannot read {path} as {kind}: {reason}", path=str(path), kind=reader.title,
                           reason=reason)) from None


def load_documents(name: str | Path, as_: str | None = None, pages: PageRanges | None = None,
                   encoding: str | None = None) -> list[Project]:
    """Every project page of a file (see :func:`iter_documents`). Raises InputError."""
    return list(iter_documents(name, as_, pages, encoding))


def load_document(path: str | Path, as_: str | None = None, encoding: str | None = None) -> Project:
    """The first (or only) project page of a file; see :func:`load_documents`. For a project
    file it carries the ignored flags and rules too; for the others they start empty."""
    return load_documents(path, as_, None, encoding)[0]


def load_path(path: str | Path, as_: str | None = None, encoding: str | None = None) -> Page:
    """A page from a file of any kind we read. Raises InputError with a clear message."""
    return load_document(path, as_, encoding).page


def count_pages(name: str | Path, as_: str | None = None) -> int:
    """How many pages a file holds (1 for a text page; for a PDF without reading them;
    1 when it cannot be told: opening it will say why)."""
    path, ref_pages = split_ref(name)
    if ref_pages:
        return 1
    try:
        kind = as_ or reader_for(head_of(path)).id
        if kind == "pdf":
            from .readers import open_pdf

            with open_pdf(path) as pdf:
                return pdf.count
        if kind == "project":
            return len(load_documents(path, "project"))
    except Exception:  # noqa: BLE001 - counting never fails; opening the page will say why
        return 1
    return 1


__all__ = ["READERS", "AS_CHOICES", "Reader", "iter_documents", "load_documents", "load_document", "load_path", "count_pages",
           "page_kind", "parse_pages", "pages_option", "select", "split_ref", "page_ref", "sniff", "sniff_path", "InputError"]
