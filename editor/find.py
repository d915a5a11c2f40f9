"""Find and replace across the page's blocks, plain or regex; replace-all is one edit."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .edits import Compound, Edit, SetText
from .errors import MessageError
from .i18n import _
from .model import Page


class FindError(MessageError, ValueError):
    """A pattern that is not a valid regular expression (message for people)."""


@dataclass(frozen=True)
class Match:
    block_id: str
    start: int
    end: int
    text: str


def compile_pattern(pattern: str, regex: bool = False, case: bool = True) -> re.Pattern:
    if not pattern:
        raise FindError(_("nothing to find"))
    flags = 0 if case else re.IGNORECASE
    try:
        return re.compile(pattern if regex else re.escape(pattern), flags)
    except re.error as exc:
        raise FindError(_("bad regular expression: {reason}", reason=str(exc))) from None


def find_all(page: Page, pattern: str, regex: bool = False, case: bool = True) -> list[Match]:
    compiled = compile_pattern(pattern, regex, case)
    return [Match(block.id, m.start(), m.end(), m.group())
            for _article, block in page.blocks()
            for m in compiled.finditer(block.text) if m.end() > m.start()]


def replace_preview(page: Page, pattern: str, replacement: str, regex: bool = False,
                    case: bool = True) -> list[tuple[str, str, str, int]]:
    """(block_id, text before, text after, replacements) for each block that would change."""
    compiled = compile_pattern(pattern, regex, case)
    out = []
    for _article, block in page.blocks():
        try:
            new, count = compiled.subn(replacement if regex else replacement.replace("\\", "\\\\"),
                                       block.text)
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
