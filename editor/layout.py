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

from .lines import Line
from .text import is_terminal

#: A segment (run of lines between blank lines) this long tells its own column width.
_OWN_WIDTH = 4


class Layout:
    def __init__(self, lines: list[Line | None]):
        self.lines = lines
        content = [ln for ln in lines if ln is not None]
        self.content = content
        self.base_indent = min((ln.indent for ln in content), default=0)
        indented = sum(1 for ln in content if ln.indent - self.base_indent >= 2)
        self.indented = indented >= max(2, 0.03 * len(content))
        self._width: dict[int, int] = {}
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
        return self._width.get(line.index, line.cells)

    def is_indented(self, line: Line) -> bool:
        return self.indented and line.indent - self.base_indent >= 2

    def full(self, line: Line, slack: int = 2) -> bool:
        """Does the line reach (nearly) the full column width?"""
        return self.extent(line) >= self.width(line) - slack

    def short(self, line: Line) -> bool:
        """Does the line stop short of the column by a character or more?"""
        return self.extent(line) <= self.width(line) - 3

    def lost_indent(self, line: Line) -> bool:
        """On a page without indents, is the line short by about the two characters an
        indent takes (a paragraph's first line whose indent the extraction dropped)?"""
        if self.indented:
            return False
        gap = self.width(line) - self.extent(line)
        return 3 <= gap <= 5

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
        known = [(k, w) for k, w in enumerate(own) if w is not None]
        for k, seg in enumerate(self._segments):
            width = own[k]
            if width is None:
                width = (min(known, key=lambda kw: abs(kw[0] - k))[1] if known
                         else max(self.extent(ln) for ln in seg))
            for ln in seg:
                self._width[ln.index] = width

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
