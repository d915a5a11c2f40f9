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
from .bylines import is_name_line
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

    def heading_amid_text(self, i: int) -> int:
        """After a blank line, with the paragraph not finished: is line ``i`` a headline
        group standing between blank lines, the paragraph going on after it (a word runs
        on from its last line: ``尚不完`` / (headlines) / ``善，行业标准……``)? Where
        pdftotext printed another article's headlines among the columns of this one.
        The group's size, or 0."""
        if self.layout.blank_paragraphs or self.layout.geometry:
            return 0
        size = self.heading_at(i)
        k = i + size
        if not size or k >= len(self.items) or not self.items[k].gap:
            return 0
        last = self.para.lines[-1].text
        return size if words.word_across(last, self.items[k].text) else 0

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
        narrow = 0 if layout.blank_paragraphs else 0.5 * layout.text_width
        fulls = sum(1 for it in group if layout.full(it.line) and layout.extent(it.line) <= layout.width(it.line) + 2
                    and layout.extent(it.line) >= narrow)
        if fulls >= 3:
            return False  # three full lines of text are running text, not display type (wider
            # is; and on a page without indents or OCR's blank lines, a column of a few
            # characters beside the text is a headline's)
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

    def heading_over_opening(self, i: int) -> bool:
        """After a blank line, with the paragraph not finished (it goes on in another
        column): is line ``i`` rather a headline group, with a dateline or byline right
        under it (``王毅同摩尔多瓦副总理会谈`` / ``新华社北京5月22日电``)? Where blank
        lines part paragraphs (OCR), bare names alone between blank lines are a byline
        under it too, and say so even of a line of the column's width."""
        line, last = self.items[i].line, self.para.lines[-1]
        if words.word_across(last.text, line.text) or last.text.endswith(ENDS_OPEN):
            return False  # the paragraph's words run on into the line
        layout = self.layout
        size = self.heading_at(i)
        k = i + size
        if not size or k >= len(self.items):
            return False
        names = layout.blank_paragraphs and self.names_alone_at(k)
        if layout.full(line) and layout.extent(line) <= layout.width(line) and not names:
            return False  # a line of the column's width: the paragraph's next line
        if layout.blank_paragraphs and any(  # a paragraph's tail stands alone too (OCR)
                layout.short(it.line) and layout.extent(it.line) > 0.75 * layout.width(it.line)
                for it in self.items[i:k]):
            return False
        return names or self.opens(k)

    def names_at(self, i: int) -> bool:
        """Bare names under a headline (``徐馨``, ``王计兵``): a byline without a role,
        followed by the article's text."""
        if not is_name_line(self.items[i].text) or i + 1 >= len(self.items) \
                or self.layout.display(self.items[i].line):
            return False
        nxt, layout = self.items[i + 1].line, self.layout
        if not self.heading_like(nxt) or self.opens(i + 1) or self.body_at(i + 1):
            return True
        return layout.full(nxt) and layout.extent(nxt) >= 0.6 * layout.text_width  # not a narrow headline's line

    def names_alone_at(self, i: int) -> bool:
        """Bare names standing apart (``米尔萨德·努尔科维奇`` over an article's text, with
        a blank line or an indent between): a byline without a role."""
        items = self.items
        if not (items[i].gap or i == 0) or i + 1 >= len(items) or not is_name_line(items[i].text) \
                or self.layout.display(items[i].line):
            return False
        nxt, layout = items[i + 1], self.layout
        if self.opens(i + 1):
            return False
        if not (nxt.gap or layout.indented) and layout.extent(items[i].line) <= layout.width(nxt.line) - 6 \
                and self._lost_indent(i + 1):
            return True  # without indents: a text's first line (that lost its indent) right under it
        if self.heading_like(nxt.line) and not (nxt.gap and self.body_at(i + 1)):
            return False
        return bool(nxt.gap) or layout.is_indented(nxt.line)
