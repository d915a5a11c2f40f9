"""Reading order from geometry, for every reader: lines → regions in the order people read.

A recursive XY cut. A newspaper page is a nest of rectangles: the header band, rows of
articles under one another, articles side by side in a row, in an article its headline
group above (below, beside) its columns. Each step cuts a set of lines where a band of
empty space (or a printed rule) crosses it completely:

1. across, at a rule that spans most of the set (rows, header, footer);
2. down, at a rule that spans most of its height (articles side by side);
3. down, at a gutter: an empty band at least :data:`GUTTER_EM` wide from top to bottom —
   unless one side has a line bigger than the text (a headline) lying wholly above or
   below all of the other side: then the headline spans both sides, and cutting would
   put it between two columns of its own article;
4. across, at a gap clearly wider than the line spacing (a headline group and its body,
   articles one under another without a rule);

top to bottom, left to right. What cannot be cut is one region, read top to bottom.
Each region gets an id (``SourceLine.region``); the cell it came from at the first level
bounded by rules or wide gaps is its ``group``.
"""
from __future__ import annotations

import itertools
from statistics import median

from editor.source import Box, SourceLine

#: An empty vertical band at least this many ems (of the text size) wide is a gutter (a
#: 1 em gutter narrows to half an em where a line ends in a full-width quote).
GUTTER_EM = 0.4
#: A horizontal gap this many ems wider than the usual line spacing separates blocks.
BLOCK_GAP_EM = 0.5
#: A line this much bigger than the text is a head (for the gutter test of step 3).
HEAD_RATIO = 1.25
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
    cuts = [(g[0] + g[1]) / 2 for g in vgaps if g[1] - g[0] >= GUTTER_EM * body]
    if cuts:
        parts = _split(idx, lambda i: boxes[i].x0, cuts)
        if not _head_spans(parts, boxes, sizes, body):
            wide = max(g[1] - g[0] for g in vgaps)
            return _recurse(parts, boxes, sizes, seps, leaves, group, depth,
                            new_group=wide >= 2 * GUTTER_EM * body and group < 0)
    # 4: wide horizontal gaps
    if hgaps:
        spacing = _line_spacing(idx, boxes, sizes)
        cuts = []
        for g in hgaps:
            size = min(_size_at(idx, boxes, sizes, g[0], above=True),
                       _size_at(idx, boxes, sizes, g[1], above=False))
            if g[1] - g[0] >= spacing + BLOCK_GAP_EM * size:
                cuts.append((g[0] + g[1]) / 2)
        if cuts:
            return _recurse(_split(idx, lambda i: boxes[i].y0, cuts), boxes, sizes, seps,
                            leaves, group, depth, new_group=False)
    leaves.append((idx, group))


_ids = itertools.count()     # group ids: unique; renumbered in reading order per page


def _recurse(parts, boxes, sizes, seps, leaves, group, depth, new_group) -> None:
    for k, part in enumerate(parts):
        # a new group: a fresh id, unique along this path of the cut tree
        g = next(_ids) if new_group else group
        _cut(part, boxes, sizes, seps, leaves, g, depth + 1)


def _head_spans(parts, boxes, sizes, body) -> bool:
    """Does a head on one side belong over (or under) the columns of another side too?

    It does when it lies wholly above (below) that side, and the column of its own side
    next to that side starts (ends) level with it — one article whose head is shorter
    than its columns are wide. A neighbouring article starts and ends where it likes."""
    for k, part in enumerate(parts):
        heads = [i for i in part if sizes[i] >= HEAD_RATIO * body]
        if not heads:
            continue
        text = [i for i in part if sizes[i] < HEAD_RATIO * body]
        if not text:
            continue
        right = max(boxes[t].x1 for t in text)
        left = min(boxes[t].x0 for t in text)
        for j, other in enumerate(parts):
            if j == k:
                continue
            if j > k:     # the column of this side that faces the other side
                facing = [t for t in text if boxes[t].x1 >= right - 2 * body]
            else:
                facing = [t for t in text if boxes[t].x0 <= left + 2 * body]
            top = min(boxes[t].y0 for t in other)
            bottom = max(boxes[t].y1 for t in other)
            for i in heads:
                under = [boxes[t].y0 for t in facing if boxes[t].y0 >= boxes[i].y1]
                over = [boxes[t].y1 for t in facing if boxes[t].y1 <= boxes[i].y0]
                if boxes[i].y1 <= top and under and abs(min(under) - top) <= 2 * body:
                    return True
                if boxes[i].y0 >= bottom and over and abs(max(over) - bottom) <= 2 * body:
                    return True
    return False


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


def _size_at(idx, boxes, sizes, y, above: bool) -> float:
    best = 0.0
    for i in idx:
        if (above and abs(boxes[i].y1 - y) < 1e-6) or (not above and abs(boxes[i].y0 - y) < 1e-6):
            best = max(best, sizes[i])
    return best
