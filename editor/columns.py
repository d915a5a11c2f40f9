"""Columns of text back to their own article where the extraction printed them elsewhere.

``pdftotext`` prints a page block by block; where two articles stand side by side it
may print a column of the first after the start of the second (``……都会成为“购在中国”的
推荐官。`` / ``侨批跨越时空…`` / ``江琳`` / ``“行船入夜……`` / ``中国地域广大、物产丰富……``):
read in order, the second article holds a stretch of the first. A paragraph that opens a
column (a blank line — the column break — before it) and shares far more of its words with
a neighbouring article than with the rest of its own goes to that article, after its
text. And an article whose text stops in mid-sentence goes on in the column-opening
paragraph, further down, whose first word runs on from it (``……问题。针`` / ``对各方质
疑……``). Where two texts were printed block by block, interleaved, a column the
segmenter parted at a column break (``COLUMN_TOP``) goes on with the other text when a
later column reads on from its own paragraph far better. Only on pages without indents
(text whose layout the extraction dropped), only between articles a few places apart,
and never a paragraph that opens an article.
"""
from __future__ import annotations

from . import words
from .assemble import han_pairs, opens_article
from .text import is_terminal
from .segment import COLUMN_TOP, Unit, UnitKind

#: Articles before and after a paragraph's own that it may go to.
_REACH = 3
#: A paragraph this short says too little about its topic.
_MIN_PAIRS = 16
#: It moves where the other article holds this share of its pairs…
_THERE = 0.3
#: …this much more than the rest of its own article does.
_MARGIN = 0.1
#: A later column reads on from a paragraph this much better (log-probability) than the
#: column right after it: the one right after it is another article's.
_BETTER = 3.0


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
            if n == first or not _candidate(unit, blank) or unit.why == COLUMN_TOP:
                continue  # an article's first paragraph is its own, whatever it says (and a
                # column top in mid-sentence is weighed below)
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
    settled = {id(u) for _, u, _ in moves}
    interleaved, rejoin, mend = _interleaved(groups, blank, settled, pairs)
    settled |= {id(u) for _, column, _ in interleaved for u in column} | {id(u) for _, u in rejoin}
    tails = interleaved + _tails(groups, blank, settled)
    moves.extend((j, u, k) for j, column, k in tails for u in column)
    if not moves and not rejoin:
        return groups
    joins = {id(column[0]) for _, column, _ in tails}  # each goes on with the sentence left open
    out = [list(g) for g in groups]
    for k, unit in rejoin:  # a column top that stays: its paragraph goes on over the break
        _join_back(out[k], unit, blank)
    for k, unit, where in moves:
        if unit not in out[k]:
            continue  # joined back to its paragraph already
        out[k].remove(unit)
        target = out[where]
        at = len(target)
        while at > 0 and target[at - 1].kind == UnitKind.HEADING:
            at -= 1  # before a headline set under its article
        if id(unit) in joins and at and target[at - 1].kind == UnitKind.PARAGRAPH:
            _join(target[at - 1], unit, blank)  # the sentence goes on over the column break
        else:
            target.insert(at, unit)
    for k, unit in mend:  # the column that stood between gone: the paragraph goes on
        _join_back(out[k], unit, blank)
    return [g for g in out if g]


def _join_back(group: list[Unit], unit: Unit, blank: frozenset[int]) -> None:
    """Join ``unit`` to the paragraph before it in ``group`` (furniture between stays)."""
    at = group.index(unit)
    _join(next(u for u in reversed(group[:at]) if u.kind == UnitKind.PARAGRAPH), unit, blank)
    del group[at]


def _join(para: Unit, unit: Unit, blank: frozenset[int]) -> None:
    """Put ``unit``'s lines at the end of ``para``, the blank lines before it between."""
    gap, k = [], unit.lines[0].index - 1
    while k in blank:
        gap.insert(0, k)
        k -= 1
    para.add(unit.lines[0], unit.gap or tuple(gap))
    for line, between in zip(unit.lines[1:], unit.blanks):
        para.add(line, between)
    para.done()


def _interleaved(groups, blank: frozenset[int], settled: set[int], pairs):
    """Column tops the segmenter parted from an unfinished paragraph where another
    article's paragraph had broken off before (texts printed block by block, interleaved).
    The column goes on with the other article's unfinished paragraph where a later column
    of its own article reads on from its own paragraph far better than it does (``造福两``
    / ``国人民。`` against ``造福两`` / ``对近5000名……``) and the other article holds as
    many of its words; else it goes on with its own paragraph again. Returns the moves
    (article it stands in, its units, article it goes to), the column tops to join back
    and the later columns to join to the paragraph before them once the column is gone
    (article, unit)."""
    moves, rejoin, mend = [], [], []
    for k, group in enumerate(groups):
        for n, unit in enumerate(group):
            if unit.why != COLUMN_TOP or id(unit) in settled:
                continue
            column = _column(group, n, blank)
            tail = next((u for u in reversed(group[:n]) if u.kind == UnitKind.PARAGRAPH), None)
            if tail is None:
                continue
            later = n + len(column) < len(group) and group[n + len(column)]
            where = -1
            if later and later.kind == UnitKind.PARAGRAPH and _after_break(later, blank) \
                    and _reads_on(tail, later) >= _reads_on(tail, unit) + _BETTER:
                where = _other(groups, k, column, pairs)
            if where >= 0:
                moves.append((k, column, where))
                mend.append((k, later))
            else:
                rejoin.append((k, unit))
    return moves, rejoin, mend


def _other(groups, k: int, column: list[Unit], pairs) -> int:
    """The article near ``k``, its text left unfinished, that holds most of the column's
    words, and no fewer than its own article (the column apart) does; -1 if none."""
    mine = han_pairs("".join(u.text for u in column))
    own = len(mine & _without(groups[k], column))
    best, where = own, -1
    for j in range(max(0, k - _REACH), min(len(groups), k + _REACH + 1)):
        if j != k and _unfinished(groups[j]) and len(mine & pairs(j)) >= best:
            best, where = len(mine & pairs(j)), j
    return where


def _reads_on(para: Unit, unit: Unit) -> float:
    return words.reads_on(para.lines[-1].text, unit.text)


def _unfinished(group: list[Unit]) -> bool:
    """Does the group's last paragraph stop in mid-sentence?"""
    body = [u for u in group if u.kind == UnitKind.PARAGRAPH]
    return bool(body) and not is_terminal(body[-1].text)


def _tails(groups: list[list[Unit]], blank: frozenset[int], moving: set[int]) -> list[tuple[int, list[Unit], int]]:
    """An article whose text stops in mid-sentence (``……问题。针``) goes on in a column
    the extraction printed later: the first column-opening paragraph of the articles after
    it whose first word runs on from that unfinished line (``针`` / ``对各方质疑……``),
    with the text after it, where those words are no more their own article's than this
    one's. Each (article it stands in, its units, article it goes to)."""
    moves: list[tuple[int, list[Unit], int]] = []
    for k, group in enumerate(groups):
        body = [u for u in group if u.kind == UnitKind.PARAGRAPH]
        if not body or body[-1] is not group[-1] or is_terminal(body[-1].text):
            continue
        last = body[-1].lines[-1].text
        for j in range(k + 1, min(len(groups), k + _REACH + 1)):
            found = _run_on_column(groups, k, j, last, blank, moving)
            if found:
                moves.append((j, found, k))
                break
    return moves


def _run_on_column(groups, k: int, j: int, last: str, blank: frozenset[int], moving: set[int]) -> list[Unit]:
    group = groups[j]
    first = next((n for n, u in enumerate(group) if u.kind == UnitKind.PARAGRAPH), -1)
    for n, unit in enumerate(group):
        if n == first or id(unit) in moving or not _candidate(unit, blank):
            continue
        if not words.word_across(last, unit.text):
            continue
        column = _rest(group, n)
        mine = han_pairs("".join(u.text for u in column))
        there = han_pairs("".join(u.text for u in groups[k] if u.kind != UnitKind.FURNITURE))
        if mine and len(mine & there) >= len(mine & _without(group, column)):
            return column
    return []


def _rest(group: list[Unit], n: int) -> list[Unit]:
    """The paragraph at ``n`` and the text after it, up to an article's opening."""
    out = [group[n]]
    for unit in group[n + 1:]:
        if unit.kind == UnitKind.FURNITURE:
            continue  # a page number between two columns
        if unit.kind not in (UnitKind.PARAGRAPH, UnitKind.INTERTITLE) or opens_article(unit):
            break
        out.append(unit)
    return out


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


def _without(group: list[Unit], units) -> frozenset[str]:
    """The pairs of the group's text but ``units`` (a unit, or a list of them)."""
    skip = units if isinstance(units, list) else [units]
    return han_pairs("".join(u.text for u in group if all(u is not x for x in skip) and u.kind != UnitKind.FURNITURE))
