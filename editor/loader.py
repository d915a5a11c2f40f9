"""Open whatever the user hands us: a raw page, a project file or a NewsML-G2 export."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError, read_page_bytes
from .i18n import _
from .model import Page
from .parser import parse_bytes


def sniff(data: bytes) -> str:
    """'xml', 'project' or 'page' by content (not by file name)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "xml"
    if head.startswith(b"{") and b'"jiaodui' in data[:4096]:
        return "project"
    return "page"


def sniff_path(path: str | Path) -> str:
    """'xml', 'project' or 'page' for a file, by its first bytes; 'page' if unreadable."""
    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(4096))
    except OSError:
        return "page"


def load_path(path: str | Path) -> Page:
    """A page from a file of any kind we read. Raises InputError with a clear message."""
    return load_document(path).page


def load_document(path: str | Path):
    """A :class:`~editor.project.Project` from a raw page, a project file or a NewsML export.

    For a project file it carries the ignored flags and rules too; for the others they
    start empty. Raises InputError with a clear message.
    """
    return load_bytes(read_page_bytes(path), path)


def load_bytes(data: bytes, path: str | Path):
    """:func:`load_document` of bytes already read (from ``path``, which names the page)."""
    from .project import Project, load_project_bytes

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
        page = parse_bytes(data, source=str(path))
    if not page.source:
        page.source = str(path)
    return Project(page, raw_path=str(path) if kind == "page" else "", opened_as=kind)


__all__ = ["load_path", "load_document", "load_bytes", "sniff", "sniff_path", "InputError"]
