"""Lines → units: headline groups, bylines, paragraphs, intertitles, captions, furniture.

One pass down the page. Each non-blank line either goes on with the paragraph being read,
starts a new one, or stands apart as display type (a headline group), a byline or page
furniture. What decides is the page's own evidence (see :mod:`editor.layout`):

- A paragraph that has not finished its sentence goes on, across blank lines (a column
  break) and page furniture (a page number between two columns) alike.
- After a finished one, a short run of lines that do not read as running text (no
  sentence end, no comma at the end, not indented where paragraphs are) is a headline
  group **if what follows can follow a headline**: an article opening (a byline, a
  dateline, a credit), an indented paragraph, page end — or, on a page without indents,
  any text after a blank line.
- A new paragraph starts at an indent; on a page without indents, after a finished
  sentence that stops short of the column, or before a line that is short by the two
  characters an indent takes (the extraction dropped it), or at a blank line where blank
  lines part paragraphs.

Every unit says why it is what it is (``Unit.why``), for the proofreader.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from . import words
from .bylines import credit_at, dateline_at, is_byline, is_name_line
from .layout import Layout, same_row
from .lines import Line
from .headgroups import ENDS_OPEN, HeadlineGroups
from .ocrtext import NOTE, OcrReading, picture_noise
from .text import CAPTION_START, credit_at_end, open_pairs, is_caption, is_furniture, is_terminal, is_top_furniture

_ENDS_OPEN = ENDS_OPEN
_QUESTION_END = re.compile(r"[？！?!][”’」』）)》】\"']*$")
_WORDISH = re.compile(r"[\w\u3400-\u9fff]")
#: A label in the text (``【点评】``, ``【事件】扎根矿山……``): the text's, never a headline.
_LABEL = re.compile(r"^【[^】]{1,6}】")
_CREDIT_ENDS = ("摄", "摄影", "摄）", "摄)", "摄影）", "摄影)")


#: Why a paragraph starts at a column break in mid-sentence: it may go on with another.
COLUMN_TOP = "column top after a paragraph broke off"


class UnitKind(StrEnum):
    HEADING = "heading"        # a headline group: kicker, headline, subtitle
    BYLINE = "byline"
    PARAGRAPH = "paragraph"
    INTERTITLE = "intertitle"  # 小标题 inside an article's text
    CAPTION = "caption"
    FURNITURE = "furniture"    # masthead, date, page number, editors' line, jump line
    UNPLACED = "unplaced"      # an ornament or stray mark standing alone (※※※): kept, flagged


@dataclass(eq=False, slots=True)
class Unit:
    kind: UnitKind
    lines: list[Line]
    blanks: list[tuple[int, ...]] = field(default_factory=list)  # blank lines before lines[1:]
    why: str = ""
    gap: tuple[int, ...] = ()  # a column top's: the blank lines before its first line
    #: A headline group printed amid another article's sentence (pdftotext): it belongs
    #: to none of the text around it (the parser lets :mod:`editor.pairing` place it).
    aside: bool = False
    # The joined text, kept while ``lines`` is the same list of the same length (the
    # segmenter asks for the growing paragraph's text at every line).
    _joined: tuple[list, int, str] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        held = self._joined
        if held is not None and held[0] is self.lines and held[1] == len(self.lines):
            return held[2]
        return "".join(ln.text for ln in self.lines)

    def add(self, line: Line, gap: tuple[int, ...]) -> None:
        """One more line; the joined text is kept from here on, while the unit grows (a
        copy of its text: :meth:`done` lets it go)."""
        text = self.text
        self.lines.append(line)
        self.blanks.append(gap)
        self._joined = (self.lines, len(self.lines), text + line.text)

    def done(self) -> None:
        """The unit has stopped growing: its kept text goes (the page's texts, copied)."""
        self._joined = None


@dataclass(slots=True)
class Item:
    """A non-blank line and the blank raw lines just before it."""

    line: Line
    gap: tuple[int, ...]

    @property
    def text(self) -> str:
        return self.line.text




def items_of(lines: list[Line | None]) -> list[Item]:
    out: list[Item] = []
    gap: list[int] = []
    for i, line in enumerate(lines):
        if line is None:
            gap.append(i)
        else:
            out.append(Item(line, tuple(gap)))
            gap = []
    return out


def closed(text: str) -> bool:
    """Has the text come to an end: a finished sentence, a photo credit, or a bracketed
    note that stands by itself (``（作者为……）``, ``（新华社北京8月20日电）``)?"""
    if is_terminal(text) or credit_at_end(text):
        return True
    if not text or text[-1] not in "）)":
        return False
    depth = titles = 0  # OCR reads "（" as "〈" or "《": one that closes no title opens the note
    for pos in range(len(text) - 1, -1, -1):
        ch = text[pos]
        if ch in "》〉":
            titles += 1
        elif ch in "《〈" and titles:
            titles -= 1
        elif ch in "）)":
            depth += 1
        elif ch in "（(《〈":
            depth -= 1
            if depth == 0:
                while pos and text[pos - 1] in "《〈":
                    pos -= 1  # "《〈作者…)"
                return pos == 0 or is_terminal(text[:pos])
    return False


class Segmenter(OcrReading, HeadlineGroups):
    def __init__(self, lines: list[Line | None], layout: Layout, merged: set[int] = frozenset(),
                 woven: set[int] = frozenset()):
        self.layout = layout
        self.items = items_of(lines)
        # raw lines that hold several columns (editor.merged; any piece of those that
        # editor.ocrcolumns read column by column): text, never headlines
        self.merged, self.woven = merged, woven
        self.units: list[Unit] = []
        self.para: Unit | None = None
        #: headline pieces OCR read inside a column, with the paragraph they stood in
        self.pieces: list[tuple[Unit, Unit]] = []
        self._top = True  # still in the page's top band (masthead, date, section)
        self._left_open = False  # a paragraph broke off unfinished where another article began
        self._column_top = False

    # --- what a line is ----------------------------------------------------------------
    def dateline_here(self, i: int) -> bool:
        """Does a dateline open line ``i`` (``本报北京4月29日电``), perhaps running on to the
        next line (``本报北京4月29日`` / ``电 （记者…``)?"""
        text = self.items[i].text
        if dateline_at(text):
            return True
        if i + 1 < len(self.items) and len(text) <= 16:
            joined = dateline_at(text + self.items[i + 1].text)
            return bool(joined) and len(joined) > len(text)
        return False

    def opens(self, i: int) -> bool:
        """Does line ``i`` open an article (a byline, a dateline, a credit)?"""
        text = self.items[i].text
        if self.items[i].line.index in self.merged and text.split() and not text.split()[0].endswith("电"):
            # a merged line's first piece: a dateline whose 电 went on in its column
            # (``本报北京7月12日 出。结核病……`` / … / ``电 （记者…``)
            first = text.split()[0] + "电"
            if dateline_at(first) == first:
                return True
        return is_byline(text) or self.dateline_here(i) or bool(credit_at(text))

    def heading_like(self, line: Line, inner: bool = False) -> bool:
        """Could the line be (part of) a headline? ``inner``: a line with more of the
        group under it, which may end on a comma (``跨国车企续“长约”，``)."""
        text = line.text
        if line.index in self.merged and line.start == line.first_column or line.index in self.woven:
            return False
        display = self.layout.display(line)
        if display is not None:  # the type size says it
            return display and bool(_WORDISH.search(text)) and not (is_byline(text) or is_furniture(text))
        if self.layout.is_indented(line) or not _WORDISH.search(text) or NOTE.match(text) \
                or (text.endswith(_ENDS_OPEN) and not inner) or _LABEL.match(text):
            return False
        if (is_terminal(text) and not _QUESTION_END.search(text)) or "。" in text:
            return False
        return not (is_byline(text) or is_furniture(text) or dateline_at(text)
                    or CAPTION_START.match(text) or credit_at_end(text))

    def _spread_furniture(self, i: int) -> bool:
        """A section's name letter-spaced into two pieces on one row (``生`` ``态``), or
        at the page's top into two lines of one character each (OCR's text)."""
        items = self.items
        if i + 1 >= len(items):
            return False
        line = items[i].line
        if self._top and len(line.text.strip()) == 1 == len(items[i + 1].text.strip()):
            return is_top_furniture(line.text + items[i + 1].text)
        if not same_row(line, items[i + 1].line):
            return False
        return (self._top or self.layout.top_band(line)) and is_top_furniture(line.text + items[i + 1].text)

    def ornament_at(self, i: int) -> bool:
        """A line of marks alone between blank lines (``※※※``, ``* * *``), or what OCR
        read in a picture (``4      之        鲜``, see :func:`editor.ocrtext.picture_noise`)."""
        items = self.items
        if _WORDISH.search(items[i].text) and not picture_noise(items[i].text):
            return False
        return bool(items[i].gap or i == 0) and (i + 1 == len(items) or bool(items[i + 1].gap))

    def furniture_at(self, i: int) -> bool:
        text = self.items[i].text
        # the masthead and the section stand where the extraction put them: pdftotext
        # prints them beside the first headline as often as at the top
        return is_furniture(text) or is_top_furniture(text)

    # --- the pass ------------------------------------------------------------------
    def run(self) -> list[Unit]:
        items, i = self.items, 0
        while i < len(items):
            i = self.step(i)
        self.close()
        self.heads_from_pieces()
        return self.units

    def step(self, i: int) -> int:
        item = self.items[i]
        text = item.text
        if self.para is not None and text.endswith(_CREDIT_ENDS) and credit_at_end(text) \
                and (self._caption_open() or (closed(self.para.text) and is_byline(text)
                                              and not self.layout.is_indented(item.line))):
            self.para.add(item.line, item.gap)  # "本报记者 王刚 摄" under "图为……": a picture note
            return i + 1
        if self.furniture_at(i):
            self.units.append(Unit(UnitKind.FURNITURE, [item.line], why="furniture"))
            return i + 1
        if self._spread_furniture(i):  # "生" "态": a section letter-spaced into two pieces
            nxt = self.items[i + 1]
            self.units.append(Unit(UnitKind.FURNITURE, [item.line, nxt.line], [nxt.gap], why="furniture"))
            return i + 2
        self._top = False
        if self.para is not None and credit_at(text) and dateline_at(self.para.text) == self.para.text.strip():
            self.para.add(item.line, item.gap)  # "本报南宁8月16日电" / "（记者庞革平、祝佳祺）……"
            return i + 1
        if self.ornament_at(i):
            self.close()
            self.units.append(Unit(UnitKind.UNPLACED, [item.line], why="ornament"))
            return i + 1
        if is_byline(text):
            return self.byline(i)
        after = self._inside_text(i)
        if after:
            return after
        if self.para is None or (item.gap and self.para_ended()) or self.layout.display(item.line) \
                or self.note_ends(i):
            if self.after_heading() and self.names_at(i):
                self.units.append(Unit(UnitKind.BYLINE, [item.line], why="names"))
                return i + 1
            if self.first_line_apart(i):
                self.close()
                self.para = Unit(UnitKind.PARAGRAPH, [item.line], why="first line apart")
                return i + 1
            if self.names_alone_at(i):
                self.close()
                self.units.append(Unit(UnitKind.BYLINE, [item.line], why="names"))
                return i + 1
            size = self.heading_at(i)
            if size:
                return self.heading(i, size, "heading")
        if self.para is not None and self.label_at(i):
            self.close()
            self.units.append(Unit(UnitKind.INTERTITLE, [item.line], why="label"))
            return i + 1
        return self.text_line(i)

    def _inside_text(self, i: int) -> int:
        """Headline lines inside running text, the paragraph going on after them: a piece
        of a headline OCR read inside a column (it joins its headline later), a headline
        over a dateline after a column break, another article's headline printed amid a
        sentence (pdftotext). The line after them, or 0."""
        item = self.items[i]
        size = self.piece_at(i)
        if size:
            run = self.items[i:i + size]
            self.pieces.append((Unit(UnitKind.HEADING, [it.line for it in run], [it.gap for it in run[1:]],
                                     why="a headline's piece read inside a column"), self.para))
            return i + size
        if self.para is not None and item.gap and not self.para_ended():
            if self.heading_over_opening(i):
                return self.heading(i, self.heading_at(i), "heading over a dateline after a column break")
            size = self.heading_amid_text(i)
            if size:
                lines = [it.line for it in self.items[i:i + size]]
                self.units.append(Unit(UnitKind.HEADING, lines, [it.gap for it in self.items[i + 1:i + size]],
                                       why="heading printed amid another article's sentence", aside=True))
                return i + size
        return 0

    def text_line(self, i: int) -> int:
        """Line ``i`` of running text: on with the paragraph, or a new one."""
        item = self.items[i]
        self._column_top = False
        if self.para is not None and self.continues(i):
            self.para.add(item.line, item.gap)
        else:
            self.close()
            self.para = Unit(UnitKind.PARAGRAPH, [item.line])
            if self._column_top:  # the blank lines before it, should it go on with its own
                self.para.why, self.para.gap = COLUMN_TOP, item.gap
        return i + 1

    def close(self) -> None:
        if self.para is not None:
            if is_caption(self.para.text):
                self.para.kind = UnitKind.CAPTION
            self.para.done()
            self.units.append(self.para)
            self.para = None

    def heading(self, i: int, size: int, why: str) -> int:
        self.close()
        self.units.append(Unit(UnitKind.HEADING, [it.line for it in self.items[i:i + size]],
                               [it.gap for it in self.items[i + 1:i + size]], why=why))
        return i + size

    def byline(self, i: int) -> int:
        self._broken_off()
        self.close()
        unit = Unit(UnitKind.BYLINE, [self.items[i].line], why="byline")
        i += 1
        while i < len(self.items) and is_byline(self.items[i].text) and not self.items[i].gap:
            unit.add(self.items[i].line, ())
            i += 1
        self.units.append(unit)
        return i

    def para_ended(self) -> bool:
        """Has the paragraph being read come to an end? A finished sentence says so; on a
        page with indents, so does a short last line that stops on a word (an address, a
        number: ``投稿邮箱：…y.cn``) rather than on a comma."""
        text = self.para.text
        if closed(text):
            return True
        last, layout = self.para.lines[-1], self.layout
        if text.endswith(_ENDS_OPEN + tuple("—（(“‘《")):
            return False
        if layout.blank_paragraphs:  # a column breaks at a full line: OCR lost the end
            return layout.extent(last) <= 0.5 * layout.width(last)
        return layout.indented and layout.short(last)

    def after_heading(self) -> bool:
        return bool(self.units) and self.para is None and self.units[-1].kind == UnitKind.HEADING

    def label_at(self, i: int) -> bool:
        """A label set on its own line between finished sentences, with no blank line
        around it (an intertitle such as ``民生保障更有温度``): short against the column,
        no sentence end, and an indented paragraph under it."""
        layout, item = self.layout, self.items[i]
        if item.gap or not closed(self.para.text) or layout.blank_paragraphs:
            return False  # where blank lines part paragraphs, a label stands between them too
        if not self.heading_like(item.line) or layout.extent(item.line) > 0.75 * layout.width(item.line) \
                or open_pairs(item.text):
            return False
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        if nxt is None or nxt.gap or layout.runs_on(item.line, nxt.text):
            return False
        return layout.is_indented(nxt.line) if layout.indented else layout.full(nxt.line)

    def _caption_open(self) -> bool:
        """Is the paragraph being read a picture note (``图为……``)?"""
        for line in reversed(self.para.lines[-4:]):
            if CAPTION_START.match(line.text):
                return True
            if is_terminal(line.text):
                return False
        return False

    # --- paragraphs ------------------------------------------------------------------
    def continues(self, i: int) -> bool:
        """Does line ``i`` go on with the paragraph being read?"""
        layout, para = self.layout, self.para
        item = self.items[i]
        prev = para.lines[-1]
        if same_row(prev, item.line):
            return True
        if self.dateline_here(i):
            return self._broken_off()
        if credit_at(item.text) and dateline_at(para.text) != para.text.strip():
            return self._broken_off()  # a credit opens text, unless it follows the dateline alone on its line
        if layout.indented:
            return not layout.is_indented(item.line)
        if self.note_ends(i) or (item.gap and _LABEL.fullmatch(para.text.strip())):
            return False  # a note ends at its blank line; so does a label alone (【点评】)
        if not closed(para.text):
            return self._goes_on_unfinished(i)
        if NOTE.match(item.text):
            return False  # "（作者为……）" under the text: a note of its own
        if item.gap:
            if layout.blank_paragraphs or is_caption(para.text):
                return False  # (a picture's caption ends at its credit: ``……摄（影像中国）``)
            return not (layout.short(prev) or self._lost_indent(i))
        if len(para.lines) == 1 and not layout.indented and layout.lost_indent(prev, item.text) \
                and layout.full(item.line):
            return True  # a first line short by its lost indent only, that ends a sentence
        return not (layout.short(prev) or self._lost_indent(i))

    def _goes_on_unfinished(self, i: int) -> bool:
        """Does line ``i`` go on with a paragraph whose sentence is not finished? It does,
        but at a column break where it does not read on and another paragraph broke off
        before (it may go on with that one: :mod:`editor.columns` weighs it), and on a page
        without indents under a line far short of the column, when it is a first line that
        lost its indent (a paragraph whose full stop the page left out: ``……更加美好`` /
        ``5月14日，……``)."""
        layout, item, prev = self.layout, self.items[i], self.para.lines[-1]
        if layout.blank_paragraphs or layout.geometry:
            return True
        if item.gap and self._left_open and words.reads_on(prev.text, item.text) < 3.0:
            self._column_top = True
            return False
        if not item.gap and not layout.indented and not prev.text.endswith(ENDS_OPEN) \
                and layout.extent(prev) <= 0.6 * layout.width(prev) and self._lost_indent(i):
            return False
        return True

    def _broken_off(self) -> bool:
        """Note a paragraph left unfinished where another article begins (texts printed
        block by block, interleaved: a later column may go on with it). False."""
        if self.para is not None and self.para.kind == UnitKind.PARAGRAPH and not closed(self.para.text):
            self._left_open = True
        return False

    def _lost_indent(self, i: int) -> bool:
        """Is line ``i`` a paragraph's first line whose indent the extraction dropped:
        short by an indent, with a full line under it?"""
        layout, items = self.layout, self.items
        if i + 1 >= len(items) or not layout.lost_indent(items[i].line, items[i + 1].text):
            return False
        return layout.filled(items[i + 1].line, items[i + 2].text if i + 2 < len(items) else "")
