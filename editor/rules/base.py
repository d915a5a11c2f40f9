"""What a rule returns, and the one registry of rules.

A rule is a pure function ``rule(page: Page) -> Iterable[Flag]``; it is registered once
with :func:`rule` and gets its id, category, titles and default severity from there.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Callable, Iterable

from ..model import Page


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Category(StrEnum):
    JOIN = "join"
    SPACE = "space"
    PUNCTUATION = "punctuation"
    STRUCTURE = "structure"
    ENCODING = "encoding"


@dataclass(frozen=True)
class Fix:
    """A suggested fix: replace the flagged span with ``replacement``, or a structural action.

    ``action`` is "replace" (text fix), "join" (join across the break), "keep_break"
    (keep / make a paragraph break) or "none" (nothing automatic: look and decide).
    ``alternative`` is the other structural choice, where there is one.
    """

    action: str = "replace"
    replacement: str = ""
    alternative: str = ""


@dataclass(frozen=True)
class Flag:
    rule: str
    category: Category
    severity: Severity
    line: int          # 1-based
    column: int        # 1-based, counts characters
    end_line: int      # 1-based
    end_column: int    # 1-based, exclusive
    message_zh: str
    message_en: str
    fix: Fix = field(default_factory=Fix)
    confidence: float = 0.5
    block_id: str = ""   # the block the flag falls in ("" for page-level flags)
    offset: int = -1     # start of the flagged text in that block's text (-1: none)
    length: int = 0      # length of the flagged text in that block's text

    @property
    def key(self) -> str:
        """Identifies this flag across runs (for "ignore this flag"): rule + place + text."""
        return f"{self.rule}@{self.line}:{self.column}-{self.end_line}:{self.end_column}"

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def to_json(self) -> dict:
        data = asdict(self)
        data["category"] = str(self.category)
        data["severity"] = str(self.severity)
        data["message"] = f"{self.message_zh} / {self.message_en}"
        return data
