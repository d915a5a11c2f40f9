"""Raw lines as the parser reads them: where the text of each line starts and ends, its
indent, its width as set in type, and — for a page read from a PDF or an OCR file — its
box, type size and weight on the page.

A line's text is the raw line without its leading and trailing white space (Unicode
White_Space, see :mod:`editor.text`); blank lines are ``None``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Span
from .rawlines import RawLines
from .source import SourceLine
from .text import WHITESPACE, cells, indent_cells, lstrip, rstrip


@dataclass(eq=False, slots=True)
class Line:
    index: int           # 0-based raw line
    rows: RawLines       # the page's lines it is one of (lines hold no string of their own)
    start: int           # first non-white column
    end: int             # one past the last non-white column
    indent: int          # leading white space, in cells
    geom: SourceLine | None = None
    _cells: int = field(default=-1, repr=False)
    width: int = -1      # a full line's width where it stands, in cells (editor.layout); -1: unknown

    @property
    def raw(self) -> str:
        """The whole raw line (cut from the page's text when asked)."""
        return self.rows[self.index]

    @property
    def text(self) -> str:
        rows = self.rows
        base = rows.start(self.index)
        return rows.text[base + self.start:base + self.end]

    @property
    def cells(self) -> int:
        if self._cells < 0:
            self._cells = cells(self.text)
        return self._cells

    @property
    def span(self) -> Span:
        return Span(self.index, self.start, self.end)

    @property
    def first_column(self) -> int:
        """The first non-white column of the raw line (a piece of a merged line, or of a
        headline row, may start further right)."""
        raw = self.raw
        return len(raw) - len(lstrip(raw))

    def part(self, start: int, end: int) -> "Line":
        """The piece of this line from raw column ``start`` to ``end`` (no indent)."""
        return Line(self.index, self.rows, start, end, 0, self.geom)


def scan(raw_lines: Sequence[str], geometry: list[SourceLine | None] | None = None) -> list[Line | None]:
    """A Line per raw line, None for blank lines (empty or white space only). The lines
    are cut from the page's text (:class:`~editor.rawlines.RawLines`; a list of strings
    is joined into one first)."""
    if not isinstance(raw_lines, RawLines):
        raw_lines = RawLines("\n".join(raw_lines))
    out: list[Line | None] = []
    for i, raw in enumerate(raw_lines):
        stripped = lstrip(raw)
        if not stripped:
            out.append(None)
            continue
        start = len(raw) - len(stripped)
        end = len(rstrip(raw))
        geom = geometry[i] if geometry is not None and i < len(geometry) else None
        out.append(Line(i, raw_lines, start, end, indent_cells(raw), geom))
    return out


def inner_spaces(text: str) -> bool:
    """Does the text hold white space between its characters?"""
    return any(ch in WHITESPACE for ch in text)
