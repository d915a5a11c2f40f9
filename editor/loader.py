"""Open whatever the user hands us: a raw page, a project file or a NewsML-G2 export."""
from __future__ import annotations

from pathlib import Path

from .decoding import InputError, read_page_bytes
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


def load_path(path: str | Path) -> Page:
    """A page from a file of any kind we read. Raises InputError with a clear message."""
    data = read_page_bytes(path)
    kind = sniff(data)
    if kind == "xml":
        from .newsml import read_newsml  # only needed for XML

        page = read_newsml(data)
    elif kind == "project":
        from .project import load_project_bytes

        page = load_project_bytes(data).page
    else:
        if not data.strip():
            raise InputError(f"文件是空的 / the file is empty: {path}")
        page = parse_bytes(data, source=str(path))
    if not page.source:
        page.source = str(path)
    return page


__all__ = ["load_path", "sniff", "InputError"]
