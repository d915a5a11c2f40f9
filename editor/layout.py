"""What the page itself says about how it was set: the facts the parser weighs.

- **Indents**: does the page indent its paragraphs (``　　本报讯…``)? ``pdftotext`` and
  OCR drop indents; text pages keep them.
- **Column width**, locally: the width of a full line where a line stands, from the lines
  around it (columns of one page differ: 10, 14 and 16 characters on one PDF page). A line
  short of it ends a paragraph, or lost its indent, or is display type.
- **Blank lines**: at column breaks only (text pages, ``pdftotext``), or between
  paragraphs as well (Tesseract puts one after each paragraph it finds)?

Widths are in cells (a Chinese character two, a digit one; see :func:`editor.text.cells`),
and a line's *extent* counts its indent too, so that an indented first line and a full
line of the same paragraph reach the same width.
"""
from __future__ import annotations

import bisect
import re

from .lines import Line
from .text import cells, is_terminal

#: A segment (run of lines between blank lines) this long tells its own column width.
_OWN_WIDTH = 4


class Layout:
    def __init__(self, lines: list[Line | None]):
        self.lines = lines
        content = [ln for ln in lines if ln is not None]
        self.content = content
        self.geometry = bool(content) and all(ln.geom is not None for ln in content)
        self.body_size = _body_size(content) if self.geometry else 0.0
        # OCR gives glyph heights, which vary from line to line by a sixth; PDFs give the
        # type size itself.
        self._display = 1.4 if self.geometry and content[0].geom.words else 1.1
        self._right: dict[int, float] = {}
        self._text_top: float | None = None
        self._region_lines: dict[int, int] = {}
        for ln in content:
            if ln.geom is not None:
                self._region_lines[ln.geom.region] = self._region_lines.get(ln.geom.region, 0) + 1
        if self.geometry:
            self._indents_from_boxes(content)
            body = [ln.geom.box.y0 for ln in content if abs(_size(ln) - self.body_size) <= 0.15 * self.body_size
                    and len(ln.text) >= 6]
            self._text_top = min(body) if body else None
        self.base_indent = min((ln.indent for ln in content), default=0)
        indented = sum(1 for ln in content if ln.indent - self.base_indent >= 2)
        self.indented = indented >= max(2, 0.03 * len(content))
        extents = sorted(self.extent(ln) for ln in content)
        #: The extent of the page's typical line: its running text (most lines are).
        self.text_width = extents[len(extents) // 2] if extents else 0
        self._segments = _segments(lines)
        self._measure_widths()
        self.blank_paragraphs = not self.indented and self._blanks_end_sentences()

    # --- widths ---------------------------------------------------------------------
    def extent(self, line: Line) -> int:
        """The line's reach from the column's left edge: indent (above the page's least)
        plus text, in cells."""
        return line.indent - self.base_indent + line.cells

    def width(self, line: Line) -> int:
        """The width of a full line where ``line`` stands."""
        return line.width if line.width >= 0 else line.cells

    def is_indented(self, line: Line) -> bool:
        return self.indented and line.indent - self.base_indent >= 2

    def full(self, line: Line, slack: int = 2) -> bool:
        """Does the line reach (nearly) the full column width? (``slack`` in cells)"""
        if line.geom is not None and line.geom.region in self._right:
            return line.geom.box.x1 >= self._right[line.geom.region] - slack / 2 * _size(line)
        return self.extent(line) >= self.width(line) - slack

    def short(self, line: Line) -> bool:
        """Does the line stop short of the column by a character or more?"""
        if line.geom is not None and line.geom.region in self._right:
            return line.geom.box.x1 <= self._right[line.geom.region] - 0.9 * _size(line)
        return self.extent(line) <= self.width(line) - 3

    # --- geometry ---------------------------------------------------------------------
    def display(self, line: Line) -> bool | None:
        """Is the line set in display type (larger than the text)? None without geometry.
        OCR's heights are rough: a line a little larger than the text counts when it
        stands in a region of its own (a kicker over its headline)."""
        if line.geom is None or not self.body_size:
            return None
        ratio = _size(line) / self.body_size
        if ratio >= self._display:
            return True
        return ratio >= 1.12 and self._display > 1.12 and self._region_lines.get(line.geom.region, 0) <= 2

    def top_band(self, line: Line) -> bool:
        """Does the line stand above all the page's text (masthead, section, date)?"""
        if line.geom is None or self._text_top is None:
            return False
        return line.geom.box.y1 <= self._text_top

    def small(self, line: Line) -> bool:
        """Set smaller than the text (captions, editors' lines, credits)?"""
        return line.geom is not None and bool(self.body_size) and _size(line) <= 0.92 * self.body_size

    def _indents_from_boxes(self, content: list[Line]) -> None:
        """Indents (in cells) and column edges from the boxes: a line's indent is how far
        it starts right of its column's left edge, in half ems of its own type."""
        edges: dict[int, tuple[float, float]] = {}
        for ln in content:
            if abs(_size(ln) - self.body_size) > 0.1 * self.body_size:
                continue
            box, region = ln.geom.box, ln.geom.region
            left, right = edges.get(region, (box.x0, box.x1))
            edges[region] = (min(left, box.x0), max(right, box.x1))
        prev: Line | None = None
        for ln in content:
            region = ln.geom.region
            if region not in edges:
                continue
            left, right = edges[region]
            self._right[region] = right
            offset = ln.geom.box.x0 - left
            ln.indent = int(round(offset / (_size(ln) / 2))) if offset > 0.5 * _size(ln) else 0
            if prev is not None and same_row(prev, ln):
                ln.indent = 0  # the rest of the line before, cut off by a wide gap
            prev = ln

    def lost_indent(self, line: Line, following: str = "") -> bool:
        """On a page without indents, is the line short by about the two characters an
        indent takes (a paragraph's first line whose indent the extraction dropped)? With
        the next line's text (``following``): short by an indent plus less than the next
        line's first word, which could not follow (``软件业利润总额`` / ``3894亿元，…``:
        the number did not fit after the indent)."""
        if self.indented:
            return False
        gap = self.width(line) - self.extent(line)
        lead = lead_cells(following) if following else 2
        # digits and Latin letters are set wider than the cell they count for
        slack = 1 if _HALF_WIDTH.search(line.text + following[:1]) else 0
        # before a number, a line in mid-paragraph stops short by less than the number
        least = lead if _HALF_WIDTH.match(following[:1]) else 3
        # OCR's lines hold digits and half-width marks of one cell: an indent looks wider
        ocr = 1 if getattr(self, "blank_paragraphs", False) else 0
        return least <= gap <= lead + 3 + slack + ocr

    def filled(self, line: Line, following: str) -> bool:
        """Is the line full, or short only by the next line's first word, which did not
        fit (``…为指`` / ``导，…``: a comma may not open a line)?"""
        gap = self.width(line) - self.extent(line) - len(_HALF_WIDTH.findall(line.text)) // 4
        return gap <= max(1, lead_cells(following) - 1)

    def runs_on(self, line: Line, following: str) -> bool:
        """Could the line be running text, full but for the next line's first word (and
        an indent the extraction dropped)? Then it is no label set on a line of its own."""
        if self.indented:
            return False
        return self.width(line) - self.extent(line) < lead_cells(following) + 5

    def _measure_widths(self) -> None:
        """Each segment long enough states its width (the 70th percentile of its line
        extents: full lines dominate running text, the few wide headlines do not); a
        short segment takes the width of the nearest long one."""
        own: list[int | None] = []
        for seg in self._segments:
            if len(seg) >= _OWN_WIDTH:
                extents = sorted(self.extent(ln) for ln in seg)
                own.append(extents[min(len(extents) - 1, int(0.7 * len(extents)))])
            else:
                own.append(None)
        known = [k for k, w in enumerate(own) if w is not None]
        widest = max((self.extent(ln) for ln in self.content), default=0)
        for k, seg in enumerate(self._segments):
            width = own[k]
            if width is None:  # the nearest segment that states it, else the page's widest line
                at = bisect.bisect_left(known, k)
                near = [known[j] for j in (at - 1, at) if 0 <= j < len(known)]
                width = own[min(near, key=lambda j: abs(j - k))] if near else widest
            for ln in seg:
                ln.width = width

    # --- blank lines ----------------------------------------------------------------
    def _blanks_end_sentences(self) -> bool:
        """Do blank lines mostly come after a finished sentence (so they part paragraphs),
        or mostly in mid-sentence (column breaks)? Only the blank lines between two long
        segments count: headlines and bylines stand between blank lines on any page."""
        ends = total = 0
        for prev, nxt in zip(self._segments, self._segments[1:]):
            if len(prev) < 2 or len(nxt) < 2:
                continue
            total += 1
            ends += is_terminal(prev[-1].text)
        return total >= 3 and ends > 0.5 * total


_HALF_WIDTH = re.compile(r"[0-9A-Za-z]")
#: What cannot stand apart at a line's start: a run of digits or Latin, or one character
#: with the closing marks that may not open a line (``型。``, ``来，``).
_LEAD = re.compile(r"[0-9A-Za-z.%/+\-]+|.[，。、；：？！”’）》」』,.;:?!)]*")


def lead_cells(text: str) -> int:
    """The width (cells) of a text's first piece that a line cannot break inside."""
    m = _LEAD.match(text.lstrip())
    return cells(m.group()) if m else 0


def _segments(lines: list[Line | None]) -> list[list[Line]]:
    """Runs of consecutive non-blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line is None:
            if current:
                out.append(current)
                current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


def same_row(a: Line, b: Line) -> bool:
    """Do two lines of one region stand on one baseline (one line cut in two)?"""
    if a.geom is None or b.geom is None or a.geom.region != b.geom.region:
        return False
    return abs(a.geom.box.y1 - b.geom.box.y1) < 0.3 * _size(a) and b.geom.box.x0 > a.geom.box.x0


def _size(line: Line) -> float:
    return line.geom.size if line.geom is not None and line.geom.size else 1.0


def _body_size(content: list[Line]) -> float:
    """The type size of the text: the median size of the page's characters."""
    sizes = sorted((_size(ln), len(ln.text)) for ln in content)
    half, seen = sum(n for _s, n in sizes) / 2, 0
    for size, n in sizes:
        seen += n
        if seen >= half:
            return size
    return 0.0
