"""What a file is, by its first bytes (not its name): the facts the readers table asks.

Careful with ``<`` and ``{``: a text page may well start with either (``<摘要>本报讯…``,
``{编者按}…``). A file is XML only with an XML declaration or a root element a reader
knows (NewsML-G2, ALTO, PAGE XML, hOCR's ``html`` with ``ocr_page``); it is a project only
when it declares ``"format": "jiaodui-project"`` and parses as JSON (or, damaged, is named
``….json``, so that a cut project file is refused as one rather than read as text).
Everything else that is not an image or a PDF is a text page. ``--as`` overrides all this.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
from dataclasses import dataclass
from functools import cached_property

from . import safe_json
from .errors import MAX_PROJECT_BYTES, InputError, read_page_bytes

#: How much of a file the sniffing looks at.
HEAD = 64 * 1024

_IMAGES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF87a": "GIF", b"GIF89a": "GIF",
           b"II*\x00": "TIFF", b"MM\x00*": "TIFF", b"\x00\x00\x00\x0cjP  ": "JPEG 2000"}
_PROLOG = re.compile(rb"\s*(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.S | re.I)
_ROOT = re.compile(rb"\s*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)[\s/>]")
_PROJECT = re.compile(rb'"format"\s*:\s*"jiaodui-project"')
NEWSML_ROOTS = {b"newsMessage", b"newsItem", b"packageItem"}


@dataclass
class Head:
    """The first bytes of a file (BOM and leading white space gone), and its name."""

    data: bytes
    name: str = ""
    whole: bytes | None = None   # the whole file, when it has been read anyway

    @cached_property
    def text(self) -> bytes:
        data = self.data
        for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
            if data.startswith(bom):  # XML in UTF-16: its markup, as bytes we can match
                data = data[2:len(data) - len(data) % 2].decode(codec, "replace").encode("utf-8")
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        return data.lstrip(b" \t\r\n")

    @cached_property
    def declared_xml(self) -> bool:
        return self.text.startswith(b"<?xml")

    @cached_property
    def root(self) -> tuple[bytes, bytes]:
        """(local name, whole start tag) of the root element, or (b"", b"")."""
        text, pos = self.text, 0
        while True:
            m = _PROLOG.match(text, pos)
            if not m or m.end() == pos:
                break
            pos = m.end()
        m = _ROOT.match(text, pos)
        if not m:
            return b"", b""
        end = text.find(b">", m.start())
        return m.group(2), text[m.start(): end if end > 0 else len(text)].lstrip()

    def image_kind(self) -> str:
        """"PNG", "JPEG", … for an image file, else ""."""
        if self.data[:4] == b"RIFF" and self.data[8:12] == b"WEBP":
            return "WebP"
        return next((kind for magic, kind in _IMAGES.items() if self.data.startswith(magic)), "")

    def is_image(self) -> bool:
        return bool(self.image_kind())

    def is_pdf(self) -> bool:
        return b"%PDF-" in self.data[:1024]

    def is_project(self) -> bool:
        if not self.text.startswith(b"{") or not _PROJECT.search(self.text[:4096]):
            return False
        if self.name.lower().endswith(".json"):
            return True
        try:
            if self.whole is None and len(self.data) >= HEAD:
                self.whole = read_page_bytes(self.name, MAX_PROJECT_BYTES)
            data = safe_json.loads((self.whole if self.whole is not None else self.data).decode("utf-8-sig"))
        except (ValueError, RecursionError, OSError, InputError):  # not JSON, or not readable
            return False
        return isinstance(data, dict) and data.get("format") == "jiaodui-project"

    def is_newsml(self) -> bool:
        return self.root[0] in NEWSML_ROOTS or (self.declared_xml and self.root[0] not in (
            b"alto", b"PcGts", b"html") and not self.is_hocr())

    def is_alto(self) -> bool:
        name, tag = self.root
        return name == b"alto" and (b"xmlns" not in tag or b"standards/alto" in tag)

    def is_pagexml(self) -> bool:
        name, tag = self.root
        return name == b"PcGts" and (b"xmlns" not in tag or b"primaresearch.org/PAGE" in tag)

    def is_hocr(self) -> bool:
        return self.root[0] in (b"html", b"div") and (b"ocr_page" in self.text or b"ocr-system" in self.text)


def head_of(path, whole: bytes | None = None) -> Head:
    """The :class:`Head` of a file (OSError when it cannot be read)."""
    if whole is not None:
        return Head(whole[:HEAD], str(path), whole)
    if not os.path.isfile(path):  # a FIFO would block the reader, a device never end
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with open(path, "rb") as fh:
        return Head(fh.read(HEAD), str(path))
