"""Join rules: where the parser joined lines, or kept a break, and may be wrong.

Structural fixes: ``Fix("join")`` means "this text belongs together across the break",
``Fix("keep_break")`` means "a paragraph break belongs here". On a column-break join the
parser already joined, so "join" accepts the state as it is; on a lost join the text is
still in two blocks, and "join" merges the flagged block with the one after it.
"""
from __future__ import annotations

import re

from ..model import BlockKind
from .common import (Ctx, Fix, Place, _, across, boundary_raw_span, is_terminal,
                     join_raw_span, live_joins, width)
from .registry import checker

#: Characters that cannot end a sentence: a line ending with one is cut mid-sentence.
MID_SENTENCE_END = "，、；,;（(“‘《【—"
#: A paragraph ending with these may introduce what follows (a list, a quotation).
INTRODUCES = "：:"

_NUM_END = re.compile(r"\d[.．,，]?$")
_NUM_START = re.compile(r"^(?:[.．]?\d|[%‰])")
_HYPHEN_END = re.compile(r"[A-Za-z]{2}-$")
_LOWER_START = re.compile(r"^[a-z]{2}")


def _raw_line_text(ctx: Ctx, block, line: int) -> str:
    span = next((s for s in block.spans if s.line == line), None)
    return ctx.page.raw_lines[line][span.start:span.end] if span else ""


@checker("column-break-join", "lost-paragraph-break", "headline-two-lines", "split-across-break")
def joins_in_block(ctx: Ctx, place: Place):
    """Every join the parser made inside a block, weighed."""
    block = place.block
    text = block.text
    laid_out = ctx.page.source_page is not None  # read from a PDF's or an OCR file's geometry
    for join, off in live_joins(ctx, block):
        raw = join_raw_span(block, join)
        before, after = text[:off], text[off:]
        if block.kind == BlockKind.PARAGRAPH and join.is_column_break:
            flag = _column_break(ctx, block, join, off, raw, before, after)
            # where the boxes gave the reading order, only a column ending a sentence is in doubt
            if not laid_out or flag.confidence < 0.9:
                yield flag
        elif block.kind == BlockKind.PARAGRAPH:
            flag = _lost_break(ctx, block, join, off, raw)
            if flag:
                yield flag
        elif block.kind == BlockKind.HEADLINE and not laid_out:  # the type size joined them
            yield ctx.flag("headline-two-lines", block, off, 0,
                           _("Headline set over two lines, joined into one: check it is one headline, "
                             "not headline + subtitle"), Fix("join", alternative="keep_break"), 0.5, raw)
        if _HYPHEN_END.search(before) and _LOWER_START.match(after):
            yield ctx.flag("split-across-break", block, off - 1, 1,
                           _("Latin word hyphenated across a line break: drop the hyphen?"),
                           Fix("replace", ""), 0.6)


def _column_break(ctx: Ctx, block, join, off, raw, before: str, after: str):
    prev_line = _raw_line_text(ctx, block, join.prev_line)
    word = across(before, after)
    blank = ", ".join(str(n + 1) for n in join.blank_lines)
    if word:
        confidence = 0.95
        message = _("Paragraph continued across a column break (blank line {blank}) was joined; "
                    "“{word}” spans the break: confirm, or keep the break", blank=blank, word=word)
    elif not is_terminal(prev_line):
        confidence = 0.9
        message = _("Paragraph continued across a column break (blank line {blank}) was joined; "
                    "the sentence runs on: confirm, or keep the break", blank=blank)
    else:
        confidence = 0.55
        message = _("Paragraph continued across a column break (blank line {blank}) was joined, "
                    "but the column ends a sentence: confirm, or keep the break", blank=blank)
    return ctx.flag("column-break-join", block, off, 0, message,
                    Fix("join", alternative="keep_break"), confidence, raw)


def _lost_break(ctx: Ctx, block, join, off, raw):
    """A sentence-final short line followed by an unindented line: a lost paragraph indent?"""
    prev_line = _raw_line_text(ctx, block, join.prev_line)
    if not is_terminal(prev_line):
        return None
    full = ctx.block_width(block)
    if full <= 0 or full - width(prev_line) < 4:  # a full line that happens to end a sentence
        return None
    confidence = 0.65 if width(prev_line) <= 0.7 * full else 0.45
    return ctx.flag("lost-paragraph-break", block, off, 0,
                    _("A short line ends a sentence and the next line is not indented: "
                      "a lost paragraph break?"), Fix("keep_break", alternative="join"), confidence, raw)


@checker("lost-join", "split-across-break", kinds=(BlockKind.PARAGRAPH,), reads=("next",))
def paragraph_boundary(ctx: Ctx, place: Place):
    """A paragraph break the parser made (an indented line) that may cut a sentence."""
    a, b = place.block, place.next
    if b is None or b.kind != BlockKind.PARAGRAPH or not a.text or not b.text:
        return
    raw = boundary_raw_span(ctx, a, b)
    end = len(a.text)
    if _NUM_END.search(a.text) and _NUM_START.match(b.text):
        yield ctx.flag("split-across-break", a, end, 0,
                       _("A number is split by a paragraph break: join with the next paragraph?"),
                       Fix("join", alternative="keep_break"), 0.85, raw)
        return
    if is_terminal(a.text) or a.text[-1] in INTRODUCES:
        return
    clear_cut = a.text[-1] in MID_SENTENCE_END
    full = bool(a.spans) and ctx.line_is_full(a, len(a.spans) - 1)
    if not (clear_cut or full):
        return  # a short unterminated line: an intertitle or a label, not a lost join
    word = across(a.text, b.text)
    if word:
        yield ctx.flag("split-across-break", a, end, 0,
                       _("The word “{word}” is split by a paragraph break: join with the next paragraph?",
                         word=word), Fix("join", alternative="keep_break"), 0.85, raw)
    confidence = 0.5 + (0.25 if full else 0) + (0.15 if clear_cut else 0) + (0.05 if word else 0)
    yield ctx.flag("lost-join", a, end, 0,
                   _("The paragraph stops mid-sentence and the next one starts indented: "
                     "one paragraph broken in two? Join them?"),
                   Fix("join", alternative="keep_break"), confidence, raw)


CHECKERS = (joins_in_block, paragraph_boundary)
