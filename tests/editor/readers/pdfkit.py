"""Small PDFs for the reader tests: reportlab for real Chinese text (its built-in CID font
STSong-Light needs no font file), PDF syntax by hand for damaged and hostile files."""
from __future__ import annotations

import zlib

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
W, H = A4


def text_pdf(path, pages, encrypt=None):
    """pages: a list of pages, each a list of (x, y_from_top, text, size, font, char_space)."""
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for items in pages:
        for x, y, text, size, font, space in items:
            t = c.beginText(x, H - y)
            t.setFont(font, size)
            t.setCharSpace(space)
            t.textOut(text)
            c.drawText(t)
        c.showPage()
    c.save()
    return path


def column(x, y, lines, size=10.0, lead=1.5, font="STSong-Light"):
    return [(x, y + k * size * lead, text, size, font, 0) for k, text in enumerate(lines)]


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object k+1 is objects[k]; 1 must be the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (k + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, compress=False, extra=b"") -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def bomb(megabytes: int) -> bytes:
    """A FlateDecode stream of ``megabytes`` MB of spaces (then one line of text): ~1 KB a MB."""
    co = zlib.compressobj(9)
    block = b" " * (1 << 20)
    parts = [co.compress(block) for _ in range(megabytes)]
    parts.append(co.compress(b"\nBT /F1 12 Tf 72 720 Td (Hello) Tj ET\n"))
    parts.append(co.flush())
    data = b"".join(parts)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


HELLO = b"BT /F1 24 Tf 72 700 Td (Hello world) Tj ET"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(content_obj: bytes, catalog_extra=b"", page_extra=b"", more: list[bytes] = ()) -> bytes:
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R" + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R" + page_extra + b" >>",
        content_obj,
        FONT,
        *more,
    ])
