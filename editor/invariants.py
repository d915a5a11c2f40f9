"""Nothing lost: every non-whitespace character of the raw page belongs to exactly one block."""
from __future__ import annotations

from collections import Counter

from .model import Page


def coverage(page: Page) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(missing, duplicated) raw positions (0-based line, column) of non-whitespace characters."""
    lines = page.raw_lines
    counts: Counter = Counter()
    for _article, block in page.blocks():
        for span in block.spans:
            for col in range(span.start, span.end):
                counts[(span.line, col)] += 1
    missing = [(i, c) for i, line in enumerate(lines) for c, ch in enumerate(line)
               if not ch.isspace() and counts[(i, c)] == 0]
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
        if "".join(raw.split()) != "".join(block.text.split()):
            bad.append(block.id)
    return bad
