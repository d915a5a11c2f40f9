"""Lines that hold several columns: what ``pdftotext`` makes of a page where the lines of
neighbouring columns stand on one baseline.

``pdftotext`` (default mode) reads a page block by block, but where lines of two or more
columns line up it prints them as one line, the pieces set apart by a space::

    本报北京7月3日 2030年，覆盖生产、 推行产品绿色设计，深 再制造，规范二手商品
    电 （记者刘志强）近
    …
    (blank)
    消费、回收、利用全链
    …

A **merged line** is a line of several pieces, each of Chinese text, together clearly
wider than a column there. Two cases:

- **The first lines of the columns** (the case above): one merged line, and under it the
  rest of the first column, then — after blank lines — the rest of each further column.
  Each piece goes back to the top of its column: :func:`rethread` gives the parser the
  lines in the order they are read, as pieces of raw lines (nothing is moved in the raw
  page; the blocks just take their spans from where the text is).
- **Columns merged line by line** (a narrow gutter): a run of merged lines. Where two
  columns make the run, :func:`unzip` reads the left column's pieces, then the right's
  (a line of one piece among them — the columns' lines did not line up — goes with the
  column whose sentence it goes on); other runs are kept as they are. Either way the
  lines are never taken for headlines, and the rule ``merged-columns`` flags each run
  once, so the proofreader compares with the PDF (which jiaodui reads with its geometry).
"""
from __future__ import annotations

import re
from statistics import median

from .bylines import dateline_at, is_byline, is_name_line
from .lines import Line
from .text import WHITESPACE, cells, is_furniture, is_terminal, is_top_furniture

_HAN = re.compile(r"[\u3400-\u9fff]")
#: A merged line is at least this much wider than a column there.
WIDER = 1.45


#: A piece: what lies between spaces (Unicode White_Space; ``\\S`` would also part pieces
#: at U+001C–U+001F, and a piece's control character would belong to no block).
_PIECE = re.compile(f"[^{re.escape(''.join(sorted(WHITESPACE)))}]+")


def pieces(text: str) -> list[tuple[int, int]]:
    """The space-separated pieces of ``text`` as (start, end) offsets."""
    return [(m.start(), m.end()) for m in _PIECE.finditer(text)]


def chinese(piece: str) -> bool:
    """A piece of Chinese text: two Han characters or more."""
    return len(_HAN.findall(piece)) >= 2


def merged_lines(lines: list[Line | None]) -> dict[int, list[tuple[int, int]]]:
    """Position in ``lines`` → the pieces (raw columns) of each merged line."""
    content = [k for k, ln in enumerate(lines) if ln is not None]
    out: dict[int, list[tuple[int, int]]] = {}
    page_width = None  # measured when the first candidate comes (most pages have none)
    for n, k in enumerate(content):
        line = lines[k]
        if " " not in line.text and "\u3000" not in line.text:
            continue
        parts = pieces(line.text)
        if len(parts) < 2 or not all(chinese(line.text[a:b]) for a, b in parts):
            continue
        if is_byline(line.text) or _spaced_out(line.text, parts):
            continue
        alone = not _in_text(lines, k)  # between blank lines: the tops of columns, or a headline
        if len(parts) == 2 and line.text[parts[1][0]:parts[1][1]].startswith(("（", "(")):
            continue  # a credit after a dateline: "本报北京5月25日电 （记者孙秀艳）……"
        if page_width is None:
            page_width = _page_width(lines, content)
        near = [lines[j].cells for j in content[max(0, n - 12):n + 13]
                if j != k and _single(lines[j].text) and len(lines[j].text) >= 4]
        # the lines of one piece near a merged line are often the short ends of columns:
        # the page's width keeps the estimate honest
        width = max(median(near), page_width) if len(near) >= 4 else page_width
        if not width:
            continue
        widths = [cells(line.text[a:b]) for a, b in parts]
        if cells(line.text) < WIDER * width:
            continue
        if len(parts) == 2 and (max(widths) > 1.25 * width or min(widths) < 0.45 * width):
            continue  # two pieces must each be about a column wide; three or more say enough
        if (alone or _over_stub(lines, k, width) or _short_block(lines, k)) and not _runs_on(lines, k, line, parts):
            continue  # phrases of a headline set apart by spaces, not the tops of columns
        if dateline_at(line.text) and len(parts) <= 2:
            continue
        out[k] = [(line.start + a, line.start + b) for a, b in parts]
    return out


def _page_width(lines: list[Line | None], content: list[int]) -> float:
    """A column's width on this page: the median of the lines of one piece or, on a page
    where nearly every line holds several columns, of the pieces themselves."""
    single = [lines[k].cells for k in content if _single(lines[k].text) and len(lines[k].text) >= 4]
    if len(single) >= 8:
        return median(single)
    several = [k for k in content if not _single(lines[k].text)]
    if len(several) < max(8, 0.4 * len(content)):
        return 0.0  # too little to go by
    parts = [cells(lines[k].text[a:b]) for k in several for a, b in pieces(lines[k].text) if b - a >= 4]
    return median(parts) if len(parts) >= 8 else 0.0


def _single(text: str) -> bool:
    """A line of one piece (no white space inside)."""
    return " " not in text and "\u3000" not in text and "\t" not in text


def _in_text(lines: list[Line | None], k: int) -> bool:
    """Is line ``k`` part of running text (a line right under or over it), not a line
    standing alone between blank lines (a headline of parallel phrases)?"""
    return (k + 1 < len(lines) and lines[k + 1] is not None) or (k > 0 and lines[k - 1] is not None)


def _over_stub(lines: list[Line | None], k: int, width: float) -> bool:
    """Does line ``k`` open a block, with a stub under it (a few characters ending no
    sentence: ``南``, ``潮）``), as a row of headlines does whose lines wrapped? The tops
    of columns have the first column's next line under them."""
    if k > 0 and lines[k - 1] is not None or k + 1 >= len(lines) or lines[k + 1] is None:
        return False
    under = lines[k + 1].text
    return cells(under) <= 0.35 * width and not is_terminal(under) and not is_name_line(under)


def _short_block(lines: list[Line | None], k: int, most: int = 3) -> bool:
    """Does line ``k`` stand in a block (lines between blank lines) of ``most`` lines or
    fewer, as headline groups do? The tops of columns have a column of text under them."""
    top = k
    while top > 0 and lines[top - 1] is not None:
        top -= 1
    end = k
    while end + 1 < len(lines) and lines[end + 1] is not None:
        end += 1
    return end - top + 1 <= most


def _spaced_out(text: str, parts: list[tuple[int, int]]) -> bool:
    """Letter-spaced or justified text (``130 亿 立 方 米 。``): pieces of one or two
    characters, most of them."""
    short = sum(1 for a, b in parts if b - a <= 2)
    return short >= 0.5 * len(parts)


def rethread(lines: list[Line | None], found: dict | None = None
             ) -> tuple[list[Line | None], dict[int, list[tuple[int, int]]]]:
    """The lines in reading order, the first lines of merged columns put back at the top
    of their columns, two columns merged line by line read one after the other; and the
    merged lines found (see :func:`merged_lines`; with the lines of such a run that
    :func:`unzip` parted too). ``found``: :func:`merged_lines` of ``lines`` where the
    caller has it already."""
    found = merged_lines(lines) if found is None else found
    if not found:
        return lines, found
    out = list(lines)
    runs = _in_runs(lines, found)
    for k in sorted(found, reverse=True):
        nxt = k + 1
        if k in runs or (nxt < len(lines) and lines[nxt] is not None and nxt in found):
            continue  # a run of merged lines: columns merged line by line (below)
        if k - 1 in found:
            continue
        out = _distribute(out, k, found[k])
    return unzip(out, found)


def _targets(lines: list[Line | None], k: int, n: int) -> list[int] | None:
    """Where the columns of the ``n`` pieces of merged line ``k`` go on: the lines right
    under it are the first column's (-1: the first piece stays), each later block after
    blank lines the next column's. None if fewer blocks follow."""
    starts: list[int] = []
    pos = k + 1
    if pos < len(lines) and lines[pos] is not None:
        starts.append(-1)
    while pos < len(lines) and len(starts) < n:
        if lines[pos] is None:
            while pos < len(lines) and lines[pos] is None:
                pos += 1
            if pos < len(lines):
                starts.append(pos)
        pos += 1
    return starts if len(starts) >= n else None


def _runs_on(lines: list[Line | None], k: int, line: Line, parts: list[tuple[int, int]]) -> bool:
    """Do most pieces of a line standing alone run on into the block that would be their
    column's (a comma or 、 at the piece's end, a dateline or a word across)? The tops of
    columns do; the phrases of a headline end where they end."""
    from . import words

    starts = _targets(lines, k, len(parts))
    if starts is None:
        return False
    hits = 0
    for (a, b), pos in zip(parts, starts):
        if pos < 0:
            hits += 1
            continue
        piece, nxt = line.text[a:b], lines[pos].text
        if piece.endswith(tuple("，、：；,")) or dateline_at(piece + nxt) and not dateline_at(piece) \
                or words.word_across(piece, nxt):
            hits += 1
    return hits * 2 >= len(parts) + 1


def _distribute(lines: list[Line | None], k: int, parts: list[tuple[int, int]]) -> list[Line | None]:
    """Put piece j of merged line ``k`` on top of the j-th column that follows it."""
    line = lines[k]
    starts = _targets(lines, k, len(parts))
    if starts is None:
        return lines
    piece = [line.part(a, b) for a, b in parts]
    out = list(lines)
    for j in range(len(parts) - 1, -1, -1):
        if starts[j] >= 0:
            out.insert(starts[j], piece[j])
    if starts[0] >= 0:
        del out[k]  # the first piece went to its column too
    else:
        out[k] = piece[0]
    return out


# --- two columns merged line by line ------------------------------------------------------

#: A block is read as two columns merged line by line where it holds this many merged lines.
_RUN = 3


def unzip(lines: list[Line | None], found: dict) -> tuple[list[Line | None], dict]:
    """Blocks (lines between blank lines) where two columns were merged line by line:
    the left column's pieces, then the right column's, from the block's first merged line
    on. A line of one piece among them (the columns' lines did not line up) goes with the
    column it goes on: a paragraph's first line (short by an indent) after a finished
    sentence, any other line where a sentence is open, a word across deciding between two.
    Blocks where a line will not part in two stay as they are (the flag speaks for them)."""
    found = dict(found)
    return each_block(lines, lambda block: _unzip_block(block, found) or None), found


def each_block(lines: list[Line | None], rework) -> list[Line | None]:
    """``lines`` with each run of lines between blank ones (None) replaced by
    ``rework(run)``, or kept as it is where that gives None (``lines`` itself, the same
    list, when no run was replaced)."""
    out: list[Line | None] = []
    changed = False
    k = 0
    while k < len(lines):
        if lines[k] is None:
            out.append(None)
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end] is not None:
            end += 1
        block = lines[k:end]
        done = rework(block)
        changed = changed or done is not None
        out.extend(block if done is None else done)
        k = end
    return out if changed else lines


def _blocks(lines: list[Line | None]) -> list[list[Line]]:
    out: list[list[Line]] = []
    for k, line in enumerate(lines):
        if line is not None:
            if k == 0 or lines[k - 1] is None:
                out.append([])
            out[-1].append(line)
    return out


def _twos(block: list[Line], found: dict) -> list[int]:
    """Positions in ``block`` of its merged lines of two pieces, whole lines."""
    return [n for n, ln in enumerate(block) if ln.index in found and len(found[ln.index]) == 2
            and ln.start == ln.first_column]


def _in_runs(lines: list[Line | None], found: dict) -> set[int]:
    """The raw lines of blocks that :func:`unzip` reads as two columns merged line by line."""
    return {ln.index for block in _blocks(lines) if len(_twos(block, found)) >= _RUN for ln in block}


def _unzip_block(block: list[Line], found: dict) -> list[Line] | None:
    twos = _twos(block, found)
    if len(twos) < _RUN:
        return None
    first = twos[0]
    left_w = median(cells(block[n].raw[a:b]) for n in twos for a, b in found[block[n].index][:1])
    right_w = median(cells(block[n].raw[a:b]) for n in twos for a, b in found[block[n].index][1:])
    while first > 0 and _halves(block[first - 1], left_w, right_w, False) is not None:
        first -= 1  # a line the test for merged lines let go (a dateline's) parts as well
    cols: tuple[list[Line], list[Line]] = ([], [])
    for line in block[first:]:
        halves = _halves(line, left_w, right_w, line.index in found)
        if halves is not None:
            cols[0].append(halves[0])
            cols[1].append(halves[1])
            continue
        cols[_column_of(line, cols, (left_w, right_w))].append(line)
    if not cols[1]:
        return None
    for line in block[first:]:  # the run, lines of one column among them, is one flag's
        found.setdefault(line.index, [])
    return block[:first] + cols[0] + cols[1]




def _halves(line: Line, left_w: float, right_w: float, merged: bool) -> tuple[Line, Line] | None:
    """The line parted in two columns; None for a line of one column. A merged line of two
    pieces parts at its space; another at the space that leaves each side nearest its
    column's width (letter-spaced text counted without its spaces), the left side within
    40 % of it (the right may be a paragraph's short last line)."""
    parts = pieces(line.text)
    if len(parts) < 2 or is_byline(line.text) or is_furniture(line.text) or is_top_furniture(line.text):
        return None  # a byline's or a date's spaces part no columns
    text = line.text
    if merged and len(parts) == 2:
        n = 1
    else:
        best = None
        for n in range(1, len(parts)):
            left, right = _solid(text[:parts[n - 1][1]]), _solid(text[parts[n][0]:])
            miss = abs(cells(left) - left_w) / left_w + abs(cells(right) - right_w) / right_w
            miss += 0.1 * (len(right) < len(text[parts[n][0]:]))  # letter-spaced text is one column's
            if best is None or miss < best[0]:
                best = (miss, n, cells(left), cells(right), right)
        miss, n, lc, rc, right = best
        if abs(lc - left_w) > 0.4 * left_w or rc > 1.4 * right_w or not _HAN.search(right):
            return None
        if len(_HAN.findall(right)) < 2 and abs(lc - left_w) > 0.15 * left_w:
            return None  # a mark or two after a short line: the line's own, not a column's
    cut_left, cut_right = line.start + parts[n - 1][1], line.start + parts[n][0]
    return line.part(line.start, cut_left), line.part(cut_right, line.end)


def _solid(text: str) -> str:
    return "".join(text.split())


def _column_of(line: Line, cols: tuple[list[Line], list[Line]], widths: tuple[float, float]) -> int:
    """Which column a line of one piece goes on (see :func:`unzip`)."""
    text = line.text
    width = cells(text)
    first_line = not is_terminal(text) and widths[0] - 6 <= width <= max(widths) - 3
    want_open = not first_line
    ends = [col[-1].text if col else "" for col in cols]
    for n, end in enumerate(ends):  # "本报北京8月13日" / "电 （记者王昊男）记……"
        if end and dateline_at(end + text) and not dateline_at(end):
            return n
    fits = [bool(end) and (not is_terminal(end)) == want_open for end in ends]
    if first_line and not any(ends):
        return 0
    if fits[0] != fits[1]:
        return 0 if fits[0] else 1
    from . import words

    across = [bool(end) and words.word_across(end, text) is not None for end in ends]
    if across[0] != across[1]:
        return 0 if across[0] else 1
    return 0


