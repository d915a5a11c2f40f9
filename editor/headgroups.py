"""Headline groups: how many lines from a line make one (a part of
:class:`editor.segment.Segmenter`, which holds the page's lines and layout).

A short run of lines that do not read as running text is a headline group if what follows
can follow a headline: an article opening, an indented paragraph, page end, or on a page
without indents any text after a blank line. Three lines at the column's width are running
text, whatever they say; a line wider than the column is display type.
"""
from __future__ import annotations

from . import words
from .layout import same_row
from .lines import Line
from .text import is_furniture, is_terminal, open_pairs

#: Lines that may still be a headline group when nothing else settles it.
MAX_GROUP_LINES = 8
#: A headline group directly on top of its text (no blank line between) is this short.
MAX_PREFIX_LINES = 3
ENDS_OPEN = tuple("，,、；;：:")
#: Particles and prepositions no title ends with (``……退出欧元的`` goes on).
_CANNOT_END = frozenset("的地得之与和及或在对把被将从向为并而且但")


class HeadlineGroups:
    """The segmenter's reading of headline groups (needs ``items``, ``layout`` and the
    segmenter's ``heading_like``, ``furniture_at``, ``dateline_here``, ``opens``, ``names_at``)."""

    def heading_at(self, i: int) -> int:
        """How many lines from ``i`` make a headline group (0: none)."""
        items = self.items
        j = i
        while j < len(items) and j - i < MAX_GROUP_LINES:
            if j > i and same_row(items[j - 1].line, items[j].line):
                j += 1  # the rest of a line cut in two
                continue
            if not self.heading_like(items[j].line, inner=True) or self.furniture_at(j) or self.dateline_here(j) \
                    or (j > i and (self.opens(j) or self._other_block(i, j)
                                   or (not self.layout.display(items[j].line) and self.names_at(j)))):
                break
            j += 1
        for size in range(j - i, 0, -1):
            last = items[i + size - 1].text
            display = all(self.layout.display(it.line) for it in items[i:i + size])
            if not display and (last.endswith(ENDS_OPEN) or (
                    open_pairs("".join(it.text for it in items[i:i + size])) and not self.layout.blank_paragraphs)):
                continue  # a title does not stop on a comma or inside brackets or quotes
                # (OCR drops and misreads marks: there a pair is no evidence; nor is it
                # where the type size says the lines are a headline)
            if self._ends_well(i, size):
                return size
        return 0

    def _runs_on(self, last: Line, nxt: Line) -> bool:
        """On a page without indents, does ``last`` (a line at the column's width, not
        wider) run on into ``nxt``: a word across the break, or a comma at the end?"""
        layout = self.layout
        if layout.indented or layout.display(last) is not None:
            return False
        if layout.extent(last) > layout.width(last) + 2:
            return False  # wider than the column: display type
        if layout.blank_paragraphs and layout.extent(last) <= 0.5 * layout.width(last):
            return False  # OCR: a column breaks at a full line, not half way
        if last.text.endswith(ENDS_OPEN) or last.text[-1] in _CANNOT_END:
            return True
        return layout.full(last) and words.word_across(last.text, nxt.text) is not None

    def _other_block(self, i: int, j: int) -> bool:
        """Does line ``j`` stand in another block of the page than line ``i`` (geometry)?"""
        a, b = self.items[i].line.geom, self.items[j].line.geom
        return a is not None and b is not None and a.group >= 0 and b.group >= 0 and a.group != b.group

    def _ends_well(self, i: int, size: int) -> bool:
        """Can the page go on after the group ``items[i:i+size]`` as after a headline?"""
        items, layout = self.items, self.layout
        group = items[i:i + size]
        if all(layout.display(it.line) for it in group):
            return True  # display type is a headline wherever it stands
        k = i + size
        while k < len(items) and is_furniture(items[k].text):
            k += 1
        question = any(is_terminal(it.text) for it in group)
        fulls = sum(1 for it in group if layout.full(it.line) and layout.extent(it.line) <= layout.width(it.line) + 2)
        if fulls >= 3:
            return False  # three full lines of text are running text, not display type (wider is)
        commas = sum(it.text.count("，") + it.text.count(",") for it in group)
        if layout.blank_paragraphs and ((fulls >= 2 and commas) or (commas >= 2 and all(
                layout.extent(it.line) <= layout.width(it.line) + 2 for it in group))):
            return False  # OCR: a paragraph's first lines (sentences at the column's width)
        if k == len(items):
            return True
        if self.opens(k):
            return True
        if layout.blank_paragraphs and size >= 2 and self._indent_shape(group):
            return False  # OCR: a paragraph's first lines, its indent dropped
        if question:
            return False
        nxt = items[k]
        if self.names_at(k):
            return True
        if self._runs_on(group[-1].line, nxt.line):
            return False  # "……国际金融危" / "机冲击……": running text cut by a column break
        if nxt.gap or k > i + size:
            return layout.is_indented(nxt.line) if layout.indented else True
        # no blank line: the group sits on top of its text
        if size > MAX_PREFIX_LINES or any(it.gap for it in group[1:]):
            return False
        if layout.blank_paragraphs and nxt.line.geom is None and nxt.line.index not in self.merged:
            return False  # OCR's text sets a blank line after every block: a headline's too
        if layout.indented:
            return layout.is_indented(nxt.line)
        widest = max(layout.extent(it.line) for it in group)
        # clearly shorter than the text under it: a line short by an indent only (a first
        # line whose indent the extraction dropped) is no headline
        return layout.full(nxt.line) and widest <= 0.7 * layout.width(nxt.line)

    def _indent_shape(self, group) -> bool:
        """Is the group shaped as a paragraph's opening whose indent was dropped: a first
        line short by an indent of the full line under it?"""
        layout = self.layout
        first, second = group[0].line, group[1].line
        return layout.full(second) and 3 <= layout.extent(second) - layout.extent(first) <= 6
