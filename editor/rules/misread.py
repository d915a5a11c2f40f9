"""Characters the OCR misread, and words it was unsure of.

``misread-char``: where the text falls apart into single characters that no word takes in
(``国冢``: 国 / 冢) and a look-alike of one of them (形近字, :mod:`.similar`) makes a common
word with its neighbours (``国家``), flag the character with the look-alike as the fix.

The evidence is weighed as odds: how much more probable jieba's word counts make the
window around the character with the look-alike than as written (:func:`words.log_prob`),
against how likely the OCR is to have mistaken one for the other (closer shapes: likelier;
a character of no similar shape needs overwhelming word evidence). Where the OCR gave a
confidence for the character, a low one raises the odds and a high one lowers them.
Words of the user dictionary are never flagged, nor are characters inside them.

``garbled-text``: on pages that show they came from OCR, a stretch of three or more
characters no word takes in, one of them rare, that no single look-alike explains.

``low-confidence-word``: where the OCR gave confidences, a run of characters it was less
than 60% sure of.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .. import words
from ..model import BlockKind
from ..text import HAN
from . import similar
from .common import Ctx, Fix, Place
from .names import in_name
from .registry import checker

_TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.INTERTITLE, BlockKind.CAPTION, BlockKind.KICKER,
               BlockKind.HEADLINE, BlockKind.SUBTITLE)
_HAN_RUN = re.compile(f"[{HAN}]{{2,}}")

#: A character this rare (jieba's count as a word of its own) is suspect even with no
#: orphaned neighbour: 冢 (42) in 国冢, where 国 is a word by itself.
RARE_CHAR = 300
#: A character this common as a word by itself (在, 的, 着: over 20,000 in jieba's counts)
#: stands alone as written; looking further costs more than it finds.
COMMON_CHAR = 20000
#: Look-alikes weighed in full per character (the likeliest by shape and word count).
MAX_WEIGHED = 4
#: How far either side of the character the window for the odds reaches.
WINDOW = 4
#: Log-odds a flag needs (before the OCR's confidence and the page's signs of OCR).
THRESHOLD = 6.0
#: How much lower the bar is on a page that shows it came from OCR (see :meth:`Ctx.ocr_signs`).
OCR_PAGE_BONUS = 5.0
#: Below this OCR confidence a run of two or more characters is flagged by
#: low-confidence-word. Tesseract's word confidences are a weak sign for Chinese: on six
#: dev pages, of the runs under 60% a fifth were misread, of runs of two characters or
#: more under 25% almost half (40 flags, 7 a page); the page view tints every word under
#: 60% (editor.geometry.LOW_CONFIDENCE) for the eye.
LOW_CONFIDENCE = 0.25
MIN_RUN = 2
#: How far below the bar a look-alike may be and still be listed as another candidate.
OTHERS_MARGIN = 6.0


@dataclass(frozen=True)
class Candidate:
    """A look-alike for ``run[index]`` and the evidence for it."""

    index: int
    char: str        # the suggested character
    word: str        # the word it makes
    odds: float      # log-odds that the OCR misread run[index] for char
    shape: float     # shape similarity (0: the table does not pair them)


def prior(shape: float) -> float:
    """Log-odds, before any word evidence, that the OCR wrote one character for another
    this alike (the table's score; 0 when it does not pair them)."""
    if shape <= 0:
        return -14.0
    return -9.0 + 40.0 * (shape - 0.85)


def candidates(run: str, index: int, unlike: bool = True) -> list[Candidate]:
    """The look-alikes of ``run[index]`` that make a dictionary word there, best first.
    A character of no similar shape counts only where it makes a word of three or more,
    and only if ``unlike`` (on OCR pages: OCR garbles glyphs; typeset text and PDF text
    have no misreadings to unlike characters, but idioms played with: 见缝插绿)."""
    ch = run[index]
    n = len(run)
    near = similar.neighbours(ch)
    found: dict[str, tuple[float, str, float]] = {}  # look-alike → (first guess, word, shape)
    for start in range(max(0, index - 3), index + 1):
        left = run[start:index]
        for end in range(max(index + 1, start + 2), min(n, start + 4) + 1):
            right = run[index + 1:end]
            done = words.completions(left, right)
            if not done:
                continue
            # Two-character words count with look-alikes only: intersect (in C) first.
            for x in (done if unlike and end - start >= 3 else done.keys() & near.keys()):
                if x == ch:
                    continue
                shape = near.get(x, 0.0)
                guess = prior(shape) + math.log(done[x]) + end - start
                if x not in found or guess > found[x][0]:
                    found[x] = (guess, left + x + right, shape)
    if not found:
        return []
    lo, hi = max(0, index - WINDOW), min(n, index + WINDOW + 1)
    window = run[lo:hi]
    at = index - lo
    base = words.log_prob(window)
    out = []
    # The odds (a segmentation of the window each) only for the likeliest few.
    for x, (_guess, word, shape) in sorted(found.items(), key=lambda item: -item[1][0])[:MAX_WEIGHED]:
        gain = words.log_prob(window[:at] + x + window[at + 1:]) - base
        out.append(Candidate(index, x, word, prior(shape) + gain, shape))
    out.sort(key=lambda c: -c.odds)
    return out


def suspects(run: str, protected: bytearray | None = None, cov: bytearray | None = None) -> list[int]:
    """Positions in a run of Han characters where the text falls apart: a character no
    dictionary word takes in, next to another such one or rare by itself, not one of the
    commonest single-character words, and not in what reads as a personal name."""
    cov = words.covered(run) if cov is None else cov
    n = len(run)
    out = []
    for i in range(n):
        if cov[i] or (protected is not None and protected[i]):
            continue
        count = words.freq(run[i])
        if count >= COMMON_CHAR:
            continue
        alone = (i > 0 and not cov[i - 1]) or (i + 1 < n and not cov[i + 1])
        if (alone or count < RARE_CHAR) and not in_name(run, cov, i):
            out.append(i)
    return out


def protect(run: str, user_words: frozenset[str], cov: bytearray) -> bytearray | None:
    """1 for each character of ``run`` that no dictionary word takes in (the only ones the
    rules here look at) and that a word of the user dictionary does; None if there is none.
    Looked up by the lengths the dictionary's words have: cheap for thousands of words."""
    if not user_words:
        return None
    lengths = _lengths(user_words)
    n = len(run)
    out = None
    for i in range(n):
        if cov[i]:
            continue
        for size in lengths:
            for start in range(max(0, i - size + 1), min(i, n - size) + 1):
                if run[start:start + size] in user_words:
                    if out is None:
                        out = bytearray(n)
                    out[start:start + size] = b"\x01" * size
    return out


_length_cache: dict[int, tuple[frozenset[str], tuple[int, ...]]] = {}


def _lengths(user_words: frozenset[str]) -> tuple[int, ...]:
    """The lengths (2 or more) of the dictionary's words, cached for the last dictionary seen."""
    held = _length_cache.get(id(user_words))
    if held is None or held[0] is not user_words:
        _length_cache.clear()
        held = (user_words, tuple(sorted({len(w) for w in user_words if len(w) >= 2})))
        _length_cache[id(user_words)] = held
    return held[1]


def confidence_odds(conf: float | None) -> float:
    """How the OCR's own confidence in a character moves the log-odds of a misreading:
    up when it was unsure, down when it was sure; unchanged when unknown."""
    if conf is None:
        return 0.0
    conf = min(max(conf, 0.01), 0.99)
    return 3.0 * math.log((1 - conf) / conf) - 1.0


@checker("misread-char", "garbled-text", kinds=_TEXT_KINDS)
def misread(ctx: Ctx, place: Place):
    block = place.block
    text = block.text
    bar = None
    garbled = ctx.settings.is_enabled("garbled-text")
    for m in _HAN_RUN.finditer(text):
        run, base = m.group(), m.start()
        taken = -1
        cov = words.covered(run)
        protected = protect(run, ctx.user_words, cov)
        if garbled and ctx.ocr_signs() >= 0.5:
            yield from _garbled(ctx, block, run, base, protected, cov)
        for i in suspects(run, protected, cov):
            if i <= taken:
                continue
            found = candidates(run, i, unlike=ctx.ocr_signs() >= 0.5)
            if not found:
                continue
            if bar is None:
                bar = THRESHOLD - OCR_PAGE_BONUS * ctx.ocr_signs()
            shift = confidence_odds(ctx.char_confidence(block, base + i))
            best = found[0]
            odds = best.odds + shift - bar
            if odds < 0:
                continue
            taken = i + 1  # its orphaned partner is the word's, not a second misreading
            # within OTHERS_MARGIN of the bar: the part-based table spreads shapes wider (末/本 0.80)
            others = tuple(c.char for c in found[1:4] if c.odds + shift - bar >= -OTHERS_MARGIN)
            confidence = 0.5 + 0.45 * (1 - math.exp(-odds / 4))
            yield _flag(ctx, block, base + i, best, others, confidence)


#: A stretch this long of characters no word takes in, one rarer than RARE_STRETCH_CHAR.
GARBLED_LENGTH = 3
RARE_STRETCH_CHAR = 200


def _garbled(ctx: Ctx, block, run: str, base: int, protected: bytearray | None, cov: bytearray):
    """Stretches of the run that read as no words at all (OCR pages only)."""
    i, n = 0, len(run)
    while i < n:
        if cov[i]:
            i += 1
            continue
        j = i
        while j < n and not cov[j]:
            j += 1
        stretch = run[i:j]
        if (j - i >= GARBLED_LENGTH and any(words.freq(c) < RARE_STRETCH_CHAR for c in stretch)
                and not in_name(run, cov, i) and not (protected and any(protected[i:j]))):
            yield ctx.flag("garbled-text", block, base + i, j - i,
                           f"“{stretch}”读不成词，多半有误识：请对照原图",
                           f"“{stretch}” reads as no words, probably misread: check the page image",
                           Fix("none"), 0.5)
        i = j


def _flag(ctx: Ctx, block, offset: int, best: Candidate, others: tuple[str, ...], confidence: float):
    ch = block.text[offset]
    more_zh = f"；也可能是“{'”“'.join(others)}”" if others else ""
    more_en = f"; or perhaps “{'”, “'.join(others)}”" if others else ""
    return ctx.flag("misread-char", block, offset, 1,
                    f"疑似误识字：“{ch}”→“{best.char}”（“{best.word}”）{more_zh}",
                    f"Possible OCR misreading: “{ch}” → “{best.char}” (“{best.word}”){more_en}",
                    Fix("replace", best.char, others=others), confidence)


@checker("low-confidence-word", kinds=_TEXT_KINDS)
def low_confidence(ctx: Ctx, place: Place):
    """Runs of characters the OCR gave a confidence below LOW_CONFIDENCE."""
    if not ctx.has_confidence:
        return
    block = place.block
    text = block.text
    start = None
    lowest = 1.0
    for i in range(len(text) + 1):
        conf = ctx.char_confidence(block, i) if i < len(text) and not text[i].isspace() else None
        if conf is not None and conf < LOW_CONFIDENCE:
            if start is None:
                start, lowest = i, conf
            lowest = min(lowest, conf)
            continue
        if start is not None and len(text[start:i].strip()) < MIN_RUN:
            start = None
        if start is not None:
            shown = text[start:i]
            pct = round(lowest * 100)
            yield ctx.flag("low-confidence-word", block, start, i - start,
                           f"OCR 对“{shown}”没有把握（置信度 {pct}%）：请对照原图",
                           f"The OCR was unsure of “{shown}” (confidence {pct}%): check the page image",
                           Fix("none"), 0.5)  # below misread-char's, which names the fix
            start = None


CHECKERS = (misread, low_confidence)
