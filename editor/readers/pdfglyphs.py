"""What PDFium says of a page: its objects (the rules, the font of each text object) and
its glyphs (character, loose box, size, font).

A page has thousands of characters and objects, and a call through ctypes costs more than
the work PDFium does in it, so the calls are made in bulk (``map`` over the indices, each
result written into one buffer at its own address) and the buffer is read back at once,
instead of one ctypes structure read field by field per character.

Coordinates are PDF points, origin top-left, y downwards (as in :mod:`editor.source`).
"""
from __future__ import annotations

import ctypes
import re
from itertools import repeat

from editor.readers import _pdfium as P
from editor.source import Box

_BOLD_NAME = re.compile(r"bold|black|heavy|demi|semibold|extrabold|ultra|"
                        r"[-_ ]?(?:cu|da)(?:hei|song|kai|yuan)|[-_]B\d*$|[-_]Bd|粗", re.I)
DEFAULT_STYLE = ("", False)
_RULE_THICKNESS = 2.5          # points: a path thinner than this and long is a rule
_RULE_LENGTH = 20.0
_SPACES = " \u3000\u00a0"      # the spaces a file sets itself (kept when PDFium did not make them)


def is_bold(name: str, weight: int, flags: int = 0) -> bool:
    if weight >= 600:
        return True
    if flags & (1 << 18):      # ForceBold
        return True
    return bool(name) and bool(_BOLD_NAME.search(name.split("+", 1)[-1]))


def _floats(fill, count: int, width: int) -> list[float]:
    """``width`` floats per item written by ``fill(address_of_item_k)`` for k < count, as one list."""
    buf = (ctypes.c_float * (width * count))()
    base = ctypes.addressof(buf)
    fill(range(base, base + 4 * width * count, 4 * width))
    return memoryview(buf).cast("B").cast("f").tolist()


def page_objects(pg: int, left: float, top: float):
    """Font facts per font handle, rules (thin paths) as Boxes, the font of every text object
    in drawing order (-1 for a form: text inside it breaks the 1:1 order), and the font of
    each text object by its handle."""
    n = P.count_objects(pg)
    objs = list(map(P.get_object, repeat(pg, n), range(n)))
    kinds = list(map(P.object_type, objs))
    texts = [obj for obj, kind in zip(objs, kinds) if kind == P.OBJ_TEXT]
    font_of = dict(zip(texts, [font or 0 for font in map(P.obj_font, texts)]))
    text_fonts = [font_of[obj] if kind == P.OBJ_TEXT else -1 for obj, kind in zip(objs, kinds)
                  if kind == P.OBJ_TEXT or kind == P.OBJ_FORM]
    paths = [obj for obj, kind in zip(objs, kinds) if kind == P.OBJ_PATH]
    # FPDFPageObj_GetBounds(obj, &left, &bottom, &right, &top)
    box = _floats(lambda at: list(map(P.bounds_at, paths, at, [a + 4 for a in at], [a + 8 for a in at],
                                      [a + 12 for a in at])), len(paths), 4)
    rules: list[Box] = []
    for l, b, r, t in zip(box[0::4], box[1::4], box[2::4], box[3::4]):
        w, h = r - l, t - b
        if (h <= _RULE_THICKNESS and w >= _RULE_LENGTH) or (w <= _RULE_THICKNESS and h >= _RULE_LENGTH):
            rules.append(Box(l - left, top - t, r - left, top - b))
    fonts: dict[int, tuple[str, bool] | None] = {}
    for font in set(text_fonts):
        if font > 0:
            name = P.base_font_name(font)
            weight = P.font_weight(font)
            fonts[font] = (name, is_bold(name, weight, P.font_flags(font))) if (name or weight > 0) else None
    return fonts, rules, text_fonts, font_of


def _text(tp: int, n: int) -> str:
    text = P.text_of(tp, n)
    if len(text) != n:
        text = "".join(chr(c) if c < 0x110000 else "\ufffd" for c in map(P.get_unicode, repeat(tp, n), range(n)))
    return text


def _visible(tp: int, text: str) -> tuple[list[int], list[bool]]:
    """The indices of the visible characters, and for each whether the file set a space
    glyph before it. PDFium's own spaces (made at gaps, at line ends) are not counted: the
    line builder decides from the gap."""
    keep: list[int] = []
    spaced: list[bool] = []
    pending = False
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "\x00" or ch == "\ufffe":
            if ch in _SPACES and not P.is_generated(tp, i):
                pending = True
            continue
        keep.append(i)
        spaced.append(pending)
        pending = False
    return keep, spaced


def _object_styles(tp: int, first: dict, fonts: dict, font_of: dict):
    """(size, style, font) of each text object (``first``: its handle → its first character's
    index), and whether one of their fonts had no name nor weight."""
    objs, index = list(first), list(first.values())
    n = len(objs)
    handles = [font_of[obj] if obj in font_of else ((P.obj_font(obj) or 0) if obj else 0) for obj in objs]
    got: list[int] = []
    mats = _floats(lambda at: got.extend(map(P.obj_matrix_at, objs, at)), n, 6)   # a b c d e f
    sizes = list(map(P.font_size, repeat(tp, n), index))
    out = {}
    for k, font in enumerate(handles):
        scale = 1.0
        if objs[k] and got[k]:
            c, d = mats[6 * k + 2], mats[6 * k + 3]
            scale = (c * c + d * d) ** 0.5
        out[objs[k]] = (sizes[k] * scale, fonts.get(font) or DEFAULT_STYLE, font)
    return out, any(fonts.get(font, 0) is None for font in set(handles))


def glyphs(tp: int, left: float, top: float, fonts: dict, font_of: dict):
    """Every visible glyph in drawing order, and whether a font had no name nor weight:
    (char, x0, x1, top, bottom, size, style, font, a space glyph of the file's own before it).
    ``font_of``: the font handle of the page's text objects (others are asked for)."""
    text = _text(tp, P.count_chars(tp))
    keep, spaced = _visible(tp, text)
    m = len(keep)
    box = _floats(lambda at: list(map(P.loose_box_at, repeat(tp, m), keep, at)), m, 4)
    objs = list(map(P.text_object, repeat(tp, m), keep))
    first = dict(zip(reversed(objs), reversed(keep)))      # each object's first character
    style_of, unnamed = _object_styles(tp, first, fonts, font_of)
    out = []
    # RectF: left, top, right, bottom (y up)
    for i, l, t, r, b, (size, style, font), sp in zip(keep, box[0::4], box[1::4], box[2::4], box[3::4],
                                                      map(style_of.__getitem__, objs), spaced):
        x0, x1 = l - left, r - left
        if x1 < x0:
            x0, x1 = x1, x0
        y0, y1 = top - t, top - b
        if y1 < y0:
            y0, y1 = y1, y0
        out.append((text[i], x0, x1, y0, y1, size if size > 0 else (y1 - y0), style, font, sp))
    return out, unnamed
