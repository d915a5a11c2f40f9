"""Bytes → text, and which encoding it was.

Detects rather than guesses: a BOM decides; otherwise strict UTF-8, then strict GB18030
(which covers GBK and GB2312). Anything else is refused with a clear message, never
decoded with replacement characters behind the user's back.
"""
from __future__ import annotations

import codecs
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


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
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


def decode(data: bytes, max_bytes: int | None = None) -> Decoded:
    """Decode a raw page. Line ends become ``\\n``. Raises :class:`InputError`."""
    max_bytes = errors.MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise InputError(_("file too large ({size:,} bytes; the limit is {limit:,})",
                           size=len(data), limit=max_bytes))
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(_("starts with a {name} byte-order mark but byte {byte} is not valid {name}",
                                   name=name, byte=exc.start)) from None
            return Decoded(_clean(normalise_newlines(text)), name + ("-sig" if name == "utf-8" else ""))
    for sig, what in _SIGNATURES.items():
        if data.startswith(sig):
            raise InputError(_("not a text page: this is a {what}", what=what))
    head = data[:65536]
    if head and sum(b in _BINARY_CONTROL for b in head) > max(2, len(head) * BINARY_SHARE):
        raise InputError(_("not a text page: it contains binary control bytes"))
    try:
        return Decoded(_clean(normalise_newlines(data.decode("utf-8"))), "utf-8")
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(_("unknown encoding: byte {utf8} is not UTF-8 and byte {gb} is not GB18030 "
                           "(mixed encodings or a damaged file?)", utf8=first_bad, gb=exc.start)) from None
    if _looks_like_mixed(data):
        raise InputError(_("mixed encodings: part of the file is UTF-8, part GBK"))
    return Decoded(_clean(normalise_newlines(text)), "gb18030")


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


def _clean(text: str) -> str:
    """Drop a leading byte-order mark that survived decoding (it is not page text).

    Lone surrogates cannot reach here because decoding is strict; other C0 controls are
    kept in the raw text, where the rules flag them.
    """
    return text[1:] if text.startswith("\ufeff") else text
