"""A flag's suggested fix, as an edit.

``replace`` fixes swap the flagged text for the replacement. The structural actions read
the flag's place: ``join`` at the end of a block merges it with the next block, and inside
a block accepts the join the parser already made (nothing to change); ``keep_break``
inside a block splits it there, and at the end of a block accepts the break as it is.
A flag whose text has changed since it was computed is refused (EditError): re-check first.
"""
from __future__ import annotations

import re

from .edits import Compound, Edit, EditError, MergeWithNext, ReplaceText, SplitBlock
from .i18n import _
from .model import Page


def _current_text_matches(page: Page, flag) -> bool:
    """Is the flagged text still where the flag says (same text around it)?"""
    from .rules.common import anchor

    if not flag.anchor:
        return True
    expected = re.sub(r"#\d+$", "", flag.anchor)  # "#2": the second place with this context
    return anchor(page.block(flag.block_id).text, flag.offset, flag.length) == expected


def edit_for_flag(page: Page, flag, alternative: bool = False) -> Edit | None:
    """The edit that carries out the flag's fix (or its alternative); None if nothing changes."""
    fix = flag.fix
    action = fix.alternative if alternative else fix.action
    if not action or action == "none" or not flag.block_id:
        return None
    try:
        block = page.block(flag.block_id)
    except KeyError:
        raise EditError(_("the flagged block is gone; re-check the page")) from None
    if not 0 <= flag.offset <= len(block.text) or flag.offset + flag.length > len(block.text) \
            or not _current_text_matches(page, flag):
        raise EditError(_("the text has changed since this flag; re-check"))
    at_end = flag.offset >= len(block.text)
    if action == "replace":
        return ReplaceText(block.id, flag.offset, flag.length, fix.replacement)
    if action == "join":
        return MergeWithNext(block.id) if at_end else None
    if action == "keep_break":
        return None if at_end or flag.offset == 0 else SplitBlock(block.id, flag.offset)
    raise EditError(_("unknown fix action {action!r}", action=action))


def fix_all_edit(page: Page, flags) -> tuple[Edit | None, list[tuple[str, str, str]]]:
    """One edit applying every flag's fix, and a preview: (block id, text before, text after).

    Fixes are applied from the end of the page backwards so earlier offsets stay valid;
    a fix overlapping one already taken is skipped. Only text fixes ("replace") change
    the preview's texts; structural fixes are listed with their effect in words.
    """
    chosen = sorted((f for f in flags if f.block_id and f.fix.action == "replace"),
                    key=lambda f: (_block_order(page, f.block_id), f.offset), reverse=True)
    edits: list[Edit] = []
    after: dict[str, str] = {}
    taken: dict[str, int] = {}  # block id → start of the leftmost fix taken so far
    for flag in chosen:
        if flag.offset + flag.length > taken.get(flag.block_id, 1 << 30):
            continue  # overlaps a fix to its right
        edit = edit_for_flag(page, flag)
        if edit is None:
            continue
        edits.append(edit)
        taken[flag.block_id] = flag.offset
        text = after.get(flag.block_id, page.block(flag.block_id).text)
        after[flag.block_id] = text[:flag.offset] + flag.fix.replacement + text[flag.offset + flag.length:]
    if not edits:
        return None, []
    preview = [(bid, page.block(bid).text, text) for bid, text in after.items()]
    preview.sort(key=lambda item: _block_order(page, item[0]))
    return Compound(edits, _("Fix all")), preview


def _block_order(page: Page, block_id: str) -> tuple[int, int]:
    return page.find_block(block_id)
