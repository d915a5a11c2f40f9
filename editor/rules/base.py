"""What a rule returns: :class:`Flag` with its :class:`Fix`, severity and category.

Rules are pure functions of the page returning flags; their ids, titles and default
severities are declared once, in :mod:`editor.rules.registry`. A flag's message is a
:class:`~editor.i18n.Message`: it renders in the language of the moment when read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterable

from ..i18n import Message, _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Lower is worse: error 0, warning 1, info 2."""
        return _RANK[self]


_RANK = {"error": 0, "warning": 1, "info": 2}  # by name: a Severity is its name too


def rank(severity) -> int:
    """The rank of a severity or its name (unknown names rank after info)."""
    return _RANK.get(severity, 3)


def worst(severities: Iterable) -> Severity | None:
    """The worst of these severities (None for none)."""
    best = None
    for severity in severities:
        if best is None or rank(severity) < rank(best):
            best = severity
    return Severity(str(best)) if best is not None else None


class Category(StrEnum):
    JOIN = "join"
    SPACE = "space"
    PUNCTUATION = "punctuation"
    STRUCTURE = "structure"
    ENCODING = "encoding"
    CHARACTER = "character"  # a character the OCR misread (形近字), words it was unsure of

    @property
    def label(self) -> Message:
        return _CATEGORY_NAMES[self]


_CATEGORY_NAMES = {Category.JOIN: _("Joins"), Category.SPACE: _("Spaces"),
                   Category.PUNCTUATION: _("Punctuation"), Category.STRUCTURE: _("Structure"),
                   Category.ENCODING: _("Encoding"), Category.CHARACTER: _("Misread characters")}


def category_label(category) -> str:
    """A category's name in the current language (its id if unknown)."""
    try:
        return Category(str(category)).label.text()
    except ValueError:
        return str(category)


@dataclass(frozen=True)
class Fix:
    """A suggested fix: replace the flagged span with ``replacement``, or a structural action.

    ``action`` is "replace" (text fix), "join" (join across the break), "keep_break"
    (keep / make a paragraph break) or "none" (nothing automatic: look and decide).
    ``alternative`` is the other structural choice, where there is one. ``others`` are
    further replacements to offer, best first, after ``replacement`` (a misread character
    that could be one of several look-alikes).
    """

    action: str = "replace"
    replacement: str = ""
    alternative: str = ""
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flag:
    rule: str
    category: Category
    severity: Severity
    line: int          # 1-based
    column: int        # 1-based, counts characters
    end_line: int      # 1-based
    end_column: int    # 1-based, exclusive
    message: Message   # renders in the current language; ``message.id`` is stable
    fix: Fix = field(default_factory=Fix)
    confidence: float = 0.5
    block_id: str = ""   # the block the flag falls in ("" for page-level flags)
    offset: int = -1     # start of the flagged text in that block's text (-1: none)
    length: int = 0      # length of the flagged text in that block's text
    # The block text around the flag ("before[flagged]after", see rules.common.anchor);
    # "" for page-level flags, which are keyed by raw position instead.
    anchor: str = ""

    @property
    def key(self) -> str:
        """Identifies this flag across runs (for "ignore this flag").

        Block flags are keyed by rule + the block text around them, so the key survives
        re-parsing (new block ids) and edits elsewhere on the page; raw-page flags (no
        block) are keyed by rule + raw position, which is stable as the raw page is.
        """
        if self.anchor:
            return f"{self.rule}:{self.anchor}"
        return f"{self.rule}@{self.line}:{self.column}-{self.end_line}:{self.end_column}"

    @property
    def message_zh(self) -> str:
        return self.message.text("zh")

    @property
    def message_en(self) -> str:
        return self.message.text("en")

    def to_json(self, lang: str | None = None) -> dict:
        """The flag for scripts: ids (rule, category, severity, key, ``message_id``) are
        stable; ``message`` is in ``lang`` (default: the current language)."""
        return {
            "rule": self.rule, "category": str(self.category), "severity": str(self.severity),
            "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "message": self.message.text(lang),
            "message_id": self.message.id,
            "fix": {"action": self.fix.action, "replacement": self.fix.replacement,
                    "alternative": self.fix.alternative, "others": list(self.fix.others)},
            "confidence": self.confidence, "block_id": self.block_id, "offset": self.offset,
            "length": self.length, "key": self.key,
        }
