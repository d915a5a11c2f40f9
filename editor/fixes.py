"""A flag's suggested fix, as an edit.

``replace`` fixes swap the flagged text for the replacement. The structural actions read
the flag's place: ``join`` at the end of a block merges it with the next block, and inside
a block accepts the join the parser already made (nothing to change); ``keep_break``
inside a block splits it there, and at the end of a block accepts the break as it is.
A flag whose text has changed since it was computed is refused (EditError): re-check first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .edits import Compound, Edit, EditError, MergeWithNext, ReplaceText, SplitBlock
from .i18n import Message, _
from .model import Page
from .text import around, changed_part


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


@dataclass
class FixItem:
    """One flag of a "fix all", as its preview row shows it: the text near the flag before
    and after, what happens in words, and the edit (None: nothing to change, the flag is
    settled as it is)."""

    flag: object
    before: str
    after: str
    effect: Message
    edit: Edit | None
    keeps_break: bool = False


#: What a structural fix does, by (action, at the end of the block).
_EFFECTS = {
    ("join", True): _("joined with the next paragraph"),
    ("join", False): _("the join is kept as it is"),
    ("keep_break", True): _("the paragraph break is kept as it is"),
    ("keep_break", False): _("split into two paragraphs here"),
}
JOIN_MARK, BREAK_MARK = "¦", "¶"


def fix_all_items(page: Page, flags) -> list[FixItem]:
    """The preview of fixing every one of ``flags`` (page order): one item per flag
    that has an automatic fix; of two text fixes that overlap, the first is kept.
    EditError when a flag no longer fits the text."""
    items: list[FixItem] = []
    reach: dict[str, int] = {}  # block id → end of the last text fix taken
    for flag in sorted((f for f in flags if f.block_id and f.fix.action not in ("", "none")),
                       key=lambda f: (_block_order(page, f.block_id), f.offset)):
        block = page.block(flag.block_id)
        action = flag.fix.action
        if action == "replace":
            if flag.offset < reach.get(flag.block_id, -1):
                continue  # overlaps a fix to its left
            reach[flag.block_id] = flag.offset + flag.length
        edit = edit_for_flag(page, flag)
        items.append(_item(page, block, flag, edit))
    return items


def _item(page: Page, block, flag, edit) -> FixItem:
    text, at, action = block.text, flag.offset, flag.fix.action
    if action == "replace":
        after = text[:at] + flag.fix.replacement + text[at + flag.length:]
        before, after = changed_part(text, after)
        return FixItem(flag, before, after, _("text replaced"), edit)
    at_end = at >= len(text)
    if at_end:
        ai, bi = page.find_block(block.id)
        following = page.articles[ai].blocks[bi + 1].text if bi + 1 < len(page.articles[ai].blocks) else ""
        text = text + BREAK_MARK + following
    before = around(text, at, "" if at_end else JOIN_MARK)
    joined = action == "join"
    if at_end:
        after = around(text.replace(BREAK_MARK, "", 1), at) if joined else before
    else:
        after = around(text, at) if joined else around(text, at, BREAK_MARK)
    return FixItem(flag, before, after, _EFFECTS[action, at_end], edit, keeps_break=not joined)


def fix_all_decision(page: Page, items: list[FixItem]):
    """One operation (an :class:`editor.ignores.Decide`) carrying out the chosen items:
    the edits from the end of the page backwards, so that earlier offsets stay valid;
    items with nothing to change are settled, kept breaks remembered. None for none."""
    from .ignores import Decide, SetIgnored, break_place

    ordered = sorted(items, key=lambda i: (_block_order(page, i.flag.block_id), i.flag.offset),
                     reverse=True)
    edits = [i.edit for i in ordered if i.edit is not None]
    keys = frozenset(i.flag.key for i in items if i.edit is None)
    breaks = frozenset(p for p in (break_place(i.flag) for i in items if i.keeps_break) if p)
    if not (edits or keys or breaks):
        return None
    ignore = SetIgnored(flag_keys=keys, break_keys=breaks) if keys or breaks else None
    return Decide(Compound(edits, _("Fix all")) if edits else None, ignore, _("Fix all"))


def fix_all_edit(page: Page, flags) -> tuple[Edit | None, list[tuple[str, str, str]]]:
    """The text fixes of ``flags`` as one edit, and a preview per block: (block id, text
    before, text after). (Scripts; the window previews :func:`fix_all_items`.)"""
    items = [i for i in fix_all_items(page, flags) if i.flag.fix.action == "replace"]
    if not items:
        return None, []
    after: dict[str, str] = {}
    for item in sorted(items, key=lambda i: i.flag.offset, reverse=True):
        flag = item.flag
        text = after.get(flag.block_id, page.block(flag.block_id).text)
        after[flag.block_id] = text[:flag.offset] + flag.fix.replacement + text[flag.offset + flag.length:]
    preview = sorted(((bid, page.block(bid).text, text) for bid, text in after.items()),
                     key=lambda row: _block_order(page, row[0]))
    edits = sorted((i.edit for i in items), key=lambda e: (_block_order(page, e.block_id), e.offset),
                   reverse=True)
    return Compound(edits, _("Fix all")), preview


def _block_order(page: Page, block_id: str) -> tuple[int, int]:
    return page.find_block(block_id)
