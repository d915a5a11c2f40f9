"""Where things stand on the page image: the boxes of a block, of a flag, of a raw line, the
raw line at a point, and the OCR's confidence per character.

Only for pages read from a PDF or an OCR file (``page.source_page``, see
:mod:`editor.source`); for a text page there is no geometry and every answer is empty.
Boxes are in the source's own units (PDF points, image pixels), origin top-left.

A block's boxes are the union, line by line, of its spans' character boxes: a character's
box runs from its ``char_x`` to the next character's (the line's end for the last one),
over the line's height. Characters the user typed have no box.
"""
from __future__ import annotations

from .model import Block, Page
from .source import Box, SourceLine, SourcePage

#: Words the OCR was less sure of than this are tinted on the image (0–1).
LOW_CONFIDENCE = 0.6


class Geometry:
    """The geometry of one page, with its raw line → source line map built once."""

    def __init__(self, source: SourcePage):
        self.source = source
        self._of_raw = source.line_of_raw()

    @property
    def size(self) -> tuple[float, float]:
        return self.source.width, self.source.height

    def line(self, raw: int) -> SourceLine | None:
        k = self._of_raw[raw] if 0 <= raw < len(self._of_raw) else -1
        return self.source.lines[k] if k >= 0 else None

    def span_box(self, raw: int, start: int, end: int) -> Box | None:
        """The box of characters ``[start, end)`` of raw line ``raw``."""
        line = self.line(raw)
        if line is None or end <= start:
            return None
        xs = line.char_x
        if len(xs) != len(line.text) or not xs:
            return line.box
        start, end = max(0, start), min(end, len(xs))
        if start >= end:
            return None
        x0 = xs[start]
        x1 = xs[end] if end < len(xs) else line.box.x1
        return Box(min(x0, x1), line.box.y0, max(x0, x1, min(x0, x1) + 0.5), line.box.y1)

    def line_box(self, raw: int) -> Box | None:
        line = self.line(raw)
        return line.box if line is not None else None

    def block_boxes(self, block: Block) -> list[Box]:
        """One box per raw line the block covers (the union of its spans on that line)."""
        by_line: dict[int, Box] = {}
        for span in block.spans:
            box = self.span_box(span.line, span.start, span.end)
            if box is not None:
                held = by_line.get(span.line)
                by_line[span.line] = box if held is None else held.union(box)
        return list(by_line.values())

    def range_boxes(self, line: int, column: int, end_line: int, end_column: int) -> list[Box]:
        """The boxes of a raw-page range, 0-based, end column exclusive (a flag's place)."""
        out = []
        for raw in range(line, max(line, end_line) + 1):
            source = self.line(raw)
            if source is None:
                continue
            start = column if raw == line else 0
            end = end_column if raw == end_line else len(source.text)
            box = self.span_box(raw, start, max(end, start + 1))
            if box is not None:
                out.append(box)
        return out

    def flag_boxes(self, flag) -> list[Box]:
        return self.range_boxes(flag.line - 1, flag.column - 1, flag.end_line - 1, flag.end_column - 1)

    def line_at(self, x: float, y: float) -> int:
        """The raw line whose box holds the point (the nearest one within a line's height),
        or -1."""
        best, best_d = -1, float("inf")
        for raw, k in enumerate(self._of_raw):
            if k < 0:
                continue
            b = self.source.lines[k].box
            dx = max(b.x0 - x, 0.0, x - b.x1)
            dy = max(b.y0 - y, 0.0, y - b.y1)
            d = dx + dy
            if d < best_d and d <= max(b.height, 1.0):
                best, best_d = raw, d
                if d == 0:
                    break
        return best

    def column_at(self, raw: int, x: float) -> int:
        """The character of raw line ``raw`` under ``x`` (0 when unknown)."""
        line = self.line(raw)
        if line is None or len(line.char_x) != len(line.text):
            return 0
        return max(0, sum(1 for cx in line.char_x if cx <= x) - 1)

    def char_confidence(self, raw: int, column: int) -> float | None:
        line = self.line(raw)
        if line is None:
            return None
        for word in line.words:
            if word.start <= column < word.end:
                return word.confidence
        return None

    def low_confidence_words(self, below: float = LOW_CONFIDENCE) -> list[tuple[Box, float]]:
        return [(w.box, w.confidence) for line in self.source.lines for w in line.words
                if w.confidence is not None and w.confidence < below]

    def has_confidence(self) -> bool:
        return any(w.confidence is not None for line in self.source.lines for w in line.words)


def geometry_of(page: Page | None) -> Geometry | None:
    """The page's geometry (made once per source page), or None for a text page."""
    source = getattr(page, "source_page", None)
    if not isinstance(source, SourcePage):
        return None
    held = source.__dict__.get("_geometry")
    if held is None:
        held = source.__dict__["_geometry"] = Geometry(source)
    return held


def confidence_source(page: Page):
    """For the rules (``check_page(..., confidence=...)``): the OCR's confidence of a block's
    character, or None when the page has no OCR confidences at all."""
    geometry = geometry_of(page)
    if geometry is None or not geometry.has_confidence():
        return None
    cache: dict[str, tuple[str, list]] = {}

    def confidence(block: Block, offset: int) -> float | None:
        held = cache.get(block.id)
        if held is None or held[0] != block.text:
            confs = [None if place is None else geometry.char_confidence(*place) for place in block.char_map()]
            held = cache[block.id] = (block.text, confs)
        confs = held[1]
        return confs[offset] if 0 <= offset < len(confs) else None

    return confidence
