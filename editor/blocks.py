"""Blocks of the model from raw lines: the text, the spans it came from and the joins."""
from __future__ import annotations

import re

from .lines import Line
from .model import Block, BlockKind, Join, Span

_ASCII_LETTER = re.compile(r"[A-Za-z]")


def separator(left: str, right: str) -> str:
    """What goes between two joined lines: a space between Latin words, else nothing."""
    if left and right and _ASCII_LETTER.match(left[-1]) and _ASCII_LETTER.match(right[0]):
        return " "
    return ""


def build_block(kind: BlockKind, lines: list[Line], blanks: list[tuple[int, ...]] | None = None,
                sep: str | None = None) -> Block:
    """A block from raw lines, recording spans and joins. ``sep`` overrides the join rule."""
    text = ""
    spans: list[Span] = []
    joins: list[Join] = []
    for k, line in enumerate(lines):
        piece = line.text
        if k:
            between = sep if sep is not None else separator(text, piece)
            gap = blanks[k - 1] if blanks else ()
            text += between
            joins.append(Join(len(text), lines[k - 1].index, line.index, tuple(gap), between))
        text += piece
        spans.append(line.span)
    return Block(kind=kind, text=text, spans=spans, joins=joins)
