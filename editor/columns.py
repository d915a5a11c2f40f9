"""Columns of text back to their own article where the extraction printed them elsewhere.

``pdftotext`` prints a page block by block; where two articles stand side by side it
may print a column of the first after the start of the second (``……都会成为“购在中国”的
推荐官。`` / ``侨批跨越时空…`` / ``江琳`` / ``“行船入夜……`` / ``中国地域广大、物产丰富……``):
read in order, the second article holds a stretch of the first. A paragraph that opens a
column (a blank line — the column break — before it) and shares far more of its words with
a neighbouring article than with the rest of its own goes to that article, after its
text. Only on pages without indents (text whose layout the extraction dropped), only
between articles a few places apart, and never a paragraph that opens an article.
"""
from __future__ import annotations

from .assemble import han_pairs, opens_article
from .segment import Unit, UnitKind

#: Articles before and after a paragraph's own that it may go to.
_REACH = 3
#: A paragraph this short says too little about its topic.
_MIN_PAIRS = 16
#: It moves where the other article holds this share of its pairs…
_THERE = 0.3
#: …this much more than the rest of its own article does.
_MARGIN = 0.1


def regroup(groups: list[list[Unit]], blank: frozenset[int]) -> list[list[Unit]]:
    """``groups`` with column-opening paragraphs moved to the article they belong to."""
    pairs_of: dict[int, frozenset[str]] = {}

    def pairs(k: int) -> frozenset[str]:
        if k not in pairs_of:
            for old in [j for j in pairs_of if j < k - 2 * _REACH - 1]:
                del pairs_of[old]  # behind the window: never asked again
            text = "".join(u.text for u in groups[k] if u.kind != UnitKind.FURNITURE)
            pairs_of[k] = han_pairs(text)
        return pairs_of[k]

    moves: list[tuple[int, Unit, int]] = []
    for k, group in enumerate(groups):
        first = next((n for n, u in enumerate(group) if u.kind == UnitKind.PARAGRAPH), -1)
        for n, unit in enumerate(group):
            if n == first or not _candidate(unit, blank):
                continue  # an article's first paragraph is its own, whatever it says
            mine = han_pairs(unit.text)
            if len(mine) < _MIN_PAIRS:
                continue
            rest = _without(group, unit)
            own = len(mine & rest) / len(mine)
            best, where = 0.0, -1
            for j in range(max(0, k - _REACH), min(len(groups), k + _REACH + 1)):
                if j != k:
                    share = len(mine & pairs(j)) / len(mine)
                    if share > best:
                        best, where = share, j
            if where >= 0 and best >= _THERE and best >= own + _MARGIN:
                moves.extend((k, u, where) for u in _column(group, n, blank))
    if not moves:
        return groups
    out = [list(g) for g in groups]
    for k, unit, where in moves:
        out[k].remove(unit)
        target = out[where]
        at = len(target)
        while at > 0 and target[at - 1].kind == UnitKind.HEADING:
            at -= 1  # before a headline set under its article
        target.insert(at, unit)
    return [g for g in out if g]


def _column(group: list[Unit], n: int, blank: frozenset[int]) -> list[Unit]:
    """The paragraph at ``n`` and those after it in the same column (no blank line before
    them, none opening an article)."""
    out = [group[n]]
    for unit in group[n + 1:]:
        if unit.kind != UnitKind.PARAGRAPH or _after_break(unit, blank) or opens_article(unit):
            break
        out.append(unit)
    return out


def _candidate(unit: Unit, blank: frozenset[int]) -> bool:
    """A paragraph at a column's top (a blank line before it) that opens no article."""
    return unit.kind == UnitKind.PARAGRAPH and _after_break(unit, blank) and not opens_article(unit)


def _after_break(unit: Unit, blank: frozenset[int]) -> bool:
    """Does the unit open a column (a blank line, the column break, just before it)?"""
    return (unit.lines[0].index - 1) in blank


def _without(group: list[Unit], unit: Unit) -> frozenset[str]:
    return han_pairs("".join(u.text for u in group if u is not unit and u.kind != UnitKind.FURNITURE))
