"""Punctuation rules: dashes, quotes and brackets, half-width marks, full-width letters,
ellipses, and a character doubled where two lines were joined."""
from __future__ import annotations

import re
import unicodedata

from .. import words
from ..model import BlockKind
from .common import CJK, HAN, Ctx, Fix, Place, _, is_han, join_raw_span, live_joins
from .registry import checker

_DASH_RUN = re.compile("—{3,}")
#: Hyphens standing for a dash between Chinese characters (``--``, ``－－``). A lone ``—``
#: is not one: it is the connecting dash of Chinese type (``弗留利—威尼斯朱利亚``, ``2—5年``).
_HYPHEN_DASH = re.compile(f"(?<=[{HAN}])(?:--|－－)(?=[{HAN}“‘])")
_HALF = re.compile(f"(?<=[{CJK}])[,;:?!](?=[{CJK}0-9]|$)")
_HALF_PARENS = re.compile(r"\(([^()（）\n]{0,40})\)")
_FULL_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]+")
_ELLIPSIS = re.compile(f"。{{3,}}|(?<=[{CJK}])\\.{{3,}}|\\.{{3,}}(?=[{CJK}])|…{{3,}}|(?<!…)…(?!…)")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

#: Opening → closing marks; half-width brackets pair with full-width ones (OCR mixes them).
_PAIRS = {"“": "”", "‘": "’", "（": "）", "(": "）", "《": "》", "【": "】", "「": "」", "『": "』", "〔": "〕"}
_CLOSE = {"”": "“", "’": "‘", "）": "（", ")": "（", "》": "《", "】": "【", "」": "「", "』": "『", "〕": "〔"}
_NORMAL_OPEN = {"(": "（"}
#: Words so common that doubling them across a line break is almost surely a slip.
_FUNCTION_CHARS = set("的了是在和与我也就都对把被将从向为有这那")


@checker("dash-run", "halfwidth-punctuation", "fullwidth-alnum", "ellipsis")
def marks(ctx: Ctx, place: Place):
    block = place.block
    text = block.text
    for m in _DASH_RUN.finditer(text):
        yield ctx.flag("dash-run", block, m.start(), m.end() - m.start(),
                       _("A Chinese dash is two em dashes: “{found}” → “——”", found=m.group()),
                       Fix("replace", "——"), 0.9)
    for m in _HYPHEN_DASH.finditer(text):
        yield ctx.flag("dash-run", block, m.start(), m.end() - m.start(),
                       _("Dash between Chinese characters should be “——”: “{found}”", found=m.group()),
                       Fix("replace", "——"), 0.6)
    for m in _HALF.finditer(text):
        full = _HALF_TO_FULL[m.group()]
        yield ctx.flag("halfwidth-punctuation", block, m.start(), 1,
                       _("Half-width “{found}” in Chinese text: use “{fixed}”", found=m.group(), fixed=full),
                       Fix("replace", full), 0.85)
    for m in _HALF_PARENS.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not (is_han(before) or is_han(after) or any(is_han(c) for c in m.group(1))):
            continue
        fixed = f"（{m.group(1)}）"
        yield ctx.flag("halfwidth-punctuation", block, m.start(), m.end() - m.start(),
                       _("Half-width brackets in Chinese text: “{found}” → “{fixed}”", found=m.group(),
                         fixed=fixed), Fix("replace", fixed), 0.8)
    for m in _FULL_ALNUM.finditer(text):
        fixed = unicodedata.normalize("NFKC", m.group())
        yield ctx.flag("fullwidth-alnum", block, m.start(), m.end() - m.start(),
                       _("Digits and letters are half-width: “{found}” → “{fixed}”", found=m.group(),
                         fixed=fixed), Fix("replace", fixed), 0.8)
    for m in _ELLIPSIS.finditer(text):
        yield ctx.flag("ellipsis", block, m.start(), m.end() - m.start(),
                       _("The Chinese ellipsis is “……”: “{found}”", found=m.group()),
                       Fix("replace", "……"), 0.6 if m.group() == "…" else 0.85)


@checker("nested-double-quotes", "unbalanced-pair", reads=("next",))
def pairs(ctx: Ctx, place: Place):
    """Quotes and brackets within one paragraph: nesting and balance."""
    block = place.block
    text = block.text
    stack: list[tuple[str, int, bool]] = []  # (opening mark, offset, opened inside “…”)
    nested: list[tuple[int, int]] = []
    lonely: list[int] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            inside_double = any(s[0] == "“" for s in stack)
            stack.append((ch, i, ch == "“" and inside_double))
        elif ch in _CLOSE:
            want = _CLOSE[ch]
            k = len(stack) - 1
            while k >= 0 and _NORMAL_OPEN.get(stack[k][0], stack[k][0]) != want:
                k -= 1
            if k < 0:
                lonely.append(i)
                continue
            lonely.extend(s[1] for s in stack[k + 1:])
            opener, start, is_nested = stack[k]
            del stack[k:]
            if is_nested:
                nested.append((start, i))
    unclosed = [s for s in stack]
    if unclosed and unclosed[0][0] == "“" and _continues_quote(place):
        unclosed = unclosed[1:]  # a quotation running on into the next paragraph
    lonely.extend(s[1] for s in unclosed)
    outer_ok = not unclosed
    for start, end in nested:
        inner = text[start + 1:end]
        confidence = 0.9 if outer_ok else 0.5
        yield ctx.flag("nested-double-quotes", block, start, end + 1 - start,
                       _("A quotation inside double quotes takes single quotes: “{inner}” → ‘{inner}’",
                         inner=inner), Fix("replace", f"‘{inner}’"), confidence)
    for i in sorted(set(lonely)):
        ch = text[i]
        message = (_("Unbalanced quote “{mark}” in this paragraph", mark=ch) if ch in "“”‘’" else
                   _("Unbalanced bracket “{mark}” in this paragraph", mark=ch))
        yield ctx.flag("unbalanced-pair", block, i, 1, message, Fix("none"), 0.6)


def _continues_quote(place: Place) -> bool:
    nxt = place.next
    return (place.block.kind == BlockKind.PARAGRAPH and nxt is not None
            and nxt.kind == BlockKind.PARAGRAPH and nxt.text.startswith("“"))


@checker("doubled-char")
def doubled_across_join(ctx: Ctx, place: Place):
    """``的`` at a line end and ``的`` at the next line's start, joined into ``的的``."""
    block = place.block
    text = block.text
    for join, off in live_joins(ctx, block):
        if off <= 0 or off >= len(text) or text[off - 1] != text[off]:
            continue
        ch = text[off]
        if ch.isascii() or ch.isdigit() or ch in "—…·":
            continue
        if is_han(ch):
            if words.is_word(ch * 2) or _in_one_word(text, off):
                continue  # 妈妈, 常常, 的的确确: a real word
            confidence = 0.85 if ch in _FUNCTION_CHARS else 0.6
        else:
            confidence = 0.85
        yield ctx.flag("doubled-char", block, off - 1, 2,
                       _("“{pair}” doubled across a line break: drop one?", pair=ch * 2),
                       Fix("replace", ch), confidence, join_raw_span(block, join))


def _in_one_word(text: str, off: int) -> bool:
    lo = max(0, off - 3)
    pos = lo
    for token in words.cut(text[lo:off + 3]):
        end = pos + len(token)
        if pos < off < end and len(token) > 1:
            return True
        pos = end
    return False


CHECKERS = (marks, pairs, doubled_across_join)
