"""Open whatever the user hands us: a raw page, a project file or a NewsML-G2 export."""
from __future__ import annotations

from pathlib import Path

from .errors import MAX_PROJECT_BYTES, InputError, read_page_bytes
from .i18n import _
from .model import Page
from .decoding import decode
from .parser import parse_text


def sniff(data: bytes) -> str:
    """'xml', 'project' or 'page' by content (not by file name)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "xml"
    if head.startswith(b"{") and b'"jiaodui' in data[:4096]:
        return "project"
    return "page"


def sniff_path(path: str | Path) -> str:
    """'xml', 'project' or 'page' for a file, by its first bytes; 'page' if unreadable
    or not a regular file (a FIFO would block, a device never end)."""
    try:
        if not Path(path).is_file():
            return "page"
        with open(path, "rb") as fh:
            return sniff(fh.read(4096))
    except OSError:
        return "page"


def load_path(path: str | Path, encoding: str | None = None) -> Page:
    """A page from a file of any kind we read. Raises InputError with a clear message."""
    return load_document(path, encoding).page


def load_document(path: str | Path, encoding: str | None = None):
    """A :class:`~editor.project.Project` from a raw page, a project file or a NewsML export.

    For a project file it carries the ignored flags and rules too; for the others they
    start empty. ``encoding`` decodes a raw page in that codec instead of detecting it.
    Raises InputError with a clear message.
    """
    from .project import Project, load_project_bytes

    data = read_page_bytes(path, MAX_PROJECT_BYTES)  # a page is held to MAX_BYTES when decoded
    kind = sniff(data)
    if kind == "project":
        project = load_project_bytes(data)
        project.opened_as = kind
        if not project.page.source:
            project.page.source = str(path)
        return project
    if kind == "xml":
        from .newsml_read import read_newsml  # only needed for XML

        page = read_newsml(data)
    else:
        if not data.strip():
            raise InputError(_("the file is empty: {path}", path=str(path)))
        decoded = decode(data, encoding=encoding)
        page = parse_text(decoded.text, decoded.encoding, str(path))
    if not page.source:
        page.source = str(path)
    return Project(page, raw_path=str(path) if kind == "page" else "", opened_as=kind)


__all__ = ["load_path", "load_document", "sniff", "sniff_path", "InputError"]
