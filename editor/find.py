"""Find and replace across the page's blocks, plain or regex, as the reader reads them.

The text searched is the blocks' (a word the raw page breaks over two lines is one
match there); each :class:`Match` also says where its characters stand on the raw page
(:attr:`Match.raw`: one range per raw line), so the raw view can show it. "Whole word"
is jieba's: a match must begin and end where the segmentation puts word boundaries
(``林长`` does not hit ``林长制``). Replacing is one edit, for all or for the chosen
matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .edits import Compound, Edit, SetText
from .errors import MessageError
from .i18n import _
from .model import Page
from .text import CONTEXT, changed_part


class FindError(MessageError, ValueError):
    """A pattern that is not a valid regular expression (message for people)."""


@dataclass(frozen=True)
class Match:
    block_id: str
    start: int
    end: int
    text: str
    #: (raw line, start column, end column) of the matched characters, 0-based, one a
    #: line; () for text typed by hand.
    raw: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class Replacement:
    """A match and what it becomes, with a preview of the text around it."""

    match: Match
    new: str
    before: str
    after: str


def compile_pattern(pattern: str, regex: bool = False, case: bool = True) -> re.Pattern:
    if not pattern:
        raise FindError(_("nothing to find"))
    flags = 0 if case else re.IGNORECASE
    try:
        return re.compile(pattern if regex else re.escape(pattern), flags)
    except re.error as exc:
        raise FindError(_("bad regular expression: {reason}", reason=str(exc))) from None


def _matches(page: Page, compiled: re.Pattern, whole_word: bool):
    """(block, re.Match) for every non-empty match, page order."""
    for _article, block in page.blocks():
        found = [m for m in compiled.finditer(block.text) if m.end() > m.start()]
        if found and whole_word:
            from .words import bounds

            edges = bounds(block.text)
            found = [m for m in found if m.start() in edges and m.end() in edges]
        for m in found:
            yield block, m


def raw_ranges(block, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
    """Where characters ``start:end`` of a block's text stand on the raw page: one
    (line, start, end) per raw line, in reading order."""
    out: list[list[int]] = []
    for pos in block.char_map()[start:end]:
        if pos is None:
            continue
        line, col = pos
        if out and out[-1][0] == line and out[-1][2] == col:
            out[-1][2] = col + 1
        else:
            out.append([line, col, col + 1])
    return tuple(tuple(r) for r in out)


def find_all(page: Page, pattern: str, regex: bool = False, case: bool = True,
             whole_word: bool = False) -> list[Match]:
    compiled = compile_pattern(pattern, regex, case)
    return [Match(block.id, m.start(), m.end(), m.group(), raw_ranges(block, m.start(), m.end()))
            for block, m in _matches(page, compiled, whole_word)]


def _template(replacement: str, regex: bool) -> str:
    return replacement if regex else replacement.replace("\\", "\\\\")


def plan_replacements(page: Page, pattern: str, replacement: str, regex: bool = False,
                      case: bool = True, whole_word: bool = False) -> list[Replacement]:
    """Every match with the text it becomes and a preview of each (page order)."""
    compiled = compile_pattern(pattern, regex, case)
    template = _template(replacement, regex)
    out = []
    for block, m in _matches(page, compiled, whole_word):
        try:
            new = m.expand(template)
        except (re.error, IndexError) as exc:
            raise FindError(_("bad replacement: {reason}", reason=str(exc))) from None
        text = block.text
        before, after = changed_part(text, text[:m.start()] + new + text[m.end():], CONTEXT)
        match = Match(block.id, m.start(), m.end(), m.group(), raw_ranges(block, m.start(), m.end()))
        out.append(Replacement(match, new, before, after))
    return out


def replace_edit(page: Page, chosen: list[Replacement]) -> Edit | None:
    """One undoable edit making the chosen replacements (each block's from its end, so
    that the offsets of the others stay right)."""
    by_block: dict[str, list[Replacement]] = {}
    for item in chosen:
        by_block.setdefault(item.match.block_id, []).append(item)
    edits = []
    for block_id, items in by_block.items():
        text = page.block(block_id).text
        for item in sorted(items, key=lambda i: i.match.start, reverse=True):
            m = item.match
            if text[m.start:m.end] != m.text:
                continue  # the text changed since it was found
            text = text[:m.start] + item.new + text[m.end:]
        if text != page.block(block_id).text:
            edits.append(SetText(block_id, text))
    if not edits:
        return None
    return Compound(edits, _("Replace") if len(chosen) == 1 else _("Replace all"))


def replace_preview(page: Page, pattern: str, replacement: str, regex: bool = False,
                    case: bool = True) -> list[tuple[str, str, str, int]]:
    """(block_id, text before, text after, replacements) for each block that would change."""
    compiled = compile_pattern(pattern, regex, case)
    out = []
    for _article, block in page.blocks():
        try:
            new, count = compiled.subn(_template(replacement, regex), block.text)
        except (re.error, IndexError) as exc:
            raise FindError(_("bad replacement: {reason}", reason=str(exc))) from None
        if count and new != block.text:
            out.append((block.id, block.text, new, count))
    return out


def replace_all(page: Page, pattern: str, replacement: str, regex: bool = False,
                case: bool = True) -> tuple[Edit | None, int]:
    """One undoable edit replacing every match, and how many matches it replaces."""
    changes = replace_preview(page, pattern, replacement, regex, case)
    if not changes:
        return None, 0
    edit = Compound([SetText(block_id, after) for block_id, _before, after, _n in changes], _("Replace all"))
    return edit, sum(n for *_rest, n in changes)
