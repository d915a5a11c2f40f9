"""Nothing lost: every non-whitespace character of the raw page belongs to exactly one block.

Whitespace is Unicode White_Space (:data:`editor.text.WHITESPACE`), as the parser has it:
not ``str.isspace``, which also takes U+001C–U+001F, control characters a page keeps.
"""
from __future__ import annotations

from collections import Counter

from .model import Page
from .text import WHITESPACE


def coverage(page: Page) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(missing, duplicated) raw positions (0-based line, column) of non-whitespace characters."""
    lines = page.raw_lines
    counts: Counter = Counter()
    for _article, block in page.blocks():
        for span in block.spans:
            for col in range(span.start, span.end):
                counts[(span.line, col)] += 1
    missing = [(i, c) for i, line in enumerate(lines) for c, ch in enumerate(line)
               if ch not in WHITESPACE and counts[(i, c)] == 0]
    duplicated = [pos for pos, n in counts.items() if n > 1]
    return missing, duplicated


def text_matches_sources(page: Page) -> list[str]:
    """Ids of unedited blocks whose text is not the characters of their spans."""
    lines = page.raw_lines
    bad = []
    for _article, block in page.blocks():
        if block.edited or not block.spans:
            continue
        raw = "".join(lines[s.line][s.start:s.end] for s in block.spans)
        if _unspaced(raw) != _unspaced(block.text):
            bad.append(block.id)
    return bad


def _unspaced(text: str) -> str:
    return "".join(ch for ch in text if ch not in WHITESPACE)
