"""Characters placed on a PDF page → text lines, with their boxes, sizes, weights and x positions.

A PDF has no lines, only glyphs at positions. Two steps make lines of them:

1. **Runs**, in the order the file draws the glyphs: a glyph continues the run when it sits
   on the same baseline, to the right of the previous one and not far from it. A
   letter-spaced byline (``本 报 记 者``, CSS letter-spacing) is drawn in one go and stays
   one run however wide its gaps, while the line of the next column, drawn much later, does
   not join it even where the gutter is only 1 em wide.
2. **Lines**: runs on the same baseline that nearly touch (a bold dateline drawn apart from
   the regular text after it) are joined; runs further apart stay separate lines, and the
   reading order (:mod:`.order`) decides where each goes.

A line's text is its glyphs in x order with ONE space where the gap between two glyphs is
much wider than the normal advance (so it reads like ``pdftotext``: ``本 报 记 者`` where
the byline is letter-spaced, ``日电 （记者`` where an ideographic space was set, no space in
justified Chinese text). The geometry stays: ``char_x`` gives each character's x, so the
parser can measure letter-spacing itself.
"""
from __future__ import annotations

from itertools import groupby, repeat
from operator import itemgetter

from editor.source import Box, SourceLine, StyleRun

#: A glyph further than this many ems right of the previous one starts a new run
#: (the widest byline gaps — letter-spacing + an ideographic space + letter-spacing — are ~3 em).
RUN_GAP_EM = 4.0
#: Runs on one baseline closer than this (in ems) are one line (a narrow gutter can be
#: as little as half an em where a column ends with a full-width quote).
JOIN_GAP_EM = 0.2
#: Two glyphs whose centres are this many ems apart vertically are not on one baseline.
BASELINE_EM = 0.3
#: A gap wider than this many ems between two glyphs reads as a space.
SPACE_EM = 0.3

# A glyph: (char, x0, x1, top, bottom, size, style, font, spaced) — style is a (font name,
# bold) pair, spaced whether the file set a space glyph before it.
Glyph = tuple


def _runs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    runs: list[list[Glyph]] = []
    cur: list[Glyph] = []
    for g in glyphs:
        if cur:
            last = cur[-1]
            size = max(g[5], last[5], 1e-6)
            centre_gap = abs((g[3] + g[4]) - (last[3] + last[4])) / 2
            gap = g[1] - last[2]
            if centre_gap <= BASELINE_EM * size and -0.5 * size <= gap <= RUN_GAP_EM * size:
                cur.append(g)
                continue
            runs.append(cur)
        cur = [g]
    if cur:
        runs.append(cur)
    return runs


def _rows(runs: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Runs grouped by baseline (chained within BASELINE_EM of the previous centre)."""
    keyed = sorted(runs, key=lambda r: (r[0][3] + r[0][4]) / 2)
    rows: list[list[list[Glyph]]] = []
    last_centre = None
    for run in keyed:
        centre = (run[0][3] + run[0][4]) / 2
        size = max(run[0][5], 1e-6)
        if last_centre is not None and centre - last_centre <= BASELINE_EM * size:
            rows[-1].append(run)
        else:
            rows.append([run])
        last_centre = centre
    return rows


def build_lines(glyphs: list[Glyph]) -> list[SourceLine]:
    """Glyphs in drawing order (y downwards) → lines, top to bottom, left to right."""
    lines: list[SourceLine] = []
    for row in _rows(_runs(glyphs)):
        row.sort(key=lambda r: r[0][1])
        merged: list[list[Glyph]] = []
        for run in row:
            if merged:
                prev = merged[-1][-1]
                size = max(prev[5], run[0][5], 1e-6)
                if run[0][1] - prev[2] <= JOIN_GAP_EM * size:  # touching, or overlapping
                    merged[-1].extend(run)
                    continue
            merged.append(list(run))
        lines.extend(_line(glyphs) for glyphs in merged)
    return lines


def _justified(glyphs: list[Glyph]) -> bool:
    """Are the gaps between the line's glyphs all about equal and under 0.6 em? Then the
    line was spread to the column's width (justified Chinese text: ``联盟以“打造`` set
    over eight characters' room), and its gaps are no spaces."""
    gaps = [(g[1] - p[2]) / max(g[5], p[5], 1e-6) for p, g in zip(glyphs, glyphs[1:])]
    return len(gaps) >= 2 and max(gaps) < 0.6 and max(gaps) - min(gaps) < 0.12


def _line(glyphs: list[Glyph]) -> SourceLine:
    text: list[str] = []
    xs: list[float] = []
    styles: list[tuple] = []
    prev = None
    spread = _justified(glyphs)
    for g in glyphs:
        if prev is not None and ((len(g) > 8 and g[8]) or (
                not spread and g[1] - prev[2] > SPACE_EM * (g[5] if g[5] > prev[5] else prev[5]))):
            text.append(" ")
            xs.append(prev[2])
            styles.append((prev[5], prev[6]))
        text.append(g[0])
        xs.append(g[1])
        styles.append((g[5], g[6]))
        prev = g
    runs: list[StyleRun] = []
    start = 0
    for (size, (font, bold)), same in groupby(styles):
        end = start + sum(1 for _ in same)
        runs.append(StyleRun(start, end, round(size, 2), bold, font))
        start = end
    # the line's size and weight: those of most of its characters
    weight: dict[tuple[float, bool], int] = {}
    for run in runs:
        key = (run.size, run.bold)
        weight[key] = weight.get(key, 0) + (run.end - run.start)
    size, bold = max(weight, key=weight.get)
    box = Box(glyphs[0][1], min(map(itemgetter(3), glyphs)), max(map(itemgetter(2), glyphs)),
              max(map(itemgetter(4), glyphs)))
    return SourceLine(text="".join(text), box=box, size=size, bold=bold,
                      char_x=tuple(map(round, xs, repeat(2))), runs=tuple(runs))


def unjustify(lines: list[SourceLine]) -> list[SourceLine]:
    """Drop the spaces a justified line got for its gaps (lines in reading order, their
    regions set): a line that reaches its column's right edge with its characters spread
    evenly (``全 国 进 出 口 总 值 的`` filling a column of ten) was spread by justification,
    not letter-spaced; a byline letter-spaced for display does not fill the column."""
    right: dict[int, float] = {}
    for ln in lines:
        right[ln.region] = max(right.get(ln.region, ln.box.x1), ln.box.x1)
    for k, ln in enumerate(lines):
        if " " not in ln.text or not ln.char_x or len(ln.char_x) != len(ln.text):
            continue
        if ln.box.x1 < right[ln.region] - 0.3 * ln.size or not _even(ln):
            continue
        keep = [i for i, ch in enumerate(ln.text) if ch != " "]
        lines[k] = _subset(ln, keep)
    return lines


def _even(line: SourceLine) -> bool:
    """Do the line's characters (spaces aside) stand at even steps (CJK ones; a digit or a
    Latin letter is narrower and ends the test)?"""
    xs = [x for ch, x in zip(line.text, line.char_x) if ch != " "]
    chars = [ch for ch in line.text if ch != " "]
    steps = [b - a for a, b, ch, nxt in zip(xs, xs[1:], chars, chars[1:])
             if ord(ch) > 0x2e80 and ord(nxt) > 0x2e80]
    return len(steps) >= 3 and max(steps) - min(steps) <= 0.35 * line.size  # glyph boxes are ink boxes


def _subset(line: SourceLine, keep: list[int]) -> SourceLine:
    """The line with only the characters at ``keep``; style runs re-indexed."""
    where = {old: new for new, old in enumerate(keep)}
    runs = []
    for run in line.runs:
        inside = [where[i] for i in range(run.start, run.end) if i in where]
        if inside:
            runs.append(StyleRun(inside[0], inside[-1] + 1, run.size, run.bold, run.font))
    return SourceLine(text="".join(line.text[i] for i in keep), box=line.box, size=line.size,
                      bold=line.bold, region=line.region, words=line.words,
                      char_x=tuple(line.char_x[i] for i in keep), runs=tuple(runs), group=line.group)
