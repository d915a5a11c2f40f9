"""Structure rules: articles without a headline, text left unassigned, paragraphs that end
without sentence-final punctuation."""
from __future__ import annotations

from ..model import BlockKind
from ..text import is_furniture
from ..i18n import n_
from .common import Ctx, Fix, Place, _, is_terminal
from .joins import INTRODUCES, MID_SENTENCE_END
from .registry import checker


@checker("merged-columns", scope="page")
def merged_columns(ctx: Ctx):
    """One flag per run of lines that hold several columns (see editor.merged)."""
    found = sorted(ctx.merged_lines())
    runs: list[list[int]] = []
    for k in found:
        if runs and k - runs[-1][-1] <= 2:  # a short line of one column between merged ones
            runs[-1].append(k)
        else:
            runs.append([k])
    lines = ctx.page.raw_lines
    for run in runs:
        first, last = run[0], run[-1]
        yield ctx.raw_flag("merged-columns", first, 0, len(lines[last]),
                           n_("{n} line holds several columns side by side (merged by the text "
                              "extraction): compare with the original",
                              "These {n} lines hold several columns side by side (merged by the text "
                              "extraction): compare with the original", last - first + 1),
                           fix=Fix("none"), confidence=0.8, end_line=last)


@checker("missing-headline", reads=("article",))
def missing_headline(ctx: Ctx, place: Place):
    article = place.article
    if place.index != 0 or article.first(BlockKind.HEADLINE) is not None:
        return
    if not any(b.kind == BlockKind.PARAGRAPH for b in article.blocks):
        return  # stray material without a body is reported as unassigned, not here
    yield ctx.flag("missing-headline", place.block, 0, 0, _("This article has no headline"), Fix("none"), 0.7)


@checker("two-headlines", reads=("article",))
def two_headlines(ctx: Ctx, place: Place):
    """On the article's first block (checked again whenever the article changes)."""
    headlines = place.article.all(BlockKind.HEADLINE)
    if place.index != 0 or len(headlines) < 2:
        return
    yield ctx.flag("two-headlines", place.block, 0, 0,
                   _("This article has {n} headlines: “{first}” and “{second}”; keep one, or make "
                     "the other the kicker or subtitle", n=len(headlines), first=headlines[0].text[:12],
                     second=headlines[1].text[:12]), Fix("none"), 0.8)


@checker("unassigned-text", kinds=(BlockKind.UNASSIGNED,))
def unassigned(ctx: Ctx, place: Place):
    block = place.block
    if is_furniture(block.text):
        return  # dates, editors, page labels, jump lines: known furniture, nothing to fix
    shown = block.text if len(block.text) <= 12 else block.text[:12] + "…"
    yield ctx.flag("unassigned-text", block, 0, len(block.text),
                   _("Text not placed in any article part: “{shown}”", shown=shown), Fix("none"), 0.8)


@checker("unterminated-paragraph", kinds=(BlockKind.PARAGRAPH,), reads=("next",))
def unterminated(ctx: Ctx, place: Place):
    block, nxt = place.block, place.next
    text = block.text.rstrip()
    if not text or is_terminal(text) or text[-1] in INTRODUCES or text[-1] in "）)":
        return
    if nxt is not None and nxt.kind == BlockKind.PARAGRAPH:
        # Before another paragraph: a one-line label is an intertitle, and a line cut at full
        # width is a lost join (see joins.py); only a short last line of a longer paragraph
        # is a paragraph that lacks its final mark.
        if len(block.spans) < 2 or text[-1] in MID_SENTENCE_END or ctx.line_is_full(block, len(block.spans) - 1):
            return
    yield ctx.flag("unterminated-paragraph", block, len(text) - 1, 1,
                   _("Paragraph ends without final punctuation: “…{end}”", end=text[-6:]), Fix("none"), 0.5)


CHECKERS = (merged_columns, missing_headline, two_headlines, unassigned, unterminated)
