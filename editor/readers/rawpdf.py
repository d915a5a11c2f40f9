"""A PDF's objects read straight from its bytes at their cross-reference offsets: for the
few facts of Type 3 fonts the PDF reader needs fast (qpdf parses a font whole, its widths
and encoding, when it is asked anything of it: ~0.2 ms each, and a page that Chromium
prints has 200 Type 3 fonts), and for the glyph procedures of those fonts.

Only files whose last cross-reference section is a classic table (``xref``, no
cross-reference streams, hence no object streams) and that are not encrypted are read
this way; each object is found at the offset its table gives and must begin ``N G obj``
there, each stream must end in ``endstream`` where its length says. Whatever does not
fit gives None, and the caller goes the slow way (qpdf, or PDFium on the file as it is).
"""
from __future__ import annotations

import re
import zlib

Ref = tuple  # (object number, generation)

_SECTION = re.compile(rb"\s*(\d+)[ \t]+(\d+)[ \t]*\r?\n?")
_ENTRY = re.compile(rb"(\d{10})[ \t](\d{5})[ \t]([nf])[ \t\r\n]{2}")
_REF = re.compile(rb"(\d+)\s+(\d+)\s+R")
_PREV = re.compile(rb"/Prev\s+(\d+)")
_OBJ = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_D1 = re.compile(rb"\s*((?:[-+]?(?:\d+\.?\d*|\.\d+)\s+){6}d1)(?:\s|$)")
_MAX_SECTIONS = 64
#: the usual dictionary of a glyph procedure, read without the general path
_FLATE_HEAD = re.compile(rb"\s*<<\s*(?:/Filter\s*/FlateDecode\s*/Length\s+(\d+)|/Length\s+(\d+)\s*/Filter\s*/FlateDecode)"
                         rb"\s*>>\s*")
_FILTER = re.compile(rb"/Filter\s*(?:/FlateDecode|/Fl|\[\s*(?:/FlateDecode|/Fl)\s*\])\s*(?:/|>>|$)")


class RawPdf:
    """Object offsets from the file's classic cross-reference tables (newest wins)."""

    def __init__(self, data: bytes):
        self.data = data
        self.offsets: dict[int, tuple[int, int]] = {}
        self.trailer = b""
        tail = data.rfind(b"startxref", max(0, len(data) - 2048))
        if tail < 0:
            raise ValueError("no startxref")
        self.startxref = int(data[tail + 9:tail + 40].split()[0])
        at: int | None = self.startxref
        seen: set[int] = set()
        while at is not None:
            if at in seen or len(seen) >= _MAX_SECTIONS:
                raise ValueError("xref loop")
            seen.add(at)
            at = self._section(at)

    def _section(self, at: int) -> int | None:
        data = self.data
        if data[at:at + 4] != b"xref":
            raise ValueError("not a classic xref table")
        pos = at + 4
        found: dict[int, tuple[int, int]] = {}
        while True:
            m = _SECTION.match(data, pos)
            if not m:
                break
            first, count = int(m.group(1)), int(m.group(2))
            pos = m.end()
            entries = _ENTRY.findall(data, pos, pos + 20 * count)
            if len(entries) != count:
                raise ValueError("xref entries")
            for k, (offset, gen, kind) in enumerate(entries):
                if kind == b"n":
                    found[first + k] = (int(offset), int(gen))
            pos += 20 * count
        end = data.find(b"startxref", pos)
        trailer = data[pos:end if end >= 0 else pos + 4096]
        if not trailer.lstrip().startswith(b"trailer") or b"/XRefStm" in trailer or b"/Encrypt" in trailer:
            raise ValueError("trailer")
        if not self.trailer:
            self.trailer = trailer
        for num, entry in found.items():
            self.offsets.setdefault(num, entry)
        prev = _PREV.search(trailer)
        return int(prev.group(1)) if prev else None

    def body(self, ref: Ref) -> int | None:
        """Where the object's body starts (just after ``N G obj``), or None."""
        entry = self.offsets.get(ref[0])
        if entry is None or entry[1] != ref[1]:
            return None
        m = _OBJ.match(self.data, entry[0])
        if not m or int(m.group(1)) != ref[0] or int(m.group(2)) != ref[1]:
            return None
        return m.end()

    def text(self, ref: Ref, limit: int = 1 << 20) -> bytes | None:
        """The body of an object that is no stream, up to its ``endobj``."""
        start = self.body(ref)
        if start is None:
            return None
        end = self.data.find(b"endobj", start, start + limit)
        return self.data[start:end] if end >= 0 else None

    def stream(self, ref: Ref) -> tuple[bytes, bytes] | None:
        """(dictionary, raw data) of a stream object."""
        start = self.body(ref)
        if start is None:
            return None
        data = self.data
        kw = data.find(b"stream", start, start + 4096)
        if kw < 0:
            return None
        head = data[start:kw]
        m = _LENGTH.search(head)
        if not m:
            return None
        if m.group(2) is not None:
            value = self.text((int(m.group(1)), int(m.group(2))), 64)
            if value is None or not value.strip().isdigit():
                return None
            length = int(value)
        else:
            length = int(m.group(1))
        pos = kw + 6
        pos += 2 if data[pos:pos + 2] == b"\r\n" else 1
        if not data[pos + length:pos + length + 12].lstrip().startswith(b"endstream"):
            return None
        return head, data[pos:pos + length]

    def glyph_metrics(self, ref: Ref) -> bytes | None:
        """``wx wy llx lly urx ury d1`` of a Type 3 glyph procedure, or None (a d0 glyph,
        one with filters other than Flate, or anything unexpected)."""
        got = self.stream(ref)
        if got is None:
            return None
        head, raw = got
        if b"/DecodeParms" in head or b"/DP" in head or b"/F " in head.replace(b"/Filter", b""):
            return None
        if b"/Filter" in head:
            if not _FILTER.search(head):
                return None
            try:
                raw = zlib.decompressobj().decompress(raw, 256)
            except zlib.error:
                return None
        m = _D1.match(raw)
        return m.group(1) if m else None


    def glyph_metrics_of(self, refs: list[Ref]) -> dict[Ref, bytes]:
        """:meth:`glyph_metrics` of many procedures (the usual ones read in one go)."""
        data, offsets, out = self.data, self.offsets, {}
        obj_at, flate_head, d1 = _OBJ.match, _FLATE_HEAD.fullmatch, _D1.match
        for ref in refs:
            entry = offsets.get(ref[0])
            m = obj_at(data, entry[0]) if entry is not None and entry[1] == ref[1] else None
            start = m.end() if m else 0
            kw = data.find(b"stream", start, start + 256) if m else -1
            head = flate_head(data, start, kw) if kw > 0 else None
            if head is None or int(m.group(1)) != ref[0] or int(m.group(2)) != ref[1]:
                metrics = self.glyph_metrics(ref)
            else:
                length = int(head.group(1) or head.group(2))
                pos = kw + (8 if data[kw + 6:kw + 8] == b"\r\n" else 7)
                metrics = None
                if data[pos + length:pos + length + 12].lstrip().startswith(b"endstream"):
                    try:
                        got = d1(zlib.decompressobj().decompress(data[pos:pos + length], 256))
                    except zlib.error:
                        got = None
                    metrics = got.group(1) if got else None
            if metrics is not None:
                out[ref] = metrics
        return out


def refs(text: bytes) -> list[Ref]:
    return [(int(a), int(b)) for a, b in _REF.findall(text)]


def update(raw: RawPdf, bodies: dict[Ref, bytes]) -> bytes:
    """An incremental update that gives the objects ``bodies`` (stream data) as new
    streams: appended to the file, a reader sees them instead of the old ones."""
    out = [b"\n"]
    pos = len(raw.data) + 1
    entries = []
    for (num, gen), body in sorted(bodies.items()):
        obj = b"%d %d obj\n<</Length %d>>stream\n%s\nendstream\nendobj\n" % (num, gen, len(body) + 1, body)
        entries.append(b"%d 1\n%010d %05d n \n" % (num, pos, gen))
        out.append(obj)
        pos += len(obj)
    size = re.search(rb"/Size\s+(\d+)", raw.trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", raw.trailer)
    if not size or not root:
        raise ValueError("trailer")
    top = max(int(size.group(1)), max(num for num, _ in bodies) + 1)
    out.append(b"xref\n" + b"".join(entries))
    out.append(b"trailer\n<</Size %d /Root %s /Prev %d>>\nstartxref\n%d\n%%%%EOF\n"
               % (top, root.group(1), raw.startxref, pos))
    return b"".join(out)
