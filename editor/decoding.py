"""Bytes → text, and which encoding it was.

Detects rather than guesses: a BOM decides; otherwise strict UTF-8, then strict GB18030
(which covers GBK and GB2312). Anything else is refused with a clear message, never
decoded with replacement characters behind the user's back.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from . import errors
from .errors import MAX_BYTES, InputError, read_page_bytes  # their home is errors.py
from .i18n import _

__all__ = ["Decoded", "decode", "normalise_newlines", "BINARY_SHARE",
           "InputError", "MAX_BYTES", "read_page_bytes"]  # the last three: older imports

#: Share of control bytes above which a file is taken for binary, not text.
BINARY_SHARE = 0.05


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


#: (signature, name shown, codec for what follows it). Where two match (FF FE 00 00 is
#: UTF-32-LE's, or UTF-16-LE's before a U+0000), the first that decodes wins.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030-sig", "gb18030"),  # U+FEFF in GB18030
)

# Bytes that hardly occur in a text page (NUL aside from UTF-16/32, most C0 controls):
# a stray one is kept (and flagged), many mean a binary file.
_BINARY_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31}

_SIGNATURES = {
    b"\x89PNG": _("PNG image"), b"\xff\xd8\xff": _("JPEG image"), b"GIF8": _("GIF image"),
    b"%PDF": _("PDF document"), b"PK\x03\x04": _("ZIP archive (or .docx/.xlsx)"),
    b"\xd0\xcf\x11\xe0": _("MS Office document"), b"\x1f\x8b": _("gzip archive"),
}


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, max_bytes: int | None = None, encoding: str | None = None) -> Decoded:
    """Decode a raw page. Line ends become ``\\n``. Raises :class:`InputError`.

    A byte-order mark at the start is the encoding's signature, not text (and is named in
    the encoding: ``utf-8-sig``); everything after it is kept, a U+FEFF too. ``encoding``
    (``--encoding``) decodes strictly in that codec instead of detecting."""
    max_bytes = errors.MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise errors.too_large(len(data), max_bytes)
    if encoding:
        return _decode_as(data, encoding)
    failed = None
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise_newlines(data[len(bom):].decode(codec)), name)
            except UnicodeDecodeError as exc:
                failed = failed or _("starts with a {name} byte-order mark but byte {byte} is not valid {name}",
                                     name=name.removesuffix("-sig"), byte=exc.start + len(bom))
    if failed:
        raise InputError(failed)
    for sig, what in _SIGNATURES.items():
        if data.startswith(sig):
            raise InputError(_("not a text page: this is a {what}", what=what))
    utf16 = _utf16_without_bom(data)
    if utf16:
        raise InputError(_("this looks like {name} text without a byte-order mark: give its encoding "
                           "(--encoding {codec})", name=utf16.upper(), codec=utf16))
    head = data[:65536]
    if head and sum(b in _BINARY_CONTROL for b in head) > max(2, len(head) * BINARY_SHARE):
        raise InputError(_("not a text page: it contains binary control bytes"))
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(_("unknown encoding: byte {utf8} is not UTF-8 and byte {gb} is not GB18030 "
                           "(mixed encodings or a damaged file?)", utf8=first_bad, gb=exc.start)) from None
    if _looks_like_mixed(data):
        raise InputError(_("mixed encodings: part of the file is UTF-8, part GBK"))
    return Decoded(normalise_newlines(text), "gb18030")


def _decode_as(data: bytes, encoding: str) -> Decoded:
    """Strictly in the codec asked for (its own byte-order mark, if any, dropped)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(_("unknown encoding: {name}", name=encoding)) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(_("unknown encoding: {name}", name=encoding))
    try:
        text = data.decode(info.name)
    except UnicodeDecodeError as exc:
        raise InputError(_("byte {byte} is not valid {name}", byte=exc.start, name=info.name)) from None
    if text.startswith("\ufeff") and info.name in ("utf-8", "gb18030", "utf-16-le", "utf-16-be",
                                                   "utf-32-le", "utf-32-be"):
        text = text[1:]  # the signature, as when detected
    return Decoded(normalise_newlines(text), info.name)


#: Characters of a Chinese page: ASCII, Latin-1, general and CJK punctuation, CJK, full width.
_PAGE_CHARS = re.compile("[\t-\r -~\xa0-\xff\u2000-\u206f\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                         "\uff00-\uffef]+")


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes hold NULs (no UTF-8 or GB18030 page does,
    beyond a stray one) and read in that byte order as a page's characters, nearly all."""
    head = data[:65536]
    head = head[:len(head) // 2 * 2]
    if len(head) < 8 or head.count(0) < max(4, len(head) // 200):
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = head.decode(codec, errors="replace")
        if "\n" in text and sum(map(len, _PAGE_CHARS.findall(text))) >= 0.95 * len(text):
            return codec
    return None


def _looks_like_mixed(data: bytes) -> bool:
    """True when many lines are Chinese in valid UTF-8 although the whole file is not UTF-8.

    A GBK line can be valid UTF-8 by accident (``一`` is D2 BB), but then it decodes to
    Cyrillic or Latin, not to Chinese; a line that decodes to CJK ideographs is UTF-8.
    """
    lines = [c for c in data.split(b"\n") if any(b >= 0x80 for b in c)]
    utf8_chinese = 0
    for chunk in lines:
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            utf8_chinese += 1
    return bool(lines) and utf8_chinese / len(lines) > 0.2
