"""Units → articles: which headline, which bylines, which text belong together.

An article is ``[headline] [byline] text [byline] [headline]``: one headline group at its
top or at its foot, bylines before or after the text. Pages set their articles one way
throughout, so the reading that gives most articles a headline over a body wins, and
between equals the one most consistent in where headlines and bylines sit (the habits).
Two more pieces of evidence weigh in:

- **Openings.** Text that opens with a dateline or a credit (``本报北京6月8日电``,
  ``（记者 王芳）``) starts an article; an article holding a second such opening is
  penalised, so two articles are not read as one.
- **Topic.** A headline shares words with its own article: the share of the headline's
  character pairs (``潘良``, ``开除``, ``党籍``) found in the text weighs for the reading
  that puts them together. This is what tells a headline under its article from one over
  the next when bylines and datelines cannot.

A dynamic programme over the tokens, linear in the page (an article spans a bounded
number of tokens), kept for each habit at once; the best habit wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bylines import credit_at, dateline_at
from .segment import Unit, UnitKind

#: Longest article, in tokens: headline, byline, body…, byline, headline.
_MAX_TOKENS = 9
_SHAPE = re.compile(r"^(H?)(B?)([PO]*)(B?)(H?)$")
#: (headline at the top?, byline before the text?) — the four ways of setting a page.
_HABITS = ((True, True), (True, False), (False, True), (False, False))
#: Weights: a headline over a body, an article with no body, one with a body but no
#: headline, a second opening in one article (a report from two places, a column of
#: news in brief under one headline), the topic shared by headline and text (per unit
#: of overlap, 0–1).
_WITH_HEADLINE, _NO_BODY, _NO_HEADLINE, _SECOND_OPENING, _TOPIC = 2.0, -1.0, -1.5, -0.5, 1.5

_HAN_PAIR = re.compile(r"(?=([\u3400-\u9fff]{2}))")


def han_pairs(text: str) -> frozenset[str]:
    """The character pairs of a text (``潘良``, ``良开``, …): its topic, as the assembly,
    :mod:`editor.pairing` and :mod:`editor.columns` weigh it."""
    return frozenset(_HAN_PAIR.findall(text))


@dataclass
class Token:
    """'H' headline group, 'B' byline(s), 'O' text opening an article, 'P' other text,
    'U' furniture alone. Articles break only between tokens."""

    kind: str
    units: list[Unit] = field(default_factory=list)
    _pairs: frozenset[str] | None = None

    @property
    def pairs(self) -> frozenset[str]:
        """The character pairs of the token's text (its topic)."""
        if self._pairs is None:
            text = "".join(u.text for u in self.units if u.kind != UnitKind.FURNITURE)[:6000]
            self._pairs = han_pairs(text)
        return self._pairs


def opens_article(unit: Unit) -> bool:
    return unit.kind == UnitKind.PARAGRAPH and bool(
        dateline_at(unit.text[:40]) or credit_at(unit.lines[0].text))


def tokens_of(units: list[Unit]) -> list[Token]:
    tokens: list[Token] = []
    for unit in units:
        if unit.kind == UnitKind.HEADING:
            tokens.append(Token("H", [unit]))
            continue
        if unit.kind == UnitKind.BYLINE:
            kind = "B"
        elif unit.kind in (UnitKind.FURNITURE, UnitKind.UNPLACED) or (
                unit.kind == UnitKind.CAPTION and tokens and tokens[-1].kind in "HU"):
            kind = "U"  # a picture's caption under a headline stands beside the article
        else:
            kind = "O" if opens_article(unit) else "P"
        last = tokens[-1] if tokens else None
        if last is not None:
            if kind == "B" and last.kind == "B":
                last.units.append(unit)
                continue
            if kind in "PU" and last.kind in "POU":
                last.units.append(unit)
                if kind == "P" and last.kind == "U":
                    last.kind = "P"
                continue
        tokens.append(Token(kind, [unit]))
    return tokens


def _fit(tokens: list[Token], kinds: str) -> tuple[float, tuple[int, ...]] | None:
    """(fit, habits) of one article made of these tokens; None if no article looks so."""
    core = kinds.replace("U", "")
    if not core:
        return -1.0, (0, 0, 0, 0)
    match = _SHAPE.match(core)
    if not match or core.count("H") > 1:
        return None
    head_top, lead, body, trail, head_foot = match.groups()
    if (lead or trail) and not body and core != "B":
        return None
    fit = 0.0
    if not body:
        fit += _NO_BODY
    else:
        fit += _SECOND_OPENING * (len(body) - 1)
        if head_top or head_foot:
            fit += _WITH_HEADLINE + _TOPIC * _topic(tokens)
        else:
            fit += _NO_HEADLINE
    habits = tuple(int((bool(head_top) and first) or (bool(head_foot) and not first))
                   + int((bool(lead) and leading) or (bool(trail) and not leading))
                   for first, leading in _HABITS)
    return fit, habits


def _topic(tokens: list[Token]) -> float:
    """Share of the headline's character pairs that the article's text holds."""
    head = next(t for t in tokens if t.kind == "H").pairs
    if not head:
        return 0.0
    body = frozenset().union(*(t.pairs for t in tokens if t.kind in "PO"))
    return len(head & body) / len(head)


def assemble(units: list[Unit]) -> list[list[Unit]]:
    """Group units into articles (see the module docstring)."""
    tokens = tokens_of(units)
    n = len(tokens)
    if not n:
        return []
    h = len(_HABITS)
    score: list[list] = [[(0.0, 0)] * h] + [[None] * h for _ in range(n)]
    back: list[list[int]] = [[0] * h for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, brow = score[i], back[i]
        kinds = ""
        for j in range(i - 1, max(-1, i - 1 - _MAX_TOKENS), -1):
            kinds = tokens[j].kind + kinds
            seg = _fit(tokens[j:i], kinds)
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
        if i >= _MAX_TOKENS:  # no article reaches back to this token again: its pairs go
            tokens[i - _MAX_TOKENS]._pairs = None
    best = max(range(h), key=lambda k: score[n][k])
    cuts, i = [], n
    while i > 0:
        j = back[i][best]
        cuts.append((j, i))
        i = j
    return [[u for t in tokens[j:i] for u in t.units] for j, i in reversed(cuts)]
