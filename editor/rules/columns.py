"""Lines where the OCR read across the columns: Tesseract's own merged lines.

Where the lines of neighbouring columns stand on one baseline, Tesseract (page segmentation
3, the default) often reads them as one line, the pieces set apart by spaces and strewn
with the marks of the column ends::

    湖畔步道全线贯通，晨练的市民 。 新建的图书驿站里座无虚席 ”孩子们在草坪上放飞风筝

:mod:`editor.merged` finds pdftotext's merged lines, whose pieces are all Chinese text; the
OCR's pieces are also single marks (``。``, ``”``) read from the gutter, so the rules look
for these themselves, on pages that show they came from OCR. A line holds several columns
when it is clearly wider than a column of the page (:data:`WIDER`), has two or more pieces
of Chinese text none much wider than a column (:data:`PIECE`), stands in running text (a
line right above or below), and has another such line within two lines: one wide line
alone is a headline or a caption set across the page. Their spaces part columns and their
quotes pair with marks in other columns, so the space and pairing rules leave them to the
``merged-columns`` flag.
"""
from __future__ import annotations

import re
from statistics import median

from ..text import cells

_HAN = re.compile(r"[\u3400-\u9fff]")
_GAP = re.compile(r"\S\s+\S")
_WS = re.compile(r"\s+")
#: A line of several columns is at least this much wider than a column of the page.
WIDER = 1.45
#: No piece of it is wider than this many columns (a wide caption is one long piece).
PIECE = 1.3
#: Lines of one piece (four characters or more) needed to tell a column's width.
MIN_SINGLE = 8


def column_width(lines: list[str]) -> float:
    """A column's width (cells) on the page: the median of its lines of one piece; 0 when
    there are too few to tell."""
    single = [cells(s) for s in (line.strip() for line in lines)
              if len(s) >= 4 and not _GAP.search(s)]
    return float(median(single)) if len(single) >= MIN_SINGLE else 0.0


def across_columns(lines: list[str]) -> frozenset[int]:
    """The raw lines (0-based) that hold several columns side by side (see the module)."""
    width = column_width(lines)
    if not width:
        return frozenset()
    wide = [k for k, line in enumerate(lines) if _several(line, width) and _in_text(lines, k)]
    return frozenset(k for k in wide if any(0 < abs(k - j) <= 2 for j in wide))


def _several(line: str, width: float) -> bool:
    text = line.strip()
    if cells(text) < WIDER * width or not _GAP.search(text):
        return False
    pieces = [p for p in _WS.split(text) if len(_HAN.findall(p)) >= 2]
    return len(pieces) >= 2 and max(cells(p) for p in pieces) <= PIECE * width


def _in_text(lines: list[str], k: int) -> bool:
    return bool(k + 1 < len(lines) and lines[k + 1].strip()) or bool(k > 0 and lines[k - 1].strip())
