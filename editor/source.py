"""What a reader of a laid-out file (PDF, hOCR, ALTO, PAGE XML) hands the parser.

Geometry as data: whichever file it came from, a page is a list of lines in reading
order, each with its box on the page, its type size and weight, the region (column or
text block) the reader put it in and, from OCR, its words with their confidence. The
parser decides structure from this one shape; a plain-text page is the same shape without
the geometry.

Coordinates are the file's own (PDF points, image pixels), origin top-left, y downwards.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: "Box") -> "Box":
        return Box(min(self.x0, other.x0), min(self.y0, other.y0),
                   max(self.x1, other.x1), max(self.y1, other.y1))

    def to_json(self) -> list[float]:
        return [round(self.x0, 2), round(self.y0, 2), round(self.x1, 2), round(self.y1, 2)]

    @classmethod
    def from_json(cls, data) -> "Box":
        x0, y0, x1, y1 = (float(v) for v in data)
        return cls(x0, y0, x1, y1)


@dataclass(frozen=True)
class Word:
    """An OCR word: its characters in the line's text, its box and its confidence (0–1)."""

    start: int          # first character of the word in SourceLine.text
    end: int            # one past its last character
    box: Box
    confidence: float | None = None


@dataclass(frozen=True)
class StyleRun:
    """Characters ``start``..``end`` of a line set in one font, size and weight (PDF)."""

    start: int
    end: int
    size: float
    bold: bool
    font: str = ""      # the font's name as the file gives it ("" when it has none)


@dataclass
class SourceLine:
    """One line of text as laid out on the page."""

    text: str
    box: Box
    size: float = 0.0            # type size (PDF) or glyph height (OCR), in page units
    bold: bool = False
    region: int = -1             # the column / text block the reader put it in
    words: tuple[Word, ...] = ()  # OCR words (empty for PDF)
    # x0 of each character of ``text`` (PDF: from the glyphs; OCR: spread over the words);
    # empty when unknown. Lets a flag or a selection be outlined on the image.
    char_x: tuple[float, ...] = ()
    # Style runs over ``text`` (PDF: a bold dateline and the regular text after it on one
    # line are two runs); empty when the file does not say (OCR).
    runs: tuple[StyleRun, ...] = ()
    # The block the region sits in on the page: the cell between rules / wide gaps that
    # the reading order found (an article's columns and its headline group usually share
    # one). A hint for the parser, -1 when unknown.
    group: int = -1


@dataclass
class SourcePage:
    """A page of a PDF or an OCR file, as lines in reading order."""

    lines: list[SourceLine]
    width: float
    height: float
    kind: str                    # "pdf", "hocr", "alto", "page"
    path: str = ""
    number: int = 1              # 1-based page number in the file
    count: int = 1               # pages in the file
    image: str = ""              # the page image an OCR file points to (resolved), if any
    unit: str = "pt"             # "pt" (PDF) or "px" (images)
    meta: dict[str, str] = field(default_factory=dict)

    def raw_lines(self) -> list[str]:
        """The page as a text page: lines in reading order, ONE blank line between regions.

        This is the raw page the text parser reads; line ``i`` of it is
        ``self.lines[self.line_of_raw()[i]]`` (or a blank separator).
        """
        out: list[str] = []
        last = None
        for line in self.lines:
            if out and line.region != last:
                out.append("")
            out.append(line.text)
            last = line.region
        return out

    def raw_text(self) -> str:
        return "\n".join(self.raw_lines()) + ("\n" if self.lines else "")

    def line_of_raw(self) -> list[int]:
        """For each raw line (``raw_lines``), the index of its SourceLine, or -1 for a blank."""
        out: list[int] = []
        last = None
        for i, line in enumerate(self.lines):
            if out and line.region != last:
                out.append(-1)
            out.append(i)
            last = line.region
        return out
