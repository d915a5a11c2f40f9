"""The one list of rules (id, category, titles, default severity) and the rule settings.

Rule functions live in the category modules (``joins``, ``spaces``, ``punctuation``,
``ocr_marks``, ``misread``, ``structure``, ``encoding``); each declares with :func:`checker`
which of the ids below it reports. ``docs/rules.md`` is generated from :data:`RULES` by ``tools/gen_rules_doc.py``.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..decoding import InputError
from .base import Category, Severity


@dataclass(frozen=True)
class RuleInfo:
    id: str
    category: Category
    title_zh: str
    title_en: str
    default_severity: Severity
    description: str
    enabled_by_default: bool = True


J, S, P, T, E = Category.JOIN, Category.SPACE, Category.PUNCTUATION, Category.STRUCTURE, Category.ENCODING
C = Category.CHARACTER
ERROR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_TABLE = [
    # --- join ----------------------------------------------------------------------
    RuleInfo("column-break-join", J, "跨栏接排", "Paragraph joined across a column break", WARN,
             "A paragraph goes on after a blank line (a column break); the parser joined it. "
             "Review each: accept the join, or keep the break."),
    RuleInfo("lost-join", J, "疑似断段", "Paragraph break in mid-sentence", WARN,
             "A line that ends mid-sentence at full column width is followed by an indented "
             "line, so a new paragraph started: probably one paragraph broken in two."),
    RuleInfo("lost-paragraph-break", J, "疑似漏分段", "Paragraph break lost?", INFO,
             "A short line ending a sentence is followed by an unindented line: the indent of "
             "a new paragraph may have been lost."),
    RuleInfo("split-across-break", J, "词语被断开", "Number or word split across a break", WARN,
             "A number, a dictionary word or a hyphenated Latin word is split across a "
             "paragraph break or line break."),
    RuleInfo("headline-two-lines", J, "标题分两行", "Headline set over two lines", INFO,
             "A headline set over two lines was joined into one; check it is one headline "
             "and not a headline plus a subtitle."),
    # --- space ---------------------------------------------------------------------
    RuleInfo("space-between-cjk", S, "汉字间多余空格", "Space between Chinese characters", WARN,
             "A space between two Chinese characters or punctuation marks in running text. "
             "Spaces between headline phrases, byline names and after a dateline are kept."),
    RuleInfo("spaced-number", S, "数字中有空格", "Space inside a number", ERROR,
             "A number broken by spaces: ``7 . 8`` → ``7.8``, ``48 %`` → ``48%``."),
    RuleInfo("letter-spaced", S, "字间加空", "Letter-spaced word", WARN,
             "Characters set apart by spaces for display: ``本 报 记 者`` → ``本报记者``."),
    RuleInfo("space-around-punctuation", S, "标点旁空格", "Space next to full-width punctuation", WARN,
             "A space before or after full-width punctuation, or after a dash: "
             "``——— 阳谷`` → ``———阳谷``."),
    RuleInfo("trailing-whitespace", S, "行尾空白", "Trailing whitespace", INFO,
             "Whitespace at the end of a raw line (not part of any block's text)."),
    RuleInfo("whitespace-only-line", S, "空白行含空格", "Whitespace-only line", INFO,
             "A raw line holding only spaces or tabs; it counts as a blank line."),
    RuleInfo("space-run", S, "连续空格", "Run of spaces", WARN,
             "Two or more spaces where one would do (between Latin words or numbers)."),
    RuleInfo("tab", S, "制表符", "Tab character", WARN,
             "A tab inside the text (indents are layout and not flagged)."),
    # --- punctuation ---------------------------------------------------------------
    RuleInfo("dash-run", P, "破折号有误", "Malformed dash", WARN,
             "A Chinese dash is two em dashes: ``———`` → ``——``; a lone ``—``, ``--`` or "
             "``－－`` between Chinese characters → ``——``; OCR's ``一一`` for ``——`` (where "
             "it is not the word 一一, 逐一: ``一一列举`` is kept) and ``一`` for ``—`` between "
             "digits (``2019一2030``) or chained terms (``招生一培养一就业``)."),
    RuleInfo("nested-double-quotes", P, "引号嵌套", "Double quotes nested in double quotes", WARN,
             "Inside “…” an inner quotation takes single quotes: "
             "``“…“美丽经济”…”`` → ``“…‘美丽经济’…”``."),
    RuleInfo("unbalanced-pair", P, "引号括号不配对", "Unbalanced quote or bracket", WARN,
             "An opening quote or bracket without its closing one in the paragraph, or the "
             "other way round. A quotation running on into the next paragraph, which opens "
             "with “, is the convention and not flagged."),
    RuleInfo("halfwidth-punctuation", P, "半角标点", "Half-width punctuation in Chinese text", WARN,
             "``, ; : ? ! ( ) \"`` next to Chinese text → ``，；：？！（）“”`` (the space OCR "
             "leaves after such a mark goes too: ``通明; 滨海`` → ``通明；滨海``). Marks between "
             "Latin letters or digits (``8:30``, ``Smart Library (SL)``) are kept."),
    RuleInfo("bracket-mismatch", P, "括号错配", "Brackets of different kinds paired", WARN,
             "An opening ``〈`` or ``《`` closed by ``）`` or ``)`` (OCR reads ``（`` so): "
             "``〈第二期)`` → ``（第二期）``. Book-title marks closed by ``》`` are kept."),
    RuleInfo("fullwidth-alnum", P, "全角字母数字", "Full-width digits or letters", WARN,
             "Digits and Latin letters are set half-width: ``２０２４`` → ``2024``."),
    RuleInfo("ellipsis", P, "省略号", "Malformed ellipsis", WARN,
             "The Chinese ellipsis is ``……``: ``。。。``, ``...`` or a lone ``…`` → ``……``."),
    RuleInfo("doubled-char", P, "重字", "Doubled character", WARN,
             "A character written twice where the text reads once: across a line break "
             "(``的的``) or inside a line (``诗人人``, ``人人人``). Doubles that are words or "
             "reduplications (妈妈, 常常, 人人, 看看, 的的确确) are kept."),
    RuleInfo("byline-box", P, "署名前的“口”", "口 for □ before a byline", WARN,
             "OCR reads the box that opens a byline (``□本报记者``) as the character ``口``."),
    RuleInfo("stray-quote", P, "多余引号", "Stray quotation mark", WARN,
             "A lone ``”`` or ``“`` between names or items of the page furniture "
             "(``责任编辑：王丽”李强``, ``5月27日”星期三``): OCR reads the ornaments and gaps "
             "set there as quotes."),
    # --- structure -----------------------------------------------------------------
    RuleInfo("missing-headline", T, "缺少标题", "Article without headline", WARN,
             "An article has no headline block."),
    RuleInfo("unassigned-text", T, "未归属文字", "Text not assigned to an article part", WARN,
             "Text the parser could not place (kept as an unassigned block)."),
    RuleInfo("unterminated-paragraph", T, "段末无句末标点", "Paragraph ends without final punctuation",
             INFO, "A paragraph whose last character is not sentence-final punctuation "
             "(。！？…” etc.), where no lost join explains it."),
    # --- character -----------------------------------------------------------------
    RuleInfo("misread-char", C, "疑似误识字", "Possible OCR misreading (look-alike character)", WARN,
             "A character that makes the text fall apart into unlikely single characters "
             "where a look-alike (形近字: 冢/家, 乎/平, 士/土, 未/末, 己/已) makes a common "
             "word: ``国冢`` → ``国家``. The look-alike is the fix; other candidates are "
             "listed, best first. Evidence: jieba's word counts for the word and its "
             "neighbours, the shape table, and the OCR's own confidence where the file "
             "has it. Words of the user dictionary are never flagged."),
    RuleInfo("garbled-text", C, "疑似乱码段", "Stretch that reads as no words", INFO,
             "On a page that shows it came from OCR: three or more characters in a row that no "
             "word takes in, one of them rare (``挑臧的``, ``苋廖性``), where no single look-alike "
             "explains them. No automatic fix: check against the page image."),
    RuleInfo("low-confidence-word", C, "OCR 低置信词", "Word the OCR was unsure of", INFO,
             "A word whose OCR confidence (hOCR ``x_wconf``, ALTO ``WC``) is below 60%: "
             "check it against the page image. Only where the input file gives confidences."),
    # --- encoding ------------------------------------------------------------------
    RuleInfo("bad-character", E, "乱码或异常字符", "Garbled or invisible character", ERROR,
             "Replacement characters (�), mojibake (锟斤拷, Ã©), control characters, "
             "private-use characters and zero-width characters in the text."),
]

#: id → RuleInfo, in documentation order.
RULES: "OrderedDict[str, RuleInfo]" = OrderedDict((r.id, r) for r in _TABLE)
CATEGORIES = {str(c) for c in Category}


def expand(names: Iterable[str]) -> set[str]:
    """Rule ids for a list of rule ids and/or category names; ValueError for unknown names."""
    out: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        if name in RULES:
            out.add(name)
        elif name in CATEGORIES:
            out.update(r.id for r in RULES.values() if r.category == name)
        else:
            raise ValueError(f"未知规则或类别 / unknown rule or category: {name!r} "
                             f"(rules: {', '.join(RULES)}; categories: {', '.join(sorted(CATEGORIES))})")
    return out


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run and at what severity. Stores only what differs from the defaults."""

    enabled: frozenset[str] = frozenset()    # switched on beyond the defaults
    disabled: frozenset[str] = frozenset()   # switched off
    severity: tuple[tuple[str, Severity], ...] = ()  # overrides, (id, severity)
    only: frozenset[str] | None = None       # when set, nothing outside it runs

    def is_enabled(self, rule_id: str) -> bool:
        if self.only is not None and rule_id not in self.only:
            return False
        if rule_id in self.disabled:
            return False
        return rule_id in self.enabled or RULES[rule_id].enabled_by_default

    def enabled_ids(self) -> list[str]:
        return [rid for rid in RULES if self.is_enabled(rid)]

    def severity_of(self, rule_id: str) -> Severity:
        return dict(self.severity).get(rule_id, RULES[rule_id].default_severity)

    def select(self, names: Iterable[str]) -> "RuleSettings":
        """Only these rules (ids or categories) run; explicitly selected ones run even if off."""
        ids = expand(names)
        if not ids:
            return self
        only = ids if self.only is None else (self.only & ids)
        return RuleSettings(self.enabled | ids, self.disabled - ids, self.severity, frozenset(only))

    def ignore(self, names: Iterable[str]) -> "RuleSettings":
        ids = expand(names)
        return RuleSettings(self.enabled - ids, self.disabled | ids, self.severity, self.only)

    def with_severity(self, rule_id: str, severity: str | Severity) -> "RuleSettings":
        ids = expand([rule_id])
        sev = Severity(severity)
        rest = tuple((k, v) for k, v in self.severity if k not in ids)
        return RuleSettings(self.enabled, self.disabled, rest + tuple((i, sev) for i in sorted(ids)), self.only)

    # --- file form ------------------------------------------------------------------
    def to_json(self) -> dict:
        data: dict = {}
        if self.enabled:
            data["enable"] = sorted(self.enabled)
        if self.disabled:
            data["disable"] = sorted(self.disabled)
        if self.severity:
            data["severity"] = {k: str(v) for k, v in self.severity}
        if self.only is not None:
            data["select"] = sorted(self.only)
        return data

    @classmethod
    def from_json(cls, data) -> "RuleSettings":
        """``{"disable": [...], "enable": [...], "select": [...], "severity": {id: level}}``."""
        if not isinstance(data, dict):
            raise ValueError("rule settings must be a JSON object")
        unknown = set(data) - {"enable", "disable", "select", "severity"}
        if unknown:
            raise ValueError(f"unknown keys in rule settings: {', '.join(sorted(unknown))}")
        settings = cls(enabled=frozenset(expand(_names(data, "enable"))),
                       disabled=frozenset(expand(_names(data, "disable"))))
        if "select" in data:
            settings = settings.select(_names(data, "select"))
        severity = data.get("severity") or {}
        if not isinstance(severity, dict):
            raise ValueError("'severity' must map rule ids to error / warning / info")
        for rule_id, level in severity.items():
            try:
                settings = settings.with_severity(rule_id, level)
            except ValueError as exc:
                raise ValueError(f"severity of {rule_id!r}: {exc}") from None
        return settings

    @classmethod
    def from_file(cls, path: str | Path) -> "RuleSettings":
        """Read a settings file; InputError with a clear message when it is unusable."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise InputError(f"无法读取规则设置 / cannot read rule settings {path}: {exc.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"规则设置不是有效的 JSON / rule settings {path} are not valid JSON: {exc}") from None
        try:
            return cls.from_json(data)
        except ValueError as exc:
            raise InputError(f"规则设置有误 / bad rule settings {path}: {exc}") from None


def _names(data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key!r} must be a list of rule ids or categories")
    return value


# --- checkers: the functions that produce flags ------------------------------------

@dataclass(frozen=True)
class Checker:
    fn: Callable
    rules: tuple[str, ...]
    scope: str  # "block": fn(ctx, place) per block; "page": fn(ctx) once per page
    kinds: frozenset | None = field(default=None)  # block kinds it looks at (None: all)
    furniture: bool = False  # also looks at page furniture (encoding rules always do)


CHECKERS: list[Checker] = []


def checker(*rule_ids: str, scope: str = "block", kinds=None, furniture: bool = False):
    """Register a function that reports flags of ``rule_ids`` (``furniture``: it looks at the
    page furniture too, as the encoding rules do)."""
    for rid in rule_ids:
        if rid not in RULES:
            raise KeyError(f"rule {rid!r} is not in the registry")
    assert scope in ("block", "page")

    def wrap(fn):
        CHECKERS.append(Checker(fn, tuple(rule_ids), scope, frozenset(kinds) if kinds else None, furniture))
        return fn

    return wrap
