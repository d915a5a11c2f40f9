"""Headlines back to their own articles where the extraction printed them elsewhere.

``pdftotext`` reads a page block by block, and the headlines of a row of articles stand on
one baseline: it prints them as one line (``中国多式联运发 《循环经济发展“十五五”规划》印发``,
the wrapped tail ``展联盟成立`` two lines under it), or prints a headline among the columns
of the article beside it. Read in order, a page then has headlines over the wrong text and
two articles under one headline.

:func:`repair` weighs the articles :func:`editor.assemble.assemble` made against another
reading: every text that opens with its own dateline or credit is a body of its own, each
headline line that holds several headlines is cut at its spaces, and each headline (or
piece) goes to the body that holds its words (the share of its character pairs the body
has, as the assembly's topic). The new reading is taken only where it fits the headlines
to their texts clearly better than the old one; a page read right is left as it is.
Nothing is moved in the raw page: units only change the article they belong to.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from . import words
from .assemble import han_pairs, opens_article
from .lines import Line
from .merged import chinese, pieces
from .segment import Unit, UnitKind
from .text import CLOSING_MARKS, is_terminal, open_pairs

#: A headline goes to another text only where that text holds this share of its pairs…
_STRONG = 0.5
#: …and its own holds less than this share.
_WEAK = 0.34
#: …and the new reading as a whole fits the headlines this much better (in shares).
_GAIN = 0.6
#: A headline's pull to the text it stands with in the first reading (ties stay).
_STAY = 0.15
#: How many texts before and after its place a headline may go to (an extraction moves a
#: headline within its part of the page; looking further would make a long page quadratic).
_REACH = 8

_TEXT = (UnitKind.PARAGRAPH, UnitKind.INTERTITLE, UnitKind.BYLINE)


@dataclass(eq=False)
class _Body:
    units: list[Unit]
    heads: int = 0              # headlines that stood with it in the first reading
    group: int = -1             # the article it stood in in the first reading
    _text: str | None = None

    @property
    def text(self) -> str:
        """The text's words (furniture apart), read when first asked: a headline's pairs are
        looked up in it (no set of the text's own pairs: on a long page those would take
        many times the page's size)."""
        if self._text is None:
            self._text = "".join(u.text for u in self.units if u.kind != UnitKind.FURNITURE)
        return self._text

    @property
    def first(self) -> int:
        return self.units[0].lines[0].index


@dataclass(eq=False)
class _Head:
    """A headline group, or the pieces of one cut out of a line of several."""

    lines: list[Line]
    unit: Unit                  # the unit it came from
    home: _Body | None          # the text it stood with in the first reading
    top: bool                   # over that text (or under it)
    pairs: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.pairs = han_pairs("".join(ln.text for ln in self.lines))

    def fit(self, body: _Body | None) -> float:
        if body is None or not self.pairs:
            return 0.0
        text = body.text
        return sum(1 for pair in self.pairs if pair in text) / len(self.pairs)


class _Near:
    """The texts in page order, and those within reach of a raw line."""

    def __init__(self, bodies: list[_Body]):
        self.bodies = sorted(bodies, key=lambda b: b.first)
        self.firsts = [b.first for b in self.bodies]

    def around(self, line: int) -> list[_Body]:
        at = bisect_left(self.firsts, line)
        return self.bodies[max(0, at - _REACH):at + _REACH]


def repair(groups: list[list[Unit]], blank: frozenset[int], apart: bool = False) -> list[list[Unit]]:
    """The articles of ``groups`` with their headlines put back (module docstring);
    ``blank``: the blank raw lines; ``apart``: blank lines part the page's paragraphs
    (OCR's text), so each line of a headline group set apart may be another's headline."""
    bodies, heads, loose = _readings(groups)
    if not heads or len(bodies) < 2:
        return groups
    if all(b.heads == 1 for b in bodies) and not any(_several(h.lines) or h.unit.aside or _apart(h, apart)
                                                     or _interleaved(h.lines) for h in heads):
        return groups  # one headline over each text, none holding others: nothing to mend
    near = _Near(bodies)
    items = [piece for head in heads for piece in _cut(head, near, apart)]
    before = sum(h.fit(h.home) for h in heads)
    match = _match(items, near)
    after = sum(h.fit(b) for h, b in match.items())
    if after < before + _GAIN:
        return groups
    return _rebuild(bodies, items, match, loose, blank)


def _readings(groups: list[list[Unit]]) -> tuple[list[_Body], list[_Head], list[list[Unit]]]:
    """The texts (each opening of its own a text apart), the headline groups with the text
    each stood with, and the groups with no text (kept as they are)."""
    bodies: list[_Body] = []
    heads: list[_Head] = []
    loose: list[list[Unit]] = []
    for n, group in enumerate(groups):
        core = [u for u in group if u.kind != UnitKind.HEADING]
        texts = _split(core)
        if not any(u.kind in (UnitKind.PARAGRAPH, UnitKind.INTERTITLE) for u in core):
            texts = []
        mine = [_Body(t, group=n) for t in texts]
        bodies.extend(mine)
        for k, unit in enumerate(group):
            if unit.kind != UnitKind.HEADING:
                continue
            top = not any(u.kind in _TEXT for u in group[:k])
            home = (mine[0] if top else mine[-1]) if mine else None
            head = _Head(list(unit.lines), unit, home, top)
            heads.append(head)
            if home is not None:
                home.heads += 1  # a count, no list: a head and its text must make no cycle
                # (the parse runs with the collector held off: a cycle would keep the
                # page's lines and units alive through the check)
        if not mine:
            loose.append(core)
    return bodies, heads, [g for g in loose if g]


def _split(units: list[Unit]) -> list[list[Unit]]:
    """Units of one article's text → texts, a new one at each later opening (a dateline
    or a credit), the bylines just before it going with it."""
    out: list[list[Unit]] = [[]]
    seen_text = False
    for unit in units:
        if seen_text and opens_article(unit):
            lead = []
            while out[-1] and out[-1][-1].kind == UnitKind.BYLINE:
                lead.insert(0, out[-1].pop())
            out.append(lead)
        out[-1].append(unit)
        seen_text = seen_text or unit.kind == UnitKind.PARAGRAPH
    return [t for t in out if t]


def _several(lines: list[Line]) -> bool:
    """Does a line of the group hold several pieces of Chinese (perhaps several headlines)?"""
    return any(sum(1 for a, b in pieces(ln.text) if chinese(ln.text[a:b])) >= 2 for ln in lines)


def _apart(head: _Head, ocr: bool = False) -> bool:
    """Does a blank line part the group (perhaps the headlines of two articles printed one
    under the other: ``稳步推进……（有所思）`` / ``习近平同……互致贺电``)? With ``ocr`` (OCR's
    text prints each block apart): only a group of three lines or more with blank lines
    between all (the headline of the article beside may stand among them)."""
    if ocr:
        return len(head.lines) >= 3 and all(head.unit.blanks) and len(head.unit.blanks) == len(head.lines) - 1
    return any(head.unit.blanks)


def _interleaved(lines: list[Line]) -> bool:
    """Do the lines of two headlines stand interleaved (pdftotext prints the lines of two
    headlines side by side in one run): a line's word runs on into the line after the
    next, not into the next (``全国学前教育宣传月启`` / ``共收录药品……`` / ``动仪式举行``)?"""
    texts = [ln.text for ln in lines]
    return any(words.word_across(texts[k], texts[k + 2]) and not words.word_across(texts[k], texts[k + 1])
               and not open_pairs(texts[k]) for k in range(len(texts) - 2))


def _line_pieces(line: Line) -> list[Line]:
    return [line.part(line.start + a, line.start + b) for a, b in pieces(line.text)]


def _cut(head: _Head, near: _Near, apart: bool = False) -> list[_Head]:
    """A headline group whose lines hold pieces of several headlines → one item per
    text its pieces belong to; a group of one headline → itself."""
    interleaved = _interleaved(head.lines)
    if not (_several(head.lines) or _apart(head, apart) or interleaved):
        return [head]
    parts = [p for ln in head.lines for p in _line_pieces(ln)]
    owner = [_owner_by_words(head, part, near.around(part.index)) for part in parts]
    for k in range(len(parts)):
        if owner[k] is None:
            owner[k] = _owner_of_weak(parts, owner, k)
    chosen = list(dict.fromkeys(o for o in owner if o is not None))
    if len(chosen) < 2:
        return [head]
    out = []
    for body in chosen:
        mine = [p for p, o in zip(parts, owner) if o is body]
        out.append(_Head(mine, head.unit, head.home if head.home is body else None, head.top))
    rest = [p for p, o in zip(parts, owner) if o is None]
    if rest:
        out[0].lines = sorted(out[0].lines + rest, key=lambda ln: (ln.index, ln.start))
    if any(h.fit(body) < _WEAK for h, body in zip(out, chosen)):
        return [head]  # not each part a headline of the text it goes to: one group after all
    if not apart and not _several(head.lines) and not interleaved and head.home is not None:  # (OCR: each block apart)
        article = _Body([u for b in near.bodies if b.group == head.home.group for u in b.units])
        if all(h.fit(article) >= _WEAK for h in out):
            return [head]  # a headline and subtitle over one article of two reports
    return out


def _owner_by_words(head: _Head, part: Line, bodies: list[_Body]) -> _Body | None:
    """The text a piece's words place it in: most of its pairs there, and not a phrase of
    its own headline's text; a piece of one or two pairs only where one text holds them
    all and no other most."""
    probe = _Head([part], head.unit, head.home, head.top)
    fits = sorted(((probe.fit(b), -b.first, b) for b in bodies), key=lambda f: f[:2], reverse=True)
    fit, _, best = fits[0]
    if len(probe.pairs) >= 3:
        strong = fit >= _STRONG
    else:
        strong = fit == 1.0 and (len(fits) < 2 or fits[1][0] < fit)
    if not strong:
        return None
    if best is not head.home and probe.fit(head.home) >= _WEAK:
        return head.home  # a phrase of its own headline that other texts echo
    return best


def _owner_of_weak(parts: list[Line], owner: list, k: int):
    """A piece too short to tell its text by its words goes with the piece whose quote or
    bracket it closes, or that a word runs on from, else with the piece before it (not one
    beside it on its line: that is another headline)."""
    text = parts[k].text
    earlier = [j for j in range(k - 1, -1, -1) if owner[j] is not None]
    if any(ch in CLOSING_MARKS for ch in text):
        for j in earlier:  # (a piece that closes its own bracket closes no other's)
            if open_pairs(parts[j].text) and not open_pairs(parts[j].text + text):
                return owner[j]
    for j in earlier:
        if words.word_across(parts[j].text, text):
            return owner[j]
    beside = {id(owner[j]) for j in earlier if parts[j].index == parts[k].index}
    above = [j for j in earlier if id(owner[j]) not in beside]
    if earlier:
        return owner[(above or earlier)[0]]
    return next((o for o in owner[k + 1:] if o is not None), None)


def _match(items: list[_Head], near: _Near) -> dict[_Head, _Body]:
    """Each headline to one text within reach, greedily by fit (a text takes one headline)."""
    pairs = []
    for h in items:
        settled = h.fit(h.home) >= _WEAK  # its own text holds it: it does not move
        reach = [h.home] if settled and h.home is not None else near.around(h.lines[0].index)
        if h.home is not None and h.home not in reach:
            reach.append(h.home)
        for b in reach:
            fit = h.fit(b)
            if b is h.home:
                fit += _STAY
            elif fit < _STRONG or settled:
                continue
            pairs.append((fit, -b.first, h, b))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    out: dict[_Head, _Body] = {}
    taken: set[int] = set()
    for fit, _, h, b in pairs:
        if h in out or id(b) in taken:
            continue
        out[h] = b
        taken.add(id(b))
    return out


def _rebuild(bodies, items, match, loose, blank) -> list[list[Unit]]:
    """Articles again: each text with its headline (over it or under it as it stood),
    headlines that found no text alone, in the order of the page. A text left with no
    headline that opens no article is the rest of its neighbour (columns read apart)."""
    tops = [h.top for h in items]
    top = sum(tops) * 2 >= len(tops)
    given = {id(b): h for h, b in match.items()}
    order = sorted(bodies, key=lambda b: b.first)
    kept: list[_Body] = []
    homes: dict[int, list[_Head]] = {}
    for h in items:
        homes.setdefault(id(h.home), []).append(h)
    for n, body in enumerate(order):
        if id(body) in given or (not kept and n + 1 == len(order)) or _opens(body):
            kept.append(body)
            continue
        gone = [match.get(h) for h in homes.get(id(body), ())]
        nxt = order[n + 1] if n + 1 < len(order) else None
        if (nxt is not None and nxt in gone) or not kept:
            head = given.get(id(nxt))
            if head is not None and _subtitle(body):  # a line under the headline, over its text
                head.lines = head.lines + body.units[0].lines
            else:
                nxt.units[:0] = body.units  # what stood between the headline and its text
        else:
            kept[-1].units.extend(body.units)
    placed: list[tuple[int, list[Unit]]] = []
    for body in kept:
        head = given.get(id(body))
        units = list(body.units)
        if head is not None:
            heading = _unit_of(head, blank)
            units = [heading] + units if (head.top if head.home is body else top) else units + [heading]
        placed.append((body.first, units))
    for head in items:
        if head not in match:
            placed.append((head.lines[0].index, [_unit_of(head, blank)]))
    for group in loose:
        placed.append((group[0].lines[0].index, group))
    placed.sort(key=lambda p: p[0])
    return [units for _, units in placed]


def _subtitle(body: _Body) -> bool:
    """A text of one short line ending no sentence: the headline's last line, read apart."""
    unit = body.units[0]
    return len(body.units) == 1 and unit.kind == UnitKind.PARAGRAPH and len(unit.lines) == 1 \
        and not is_terminal(unit.text)


def _opens(body: _Body) -> bool:
    """Does the text open as an article does (a byline, a dateline, a credit)?"""
    first = next((u for u in body.units if u.kind in _TEXT), None)
    return first is not None and (first.kind == UnitKind.BYLINE or opens_article(first))


def _unit_of(head: _Head, blank: frozenset[int]) -> Unit:
    if head.lines == head.unit.lines:
        return head.unit
    gaps = [tuple(i for i in range(a.index + 1, b.index) if i in blank)
            for a, b in zip(head.lines, head.lines[1:])]
    whole = all(ln.text == ln.raw.strip() for ln in head.lines)  # lines, not pieces of one
    why = "a headline of a row read among another's titles" if whole else "a headline of a row set on one line"
    return Unit(UnitKind.HEADING, head.lines, gaps, why=why)
