"""Reading order from geometry, for every reader: lines → regions in the order people read.

A recursive XY cut. A newspaper page is a nest of rectangles: the header band, rows of
articles under one another, articles side by side in a row, in an article its headline
group above (below, beside) its columns. Each step cuts a set of lines where a band of
empty space (or a printed rule) crosses it completely:

1. across, at a rule that spans most of the set (rows, header, footer);
2. down, at a rule that spans most of its height (articles side by side);
3. down, at a gutter: an empty band at least :data:`GUTTER_EM` wide from top to bottom —
   each gutter judged on its own, left to right: one is kept closed when a line bigger
   than the text (a headline) on one side belongs over or under the other side too (see
   :func:`_head_spans`), or is one line the OCR engine broke there (:func:`_broken_head`),
   since cutting would put it between two columns of its own article; the others are cut
   all the same (a head over three of an article's four columns must not keep the article
   beside it from being cut off);
4. across, at a gap clearly wider than the line spacing (a headline group and its body,
   articles one under another without a rule) — the widest first, so that a row of
   articles is cut off before a head is cut off its columns;

top to bottom, left to right. What cannot be cut is one region, read top to bottom.
Each region gets an id (``SourceLine.region``); the cell it came from at the first level
bounded by rules or wide gaps is its ``group``.
"""
from __future__ import annotations

import itertools
from bisect import bisect_right
from statistics import median

from editor.source import Box, SourceLine

#: An empty vertical band at least this many ems (of the text size) wide is a gutter (a
#: 1 em gutter narrows to half an em where a line ends in a full-width quote).
GUTTER_EM = 0.4
#: A horizontal gap this many ems wider than the usual line spacing separates blocks.
BLOCK_GAP_EM = 0.5
#: Wide gaps across at least this share of the widest are cut together.
WIDEST_SHARE = 0.8
#: A line this much bigger than the text is a head (for the gutter test of step 3).
HEAD_RATIO = 1.25
#: Two level pieces of display type of one size at most this many type sizes apart are
#: one line the OCR engine broke in two.
ONE_LINE_GAP = 1.5
#: A gutter at most this much wider than the median gutter of the set is an ordinary one
#: (between columns of one article, as far as geometry tells).
GUTTER_USUAL = 1.25
#: A line this much smaller than the text is no text here (OCR specks in a head's band).
SPECK_RATIO = 0.7
#: A rule must span this share of the set's width (height) to cut it.
RULE_SPAN = 0.5


def order_lines(lines: list[SourceLine], width: float = 0.0, height: float = 0.0,
                separators: list[Box] | tuple = ()) -> list[SourceLine]:
    """The lines in reading order, each with its ``region`` and ``group`` set."""
    if not lines:
        return []
    boxes = [ln.box for ln in lines]
    sizes = [ln.size if ln.size > 0 else max(ln.box.height, 1e-6) for ln in lines]
    leaves: list[tuple[list[int], int]] = []
    _cut(list(range(len(lines))), boxes, sizes, list(separators), leaves, group=-1, depth=0)
    # groups numbered in reading order
    renumber: dict[int, int] = {}
    for _, g in leaves:
        if g >= 0 and g not in renumber:
            renumber[g] = len(renumber)
    out: list[SourceLine] = []
    for region, (idx, group) in enumerate(leaves):
        for i in _rows_in_order(idx, boxes):
            line = lines[i]
            line.region = region
            line.group = renumber.get(group, -1)
            out.append(line)
    return out


def _rows_in_order(idx: list[int], boxes: list[Box]) -> list[int]:
    """A region's lines top to bottom, and left to right within a row: lines whose middles
    lie within half a line of each other are one row (OCR boxes of one row differ by a
    pixel or two, so sorting by top edge alone would read ``(第二期`` after ``)启动仪``)."""
    ordered = sorted(idx, key=lambda i: (boxes[i].y0 + boxes[i].y1) / 2)
    rows: list[list[int]] = []
    for i in ordered:
        mid = (boxes[i].y0 + boxes[i].y1) / 2
        if rows:
            last = rows[-1][-1]
            if abs(mid - (boxes[last].y0 + boxes[last].y1) / 2) <= 0.5 * max(boxes[last].height, 1e-6):
                rows[-1].append(i)
                continue
        rows.append([i])
    return [i for row in rows for i in sorted(row, key=lambda i: boxes[i].x0)]


def _gaps(intervals: list[tuple[float, float, int]]) -> list[tuple[float, float, int]]:
    """Sorted (start, end, line) intervals → the empty gaps between their union:
    (gap start, gap end, how many intervals lie before the gap)."""
    intervals.sort()
    gaps = []
    reach = intervals[0][1]
    for k in range(1, len(intervals)):
        start, end, _ = intervals[k]
        if start > reach:
            gaps.append((reach, start, k))
        reach = max(reach, end)
    return gaps


def _split(idx, key, cuts: list[float]) -> list[list[int]]:
    """Lines split at the cut positions (by the line's start coordinate)."""
    parts: list[list[int]] = [[] for _ in range(len(cuts) + 1)]
    for i in idx:
        k = 0
        while k < len(cuts) and key(i) > cuts[k]:
            k += 1
        parts[k].append(i)
    return [p for p in parts if p]


def _cut(idx, boxes, sizes, seps, leaves, group, depth) -> None:
    if len(idx) <= 1 or depth > 60:
        leaves.append((idx, group))
        return
    body = median(sizes[i] for i in idx)
    x0 = min(boxes[i].x0 for i in idx)
    x1 = max(boxes[i].x1 for i in idx)
    y0 = min(boxes[i].y0 for i in idx)
    y1 = max(boxes[i].y1 for i in idx)
    hgaps = _gaps([(boxes[i].y0, boxes[i].y1, i) for i in idx])
    vgaps = _gaps([(boxes[i].x0, boxes[i].x1, i) for i in idx])

    def ruled(gap, horizontal: bool) -> bool:
        lo, hi = gap[0], gap[1]
        for s in seps:
            if horizontal:
                mid = (s.y0 + s.y1) / 2
                span = min(s.x1, x1) - max(s.x0, x0)
                if lo <= mid <= hi and span >= RULE_SPAN * (x1 - x0):
                    return True
            else:
                mid = (s.x0 + s.x1) / 2
                span = min(s.y1, y1) - max(s.y0, y0)
                if lo <= mid <= hi and span >= RULE_SPAN * (y1 - y0):
                    return True
        return False

    # 1, 2: rules
    cuts = [(g[0] + g[1]) / 2 for g in hgaps if ruled(g, True)]
    if cuts:
        return _recurse(_split(idx, lambda i: boxes[i].y0, cuts), boxes, sizes, seps, leaves,
                        group, depth, new_group=True)
    cuts = [(g[0] + g[1]) / 2 for g in vgaps if ruled(g, False)]
    if cuts:
        return _recurse(_split(idx, lambda i: boxes[i].x0, cuts), boxes, sizes, seps, leaves,
                        group, depth, new_group=True)
    # 3: gutters
    blocks = _gutter_blocks(idx, vgaps, boxes, sizes, body)
    if len(blocks) > 1:
        wide = max(g[1] - g[0] for g in vgaps)
        return _recurse(blocks, boxes, sizes, seps, leaves, group, depth,
                        new_group=wide >= 2 * GUTTER_EM * body and group < 0)
    # 4: wide horizontal gaps
    if hgaps:
        spacing = _line_spacing(idx, boxes, sizes)
        bottoms = sorted((boxes[i].y1, sizes[i]) for i in idx)
        tops = sorted((boxes[i].y0, sizes[i]) for i in idx)
        wide = []
        for g in hgaps:
            size = min(_size_at(bottoms, g[0]), _size_at(tops, g[1]))
            if g[1] - g[0] >= spacing + BLOCK_GAP_EM * size:
                wide.append(g)
        # the widest first (rows of articles), the narrower ones in the parts (a head and
        # its body): cut all at once, a row's heads would be cut off its columns
        widest = max((g[1] - g[0] for g in wide), default=0.0)
        cuts = [(g[0] + g[1]) / 2 for g in wide if g[1] - g[0] >= WIDEST_SHARE * widest]
        if cuts:
            return _recurse(_split(idx, lambda i: boxes[i].y0, cuts), boxes, sizes, seps,
                            leaves, group, depth, new_group=False)
    leaves.append((idx, group))


def _gutter_blocks(idx, vgaps, boxes, sizes, body) -> list[list[int]]:
    """The set cut at its gutters, each judged on its own, left to right: where a head on
    one side spans the gutter the two sides are one block, which then faces the next."""
    gutters = [g for g in vgaps if g[1] - g[0] >= GUTTER_EM * body]
    if not gutters:
        return [idx]
    parts = _split(idx, lambda i: boxes[i].x0, [(g[0] + g[1]) / 2 for g in gutters])
    usual = _usual_gutter(idx, boxes, sizes, body)
    display = HEAD_RATIO * median(sizes)      # display type by the page's text, not the set's
    blocks = [parts[0]]
    for part, g in zip(parts[1:], gutters):
        ordinary = not usual or g[1] - g[0] <= GUTTER_USUAL * usual
        if (ordinary and _broken_head(blocks[-1], part, boxes, sizes, display, body)) \
                or _head_spans(blocks[-1], part, boxes, sizes, body):
            blocks[-1] = blocks[-1] + part
        else:
            blocks.append(part)
    return blocks


def _broken_head(left, right, boxes, sizes, display: float, body: float) -> bool:
    """Is a line of display type broken in two at the gutter (``讲在一线 | 深入人心``, or a
    letter-spaced ``生 | 态``)? Two level pieces of one size, close together, each alone
    (no other display line just above or below it: two sides each with a head of several
    lines are two articles) and over one column of its side (a head over two columns is its
    side's own), over (under) columns that start or end level."""
    text = [[t for t in side if sizes[t] < display] for side in (left, right)]
    if all(text):
        tops = [min(boxes[t].y0 for t in side) for side in text]
        bottoms = [max(boxes[t].y1 for t in side) for side in text]
        if abs(tops[0] - tops[1]) > 2 * body and abs(bottoms[0] - bottoms[1]) > 2 * body:
            return False

    def piece(i, side, side_text):
        alone = not any(j != i and sizes[j] >= display and boxes[j].y0 < boxes[i].y1 + sizes[i]
                        and boxes[j].y1 > boxes[i].y0 - sizes[i] for j in side)
        gutters = _gaps([(boxes[t].x0, boxes[t].x1, t) for t in side_text]) if side_text else []
        over_one = not any(boxes[i].x0 < g[0] and g[1] < boxes[i].x1 and g[1] - g[0] >= GUTTER_EM * body
                           for g in gutters)
        return sizes[i] >= display and alone and over_one

    return any(_one_line(boxes[i], boxes[j], sizes[i], sizes[j])
               for i in left if piece(i, left, text[0]) for j in right if piece(j, right, text[1]))


_ids = itertools.count()     # group ids: unique; renumbered in reading order per page


def _recurse(parts, boxes, sizes, seps, leaves, group, depth, new_group) -> None:
    for k, part in enumerate(parts):
        # a new group: a fresh id, unique along this path of the cut tree
        g = next(_ids) if new_group else group
        _cut(part, boxes, sizes, seps, leaves, g, depth + 1)


def _head_spans(left, right, boxes, sizes, body) -> bool:
    """Does a head on one side of a gutter belong over (or under) the other side too?

    It does when the other side has no head of its own (it is not an article of its own;
    specks much smaller than the text do not count as text), the head lies wholly above
    (below) the other side's text, and the column of its own side next to the gutter
    starts level with that text (or, for a head below, ends level with it: an article's
    last column may be short) — one article whose head is narrower than its columns."""
    for side, other, facing_right in ((left, right, True), (right, left, False)):
        heads = [i for i in side if sizes[i] >= HEAD_RATIO * body]
        text = [i for i in side if SPECK_RATIO * body <= sizes[i] < HEAD_RATIO * body]
        other_text = [i for i in other if SPECK_RATIO * body <= sizes[i] < HEAD_RATIO * body]
        if not heads or not text or not other_text or any(sizes[j] >= HEAD_RATIO * body for j in other):
            continue
        facing = _facing_column(text, boxes, body, facing_right)
        top = min(boxes[t].y0 for t in other_text)
        bottom = max(boxes[t].y1 for t in other_text)
        for i in heads:
            if boxes[i].y1 <= top:
                column = [t for t in facing if boxes[t].y0 >= boxes[i].y1]
                ends = [abs(min(boxes[t].y0 for t in column) - top)] if column else []
            elif boxes[i].y0 >= bottom:
                column = [t for t in facing if boxes[t].y1 <= boxes[i].y0]
                ends = [abs(min(boxes[t].y0 for t in column) - top),
                        abs(max(boxes[t].y1 for t in column) - bottom)] if column else []
            else:
                continue
            if ends and min(ends) <= 2 * body:
                return True
    return False


def _facing_column(text, boxes, body, right: bool) -> list[int]:
    """The lines of the side's column next to the gutter (on its right or left): those
    ending (starting) at the side's edge, but not a line much wider than the column's
    lines (a subtitle across the side's columns)."""
    if right:
        edge = max(boxes[t].x1 for t in text)
        near = [t for t in text if boxes[t].x1 >= edge - 2 * body]
    else:
        edge = min(boxes[t].x0 for t in text)
        near = [t for t in text if boxes[t].x0 <= edge + 2 * body]
    usual = median(boxes[t].width for t in near)
    return [t for t in near if boxes[t].width <= 1.5 * usual + body]


def _usual_gutter(idx, boxes, sizes, body) -> float:
    """The median width of the gutters between the columns of text (heads left out); 0
    when there are none (a head band)."""
    text = [(boxes[i].x0, boxes[i].x1, i) for i in idx if sizes[i] < HEAD_RATIO * body]
    widths = [g[1] - g[0] for g in _gaps(text)] if text else []
    widths = [w for w in widths if w >= GUTTER_EM * body]
    return median(widths) if widths else 0.0


def _one_line(a: Box, b: Box, size_a: float, size_b: float) -> bool:
    """Two pieces of one line of display type: level, of one size, a short gap apart."""
    size = max(size_a, size_b)
    gap = max(a.x0, b.x0) - min(a.x1, b.x1)
    return (abs(size_a - size_b) <= 0.15 * size and abs(a.y0 - b.y0) <= 0.25 * size
            and gap <= ONE_LINE_GAP * size)


def _line_spacing(idx, boxes, sizes) -> float:
    """The usual gap between a line and the next one in the same column."""
    by_x: dict[int, list[int]] = {}
    for i in idx:
        by_x.setdefault(round(boxes[i].x0), []).append(i)
    gaps = []
    for col in by_x.values():
        col.sort(key=lambda i: boxes[i].y0)
        for a, b in zip(col, col[1:]):
            gap = boxes[b].y0 - boxes[a].y1
            if 0 <= gap <= 2 * sizes[a]:
                gaps.append(gap)
    if not gaps:
        return 0.5 * median(sizes[i] for i in idx)
    return median(gaps)


def _size_at(edges: list[tuple[float, float]], y: float) -> float:
    """The largest size among the lines whose edge (sorted (edge, size) pairs) is at ``y``."""
    best = 0.0
    k = bisect_right(edges, (y - 1e-6, float("inf")))
    while k < len(edges) and edges[k][0] < y + 1e-6:
        if abs(edges[k][0] - y) < 1e-6:
            best = max(best, edges[k][1])
        k += 1
    return best
