"""Space rules: stray spaces inside the text, letter-spacing, and whitespace on raw lines.

Each whitespace run in a block is looked at once and reported under at most one rule.
Conventional spaces are not stray: between the names and roles of a byline, between the
parallel phrases of a headline, after a dateline (``本报聊城讯 近年来``).
"""
from __future__ import annotations

import re

from ..bylines import ROLE_RE, ROLES, dateline_at, is_byline
from ..model import BlockKind
from ..text import is_furniture
from .common import CJK_PUNCT, HAN, Ctx, Fix, Place, _, across, is_cjk, is_han, live_joins
from .punctuation import absorbed_spaces
from .registry import checker

from .. import words

_WS = "[ \\t\\u3000\\u00a0]"
_RUN = re.compile(f"{_WS}+")
#: Single Chinese characters set apart by spaces: ``本 报 记 者``, ``记 者``.
#: Three or more may touch other text at their ends (``本 报 记 者了解到``); two must not
#: (``中国 人民`` is two words set apart, not ``国 人`` letter-spaced).
_LETTER_SPACED = re.compile(f"[{HAN}](?:{_WS}+[{HAN}](?![{HAN}]))+{_WS}+[{HAN}]"
                            f"|(?<![{HAN}])[{HAN}]{_WS}+[{HAN}](?![{HAN}])")
#: A number, perhaps broken by spaces: ``7 . 8``, ``1 2 . 5%``, ``48 %``, ``1 000``.
_NUMBER = re.compile(rf"\d+(?:(?:{_WS}*[.．]{_WS}*|{_WS}+)\d+)*(?:{_WS}*[%‰])?")
_ROLE_WORDS = frozenset(ROLES)
_HEADINGS = (BlockKind.KICKER, BlockKind.HEADLINE, BlockKind.SUBTITLE)
#: Space after these opens text conventionally (list markers, bullets).
_MARKERS = "□■◇◆●○▲△◎☆★"


def _closed(text: str) -> str:
    return re.sub(_WS, "", text)


@checker("letter-spaced", "spaced-number", "space-between-cjk", "space-around-punctuation",
         "space-run", "tab")
def spaces_in_block(ctx: Ctx, place: Place):
    block = place.block
    text = block.text
    if not _RUN.search(text):
        return
    if block.kind == BlockKind.UNASSIGNED and is_furniture(text):
        return  # "责任编辑：王丽　美术编辑：李强": furniture is spaced as it likes
    covered: set[int] = set()  # whitespace positions already reported
    merged = ctx.merged_lines()
    across = ctx.ocr_merged_lines()

    # Letter-spaced words first: one flag per word, not one per space.
    for m in _letter_spaced_matches(ctx, block):
        if across and ctx.raw_span(block, m.start(), m.end() - m.start())[0] in across:
            continue  # characters of several columns, not one word spaced out
        joined = _closed(m.group())
        flag = _letter_spaced(ctx, block, m, joined)
        if flag:
            covered.update(range(m.start(), m.end()))
            yield flag
    if block.kind == BlockKind.BYLINE:
        return  # every other space in a byline separates roles and names

    for m in _NUMBER.finditer(text):
        if not _RUN.search(m.group()):
            continue
        fixed = _closed(m.group())
        covered.update(range(m.start(), m.end()))
        yield ctx.flag("spaced-number", block, m.start(), m.end() - m.start(),
                       _("Space inside a number: “{found}” → “{fixed}”", found=m.group(), fixed=fixed),
                       Fix("replace", fixed), 0.9 if "." in m.group() or "%" in m.group() else 0.5)

    skip_to = _conventional_prefix(text)
    skip_from = _credit_suffix(text) if block.kind == BlockKind.CAPTION else len(text)
    covered |= absorbed_spaces(text, ctx.ocr_signs() >= 0.5)  # OCR's spaces: their fixes take them in
    for m in _RUN.finditer(text):
        start, end = m.span()
        if start == 0 or end == len(text) or start < skip_to or start >= skip_from or start in covered:
            continue
        if merged and ctx.raw_span(block, start, end - start)[0] in merged:
            continue  # a space between two columns printed on one line: merged-columns says so
        if text[start - 1] == "\n" or text[end] == "\n":
            continue
        flag = _classify(ctx, block, text, start, end)
        if flag:
            yield flag


class _Match:
    """A regex match moved to block offsets (``re.Match`` cannot be shifted)."""

    def __init__(self, m, shift: int):
        self._m, self._shift = m, shift

    def group(self):
        return self._m.group()

    def start(self):
        return self._m.start() + self._shift

    def end(self):
        return self._m.end() + self._shift


def _letter_spaced_matches(ctx: Ctx, block):
    """Letter-spaced runs, looked for line by line (a joined headline must not glue the
    last spaced character to the next line), and in bylines only in the role words."""
    text = block.text
    if block.kind == BlockKind.BYLINE:
        for m in ROLE_RE.finditer(text):
            if _RUN.search(m.group()):
                yield m
        return
    cuts = [0] + sorted(off for _j, off in live_joins(ctx, block)) + [len(text)]
    for lo, hi in zip(cuts, cuts[1:]):
        for m in _LETTER_SPACED.finditer(text[lo:hi]):
            yield _Match(m, lo)


def _letter_spaced(ctx: Ctx, block, m, joined: str):
    tokens = len(joined)
    if block.kind == BlockKind.BYLINE:
        return ctx.flag("letter-spaced", block, m.start(), m.end() - m.start(),
                        _("Letter-spaced role in a byline: “{found}” → “{fixed}”", found=m.group(),
                          fixed=joined), Fix("replace", joined), 0.95)
    evidence = joined in _ROLE_WORDS or any(r in joined for r in _ROLE_WORDS) or words.is_word(joined)
    if tokens == 2 and not evidence:
        return None  # "龚  鸣": a two-character name padded to three, or a stray space (below)
    confidence = 0.9 if evidence else 0.6
    if block.kind in _HEADINGS:
        confidence -= 0.3  # headings are letter-spaced for display on purpose, sometimes
    return ctx.flag("letter-spaced", block, m.start(), m.end() - m.start(),
                    _("Letter-spaced word: “{found}” → “{fixed}”", found=m.group(), fixed=joined),
                    Fix("replace", joined), confidence)


def _conventional_prefix(text: str) -> int:
    """Length of an opening whose following space is conventional (a dateline, a marker)."""
    dateline = dateline_at(text)
    if dateline:
        return len(dateline) + 1
    if text[0] in _MARKERS:
        return 2
    return 0


def _credit_suffix(text: str) -> int:
    """Where a picture note's credit starts (``…游览。本报记者　秦岭　摄``): its spaces are
    conventional; the length of the text if it has none."""
    cut = max(text.rfind(mark) for mark in "。！？") + 1
    credit = text[cut:]
    if cut and credit.strip() and is_byline(credit):
        return cut
    return len(text)


_OPENERS, _CLOSERS = "“《「『", "”》」』"
#: How far back a title's opening quote is looked for: far past any title, and a long line
#: (a page without line breaks) costs linear time, not quadratic (1 MB took 2 GB).
_TITLE_REACH = 200


def _title_separator(text: str, start: int, end: int) -> bool:
    """Is the space at ``text[start:end]`` the wide space (an ideographic space, or two
    spaces) that sets apart the phrases of a title quoted in running text, between “…”
    or 《…》? A single space there is still stray."""
    run = text[start:end]
    if "\u3000" not in run and len(run) < 2:
        return False
    depth = 0
    for i in range(start - 1, max(start - _TITLE_REACH, 0) - 1, -1):  # no copy, no walk to the start
        ch = text[i]
        if ch in _CLOSERS:
            depth += 1
        elif ch in _OPENERS:
            if depth == 0:
                return True
            depth -= 1
    return False


def _classify(ctx: Ctx, block, text: str, start: int, end: int):
    run = text[start:end]
    left, right = text[start - 1], text[end]
    shown = f"{left}{run}{right}".replace("\t", "\\t").replace("\u3000", "□")
    heading = block.kind in _HEADINGS
    if "\t" in run:
        repl = "" if is_cjk(left) or is_cjk(right) else " "
        return ctx.flag("tab", block, start, end - start, _("Tab inside the text: “{shown}”", shown=shown),
                        Fix("replace", repl), 0.8)
    if left in CJK_PUNCT or right in CJK_PUNCT:
        if heading and left not in "—" and not (right in CJK_PUNCT and right in "，。、；：？！”’）》"):
            return None  # "“四步” 工作法": spacing inside display type
        message = (_("Stray space after a dash: “{shown}”", shown=shown) if left == "—" else
                   _("Stray space next to full-width punctuation: “{shown}”", shown=shown))
        return ctx.flag("space-around-punctuation", block, start, end - start, message,
                        Fix("replace", ""), 0.85)
    if is_han(left) and is_han(right):
        if heading:
            return None  # parallel phrases of a headline: "政企同心 暖企解难 助企提效"
        if _title_separator(text, start, end):
            return None  # "“石榴花开　青春绽放”": the phrases of a quoted title, set apart
        word = across(text[:start], text[end:])
        confidence = 0.9 if word else 0.7
        message = (_("Stray space between Chinese characters (splits “{word}”): “{shown}”",
                     word=word, shown=shown) if word else
                   _("Stray space between Chinese characters: “{shown}”", shown=shown))
        return ctx.flag("space-between-cjk", block, start, end - start, message,
                        Fix("replace", ""), confidence)
    if end - start >= 2 and not is_cjk(left) and not is_cjk(right):
        return ctx.flag("space-run", block, start, end - start, _("Run of spaces: “{shown}”", shown=shown),
                        Fix("replace", " "), 0.7)
    return None


@checker("space-at-line-break", kinds=(BlockKind.PARAGRAPH, BlockKind.INTERTITLE, BlockKind.CAPTION))
def space_at_line_break(ctx: Ctx, place: Place):
    """White space at a join inside a paragraph, between Chinese characters: after the
    last character of a line, or before the first of a line that goes on (not an indent:
    the line did not start a paragraph)."""
    block = place.block
    lines = ctx.page.raw_lines
    text = block.text
    spans = {s.line: s for s in block.spans}
    for join, off in live_joins(ctx, block):
        if not (0 < off < len(text)) or not (is_cjk(text[off - 1]) and is_cjk(text[off])):
            continue
        prev, nxt = spans.get(join.prev_line), spans.get(join.next_line)
        if prev is None or nxt is None:
            continue
        trail = len(lines[prev.line]) > prev.end and not lines[prev.line][prev.end:].strip(" \t\u3000\u00a0")
        if trail:
            raw = (prev.line, prev.end, prev.line, len(lines[prev.line]))
        elif nxt.start > 0 and lines[nxt.line][:nxt.start].strip(" \t\u3000\u00a0") == "" \
                and _stray_lead(lines[nxt.line][:nxt.start]):
            raw = (nxt.line, 0, nxt.line, nxt.start)
        else:
            continue
        shown = f"{text[off - 1]} {text[off]}"
        yield ctx.flag("space-at-line-break", block, off, 0,
                       _("Space at a line break, dropped in joining: “{found}”", found=shown),
                       Fix("none"), 0.5, raw)


def _stray_lead(lead: str) -> bool:
    """Leading white space of a line that goes on a paragraph: shorter than an indent."""
    return len(lead) <= 1 and "\t" not in lead and "\u3000" not in lead


@checker("trailing-whitespace", "whitespace-only-line", scope="page")
def raw_whitespace(ctx: Ctx):
    """Whitespace at line ends and whitespace-only lines of the raw page (few flags, summed up)."""
    trailing, only = [], []
    for n, line in enumerate(ctx.page.raw_lines):
        stripped = line.rstrip(" \t\u3000\u00a0\r")
        if stripped == line:
            continue
        (only if not stripped else trailing).append((n, len(stripped), len(line)))
    yield from _summed(ctx, "trailing-whitespace", trailing, _("Trailing whitespace"),
                       _("Trailing whitespace ({count} lines, first here)"))
    yield from _summed(ctx, "whitespace-only-line", only, _("Line holds only whitespace"),
                       _("Line holds only whitespace ({count} lines, first here)"))


def _summed(ctx: Ctx, rule_id: str, hits, one, many, limit: int = 3):
    if len(hits) <= limit:
        for n, col, end in hits:
            yield ctx.raw_flag(rule_id, n, col, end, one, Fix("none"), 0.9)
        return
    n, col, end = hits[0]
    yield ctx.raw_flag(rule_id, n, col, end, many.with_args(count=len(hits)), Fix("none"), 0.9)


CHECKERS = (spaces_in_block, space_at_line_break, raw_whitespace)
