"""OCR's marks: half-width and mixed brackets, the byline box read as 口, stray quotes.

Tesseract reads ``（`` as ``(``, ``〈`` or ``《`` (and ``）`` as ``)``), the box before a byline
as the character ``口``, and the ornaments and gaps between the items of page furniture and
editors' lines as ``”``. Each gets its fix; "fix all of this kind" applies one rule's fixes
as one undo step (:func:`editor.fixes.fix_all_edit`), so no two flags of a rule overlap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..bylines import ROLE_RE
from ..model import BlockKind
from .common import CJK_PUNCT, HAN, Ctx, Fix, Place, is_han
from .registry import checker

_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.INTERTITLE, BlockKind.CAPTION, BlockKind.KICKER, BlockKind.HEADLINE,
               BlockKind.SUBTITLE, BlockKind.UNASSIGNED, BlockKind.BYLINE, BlockKind.DATELINE)

_OPENERS = "（(〈《"
_CLOSERS = "）)〉》"
#: An opener of the wrong kind (or two, ``《〈``) as OCR reads ``（``.
_WRONG_OPEN = "〈《"
_SPACE = " \u3000"
_MAX_INSIDE = 40


def bracket_pairs(text: str) -> list[tuple[int, int, int, int]]:
    """OCR's brackets in ``text``: (open start, open end, close start, close end) for each
    ``(``, ``〈`` or ``《`` closed by ``)`` or ``）`` (or ``(`` … ``）``), within a short
    stretch; the openers may be doubled (``《〈``). ``（…）``, ``《…》`` and ``〈…〉`` are
    not OCR's and are left out."""
    if not _HALF_OR_ODD.search(text):
        return []  # only proper full-width pairs (or none): nothing of OCR's
    out = []
    stack: list[tuple[int, int]] = []  # (start, end) of openers
    for m in _BRACKETS.finditer(text):
        i, ch = m.start(), m.group()
        if ch[0] in _OPENERS:
            stack.append((i, m.end()))
            continue
        if stack:
            start, end = stack.pop()
            opener = text[start:end]
            proper = (opener == "（" and ch == "）") or (opener == "《" and ch == "》") \
                or (opener == "〈" and ch == "〉") or ch in "〉》"
            if not proper and i - end <= _MAX_INSIDE and "\n" not in text[end:i]:
                out.append((start, end, i, i + 1))
    return out


#: Brackets, with OCR's doubled openers (``《〈``) taken as one.
_BRACKETS = re.compile("[〈《]{2,}|[（(〈《）)〉》]")
#: What OCR's brackets need: a half-width one, or ``〈``/``《`` (which might be closed by ``）``).
_HALF_OR_ODD = re.compile("[()〈《]")


@dataclass(frozen=True)
class BracketFix:
    """One of OCR's brackets (or a pair) and its fix; the span takes in OCR's spaces between
    it and the Chinese text around it (``计划 〈第二期) 启动`` → ``计划（第二期）启动``)."""

    start: int
    end: int
    replacement: str
    wrong_kind: bool  # 〈 or 《 for （: bracket-mismatch; else half-width: halfwidth-punctuation
    mark: str         # the bracket(s) as written


def bracket_fixes(text: str) -> list[BracketFix]:
    """``(…)``, ``〈…)``, ``《〈…)`` → ``（…）``; a lone ``(`` or ``)`` against Chinese text,
    or a lone ``〈``/``《`` opening a credit (``〈记者……``) → full width."""
    if not _HALF_OR_ODD.search(text):
        return []
    out: list[BracketFix] = []
    paired: set[int] = set()
    for start, end, close, close_end in bracket_pairs(text):
        paired.update((start, close))
        inside = text[end:close]
        if not (is_han(text[start - 1] if start else "") or any(is_han(c) for c in inside)
                or is_han(text[close_end] if close_end < len(text) else "")):
            continue  # "Smart Library (SL)": Latin text keeps its brackets
        out.append(BracketFix(_spaces_before(text, start), _spaces_after(text, close_end), f"（{inside}）",
                              text[start:end] not in "（(", text[start:end]))
    closers = sum(text.count(c) for c in _CLOSERS)
    for m in _HALF_OR_ODD.finditer(text):
        i, ch = m.start(), m.group()
        if i in paired:
            continue
        before = text[i - 1] if i else ""
        after_at = _spaces_after(text, i + 1)
        after = text[after_at] if after_at < len(text) else ""
        if ch in "〈《":
            if not closers and _CREDIT.match(text, i + 1):
                out.append(BracketFix(_spaces_before(text, i), i + 1, "（", True, ch))
            continue  # else a book title left open: unbalanced-pair's
        if ch == ")" and not (is_han(before) or before in CJK_PUNCT) or ch == "(" and not (is_han(after) or is_han(before)):
            continue  # "(SL)", "2)": Latin text keeps its brackets
        if ch == ")":
            out.append(BracketFix(i, after_at, "）", False, ch))
        else:
            out.append(BracketFix(_spaces_before(text, i), i + 1, "（", False, ch))
    return out


def absorbed_spaces(text: str) -> set[int]:
    """Offsets of the spaces the bracket fixes take in (the space rules leave them alone)."""
    return {k for fix in bracket_fixes(text) for k in range(fix.start, fix.end) if text[k] in _SPACE}


@checker("halfwidth-punctuation", "bracket-mismatch", kinds=_TEXT_KINDS)
def brackets(ctx: Ctx, place: Place):
    block = place.block
    text = block.text
    for fix in bracket_fixes(text):
        shown = text[fix.start:fix.end].strip(_SPACE)
        if fix.wrong_kind:
            rule = "bracket-mismatch"
            zh, en = f"括号不配对（OCR 把“（”认作“{fix.mark}”）", f"Brackets of two kinds (OCR read “（” as “{fix.mark}”)"
        else:
            rule = "halfwidth-punctuation"
            zh, en = "中文里用了半角括号", "Half-width brackets in Chinese text"
        yield ctx.flag(rule, block, fix.start, fix.end - fix.start, f"{zh}：“{shown}”→“{fix.replacement}”",
                       f"{en}: “{shown}” → “{fix.replacement}”", Fix("replace", fix.replacement),
                       0.85 if fix.wrong_kind else 0.8)


def _spaces_before(text: str, at: int) -> int:
    """Back over OCR's spaces before an opening mark, when Chinese text comes before them."""
    start = at
    while start > 0 and text[start - 1] in _SPACE:
        start -= 1
    return start if start < at and start > 0 and (is_han(text[start - 1]) or text[start - 1] in CJK_PUNCT) else at


#: What opens the bracketed credit of a dateline or an author's note: ``（记者……）``.
_CREDIT = re.compile("[ \u3000]*(?:记者|作者|本报|通讯员|据)")


def _spaces_after(text: str, at: int) -> int:
    """Past OCR's spaces after a closing mark, when Chinese text follows them."""
    end = at
    while end < len(text) and text[end] in _SPACE:
        end += 1
    return end if end < len(text) and end > at and (is_han(text[end]) or text[end].isdigit()) else at


#: ``口`` before a byline's role and its first name: ``口本报记者 张驰``, ``口本 报 记 者 李志伟``.
_BOX = re.compile(f"口(?=[ \u3000]*(?:{ROLE_RE.pattern})[ \u3000]+[{HAN}]{{2,4}}(?![{HAN}]))")


@checker("byline-box", kinds=_TEXT_KINDS)
def byline_box(ctx: Ctx, place: Place):
    block = place.block
    for m in _BOX.finditer(block.text):
        yield ctx.flag("byline-box", block, m.start(), 1, "署名前的“口”应为方框“□”",
                       "The “口” before a byline is the box “□”", Fix("replace", "□"), 0.85)


#: A lone quote (or a rule read as ``|``) between two items: ``王丽”李强``, ``27日”星期三``,
#: ``王丽 ”版式``, ``人民日报 | 13``.
_STRAY = re.compile(f"(?<=[{HAN}0-9])[ \u3000]*[”“|][ \u3000]*(?=[{HAN}0-9])")
_ITEM_KINDS = (BlockKind.BYLINE, BlockKind.UNASSIGNED, BlockKind.DATELINE)


@checker("stray-quote", kinds=_TEXT_KINDS, furniture=True)
def stray_quotes(ctx: Ctx, place: Place):
    """In page furniture and bylines, a quote no other quote pairs with."""
    block = place.block
    if not (place.article.furniture or block.kind in _ITEM_KINDS):
        return
    text = block.text
    quotes_pair = text.count("“") == text.count("”") and "“" in text  # a title in quotes
    for m in _STRAY.finditer(text):
        if quotes_pair and "|" not in m.group():
            continue
        shown = m.group().strip()
        yield ctx.flag("stray-quote", block, m.start(), m.end() - m.start(),
                       f"条目之间的“{shown}”多半是 OCR 误认的间隔：改为空格",
                       f"The “{shown}” between items is probably a gap OCR read as a quote: make it a space",
                       Fix("replace", " "), 0.7)


CHECKERS = (brackets, byline_box, stray_quotes)
