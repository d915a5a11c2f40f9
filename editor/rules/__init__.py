"""The flags engine: run the rules over a page.

The rule modules are listed in :data:`MODULES`, each with its ``CHECKERS``; nothing
registers itself at import time. ``check_page`` runs every enabled rule;
``check_blocks`` re-checks a few blocks after an edit (block rules only; page-level rules
such as raw-line whitespace are skipped); :func:`neighbours` says which neighbours of an
edited block the enabled rules read, so the caller knows what to re-check. Both checks
return flags sorted by raw-page position.

Flag keys (for "ignore this flag"): a flag in a block is keyed by its rule and the block
text around it (``rule:before[flagged]after``, eight characters each side), so the key
survives re-parsing and edits elsewhere; raw-page flags are keyed by rule and position.
Two identical contexts on one page share a key, so ignoring one ignores both — rare
enough, and the safer way round than keys that drift with line numbers.
"""
from __future__ import annotations

from typing import Iterable

from ..gcpause import without_gc
from ..kinds import BlockKind
from ..model import Page
from . import encoding, joins, misread, ocr_marks, punctuation, spaces, structure
from .base import Category, Fix, Flag, Severity
from .common import ConfidenceSource, Ctx, Place
from .registry import RULES, Checker, RuleInfo, RuleSettings, expand

__all__ = ["check_page", "check_blocks", "neighbours", "RULES", "RuleInfo", "RuleSettings", "Flag",
           "Fix", "Severity", "Category", "expand", "MODULES", "CHECKERS"]

#: The rule modules, in the order their checkers run. A new module goes here.
MODULES = (joins, spaces, punctuation, ocr_marks, misread, structure, encoding)
CHECKERS: tuple[Checker, ...] = tuple(c for module in MODULES for c in module.CHECKERS)

_ORDER = {rid: n for n, rid in enumerate(RULES)}


def check_page(page: Page, settings: RuleSettings | None = None, *,
               ignored_rules: Iterable[str] = (), ignored_flags: Iterable[str] = (),
               user_words: Iterable[str] = (), confidence: ConfidenceSource | None = None) -> list[Flag]:
    """All flags of the page, sorted by position.

    ``user_words``: the user dictionary (names, places, terms of the paper), never flagged as
    misread. ``confidence``: where the OCR gave one, the confidence (0–1) of a block's
    character, as ``confidence(block, offset)``; None: unknown (see :meth:`Ctx.char_confidence`).
    """
    return _run(page, settings, None, ignored_rules, ignored_flags, user_words, confidence)


def check_blocks(page: Page, block_ids: Iterable[str], settings: RuleSettings | None = None, *,
                 ignored_rules: Iterable[str] = (), ignored_flags: Iterable[str] = (),
                 user_words: Iterable[str] = (), confidence: ConfidenceSource | None = None) -> list[Flag]:
    """Flags of just these blocks (for recomputing after an edit); which blocks an edit
    touches, the rules say with :func:`neighbours`."""
    return _run(page, settings, set(block_ids), ignored_rules, ignored_flags, user_words, confidence)


def neighbours(settings: RuleSettings | None = None) -> frozenset[str]:
    """What the enabled block rules read besides the block they report on: "next",
    "prev", "article" (see ``registry.NEIGHBOURS``)."""
    active = set((settings or RuleSettings()).enabled_ids())
    return frozenset().union(*(c.reads for c in CHECKERS if c.scope == "block" and active.intersection(c.rules)))


@without_gc
def _run(page, settings, only_blocks, ignored_rules, ignored_flags, user_words=(), confidence=None) -> list[Flag]:
    settings = settings or RuleSettings()
    skip = set(ignored_rules)
    active = {rid for rid in settings.enabled_ids() if rid not in skip}
    ctx = Ctx(page, settings, user_words=user_words, confidence=confidence)
    flags: list[Flag] = []
    block_checkers = [c for c in CHECKERS if c.scope == "block" and active.intersection(c.rules)]
    if only_blocks is None:
        for chk in CHECKERS:
            if chk.scope == "page" and active.intersection(chk.rules):
                flags.extend(chk.fn(ctx))
    by_kind = {kind: [c for c in block_checkers if kind in c.kinds] for kind in BlockKind}
    by_kind[BlockKind.FURNITURE] += [c for c in block_checkers if c.furniture and c not in by_kind[BlockKind.FURNITURE]]
    for article in page.articles:
        for index, block in enumerate(article.blocks):
            if only_blocks is not None and block.id not in only_blocks:
                continue
            # the page's furniture is set for display, not as running text: it is read
            # as furniture (the kinds table: encoding rules only), whatever its kind
            kind = BlockKind.FURNITURE if article.furniture else block.kind
            place = Place(article, index)
            for chk in by_kind[kind]:
                flags.extend(chk.fn(ctx, place))
    flags = ctx.number(flags)  # the ``#n`` of anchors met earlier on the page: keys are whole now
    ignored = set(ignored_flags)
    flags = [f for f in flags if f.rule in active and f.key not in ignored]
    return sorted(_dedupe(flags), key=_position)


def _position(flag: Flag):
    return flag.line, flag.column, flag.end_line, flag.end_column, _ORDER[flag.rule]


def _dedupe(flags: list[Flag]) -> list[Flag]:
    """One flag per place and category: where two rules name the same spot (a lost join
    that also splits a word), the more confident, else the earlier-registered, stays."""
    best: dict[tuple, Flag] = {}
    out: list[Flag] = []
    for flag in flags:
        if not flag.block_id:
            out.append(flag)
            continue
        place = (flag.block_id, flag.offset, flag.length, flag.category)
        held = best.get(place)
        if held is None or (flag.confidence, -_ORDER[flag.rule]) > (held.confidence, -_ORDER[held.rule]):
            best[place] = flag
    return out + list(best.values())
