"""Encoding rules: characters no proofread page should hold."""
from __future__ import annotations

import re

from .common import Ctx, Fix, Place, _
from .registry import checker

_INVISIBLE = "\u200b-\u200f\u2060\ufeff\u00ad"
_BAD = re.compile(
    "\ufffd+"                                # replacement character: bytes lost in decoding
    "|(?:锟斤拷|烫烫烫|屯屯屯)+"               # GBK/UTF-8 round-trip and uninitialised memory
    "|(?:[ÃÂâ][\u0080-\u00bf\u2018-\u201e\u20ac\u2122]){2,}"  # UTF-8 read as Latin-1/cp1252
    f"|[\x00-\x08\x0b-\x1f\x7f-\x9f]+"       # control characters
    "|[\ue000-\uf8ff]+"                      # private use: font-specific glyphs
    f"|[{_INVISIBLE}]+"                      # zero-width and soft-hyphen characters
)


@checker("bad-character")
def bad_characters(ctx: Ctx, place: Place):
    block = place.block
    for m in _BAD.finditer(block.text):
        found = m.group()
        code = " ".join(f"U+{ord(c):04X}" for c in found[:3])
        invisible = found[0] in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad" or ord(found[0]) < 0x20 \
            or 0x7f <= ord(found[0]) <= 0x9f
        if invisible:
            fix, message = Fix("replace", ""), _("Invisible character {code}: delete it", code=code)
        else:
            fix, message = Fix("none"), _("Garbled or unusual character “{found}” ({code}): check against "
                                          "the original", found=found, code=code)
        yield ctx.flag("bad-character", block, m.start(), m.end() - m.start(), message, fix, 0.95)


CHECKERS = (bad_characters,)
