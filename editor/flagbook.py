"""A page's flags as the open project keeps them: the rules' flags, the open ones (less the
ignored), what an edit makes stale, and the facts the views draw from them.

:class:`Checks` is how a project runs the rules: the engine with the user's settings, or
(for tests and scripts) any function ``page → (flags, rules)``. It also says which
neighbours of an edited block must be checked again: the rules declare what they read
(``checker(reads=…)`` in editor/rules/registry.py).

:class:`FlagBook` holds one page's flags. After an edit, :func:`touched_blocks` names the
blocks whose flags may change; :meth:`FlagBook.merge` replaces just their flags.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from .geometry import confidence_source
from .i18n import language
from .ignores import break_place
from .kinds import BlockKind
from .model import Page
from .rules.base import Flag, rank
from .rules.registry import NEIGHBOURS, RULES, RuleSettings

Check = Callable[[Page], tuple]  # page → (flags, rules: id → info)


class Checks:
    """The rules a project runs: ``page`` (all flags), ``blocks`` (flags of some blocks)
    and ``reads`` (the neighbours the rules read). Thread-safe: no state but settings."""

    def __init__(self, check: Check | None = None, settings: Callable[[], RuleSettings] | None = None):
        self._check = check
        self._settings = settings or RuleSettings

    @property
    def is_engine(self) -> bool:
        return self._check is None

    def settings(self) -> RuleSettings:
        return self._settings()

    def page(self, page: Page) -> tuple[list[Flag], dict]:
        """(flags, rules) of the whole page."""
        if self._check is None:
            from .rules import check_page

            return list(check_page(page, self.settings(), confidence=confidence_source(page))), dict(RULES)
        flags, rules = self._check(page)
        return apply_rule_settings(flags, self.settings()), dict(rules)

    def blocks(self, page: Page, ids: set[str]) -> list[Flag]:
        """Flags of just these blocks."""
        if self._check is None:
            from .rules import check_blocks

            return list(check_blocks(page, ids, self.settings(), confidence=confidence_source(page)))
        return [f for f in self.page(page.copy())[0] if f.block_id in ids]

    def reads(self) -> frozenset[str]:
        """What the rules read besides a block: "next", "prev", "article"."""
        if self._check is None:
            from .rules import neighbours

            return neighbours(self.settings())
        return NEIGHBOURS  # a check that does not say: assume it reads everything near


def apply_rule_settings(flags: Iterable[Flag], settings: RuleSettings) -> list[Flag]:
    """Flags of rules that are on, at the severity the settings give (unknown rules kept)."""
    out = []
    for flag in flags:
        if flag.rule not in RULES:
            out.append(flag)
        elif settings.is_enabled(flag.rule):
            severity = settings.severity_of(flag.rule)
            out.append(flag if flag.severity == severity else replace(flag, severity=severity))
    return out


def touched_blocks(page: Page, event: str, info: dict, reads: frozenset[str]) -> set[str]:
    """Ids of the blocks whose flags a model event may change: the blocks it changed or
    made, and the neighbours the rules read (``reads``): the block before a change for
    rules that read the next block, the one after for rules that read the previous one,
    the article's first block for rules about the whole article."""
    if event == "articles_inserted":
        return {b.id for a in page.articles[info["first"]:info["last"] + 1] for b in a.blocks}
    ai = info.get("article")
    if ai is None or not 0 <= ai < len(page.articles):
        return set()
    blocks = page.articles[ai].blocks
    if event == "block_changed":
        first = last = info.get("index", 0)
    elif event == "blocks_inserted":
        first, last = info["first"], info["last"]
    elif event == "blocks_removed":
        first, last = info["first"], info["first"] - 1  # nothing left of them: only neighbours
    else:
        return set()
    wanted = set(range(first, last + 1))
    if "next" in reads:
        wanted.add(first - 1)
    if "prev" in reads:
        wanted.add(last + 1)
    if "article" in reads:
        wanted.add(0)
    return {blocks[i].id for i in wanted if 0 <= i < len(blocks)}


class FlagBook:
    """One page's flags: every flag the rules reported, and the open ones."""

    def __init__(self):
        self.all: list[Flag] = []     # every flag the rules reported
        self.open: list[Flag] = []    # less the ignored: what the proofreader sees
        self.ignored: list[tuple[Flag, str]] = []  # the others, with why: "flag", "rule", "break"
        self.rules: dict = {}         # rule id → info, from the last check
        self.ready = False            # a whole-page check has come in
        self._facts: dict | None = None  # views' facts about ``open``, made when asked

    def take(self, flags: Iterable[Flag], rules: dict) -> None:
        self.all, self.rules, self.ready = list(flags), dict(rules), True

    def merge(self, fresh: list[Flag], stale: set[str], existing: set[str] | None) -> None:
        """The flags of the blocks in ``stale`` become ``fresh``; flags of blocks not in
        ``existing`` (when given: after blocks came or went) go."""
        kept = [f for f in self.all
                if not f.block_id or (f.block_id not in stale
                                      and (existing is None or f.block_id in existing))]
        self.all = sorted(kept + fresh, key=lambda f: (f.line, f.column, f.rule))

    def refilter(self, ignored_rules: set[str], ignored_flags: set[str],
                 kept_breaks: set[str] = frozenset()) -> list[Flag]:
        """Open flags: the rules' flags less those ignored by key or rule and those on a
        break the proofreader kept; the others are :attr:`ignored`, each with why."""
        self.open, self.ignored = [], []
        for f in self.all:
            why = ("rule" if f.rule in ignored_rules else "flag" if f.key in ignored_flags
                   else "break" if kept_breaks and break_place(f) in kept_breaks else "")
            (self.ignored.append((f, why)) if why else self.open.append(f))
        self._facts = None
        return self.open

    # --- facts for the views (made once per change of the open flags) ----------------
    def _made(self) -> dict:
        if self._facts is None:
            by_block: dict[str, list[Flag]] = {}
            worst_block: dict[str, str] = {}
            worst_line: dict[int, str] = {}
            counts = {"error": 0, "warning": 0, "info": 0}
            for flag in self.open:
                severity = str(flag.severity)
                counts[severity] = counts.get(severity, 0) + 1
                if flag.block_id:
                    by_block.setdefault(flag.block_id, []).append(flag)
                    _keep_worst(worst_block, flag.block_id, severity)
                for line in range(flag.line - 1, flag.end_line):
                    _keep_worst(worst_line, line, severity)
            self._facts = {"by_block": by_block, "worst_block": worst_block,
                           "worst_line": worst_line, "counts": counts}
        return self._facts

    def by_block(self) -> dict[str, list[Flag]]:
        """Block id → its open flags."""
        return self._made()["by_block"]

    def worst_by_block(self) -> dict[str, str]:
        """Block id → the worst severity of its open flags."""
        return self._made()["worst_block"]

    def worst_by_line(self) -> dict[int, str]:
        """Raw line (0-based) → the worst severity of the open flags on it."""
        return self._made()["worst_line"]

    def counts(self) -> dict[str, int]:
        """Open flags by severity."""
        return dict(self._made()["counts"])


def _keep_worst(table: dict, key, severity: str) -> None:
    old = table.get(key)
    if old is None or rank(severity) < rank(old):
        table[key] = severity


def rule_title(rule_id: str, rules: dict) -> str:
    """A rule's title in the current language (from a RuleInfo, or a check's own info
    dict with ``title_zh`` / ``title_en``); its id when unknown."""
    info = rules.get(rule_id) or RULES.get(rule_id)
    if info is None:
        return rule_id
    if isinstance(info, dict):
        return info.get("title_zh" if language() == "zh" else "title_en") or rule_id
    return info.title.text()


def count_paragraphs(page: Page) -> int:
    return sum(1 for _a, b in page.blocks() if b.kind == BlockKind.PARAGRAPH)
