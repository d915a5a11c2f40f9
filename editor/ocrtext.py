"""What Tesseract's plain text does that the segmenter reads past (a part of
:class:`editor.segment.Segmenter`, which holds the page's lines and layout).

Tesseract prints a blank line after every block it finds, not only at column breaks:

- a paragraph's indented first line often becomes a block of its own, alone between blank
  lines, and looks like a short headline (:meth:`OcrReading.first_line_apart`);
- a byline of bare names stands between blank lines with the article's text under it
  (what :meth:`OcrReading.body_at` recognises as running text);
- a closing note (``（作者为……）``) whose bracket OCR misread or lost ends at its blank line
  (:meth:`OcrReading.note_ends`);
- what it reads in a picture comes out as scraps set far apart (:func:`picture_noise`).
"""
from __future__ import annotations

import re

from .bylines import is_byline
from .text import CLOSERS, is_terminal

#: A note closing an article, in brackets (``（作者为……）``, ``〈摘编自……)``): never a headline.
NOTE = re.compile(r"^[（(〈《]{1,2}(?:作者|摘编自|摘自|来源|原载|本文|编者)")


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
