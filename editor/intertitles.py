"""Intertitles (小标题): headline-like lines inside an article's text.

The segmenter takes any short line between finished text and an article opening for a
headline group; here those that stand inside an article's text become intertitles again.
"""
from __future__ import annotations

import re

from .bylines import credit_at, dateline_at
from .segment import Unit, UnitKind

def intertitles(units: list[Unit]) -> list[Unit]:
    """Headline-like lines inside an article's text (小标题) become intertitles.

    A one-line group with text on both sides, where the text after it opens with no
    byline, dateline or credit, is an intertitle when the page credits its articles (so
    an article would announce itself) and either it is numbered (一、…) or another such
    line stands in the same stretch of text (intertitles come in series).
    """
    if not any(_opens_article(u) for u in units):
        return units
    stretches: list[list[int]] = [[]]
    for i, unit in enumerate(units):
        if unit.kind == UnitKind.BYLINE or _opens_article(unit):
            stretches.append([])
        if unit.kind != UnitKind.HEADING:
            continue
        inside = (len(unit.lines) == 1 and 0 < i < len(units) - 1
                  and units[i - 1].kind in (UnitKind.PARAGRAPH, UnitKind.INTERTITLE)
                  and units[i + 1].kind == UnitKind.PARAGRAPH
                  and not _opens_article(units[i + 1]) and not _SUBTITLE_DASH.match(unit.lines[0].text))
        if inside:
            stretches[-1].append(i)
        else:
            stretches.append([])
    for stretch in stretches:
        for i in stretch:
            if len(stretch) >= 2 or _NUMBERED.match(units[i].lines[0].text):
                units[i].kind = UnitKind.INTERTITLE
                units[i].why = "intertitle"
    return units


#: A numbered section heading: "一、", "（二）", "3."; never how a headline opens.
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))")
_SUBTITLE_DASH = re.compile(r"^[—－-]{1,3}")


def _opens_article(unit: Unit) -> bool:
    """A byline, or text that opens with a dateline or a credit: how articles start."""
    if unit.kind == UnitKind.BYLINE:
        return True
    if unit.kind != UnitKind.PARAGRAPH:
        return False
    text = unit.lines[0].text
    return bool(dateline_at(unit.text[:40]) or credit_at(text))
