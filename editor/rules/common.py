"""What the rule modules share: the check context, flag construction, character classes
and cached word evidence from jieba.

Positions: a flag on a block carries ``offset``/``length`` in the block's current text
and a raw-page span found through :meth:`Block.char_map` (computed once per block and
run). Characters that map nowhere (typed by the user, inserted by the parser) take the
position of their nearest mapped neighbour; a block that maps nowhere at all points at
its first raw line.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable

from .. import words
from ..model import Article, Block, BlockKind, Page
from ..text import CJK_PUNCT, CLOSERS, HAN, HAN_RE, TERMINALS, cells, is_han, is_terminal
from ..i18n import Message, _
from .base import Fix, Flag
from .registry import RULES, RuleSettings

# --- character classes ---------------------------------------------------------------

CJK = HAN + re.escape(CJK_PUNCT)
SPACE_CHARS = " \t\u3000\u00a0"
#: A half-width mark against a Chinese character, as Tesseract sets them; ``〈`` opening a credit.
_OCR_SIGN = re.compile(f"(?<=[{HAN}])[,;:?!()](?!\\d)|(?<![\\w])[,;:?!()](?=[{HAN}])|[〈《](?=记者)")

__all__ = ["HAN", "CJK", "CJK_PUNCT", "HAN_RE", "SPACE_CHARS", "TERMINALS", "CLOSERS", "cells",
           "is_terminal", "width", "is_han", "is_cjk", "Ctx", "Place", "across", "fix_replace", "Fix", "Flag",
           "BlockKind", "_"]


#: Display cells as set in type (quotes and dashes of Chinese text full width).
width = cells


def is_cjk(ch: str) -> bool:
    return bool(ch) and (bool(HAN_RE.match(ch)) or ch in CJK_PUNCT)


# --- word evidence -------------------------------------------------------------------

def across(left: str, right: str) -> str | None:
    """The dictionary word jieba puts across ``left|right`` (4 characters each side), if any.

    Only Chinese characters count: the pieces are cut at the first non-Han character.
    Only those 4 + 4 characters reach the cache: keyed by whole texts (a block's text
    before and after each of 5,000 spaces on one long line) it held 1.8 GB for a 1 MB line.
    """
    return _across(left[-4:], right[:4])


@lru_cache(maxsize=16384)
def _across(left: str, right: str) -> str | None:
    lpos = len(left)
    while lpos and is_han(left[lpos - 1]) and len(left) - lpos < 4:
        lpos -= 1
    rpos = 0
    while rpos < len(right) and rpos < 4 and is_han(right[rpos]):
        rpos += 1
    if lpos == len(left) or rpos == 0:
        return None
    return words.word_across(left[lpos:], right[:rpos])


def fix_replace(text: str) -> Fix:
    return Fix("replace", text)


# --- context -------------------------------------------------------------------------

@dataclass
class Place:
    """A block in its article: what block rules look at besides the block itself."""

    article: Article
    index: int

    @property
    def block(self) -> Block:
        return self.article.blocks[self.index]

    @property
    def prev(self) -> Block | None:
        return self.article.blocks[self.index - 1] if self.index else None

    @property
    def next(self) -> Block | None:
        blocks = self.article.blocks
        return blocks[self.index + 1] if self.index + 1 < len(blocks) else None


#: Char maps a run keeps (a tuple a character: all of a 16 MiB page's came to ~400 MB).
_MAPS_KEPT = 64

#: Where the OCR gave it, the confidence (0–1) of ``block.text[offset]``; None: unknown.
ConfidenceSource = Callable[[Block, int], "float | None"]


class Ctx:
    """One check run over a page: caches char maps and typical line widths; carries the
    user dictionary and, where the input has it, the OCR's confidence per character."""

    def __init__(self, page: Page, settings: RuleSettings | None = None, *,
                 user_words: Iterable[str] = (), confidence: ConfidenceSource | None = None):
        self.page = page
        self.settings = settings or RuleSettings()
        #: Words never to flag as misread (the project's and the user's dictionary).
        self.user_words: frozenset[str] = user_words if isinstance(user_words, frozenset) \
            else frozenset(w for w in user_words if w)
        self._confidence = confidence
        self._ocr_signs: float | None = None
        self._maps: dict[str, list] = {}
        self._width: float | None = None
        self._merged: frozenset[int] | None = None
        self._ocr_merged: frozenset[int] | None = None
        #: id(flag) → (block id, start of its context in the block, the context): see number()
        self._contexts: dict[int, tuple[str, int, str]] = {}

    # --- positions --------------------------------------------------------------------
    def char_map(self, block: Block) -> list:
        cmap = self._maps.get(block.id)
        if cmap is None or len(cmap) != len(block.text):
            cmap = block.char_map()
            if len(self._maps) >= _MAPS_KEPT:  # the oldest goes: rules look at a block and its neighbours
                del self._maps[next(iter(self._maps))]
            self._maps[block.id] = cmap
        return cmap

    def _fallback(self, block: Block) -> tuple[int, int]:
        if block.spans:
            first = block.spans[0]
            return first.line, first.start
        return 0, 0

    def raw_span(self, block: Block, offset: int, length: int) -> tuple[int, int, int, int]:
        """0-based (line, col, end_line, end_col) in the raw page; end exclusive."""
        cmap = self.char_map(block)
        n = len(cmap)
        if not n:
            line, col = self._fallback(block)
            return line, col, line, col + 1
        first = last = None
        for i in range(max(0, offset), min(n, offset + max(length, 1))):
            if cmap[i] is not None:
                if first is None:
                    first = cmap[i]
                last = cmap[i]
        if first is None:  # nothing mapped inside: nearest neighbours
            before = next((cmap[i] for i in range(min(offset, n) - 1, -1, -1) if cmap[i] is not None), None)
            after = next((cmap[i] for i in range(max(offset, 0), n) if cmap[i] is not None), None)
            first = before or after
            last = after or before
            if first is None:
                line, col = self._fallback(block)
                return line, col, line, col + 1
            if before is not None:  # point just past the character before
                first = (before[0], before[1] + (1 if length == 0 or after is None else 0))
        if length == 0:
            return first[0], first[1], first[0], first[1] + 1
        if first > last:
            first, last = last, first
        return first[0], first[1], last[0], last[1] + 1

    # --- OCR evidence -----------------------------------------------------------------
    def ocr_signs(self) -> float:
        """How plainly the page shows it came from OCR, 0–1: 1 where the input gave OCR
        confidences; else by the half-width marks against Chinese characters (Tesseract sets
        ``:`` ``;`` ``?`` ``(`` there; typeset text and PDF text do not), per thousand
        Chinese characters of the page's first 50,000 characters (enough to tell; a re-check
        of a few blocks of a huge page stays cheap). Computed once per run."""
        if self._ocr_signs is None:
            if self.has_confidence:
                self._ocr_signs = 1.0
            else:
                parts, size = [], 0
                for _a, b in self.page.blocks():
                    parts.append(b.text)
                    size += len(b.text)
                    if size >= 50_000:
                        break
                text = "\n".join(parts)
                rate = 1000 * len(_OCR_SIGN.findall(text)) / max(len(HAN_RE.findall(text)), 1)
                self._ocr_signs = 1 / (1 + math.exp(-3 * (rate - 1.5)))
        return self._ocr_signs

    @property
    def has_confidence(self) -> bool:
        """Does this run know the OCR's confidence for (some) characters?"""
        return self._confidence is not None

    def char_confidence(self, block: Block, offset: int) -> float | None:
        """The OCR's confidence (0–1) in ``block.text[offset]``, None when unknown.

        Always None today: readers of hOCR (``x_wconf``) and ALTO (``WC``) will put
        per-character confidence on the page model, and this is where rules read it.
        """
        if self._confidence is None or not 0 <= offset < len(block.text):
            return None
        return self._confidence(block, offset)

    # --- flags ------------------------------------------------------------------------
    def flag(self, rule_id: str, block: Block, offset: int, length: int, message: Message | str,
             *rest, fix: Fix | None = None, confidence: float = 0.5,
             raw: tuple[int, int, int, int] | None = None) -> Flag:
        """A flag on ``block.text[offset:offset+length]``; ``raw`` overrides the raw span.

        ``message`` is a gettext message, ``_("…{field}…", field=value)``; ``fix``,
        ``confidence`` and ``raw`` may follow it positionally. The older form, a Chinese
        and an English string (``ctx.flag(rule, block, offset, length, zh, en, fix, …)``),
        still works: the English is taken as the msgid (see docs/architecture.md).
        """
        message, fix, confidence, raw = _message_and_rest(message, rest, fix, confidence, raw)
        info = RULES[rule_id]
        line, col, end_line, end_col = raw if raw is not None else self.raw_span(block, offset, length)
        made = Flag(rule_id, info.category, self.settings.severity_of(rule_id),
                    line + 1, col + 1, end_line + 1, end_col + 1, message,
                    fix or Fix("none"), round(min(max(confidence, 0.05), 0.99), 2),
                    block.id, offset, length, self.anchor(block, offset, length))
        lo = max(0, offset - 8)
        self._contexts[id(made)] = (block.id, lo, block.text[lo:offset + length + 8])
        return made

    def anchor(self, block: Block, offset: int, length: int) -> str:
        """The flag's text context; :meth:`number` adds ``#n`` once the run's flags are all made."""
        return anchor(block.text, offset, length)

    def number(self, flags: list[Flag]) -> list[Flag]:
        """The flags, with ``#n`` on the anchor of each whose text context occurs earlier on
        the page (two bylines reading ``□记 者 孙亚飞``): counted in the page's text, so
        check_page and check_blocks agree. One pass over the text finds every context
        (Aho-Corasick), where a search a flag made a page's check flags × page length."""
        wanted = [(f, self._contexts[id(f)]) for f in flags if id(f) in self._contexts]
        if not wanted:
            return flags
        starts, size = self._block_starts()
        ends = _occurrence_ends(self.page, starts, {context for _f, (_b, _lo, context) in wanted})
        renamed = {}
        for flag, (block_id, lo, context) in wanted:
            limit = starts.get(block_id, 0) + lo  # occurrences starting before the flag's own
            n = bisect_right(ends[context], limit + len(context) - 1) if context else _empty_count(limit - 1, size)
            if n > 0:
                renamed[id(flag)] = replace(flag, anchor=f"{flag.anchor}#{n + 1}")
        return [renamed.get(id(f), f) for f in flags]

    def _block_starts(self) -> tuple[dict[str, int], int]:
        """Where each block would start in the page's block texts joined by NUL, and that
        text's length (the text itself is never made: a copy of the page)."""
        starts, pos = {}, 0
        for _a, b in self.page.blocks():
            starts[b.id] = pos
            pos += len(b.text) + 1
        return starts, max(pos - 1, 0)

    def raw_flag(self, rule_id: str, line: int, col: int, end_col: int, message: Message | str,
                 *rest, fix: Fix | None = None, confidence: float = 0.5, end_line: int | None = None) -> Flag:
        """A flag on the raw page only (0-based line and columns), outside any block;
        ``end_line`` for one that runs over several lines."""
        message, fix, confidence, _raw = _message_and_rest(message, rest, fix, confidence, None)
        info = RULES[rule_id]
        last = line if end_line is None else end_line
        return Flag(rule_id, info.category, self.settings.severity_of(rule_id), line + 1, col + 1,
                    last + 1, end_col + 1, message, fix or Fix("none"), round(confidence, 2))

    # --- layout facts -----------------------------------------------------------------
    def merged_lines(self) -> frozenset[int]:
        """Raw lines (0-based) that hold several columns side by side (editor.merged; on
        a page from OCR also the lines the OCR read across columns, rules.columns): their
        spaces part columns, and the merged-columns rule speaks for them."""
        if self.page.merged_lines is None:  # a page from a project file: look once
            from ..lines import scan
            from ..merged import merged_lines

            self.page.merged_lines = frozenset(merged_lines(scan(self.page.raw_lines)))
        if self._merged is None:
            self._merged = self.page.merged_lines | self.ocr_merged_lines()
        return self._merged

    def ocr_merged_lines(self) -> frozenset[int]:
        """Raw lines (0-based) the OCR read across columns (rules.columns), on a page that
        shows it came from OCR: their quotes and spaced characters belong to several columns."""
        if self._ocr_merged is None:
            from .columns import across_columns

            ocr = self.ocr_signs() >= 0.5
            self._ocr_merged = across_columns(self.page.raw_lines) if ocr else frozenset()
        return self._ocr_merged

    def body_width(self) -> float:
        """Typical width (cells) of a full body line on this page: the upper quartile."""
        if self._width is None:
            lines = self.page.raw_lines
            widths = sorted(width(lines[s.line][s.start:s.end]) for _a, b in self.page.blocks()
                            if b.kind == BlockKind.PARAGRAPH for s in b.spans if s.line < len(lines))
            self._width = float(widths[(3 * len(widths)) // 4]) if widths else 0.0
        return self._width

    def line_is_full(self, block: Block, span_index: int) -> bool:
        """Does the raw line of ``block.spans[span_index]`` run to the column edge?"""
        full = self.block_width(block)
        span = block.spans[span_index]
        text = self.page.raw_lines[span.line][span.start:span.end]
        return full > 0 and width(text) >= full - 2

    def block_width(self, block: Block) -> float:
        """The column width (cells) the block was set in: its widest line, else the page's."""
        lines = self.page.raw_lines
        widths = [width(lines[s.line][s.start:s.end]) for s in block.spans if s.line < len(lines)]
        if len(widths) >= 3:
            return float(sorted(widths)[-2])  # second widest: robust to one odd line
        return self.body_width()


def _empty_count(end: int, size: int) -> int:
    """``text.count("", 0, end)`` for a text of ``size`` characters (slice rules: a negative
    end counts from the text's end)."""
    if end < 0:
        end = max(end + size, 0)
    return min(end, size) + 1


def _occurrence_ends(page, starts: dict[str, int], contexts: set[str]) -> dict[str, list[int]]:
    """Context → the ends of its occurrences in the page's block texts joined by NUL (at
    ``starts``) that ``str.count`` counts (left to right, not overlapping), sorted:
    ``text.count(c, 0, e)`` is ``bisect_right(ends[c], e)``. A context is a piece of one
    block's text, so no occurrence crosses a NUL: the blocks are searched one by one, and
    neither the joined text nor the automaton's copy of it (4 bytes a character) is made."""
    import ahocorasick

    found: dict[str, list[int]] = {c: [] for c in contexts}
    machine = ahocorasick.Automaton()
    for context in found:
        if context:
            machine.add_word(context, context)
    if not len(machine):
        return found
    machine.make_automaton()
    for _a, block in page.blocks():
        at = starts[block.id]
        for last, context in machine.iter(block.text):  # by end; one context's occurrences by start too
            ends = found[context]
            end = at + last + 1
            if not ends or end - len(context) >= ends[-1]:
                ends.append(end)
    return found


def anchor(text: str, offset: int, length: int, width: int = 8) -> str:
    """``before[flagged]after``: the stable text context of a flag within its block."""
    if offset < 0:
        return ""
    before = text[max(0, offset - width):offset]
    flagged = text[offset:offset + length]
    after = text[offset + length:offset + length + width]
    return f"{before}[{flagged}]{after}".replace("\n", "⏎")


def _message_and_rest(message, rest: tuple, fix, confidence, raw):
    """(Message, fix, confidence, raw) from ``Ctx.flag``'s arguments, either form."""
    if isinstance(message, str):  # the older form: zh, en, then fix, confidence, raw
        if not rest or not isinstance(rest[0], str):
            raise TypeError("a flag message is _(…) or a Chinese and an English string")
        message, rest = Message.pair(message, rest[0]), rest[1:]
    for name, value in zip(("fix", "confidence", "raw"), rest):
        if name == "fix":
            fix = value
        elif name == "confidence":
            confidence = value
        else:
            raw = value
    return message, fix, confidence, raw


def join_raw_span(block: Block, join) -> tuple[int, int, int, int] | None:
    """Raw span of a join: last character of the line before to first of the line after."""
    prev = next((s for s in block.spans if s.line == join.prev_line), None)
    nxt = next((s for s in block.spans if s.line == join.next_line), None)
    if prev is None or nxt is None:
        return None
    if nxt.line < prev.line:  # a piece of an earlier line (merged columns) goes on here:
        return prev.line, max(prev.end - 1, prev.start), prev.line, max(prev.end, prev.start + 1)
    return prev.line, max(prev.end - 1, prev.start), nxt.line, nxt.start + 1


def boundary_raw_span(ctx: Ctx, a: Block, b: Block) -> tuple[int, int, int, int] | None:
    """Raw span from the last character of block ``a`` to the first of block ``b``."""
    if not a.text or not b.text:
        return None
    first = ctx.raw_span(a, len(a.text) - 1, 1)
    second = ctx.raw_span(b, 0, 1)
    return first[0], first[1], second[2], second[3]


def live_joins(ctx: Ctx, block: Block) -> list[tuple[object, int]]:
    """The block's joins with their offsets in the CURRENT text.

    For an edited block the offset is found again through the char map (where the next
    line's first character went); joins whose text was edited away are dropped.
    """
    if not block.joins:
        return []
    if not block.edited:
        return [(j, j.offset) for j in block.joins]
    cmap = ctx.char_map(block)
    where = {pos: i for i, pos in enumerate(cmap) if pos is not None}
    out = []
    for join in block.joins:
        nxt = next((s for s in block.spans if s.line == join.next_line), None)
        if nxt is None:
            continue
        i = where.get((nxt.line, nxt.start))
        if i is not None:
            out.append((join, i))
    return out
