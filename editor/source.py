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
    sha256: str = ""             # of the file it was read from (set by the loader)

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


# --- in the project file ------------------------------------------------------------------
# A project keeps the geometry its page was read with, so that it reopens with its boxes
# (and its image) without the PDF or OCR file. Each line names the raw line it is (its text
# is the raw page's); nothing read back may point outside the page.

def _line_json(line: SourceLine, raw: int) -> dict:
    data: dict = {"raw": raw, "box": line.box.to_json(), "size": round(line.size, 2)}
    if line.bold:
        data["bold"] = True
    if line.region != -1:
        data["region"] = line.region
    if line.group != -1:
        data["group"] = line.group
    if line.char_x:
        data["x"] = [round(x, 2) for x in line.char_x]
    if line.words:
        data["words"] = [[w.start, w.end, *w.box.to_json(), w.confidence] for w in line.words]
    if line.runs:
        data["runs"] = [[r.start, r.end, round(r.size, 2), r.bold, r.font] for r in line.runs]
    return data


def source_to_json(page: SourcePage) -> dict:
    raws = [k for k, i in enumerate(page.line_of_raw()) if i >= 0]
    return {"kind": page.kind, "path": page.path, "sha256": page.sha256, "number": page.number,
            "count": page.count, "width": page.width, "height": page.height, "unit": page.unit,
            "image": page.image, "meta": dict(page.meta),
            "lines": [_line_json(line, raw) for line, raw in zip(page.lines, raws)]}


def _finite(value) -> float:
    v = float(value)
    if v != v or v in (float("inf"), float("-inf")):
        raise ValueError("not a finite number")
    return v


def _box(data) -> Box:
    x0, y0, x1, y1 = (_finite(v) for v in data)
    return Box(x0, y0, x1, y1)


def _line_from_json(data: dict, raw_lines: list[str]) -> tuple[int, SourceLine]:
    raw = int(data["raw"])
    if not 0 <= raw < len(raw_lines):
        raise ValueError("a line outside the raw page")
    text = raw_lines[raw]
    xs = tuple(_finite(x) for x in data.get("x", ()))
    if len(xs) not in (0, len(text)):
        raise ValueError("character positions do not fit the line")
    words = []
    for w in data.get("words", ()):
        start, end, x0, y0, x1, y1, conf = w
        if not 0 <= int(start) <= int(end) <= len(text):
            raise ValueError("a word outside its line")
        words.append(Word(int(start), int(end), _box((x0, y0, x1, y1)),
                          None if conf is None else min(1.0, max(0.0, _finite(conf)))))
    runs = []
    for r in data.get("runs", ()):
        start, end, size, bold, font = r
        if not 0 <= int(start) <= int(end) <= len(text):
            raise ValueError("a style run outside its line")
        runs.append(StyleRun(int(start), int(end), _finite(size), bool(bold), str(font)))
    return raw, SourceLine(text=text, box=_box(data["box"]), size=_finite(data.get("size", 0)),
                           bold=bool(data.get("bold", False)), region=int(data.get("region", -1)),
                           words=tuple(words), char_x=xs, runs=tuple(runs),
                           group=int(data.get("group", -1)))


def source_from_json(data: dict, raw_lines: list[str]) -> SourcePage:
    """The SourcePage a project file keeps, checked against the page's raw lines;
    ValueError (or KeyError, TypeError) when it does not fit them."""
    items = data["lines"]
    if not isinstance(items, list) or len(items) > len(raw_lines):
        raise ValueError("more lines than the raw page has")
    pairs = [_line_from_json(item, raw_lines) for item in items]
    page = SourcePage(lines=[line for _raw, line in pairs], width=_finite(data["width"]),
                      height=_finite(data["height"]), kind=str(data["kind"]), path=str(data.get("path", "")),
                      number=int(data.get("number", 1)), count=int(data.get("count", 1)),
                      image=str(data.get("image", "")), unit=str(data.get("unit", "pt")),
                      meta={str(k): str(v) for k, v in (data.get("meta") or {}).items()},
                      sha256=str(data.get("sha256", "")))
    mapped = [k for k, i in enumerate(page.line_of_raw()) if i >= 0]
    if mapped != [raw for raw, _line in pairs] or len(page.raw_lines()) != len(raw_lines):
        raise ValueError("the lines do not make the raw page")
    return page
