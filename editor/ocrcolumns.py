"""Columns that Tesseract read across: runs of lines holding the lines of three, four or
five columns side by side, the pieces set apart by spaces and strewn with the marks it
read in the gutters (a parser-side companion of :mod:`editor.merged`, whose pieces are all
Chinese text and whose runs hold two columns)::

    意识障碍患者太赫兹波 。 体征平稳，神经功能恢复 长队……近年来，中国潮玩热 。 国文化，越来
    个复脑功能临床试验。 奏效良好，验证了该技术 在全球持续升温，收获越来越 ”将中国特有的
    …
    完善的产业政策支持、知识产 普遍情感与共同价值，从而引 人也因共同兴趣相识相知，中

Text alone keeps no column's position (the spaces are not the gutters' widths), but each
column keeps its width, and a column goes on from line to line until its article's row
ends. :func:`unweave` reads such a run as its columns, one after the other:

1. each line's **pieces**: what lies between spaces; a mark or two with no Han character
   (``。``, ``”``, ``|``) goes with the piece after it (a gutter's mark, not a line's end);
2. the pieces of a line grouped into **column lines**, each about a column wide (a short
   piece beside a short one is one column's line that OCR spaced, ``心极了。自2015年 以来，``);
3. the run's **columns**: as many as at least two of its lines show; each line's column
   lines placed in them in order, where they best fit the columns' widths and which
   columns went on from the line above (a column that stopped mid-sentence goes on; one
   that stopped stays stopped);
4. the run read column by column, every character where it was (the lines are pieces of
   raw lines: nothing moves in the raw page).

A run is three lines or more of a block (lines between blank lines), each clearly wider
than a column of the page, with two column lines or more. The lines of one column before
the run and after it stay where they are.
"""
from __future__ import annotations

import re
from statistics import median

from .lines import Line
from .merged import each_block, pieces
from .bylines import is_byline
from .text import cells, is_furniture, is_terminal, is_top_furniture

_HAN = re.compile(r"[\u3400-\u9fff]")
#: A line of the run is at least this much wider than a column of the page.
WIDER = 1.6
#: Lines of a run, at least.
RUN = 3
#: Lines of one piece (four characters or more) needed to tell a column's width.
MIN_SINGLE = 8


def unweave(lines: list[Line | None], claimed: frozenset[int] = frozenset()) -> tuple[list[Line | None], set[int]]:
    """The lines with each run of columns read across (see the module) read column by
    column, and the raw lines of the runs (text, never headlines; the merged-columns flag,
    :mod:`editor.rules.columns`, speaks for them on a page from OCR). A run a third of whose lines are ``claimed`` (pdftotext's merged lines, all of
    Chinese text: :mod:`editor.merged` reads them) stays as it is."""
    width = _column_width(lines)
    runs: set[int] = set()
    if not width:
        return lines, runs

    def unweave(block):
        done = _unweave_block(block, width, claimed)
        if done is not None:
            runs.update(ln.index for ln in done if ln is not None and _is_part(ln))
        return done

    return each_block(lines, unweave), runs


def _is_part(line: Line) -> bool:
    """Is the line a piece of its raw line (a column's, cut from a run)?"""
    return line.start != line.first_column or line.end != len(line.raw.rstrip())


def _column_width(lines: list[Line | None]) -> float:
    """A column's width (cells) on the page: the median of its lines of one piece."""
    single = [ln.cells for ln in lines if ln is not None and len(ln.text) >= 4
              and len(pieces(ln.text)) == 1]
    return float(median(single)) if len(single) >= MIN_SINGLE else 0.0


def _solid(line: Line, a: int, b: int) -> int:
    """Cells of raw columns ``a``–``b`` of the line, without its spaces."""
    return cells("".join(line.raw[a:b].split()))


def _text_pieces(line: Line) -> list[tuple[int, int]]:
    """The line's pieces (raw columns), a gutter's marks joined to the piece after them."""
    out: list[tuple[int, int]] = []
    pending = None
    for a, b in pieces(line.text):
        a, b = line.start + a, line.start + b
        piece = line.raw[a:b]
        if not _HAN.search(piece) and len(piece) <= 3:
            pending = a if pending is None else pending
            continue
        out.append((a if pending is None else pending, b))
        pending = None
    if pending is not None:
        if out:
            out[-1] = (out[-1][0], line.end)
        else:
            out.append((pending, line.end))
    return out


def _group_cost(size: float, width: float) -> float:
    """How ill a column line of ``size`` cells fits a column of ``width``: a longer one
    badly (it would hold two columns), a shorter one mildly (a paragraph's last line)."""
    return (size - width) / width if size > width else 0.5 * (width - size) / width


def _column_lines(line: Line, width: float) -> list[tuple[int, int]]:
    """The line's pieces grouped into column lines (raw columns), each about ``width``."""
    parts = _text_pieces(line)
    n = len(parts)
    sizes = [_solid(line, a, b) for a, b in parts]
    # a sentence's end is often a column's; a wide gap is a gutter
    ends = [is_terminal(line.raw[a:b]) + 4 * (c - b >= 3) for (a, b), (c, _d) in zip(parts, parts[1:] + [(0, 0)])]
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for j in range(1, n + 1):
        for i in range(j):
            cost = best[i][0] + _group_cost(sum(sizes[i:j]), width) + 0.05 + 0.15 * sum(ends[i:j - 1])
            if cost < best[j][0]:
                best[j] = (cost, i)
    out: list[tuple[int, int]] = []
    j = n
    while j > 0:
        i = best[j][1]
        out.append((parts[i][0], parts[j - 1][1]))
        j = i
    return out[::-1]


def _wide(line: Line, groups: list[tuple[int, int]], width: float) -> bool:
    """Does the line hold the lines of two columns or more: clearly wider than a column,
    two column lines at least half a column wide, no byline's or furniture's spaces?"""
    if line.cells < WIDER * width or is_byline(line.text) or is_furniture(line.text) \
            or is_top_furniture(line.text):
        return False
    return sum(1 for a, b in groups if _solid(line, a, b) >= 0.5 * width) >= 2


def _runs(block: list[Line], width: float) -> list[tuple[int, int, list[list[tuple[int, int]]]]]:
    """The runs of lines read across columns in ``block``: first and last position, and
    the column lines of each line of the run. A line of one column between two of a run
    is the run's; two or more end it (a headline between two rows of columns)."""
    groups = [_column_lines(ln, width) for ln in block]
    wide = [n for n, ln in enumerate(block) if _wide(ln, groups[n], width)]
    spans: list[list[int]] = []
    for n in wide:
        if spans and n - spans[-1][-1] <= 2:
            spans[-1].append(n)
        else:
            spans.append([n])
    out = []
    for span in spans:
        if len(span) < RUN:
            continue
        first, last = span[0], span[-1]
        while last + 1 < len(block) and len(groups[last + 1]) >= 2 and block[last + 1].cells >= 1.2 * width \
                and not is_byline(block[last + 1].text):
            last += 1  # a column's last line beside another's
        out.append((first, last, groups[first:last + 1]))
    return out


def _unweave_block(block: list[Line], width: float, claimed: frozenset[int]) -> list[Line | None] | None:
    runs = [r for r in _runs(block, width)
            if 3 * sum(1 for ln in block[r[0]:r[1] + 1] if ln.index in claimed) < r[1] - r[0] + 1]
    if not runs:
        return None
    out: list[Line | None] = []
    done = 0
    for first, last, groups in runs:
        if first < done:
            continue
        out.extend(block[done:first])
        out.extend(_read_run(block[first:last + 1], groups, width))
        done = last + 1
        if done < len(block):
            out.append(None)
    return out + block[done:]


def _read_run(run: list[Line], groups: list[list[tuple[int, int]]], width: float) -> list[Line | None]:
    """The run's lines column by column, a blank line at each column break."""
    counts = sorted((len(g) for g in groups), reverse=True)
    ncols = max(counts[1], 2)  # as many columns as two lines show
    rows = [_fit_count(run[n], g, ncols) for n, g in enumerate(groups)]
    full = [n for n, r in enumerate(rows) if len(r) == ncols]
    widths = [median(_size(run[n].part(*rows[n][c])) for n in full) if full else width for c in range(ncols)]
    cols: list[list[Line]] = [[] for _ in range(ncols)]
    before: list[str | None] = [None] * ncols
    for n, row in enumerate(rows):
        line = run[n]
        place = _place(line, row, widths, before, n == 0)
        before = [None] * ncols
        for (a, b), c in zip(row, place):
            cols[c].append(line.part(a, b))
            before[c] = line.raw[a:b]
    out: list[Line | None] = []
    for col in cols:
        if col and out:
            out.append(None)  # a column break
        out.extend(_paragraphs(col))
    return out


#: What no line of a column starts with (a gutter's mark that OCR set before it).
_NO_START = re.compile(r"^[\s。，、；：？！”’）)》」』.,;:|]+")


def _size(line: Line) -> int:
    """A column line's width (cells), without the gutter's marks before it nor spaces."""
    return cells("".join(_NO_START.sub("", line.text).split()))


def _paragraphs(col: list[Line]) -> list[Line | None]:
    """A column's lines, a blank line before each that starts a paragraph (as Tesseract
    sets one between the paragraphs it finds): after a sentence's end, where that line
    stopped short of the column (a last line) or this one is short of it by an indent."""
    if len(col) < 3:
        return list(col)
    sizes = [_size(ln) for ln in col]
    full = sorted(sizes)[(3 * len(sizes)) // 4]
    out: list[Line | None] = [col[0]]
    for k in range(1, len(col)):
        if is_terminal(col[k - 1].text) and (sizes[k - 1] <= full - 4 or full - 7 <= sizes[k] <= full - 3):
            out.append(None)
        out.append(col[k])
    return out


def _fit_count(line: Line, row: list[tuple[int, int]], ncols: int) -> list[tuple[int, int]]:
    """More column lines than columns: the narrowest neighbours joined until they fit."""
    row = list(row)
    while len(row) > ncols:
        k = min(range(len(row) - 1), key=lambda i: _solid(line, row[i][0], row[i + 1][1]))
        row[k:k + 2] = [(row[k][0], row[k + 1][1])]
    return row


def _place(line: Line, row: list[tuple[int, int]], widths: list[float], before: list[str | None], top: bool) -> list[int]:
    """The column of each column line of ``row``, in order: the placing that fits the
    columns' widths best, keeps going the columns that went on in the line above, and
    starts none anew below the run's first line."""
    ncols, n = len(widths), len(row)
    sizes = [_size(line.part(a, b)) for a, b in row]
    ends = before

    def skip(c: int) -> float:  # column c holds nothing on this line
        if top or ends[c] is None:
            return 0.0
        return 0.3 if is_terminal(ends[c].rstrip()) else 1.0

    def use(c: int, size: float) -> float:
        fit = _group_cost(size, widths[c])
        if size > widths[c] + 2:
            fit += 1.5  # wider than the column by more than a character: another column's
        return fit + (0.8 if not top and ends[c] is None and any(e is not None for e in ends) else 0.0)

    inf = float("inf")
    # best[i][c]: cost of placing the first i column lines in the first c columns
    best = [[inf] * (ncols + 1) for _ in range(n + 1)]
    back = [[0] * (ncols + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for c in range(1, ncols + 1):
        best[0][c] = best[0][c - 1] + skip(c - 1)
    for i in range(1, n + 1):
        for c in range(i, ncols + 1):
            skipped = best[i][c - 1] + skip(c - 1)
            used = best[i - 1][c - 1] + use(c - 1, sizes[i - 1])
            best[i][c], back[i][c] = (used, 1) if used <= skipped else (skipped, 0)
    place: list[int] = []
    i, c = n, ncols
    while i > 0:
        if back[i][c]:
            place.append(c - 1)
            i -= 1
        c -= 1
    return place[::-1]
