"""What a rule returns: :class:`Flag` with its :class:`Fix`, severity and category.

Rules are pure functions of the page returning flags; their ids, titles and default
severities are declared once, in :mod:`editor.rules.registry`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


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
    CHARACTER = "character"  # a character the OCR misread (形近字), words it was unsure of


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
    message_zh: str
    message_en: str
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

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def to_json(self) -> dict:
        data = asdict(self)
        data["category"] = str(self.category)
        data["severity"] = str(self.severity)
        data["message"] = f"{self.message_zh} / {self.message_en}"
        data["key"] = self.key
        del data["anchor"]
        return data
