"""Raw page → article tree.

The page is read as lines; each non-blank line is a byline, part of a headline group or
body text. Body lines are joined into paragraphs (an indented line starts one; a blank
line is a column break when the paragraph goes on). Headline groups are attached to the
article before or after them, whichever reading of the page leaves every article with one
headline and a body. Every non-whitespace character of the raw page ends up in exactly
one block: text that fits nowhere becomes an UNASSIGNED block, never nothing.
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import words
from .bylines import credit_at, credit_ending, dateline_at, is_byline
from .decoding import decode
from .edits import split_block
from .model import Article, Block, BlockKind, Join, Page, Span, new_id
from .text import (CAPTION_START, CLOSERS, PHOTO_CREDIT, TERMINALS, cells, ends_unit, indent_cells,
                   is_caption, is_furniture, is_terminal)

_ASCII_LETTER = re.compile(r"[A-Za-z]")
_SUBTITLE_DASH = re.compile(r"^[—－-]{1,3}")
_WORDISH = re.compile(r"[\w\u3400-\u9fff]")

#: Headline lines are short; a line longer than this (in display cells) is body text.
MAX_HEADLINE_CELLS = 64

_CAPTION_START, _PHOTO_CREDIT = CAPTION_START, PHOTO_CREDIT
_CREDIT_ENDS = ("摄", "摄影", "摄）", "摄)", "摄影）", "摄影)")


@dataclass
class Line:
    index: int
    raw: str
    start: int  # first non-whitespace column
    end: int    # one past the last non-whitespace column
    indent: int  # leading whitespace in cells

    @property
    def text(self) -> str:
        return self.raw[self.start:self.end]

    @property
    def span(self) -> Span:
        return Span(self.index, self.start, self.end)


def _scan(raw_lines: list[str]) -> list[Line | None]:
    """A Line per raw line, None for blank (empty or whitespace-only) lines."""
    out: list[Line | None] = []
    for i, raw in enumerate(raw_lines):
        stripped = raw.lstrip()
        if not stripped:
            out.append(None)
            continue
        start = len(raw) - len(stripped)
        end = len(raw.rstrip())
        out.append(Line(i, raw, start, end, indent_cells(raw)))
    return out


@dataclass
class Unit:
    """A run of page material: 'B' byline, 'H' headline group, 'P' paragraph, 'U' unplaced."""

    kind: str
    lines: list[Line]
    blanks: list[tuple[int, ...]] = field(default_factory=list)  # blanks before lines[1:], per line


def _separator(left: str, right: str) -> str:
    """What goes between two joined lines: a space between Latin words, else nothing."""
    if left and right and _ASCII_LETTER.match(left[-1]) and _ASCII_LETTER.match(right[0]):
        return " "
    return ""


def build_block(kind: BlockKind, lines: list[Line], blanks: list[tuple[int, ...]] | None = None,
                separator: str | None = None) -> Block:
    """A block from raw lines, recording spans and joins. ``separator`` overrides the join rule."""
    text = ""
    spans: list[Span] = []
    joins: list[Join] = []
    for k, line in enumerate(lines):
        piece = line.text
        if k:
            sep = separator if separator is not None else _separator(text, piece)
            gap = blanks[k - 1] if blanks else ()
            text += sep
            joins.append(Join(len(text), lines[k - 1].index, line.index, tuple(gap), sep))
        text += piece
        spans.append(line.span)
    return Block(kind=kind, text=text, spans=spans, joins=joins)


class _Layout:
    """Facts about the page that the decisions below weigh."""

    def __init__(self, lines: list[Line | None]):
        content = [ln for ln in lines if ln is not None]
        self.base_indent = min((ln.indent for ln in content), default=0)
        relative = [ln.indent - self.base_indent for ln in content]
        indented = sum(1 for r in relative if r >= 2)
        self.indented = indented >= max(2, 0.03 * len(content))

    def is_indented(self, line: Line) -> bool:
        return self.indented and line.indent - self.base_indent >= 2


def _runs(lines: list[Line | None]) -> list[tuple[tuple[int, ...], list[Line]]]:
    """Runs of consecutive non-blank lines, each with the blank lines before it."""
    runs: list[tuple[tuple[int, ...], list[Line]]] = []
    gap: list[int] = []
    pending: tuple[int, ...] = ()  # the blank lines before the current run
    current: list[Line] = []
    for i, line in enumerate(lines):
        if line is None:
            if current:
                runs.append((tuple(pending), current))
                current = []
                gap = []
            gap.append(i)
            continue
        if not current:
            pending = tuple(gap)
        current.append(line)
    if current:
        runs.append((tuple(pending), current))
    return runs


_QUESTION_END = re.compile(f"[？！?!][{re.escape(CLOSERS)}]*$")


def _headline_like(line: Line, layout: _Layout, question: bool = False) -> bool:
    """Could this line be (part of) a headline? ``question``: may it end with ？ or ！
    (only where the page around says an article starts here)."""
    text = line.text
    ends_ok = not is_terminal(text) or (question and bool(_QUESTION_END.search(text)))
    return (not layout.is_indented(line) and cells(text) <= MAX_HEADLINE_CELLS
            and ends_ok and not text.endswith(("，", ",", "、", "：", ":"))
            and bool(_WORDISH.search(text)) and not is_byline(text) and not is_furniture(text))


def _units(lines: list[Line | None], layout: _Layout) -> list[Unit]:
    runs = _runs(lines)
    # Mark which runs are bylines / headline candidates, line by line.
    units: list[Unit] = []
    body: list[tuple[tuple[int, ...], Line]] = []  # pending body lines with blanks before each

    def flush_body():
        if body:
            units.extend(_paragraphs(body, layout))
            body.clear()

    prev_text = ""  # last body text seen, to tell a headline from a column-break continuation
    for r, (gap, run) in enumerate(runs):
        next_gap_then_run = runs[r + 1] if r + 1 < len(runs) else None
        k = 0
        body_taken = False  # a body line of this run is taken: the rest cannot be a headline
        while k < len(run):
            line = run[k]
            if body and line.text.endswith(_CREDIT_ENDS) and _PHOTO_CREDIT.search(line.text) and _caption_open(body):
                # "本报记者 王刚 摄" under "图为……": the picture note's credit, not an article's byline
                body_taken = True
                body.append((gap if k == 0 else (), line))
                prev_text = line.text
                k += 1
                continue
            if is_byline(line.text):
                flush_body()
                group = [line]
                while k + 1 < len(run) and is_byline(run[k + 1].text):
                    k += 1
                    group.append(run[k])
                units.append(Unit("B", group, [()] * (len(group) - 1)))
                prev_text = ""
                k += 1
                continue
            if is_furniture(line.text) or (not _WORDISH.search(line.text) and len(run) == 1):
                # page furniture (责任编辑：…, 2024年8月15日 星期四) or a lone ornament: keep it
                # visible as unassigned text rather than let it pose as a headline or text
                flush_body()
                units.append(Unit("U", [line]))
                k += 1
                continue
            rest = run[k:k + 8] if not body_taken else []
            cut = next((n for n, x in enumerate(rest) if is_furniture(x.text)), None) if rest else None
            if cut:  # a jump line under a headline ("（上接第一版）") ends the headline
                rest = rest[:cut]
            isolated = not body_taken
            question = _article_follows(next_gap_then_run)
            if (isolated and len(rest) <= 3 and (cut or len(run) - k <= 3)
                    and all(_headline_like(x, layout, question) for x in rest)
                    and (not prev_text or ends_unit(prev_text))
                    and _starts_fresh(next_gap_then_run, layout)):
                flush_body()
                if units and units[-1].kind == "H" and units[-1].lines:
                    head = units[-1]
                    head.blanks.append(gap)
                    head.lines.append(rest[0])
                    for x in rest[1:]:
                        head.blanks.append(())
                        head.lines.append(x)
                else:
                    units.append(Unit("H", list(rest), [()] * (len(rest) - 1)))
                prev_text = ""
                k += len(rest)
                continue
            prefix = _headline_prefix(rest, layout) if isolated and (not prev_text or ends_unit(prev_text)) else 0
            if prefix:
                flush_body()
                units.append(Unit("H", list(rest[:prefix]), [()] * (prefix - 1)))
                prev_text = ""
                k += prefix
                continue
            body_taken = True
            body.append((gap if k == 0 else (), line))
            prev_text = line.text
            k += 1
    flush_body()
    return units


def _caption_open(body: list[tuple[tuple[int, ...], Line]]) -> bool:
    """Is the paragraph being gathered a picture note (its last lines open with 图为……)?"""
    for _gap, line in reversed(body[-4:]):
        if _CAPTION_START.match(line.text):
            return True
        if ends_unit(line.text):
            return False
    return False


def _headline_prefix(rest: list[Line], layout: _Layout) -> int:
    """How many lines at the top of a run are a headline set directly above its text.

    Up to three short lines without sentence-final punctuation, followed by a body line
    that is indented (on an indented page) or clearly wider (on any page).
    """
    for m in range(1, min(3, len(rest) - 1) + 1):
        head, nxt = rest[:m], rest[m]
        if not all(_headline_like(x, layout) for x in head):
            return 0
        if is_byline(nxt.text):
            return m
        if _headline_like(nxt, layout) and m < 3 and cells(nxt.text) < 0.8 * _body_width(rest[m:]):
            continue
        wide = max(cells(x.text) for x in head) <= 0.8 * _body_width(rest[m:])
        if (layout.is_indented(nxt) or not layout.indented) and wide:
            return m
        return 0
    return 0


def _body_width(lines: list[Line]) -> int:
    return max((cells(x.text) for x in lines[:4]), default=0)


def _article_follows(next_run) -> bool:
    """Does what follows open an article (a byline or a dateline), or does the page end?
    Then a headline there may end with ？ or ！ (``如何让老人吃上放心饭？``)."""
    if next_run is None:
        return True
    first = next_run[1][0].text
    return is_byline(first) or bool(dateline_at(first.lstrip()))


def _starts_fresh(next_run, layout: _Layout) -> bool:
    """After a headline candidate, the page must go on with something that can follow one."""
    if next_run is None:
        return True
    _gap, run = next_run
    first = run[0]
    if is_byline(first.text) or layout.is_indented(first):
        return True
    if len(run) <= 3 and all(_headline_like(x, layout) for x in run):
        return True  # another headline line (kicker / two-line headline)
    # An unindented body run: fine on a page without indents, or when the
    # candidate is followed by a run that clearly starts a sentence.
    return not layout.indented


def _paragraphs(body: list[tuple[tuple[int, ...], Line]], layout: _Layout) -> list[Unit]:
    units: list[Unit] = []
    for idx, (gap, line) in enumerate(body):
        if idx == 0:
            units.append(Unit("P", [line]))
            continue
        prev = body[idx - 1][1]
        if _starts_paragraph(prev, line, gap, body, idx, layout):
            units.append(Unit("I" if _is_label(body, idx, layout) else "P", [line]))
        else:
            units[-1].lines.append(line)
            units[-1].blanks.append(gap)
    return units


def _is_label(body, idx: int, layout: _Layout) -> bool:
    """Is body line ``idx`` a label set on its own line between finished sentences (an
    intertitle such as ``项目建设跑出“加速度”``)? Short against the lines around it, without
    sentence-final punctuation, after a line that ends a sentence (or at the start), and
    followed by a new paragraph (an indented line on an indented page) or nothing."""
    if idx < 0 or (idx and not is_terminal(body[idx - 1][1].text)):
        return False
    line = body[idx][1]
    if is_terminal(line.text) or not _headline_like(line, layout):
        return False
    around = [cells(body[j][1].text) for j in range(max(0, idx - 3), min(len(body), idx + 4)) if j != idx]
    if not around or cells(line.text) > 0.75 * max(around):
        return False
    if idx + 1 < len(body) and layout.indented and not layout.is_indented(body[idx + 1][1]):
        return False
    return True


def _starts_paragraph(prev: Line, line: Line, gap, body, idx, layout: _Layout) -> bool:
    if layout.indented:
        return layout.is_indented(line) or _is_label(body, idx, layout)
    if _is_label(body, idx, layout) or _is_label(body, idx - 1, layout):
        return True
    # No indents: a sentence-final line that is short against its neighbours ends a
    # paragraph; so does a blank line after a sentence-final line.
    if not is_terminal(prev.text):
        return False
    if gap:
        return True
    widths = [cells(body[j][1].text) for j in (idx - 2, idx) if 0 <= j < len(body) and j != idx - 1]
    full = max(widths, default=cells(prev.text))
    # Short by a whole character: the paragraph ended there. A line as full as its
    # neighbours ends a sentence, and most sentences end inside a paragraph.
    return cells(prev.text) <= full - 2


def _heading_blocks(unit: Unit) -> list[Block]:
    """Kicker / headline / subtitle from a headline group's lines."""
    lines = unit.lines
    roles = [BlockKind.SUBTITLE if _SUBTITLE_DASH.match(x.text) else BlockKind.HEADLINE for x in lines]
    main = [k for k, role in enumerate(roles) if role == BlockKind.HEADLINE]
    if len(main) >= 2 and _parallel_phrases(lines[main[0]].text) and not _parallel_phrases(lines[main[1]].text):
        roles[main[0]] = BlockKind.KICKER
    blocks: list[Block] = []
    k = 0
    while k < len(lines):
        j = k + 1
        while j < len(lines) and roles[j] == roles[k] == BlockKind.HEADLINE:
            j += 1
        blanks = unit.blanks[k:j - 1] if unit.blanks else None
        blocks.append(build_block(roles[k], lines[k:j], blanks))
        k = j
    return blocks


def _parallel_phrases(text: str) -> bool:
    """``政企同心 暖企解难 助企提效``: phrases of Chinese set apart by spaces."""
    parts = text.split()
    return len(parts) >= 2 and all(len(p) >= 2 and words.is_han(p[0]) for p in parts)


def _unit_blocks(unit: Unit) -> list[Block]:
    if unit.kind == "H":
        return _heading_blocks(unit)
    if unit.kind == "B":
        return [build_block(BlockKind.BYLINE, unit.lines, separator="\n")]
    if unit.kind == "U":
        return [build_block(BlockKind.UNASSIGNED, unit.lines)]
    if unit.kind == "I":
        return [build_block(BlockKind.INTERTITLE, unit.lines, unit.blanks)]
    kind = BlockKind.CAPTION if is_caption(" ".join(x.text for x in unit.lines)) else BlockKind.PARAGRAPH
    return [build_block(kind, unit.lines, unit.blanks)]


#: A numbered section heading: "一、", "（二）", "3."; never how a headline opens.
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))")


def _opens_article(unit: Unit) -> bool:
    """A byline, or text that opens with a dateline or a credit: how articles start."""
    if unit.kind == "B":
        return True
    if unit.kind != "P":
        return False
    text = unit.lines[0].text
    return bool(dateline_at(text) or credit_at(text))


def _intertitles(units: list[Unit]) -> list[Unit]:
    """Headline-like lines inside an article's text (小标题) become paragraphs again.

    A one-line "headline" with body text on both sides, where the text after it opens
    with no byline, dateline or credit, is an intertitle when the page credits its
    articles (so an article would announce itself) and either it is numbered (一、…) or
    another such line stands in the same stretch of text (intertitles come in series).
    """
    if not any(_opens_article(u) for u in units):
        return units  # a page without credits: no evidence to tell a section from an article
    candidates: list[list[int]] = [[]]
    for i, unit in enumerate(units):
        if unit.kind == "B" or _opens_article(unit):
            candidates.append([])
        if unit.kind != "H":
            continue
        inside = (len(unit.lines) == 1 and 0 < i < len(units) - 1
                  and units[i - 1].kind in "PI" and units[i + 1].kind == "P"
                  and not _opens_article(units[i + 1]) and not _SUBTITLE_DASH.match(unit.lines[0].text)
                  and not is_caption(units[i + 1].lines[0].text))
        if inside:
            candidates[-1].append(i)
        else:
            candidates.append([])
    for stretch in candidates:
        for i in stretch:
            if len(stretch) >= 2 or _NUMBERED.match(units[i].lines[0].text):
                units[i].kind = "I"
    return units


#: Longest article shape, in tokens: headline, byline, body, byline, headline (+ furniture).
_MAX_TOKENS = 9


def _tokens(units: list[Unit]) -> list[tuple[str, list[Unit]]]:
    """Units merged into tokens: 'H' headline group, 'B' byline(s), 'P' body (paragraphs,
    captions, intertitles and any furniture among them), 'U' furniture alone. Articles break only
    between tokens: body text is never split between two articles."""
    tokens: list[tuple[str, list[Unit]]] = []
    for unit in units:
        kind = "P" if unit.kind == "I" else unit.kind  # an intertitle is body text
        if tokens and kind != "H":
            last_kind, members = tokens[-1]
            if (kind == "B" and last_kind == "B") or (kind in "PU" and last_kind in "PU"):
                members.append(unit)
                if kind == "P" and last_kind == "U":
                    tokens[-1] = ("P", members)
                continue
        tokens.append((kind, [unit]))
    return tokens


_SHAPE = re.compile(r"^(H?)(B?)(P?)(B?)(H?)$")


_HABITS = ((True, True), (True, False), (False, True), (False, False))


@lru_cache(maxsize=4096)
def _segment_scores(kinds: str) -> tuple[int, tuple[int, ...]] | None:
    """(fit, habits) of one article made of these tokens; None if no article looks so.

    An article is ``[headline] [byline] body [byline] [headline]`` with one headline at
    most, at its top or its foot; furniture ('U') may sit anywhere. Fit: +2 for a headline
    over a body, -1 for an article without a body. Habits: for each way of setting a page
    (headline above or below, byline before or after the text, see _HABITS), whether the
    article follows it, to break ties between equal fits.
    """
    core = kinds.replace("U", "")
    if not core:
        return -1, (0, 0, 0, 0)
    match = _SHAPE.match(core)
    if not match or core.count("H") > 1:
        return None
    head_top, lead, body, trail, head_foot = (bool(g) for g in match.groups())
    if (lead or trail) and not body and core != "B":
        return None
    fit = 2 if (head_top or head_foot) and body else (-1 if not body else 0)
    habits = tuple(int((head_top and first) or (head_foot and not first))
                   + int((lead and leading) or (trail and not leading)) for first, leading in _HABITS)
    return fit, habits


def _assemble(units: list[Unit]) -> list[list[Unit]]:
    """Group units into articles: the grouping that gives most articles a headline over
    a body, and, between equals, the one most consistent in where headlines and bylines sit.

    A dynamic programme over the tokens, linear (an article spans a bounded number of
    them), kept for each habit of setting a page at once; the best habit wins.
    """
    tokens = _tokens(units)
    n = len(tokens)
    if not n:
        return []
    h = len(_HABITS)
    score: list[list] = [[(0, 0)] * h] + [[None] * h for _ in range(n)]
    back: list[list[int]] = [[0] * h for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, brow = score[i], back[i]
        kinds = ""
        for j in range(i - 1, max(-1, i - 1 - _MAX_TOKENS), -1):
            kinds = tokens[j][0] + kinds
            seg = _segment_scores(kinds)
            if seg is None:
                if kinds.count("H") > 1:
                    break
                continue
            fit, habits = seg
            prev = score[j]
            for k in range(h):
                cand = (prev[k][0] + fit, prev[k][1] + habits[k])
                if row[k] is None or cand > row[k]:
                    row[k], brow[k] = cand, j
        for k in range(h):
            if row[k] is None:  # no shape fits: the token stands alone
                row[k], brow[k] = (score[i - 1][k][0] - 1, score[i - 1][k][1]), i - 1
    best = max(range(h), key=lambda k: score[n][k])
    cuts, i = [], n
    while i > 0:
        j = back[i][best]
        cuts.append((j, i))
        i = j
    return [[u for _kind, members in tokens[j:i] for u in members] for j, i in reversed(cuts)]


def parse_text(text: str, encoding: str = "utf-8", source: str = "") -> Page:
    """Parse a decoded page (line ends already ``\\n``)."""
    # The parse allocates many small objects and no cycles; the cyclic collector would
    # rescan the growing tree again and again and make big pages cost quadratic time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, encoding, source)
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, encoding: str, source: str) -> Page:
    page = Page(raw_text=text, encoding=encoding, source=source)
    lines = _scan(page.raw_lines)
    layout = _Layout(lines)
    units = _intertitles(_units(lines, layout))
    for unit_group in _assemble(units):
        article = Article()
        for unit in unit_group:
            article.blocks.extend(_unit_blocks(unit))
        _split_dateline(page, article)
        page.articles.append(article)
    return page


def parse_bytes(data: bytes, source: str = "") -> Page:
    decoded = decode(data)
    return parse_text(decoded.text, decoded.encoding, source)


def _split_dateline(page: Page, article: Article) -> None:
    """Move a dateline (``本报聊城讯``) opening the first paragraph into its own block, and
    a bracketed credit right after it (``（记者 王芳）``) into a byline block; a bracketed
    credit closing the article's last paragraph (``…二十六家。（记者 孙丽）``) too."""
    index = next((i for i, b in enumerate(article.blocks) if b.kind == BlockKind.PARAGRAPH), None)
    if index is None:
        return
    dateline = dateline_at(article.blocks[index].text)
    if dateline and _cut(page, article, index, len(dateline), BlockKind.DATELINE, head=True):
        index += 1
    credit = credit_at(article.blocks[index].text)
    if credit:
        _cut(page, article, index, len(credit), BlockKind.BYLINE, head=True)
    last = max(i for i, b in enumerate(article.blocks) if b.kind == BlockKind.PARAGRAPH)
    text = article.blocks[last].text
    credit = credit_ending(text)
    if credit and is_terminal(text[:-len(credit)].rstrip()):
        _cut(page, article, last, len(text) - len(credit), BlockKind.BYLINE, head=False)


def _cut(page: Page, article: Article, index: int, at: int, kind: BlockKind, head: bool) -> bool:
    """Split block ``index`` of ``article`` at text offset ``at``; the head (or the tail)
    becomes a new block of ``kind`` beside it. False, and nothing changed, if either piece
    would have no text."""
    para = article.blocks[index]
    left, right = split_block(page, para, at)
    if not left.text.strip() or not right.text.strip():
        return False
    piece, rest = (left, right) if head else (right, left)
    para.text = para.origin_text = rest.text
    para.spans, para.joins = rest.spans, rest.joins
    piece.kind = kind
    piece.id = new_id("b")
    article.blocks.insert(index if head else index + 1, piece)
    return True
