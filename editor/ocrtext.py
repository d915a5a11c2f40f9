"""What Tesseract's plain text does that the segmenter reads past (a part of
:class:`editor.segment.Segmenter`, which holds the page's lines and layout).

Tesseract prints a blank line after every block it finds, not only at column breaks:

- a paragraph's indented first line often becomes a block of its own, alone between blank
  lines, and looks like a short headline (:meth:`OcrReading.first_line_apart`);
- a byline of bare names stands between blank lines with the article's text under it
  (what :meth:`OcrReading.body_at` recognises as running text);
- a closing note (``（作者为……）``) whose bracket OCR misread or lost ends at its blank line
  (:meth:`OcrReading.note_ends`);
- what it reads in a picture comes out as scraps set far apart (:func:`picture_noise`);
- a headline set across two columns in large type is cut where the columns are: a piece of
  it (``展条例施行``) stands between blank lines inside a column's text, which goes on
  after it (:meth:`OcrReading.piece_at`); :func:`place_pieces` gives it back to its
  article's headline.
"""
from __future__ import annotations

import re

from . import words
from .bylines import credit_at, dateline_at, is_byline
from .text import CLOSERS, is_terminal

#: A headline's piece inside a column is this many lines at most.
_PIECE_LINES = 3

#: A note closing an article, in brackets (``（作者为……）``, ``〈摘编自……)``, the dateline
#: of a report set at its end, ``《本报墨西哥城7月5日电)``): never a headline.
NOTE = re.compile(r"^[（(〈《]{1,2}(?:作者|摘编自|摘自|来源|原载|本文|编者|(?:本报|新华社)[^（）()]{0,12}电[）)])")


_WIDE_GAP = re.compile(r"[ \u3000]{6,}")


def picture_noise(text: str) -> bool:
    """Characters OCR found in a picture: scraps of one or two characters set far apart
    (six spaces or more between them), no byline."""
    scraps = _WIDE_GAP.split(text.strip())
    return len(scraps) >= 2 and all(0 < len(p.strip()) <= 2 for p in scraps) and not is_byline(text)


class OcrReading:
    """Mixed into the Segmenter: reads ``self.items``, ``self.layout``, ``self.para`` and
    ``self.opens``."""

    def body_at(self, k: int) -> bool:
        """Does running text start at line ``k``: three lines or more with no blank line
        between them, none wider than the column (a headline spans columns) nor much
        narrower than the page's text (a headline set in a narrow column of its own)? A
        column's text, not a headline group, which is seldom more than two lines alone."""
        items, layout = self.items, self.layout
        run = items[k:k + 3]
        if len(run) < 3 or any(it.gap for it in run[1:]) or any(is_byline(it.text) for it in run):
            return False
        return all(0.6 * layout.text_width <= layout.extent(it.line) <= layout.width(it.line) + 2 for it in run)

    def first_line_apart(self, i: int) -> bool:
        """A paragraph's first line that OCR set apart (it was indented, so Tesseract made
        it a block of its own): alone between blank lines after finished text, on a page
        where blank lines part paragraphs, short of the column's text under it by about an
        indent (two or three characters), ending in no sentence end or closing bracket, and
        that text opens no article."""
        items, layout = self.items, self.layout
        if not layout.blank_paragraphs or self.para is None or not items[i].gap \
                or i + 1 >= len(items) or not items[i + 1].gap or not self.body_at(i + 1) or self.opens(i + 1):
            return False
        text = items[i].text
        if is_terminal(text) or text.endswith(tuple(CLOSERS)):
            return False
        width = max(layout.extent(it.line) for it in items[i + 1:i + 4])
        return 3 <= width - layout.extent(items[i].line) <= 6

    def note_ends(self, i: int) -> bool:
        """Does the note being read (``（作者为……）``) end before line ``i``, after a blank
        line? Only the line that closes its bracket goes on with it (over a column break):
        anything else is the next unit, even where OCR lost the bracket."""
        return bool(self.items[i].gap) and bool(NOTE.match(self.para.text)) \
            and not any(ch in "）)" for ch in self.items[i].text)

    def piece_at(self, i: int) -> int:
        """How many lines from ``i`` are a piece of a headline that OCR read inside a
        column (0: none)? Where blank lines part paragraphs, the paragraph being read
        broke off unfinished at a full line; after a blank line stand up to three short
        lines that could be a headline's (not the column's width; each alone between blank
        lines, or all on top of the text); then a full line goes on with the paragraph. No
        word runs from the paragraph into the piece (that would be its tail)."""
        items, layout, para = self.items, self.layout, self.para
        if not layout.blank_paragraphs or para is None or not items[i].gap or self.para_ended():
            return 0
        last = para.lines[-1]
        if not layout.full(last) or words.word_across(last.text, items[i].text):
            return 0
        k = i
        while k < len(items) and k - i < _PIECE_LINES and self._piece_line(k):
            k += 1
            if k < len(items) and layout.full(items[k].line) and not self.opens(k):
                return k - i
        return 0

    def heads_from_pieces(self) -> None:
        """A piece standing in the text of an article that has no headline over its
        opening (a dateline, a credit, a byline) becomes that headline, over the opening,
        before the articles are read, on a page that opens with a headline (headlines
        over their text); the others join their headline after (:func:`place_pieces`)."""
        units, kept = self.units, []
        first = next((u for u in units if u.kind not in ("furniture", "unplaced")), None)
        if first is None or first.kind != "heading":
            return
        for piece, para in self.pieces:
            k = next((n for n, u in enumerate(units) if u is para), None)
            start = None if k is None else self._opening_before(k)
            if start is None or (start and units[start - 1].kind == piece.kind):
                kept.append((piece, para))
            else:
                units.insert(start, piece)
        self.pieces = kept

    def _opening_before(self, k: int) -> int | None:
        """Where the article holding unit ``k`` opens (its byline, or text that opens with
        a dateline or credit), if no headline stands between; None otherwise."""
        for n in range(k, max(k - 30, -1), -1):
            unit = self.units[n]
            if unit.kind == "heading":
                return None
            if unit.kind == "byline" or (unit.kind == "paragraph" and (
                    dateline_at(unit.text[:40]) or credit_at(unit.lines[0].text))):
                return n - 1 if n and self.units[n - 1].kind == "byline" else n
        return None

    def _piece_line(self, k: int) -> bool:
        """Could line ``k`` be a piece of a headline inside a column: headline-like,
        clearly short of the column or wider than it (large type, but no sentence: a
        caption's line), no scraps set far apart, opening nothing?"""
        line, layout = self.items[k].line, self.layout
        extent, width = layout.extent(line), layout.width(line)
        if not self.heading_like(line, inner=True) or self.opens(k) or _WIDE_GAP.search(line.text.strip()):
            return False
        return extent <= 0.8 * width or (extent > width and "，" not in line.text)


def place_pieces(groups: list[list], pieces: list[tuple], blank: frozenset[int]) -> list[list]:
    """Each headline's piece (see :meth:`OcrReading.piece_at`) back into the headline of
    the article whose text it stood in, its lines in the page's order (a piece under the
    headline's first line, or over its last where the headline follows the text); into an
    article with no headline, as its headline. ``blank``: the page's blank raw lines."""
    for piece, para in pieces:
        group = next((g for g in groups if any(para.lines[0] in u.lines for u in g)), None)
        if group is None:
            groups.append([piece])
            continue
        heads = [u for u in group if u.kind == piece.kind]
        if not heads:
            group.insert(0, piece)
            continue
        head = min(heads, key=lambda u: abs(u.lines[0].index - piece.lines[0].index))
        head.lines = sorted(head.lines + piece.lines, key=lambda ln: ln.index)
        head.blanks = [tuple(k for k in range(a.index + 1, b.index) if k in blank)
                       for a, b in zip(head.lines, head.lines[1:])]
        head.why = f"{head.why}; {piece.why}" if head.why else piece.why
    return groups
