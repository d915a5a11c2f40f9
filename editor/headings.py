"""A headline group's lines → kicker 引题, headline 主题, subtitle 副题.

First the lines are gathered into titles: a title set over two lines goes on where its
first line cannot end (an open bracket or quote, a ``、`` or ``：``, a word that jieba
finds across the break, a closing mark at the next line's start). Then each title takes
its role: a title opening with a dash (``——访……``) or wholly in brackets
(``（2026年8月20日）``) is a subtitle; of the others the last but one… is the kicker —
with one title there is only the headline, with two the first is the kicker unless the
second reads as a sentence (a comma, longer), which makes it the subtitle.

With geometry (a PDF), type size decides instead: the largest title is the headline, the
ones above it kickers, below it subtitles.
"""
from __future__ import annotations

import re

from . import words
from .blocks import build_block
from .lines import Line
from .model import Block, BlockKind
from .text import open_pairs

_DASH_START = re.compile(r"^[—－-]{1,3}")
_BRACKETED = re.compile(r"^[（(][^（）()]+[）)]$")
_OPEN_END = tuple("、，,：:（(《“‘「『〈·—")
_CLOSE_START = tuple("”’」』）)》〉、，,。：:；;！？!?")
def parallel_phrases(text: str) -> bool:
    """``政企同心 暖企解难 助企提效``: phrases of Chinese set apart by spaces."""
    parts = text.split()
    return len(parts) >= 2 and all(len(p) >= 2 and words.is_han(p[0]) for p in parts)


def _goes_on(left: str, right: str) -> bool:
    """Is ``right`` the rest of the title ``left`` (one title set over two lines)?

    Only evidence parts two titles: a subtitle's dash, a kicker's dash or colon at the
    end, phrases set apart by spaces (a kicker), a bracketed line, or a sentence (with a
    comma) after a complete title where no word runs across. Without it, two lines are
    one title set over two lines (the rules ask the proofreader to look)."""
    if _DASH_START.match(right) or left.endswith(("——", "--", "：", ":")):
        return False
    if parallel_phrases(left) or parallel_phrases(right) or _BRACKETED.match(right):
        return False
    if left.endswith(_OPEN_END) or right.startswith(_CLOSE_START) or open_pairs(left):
        return True
    if _sentence(right) and not _sentence(left):
        return words.word_across(left, right) is not None
    return True


def _size(line: Line) -> float | None:
    return line.geom.size if line.geom is not None and line.geom.size else None


def _whole_quote(text: str) -> bool:
    """``“在中国为全球市场开发产品”``: a title that is one quotation, a main headline."""
    return text.startswith("“") and text.endswith("”") and text.count("“") == 1 \
        and text.count("”") == 1


def _kicker_after(title: str, title_lines: list[str], text: str) -> bool:
    """A line longer than every line of a quoted headline that wrapped (its lines fill the
    measure): smaller type, the headline's kicker printed after it."""
    return _whole_quote(title) and len(title_lines) >= 2 and len(text) > max(map(len, title_lines))


def _reading_order(lines: list[Line]) -> list[int]:
    """The lines' positions, with a line that stands between the two lines of a quoted
    headline taken out of it: ``“在中国为全球市场开发`` / ``德国肖特集团…`` / ``产品”``
    (pdftotext prints a one-line kicker beside a headline of two lines between them)."""
    order = list(range(len(lines)))
    texts = [line.text for line in lines]
    for k in range(len(texts) - 2):
        first, between, last = texts[k], texts[k + 1], texts[k + 2]
        if first.startswith("“") and open_pairs(first) and not open_pairs(first + last) \
                and _whole_quote(first + last) and not open_pairs(between) \
                and not between.startswith(_CLOSE_START) and not between.endswith(_OPEN_END) \
                and len(between) > len(first):
            order[k + 1], order[k + 2] = order[k + 2], order[k + 1]
            break
    return order


def titles(lines: list[Line]) -> list[list[int]]:
    """The group's lines gathered into titles (lists of line positions). With geometry a
    change of type size parts two titles, and the same size goes on."""
    out: list[list[int]] = []
    text = ""
    order = _reading_order(lines) if not any(_size(line) for line in lines) else range(len(lines))
    for k in order:
        line = lines[k]
        size, before = _size(line), _size(lines[k - 1]) if k else None
        if out and size is not None and before is not None:
            same = abs(size - before) <= 0.08 * max(size, before)
            goes_on = same and not _DASH_START.match(line.text)
        elif out and _kicker_after(text, [lines[j].text for j in out[-1]], line.text):
            goes_on = False
        else:
            goes_on = bool(out) and _goes_on(text, line.text)
        if goes_on:
            out[-1].append(k)
            text += line.text
        else:
            out.append([k])
            text = line.text
    return out


def roles(texts: list[str], sizes: list[float] | None = None) -> list[BlockKind]:
    """The role of each title of a group, top to bottom."""
    kinds: list[BlockKind | None] = [None] * len(texts)
    for k, text in enumerate(texts):
        if k and (_DASH_START.match(text) or _BRACKETED.match(text)):
            kinds[k] = BlockKind.SUBTITLE
    rest = [k for k in range(len(texts)) if kinds[k] is None]
    if len(rest) == 2 and not sizes and _whole_quote(texts[rest[0]]) and not _whole_quote(texts[rest[1]]):
        # a quoted headline is the main one; a title after it without a dash is its
        # kicker printed after it (pdftotext), a subtitle would open with a dash
        kinds[rest[0]], kinds[rest[1]] = BlockKind.HEADLINE, BlockKind.KICKER
        return [kind or BlockKind.HEADLINE for kind in kinds]
    if sizes and len(rest) > 1 and max(sizes[k] for k in rest) > 1.1 * min(sizes[k] for k in rest):
        main = max(rest, key=lambda k: (sizes[k], -k))
    elif len(rest) == 2 and _sentence(texts[rest[1]]) and len(texts[rest[1]]) > len(texts[rest[0]]) \
            and not texts[rest[0]].endswith(("——", "：", ":")) and not parallel_phrases(texts[rest[0]]):
        main = rest[0]
    elif len(rest) >= 2:
        main = rest[1]
    else:
        main = rest[0] if rest else 0
    for k in rest:
        kinds[k] = (BlockKind.HEADLINE if k == main else
                    BlockKind.KICKER if k < main else BlockKind.SUBTITLE)
    return [kind or BlockKind.HEADLINE for kind in kinds]


def _sentence(text: str) -> bool:
    return "，" in text or "," in text


def _gap(blanks: list[tuple[int, ...]], a: int, b: int) -> tuple[int, ...]:
    """The blank lines between the group's lines ``a`` and ``b`` (``b`` may come first, or
    lines of another title may stand between them)."""
    lo, hi = min(a, b), max(a, b)
    return tuple(n for j in range(lo + 1, hi + 1) for n in blanks[j - 1])


def heading_blocks(lines: list[Line], blanks: list[tuple[int, ...]]) -> list[Block]:
    """Kicker / headline / subtitle blocks from a headline group's lines."""
    groups = titles(lines)
    texts = ["".join(lines[k].text for k in g) for g in groups]
    sizes = None
    if all(ln.geom is not None and ln.geom.size for ln in lines):
        sizes = [max(lines[k].geom.size for k in g) for g in groups]
    kinds = roles(texts, sizes)
    out: list[Block] = []
    for group, kind in zip(groups, kinds):
        part = [lines[k] for k in group]
        gaps = [_gap(blanks, a, b) for a, b in zip(group, group[1:])] if blanks else None
        out.append(build_block(kind, part, gaps))
    return out
