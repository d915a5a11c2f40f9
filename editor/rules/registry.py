"""The one list of rules (id, category, title, default severity) and the rule settings.

Rule functions live in the category modules (``joins``, ``spaces``, ``punctuation``,
``structure``, ``encoding``, listed in :data:`editor.rules.MODULES`); each wraps its
functions with :func:`checker` (which of the ids below they report, which kinds and
neighbours they read) and lists them in its ``CHECKERS``. Titles and descriptions are
gettext messages (Chinese from the catalog). ``docs/rules.md`` is generated from
:data:`RULES` by ``tools/gen_rules_doc.py``.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..errors import InputError, MessageError
from ..i18n import Message, _
from ..kinds import BlockKind, kinds_read_by
from .base import Category, Severity


@dataclass(frozen=True)
class RuleInfo:
    id: str
    category: Category
    title: Message
    default_severity: Severity
    description: Message
    enabled_by_default: bool = True

    def __post_init__(self):
        """Rows written the older way, ``RuleInfo(id, category, "中文", "English", severity,
        "description")``, still make a rule: the English is the title's msgid."""
        if isinstance(self.title, str) and isinstance(self.default_severity, str) \
                and self.default_severity not in {str(s) for s in Severity}:
            zh, en, severity, description = (self.title, self.default_severity, self.description,
                                              self.enabled_by_default)
            object.__setattr__(self, "title", Message.pair(zh, en))
            object.__setattr__(self, "default_severity", Severity(severity))
            object.__setattr__(self, "description", Message(str(description)))
            object.__setattr__(self, "enabled_by_default", True)
        for name in ("title", "description"):
            if isinstance(getattr(self, name), str):
                object.__setattr__(self, name, Message(getattr(self, name)))

    @property
    def title_zh(self) -> str:
        return self.title.text("zh")

    @property
    def title_en(self) -> str:
        return self.title.text("en")


J, S, P, T, E = Category.JOIN, Category.SPACE, Category.PUNCTUATION, Category.STRUCTURE, Category.ENCODING
C = Category.CHARACTER
ERROR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_TABLE = [
    # --- join ----------------------------------------------------------------
    RuleInfo("column-break-join", J, _('Paragraph joined across a column break'), WARN,
             _('A paragraph goes on after a blank line (a column break); the parser joined it.'
               ' Review each: accept the join, or keep the break.')),
    RuleInfo("lost-join", J, _('Paragraph break in mid-sentence'), WARN,
             _('A line that ends mid-sentence at full column width is followed by an indented '
               'line, so a new paragraph started: probably one paragraph broken in two.')),
    RuleInfo("lost-paragraph-break", J, _('Paragraph break lost?'), INFO,
             _('A short line ending a sentence is followed by an unindented line: the indent '
               'of a new paragraph may have been lost.')),
    RuleInfo("split-across-break", J, _('Number or word split across a break'), WARN,
             _('A number, a dictionary word or a hyphenated Latin word is split across a '
               'paragraph break or line break.')),
    RuleInfo("headline-two-lines", J, _('Headline set over two lines'), INFO,
             _('A headline set over two lines was joined into one; check it is one headline '
               'and not a headline plus a subtitle.')),
    # --- space ---------------------------------------------------------------
    RuleInfo("space-between-cjk", S, _('Space between Chinese characters'), WARN,
             _('A space between two Chinese characters or punctuation marks in running text. '
               'Spaces between headline phrases, byline names and after a dateline are kept.')),
    RuleInfo("spaced-number", S, _('Space inside a number'), ERROR,
             _('A number broken by spaces: ``7 . 8`` → ``7.8``, ``48 %`` → ``48%``.')),
    RuleInfo("letter-spaced", S, _('Letter-spaced word'), WARN,
             _('Characters set apart by spaces for display: ``本 报 记 者`` → ``本报记者``.')),
    RuleInfo("space-around-punctuation", S, _('Space next to full-width punctuation'), WARN,
             _('A space before or after full-width punctuation, or after a dash: ``——— 阳谷`` → '
               '``———阳谷``.')),
    RuleInfo("space-at-line-break", S, _('Stray space at a line break'), INFO,
             _('A space at the end of a line or the start of the next where the two lines are '
               'one paragraph between Chinese characters (``损`` / `` 害公约``): the join '
               'dropped it; look whether the source had a word break there.')),
    RuleInfo("trailing-whitespace", S, _('Trailing whitespace'), INFO,
             _("Whitespace at the end of a raw line (not part of any block's text).")),
    RuleInfo("whitespace-only-line", S, _('Whitespace-only line'), INFO,
             _('A raw line holding only spaces or tabs; it counts as a blank line.')),
    RuleInfo("space-run", S, _('Run of spaces'), WARN,
             _('Two or more spaces where one would do (between Latin words or numbers).')),
    RuleInfo("tab", S, _('Tab character'), WARN,
             _('A tab inside the text (indents are layout and not flagged).')),
    # --- punctuation ---------------------------------------------------------
    RuleInfo("dash-run", P, _('Dash too long'), WARN,
             _('A Chinese dash is two em dashes: ``———`` → ``——``; hyphens ``--`` or ``－－`` '
               'between Chinese characters → ``——``; OCR\'s ``一一`` for ``——`` (where it is not '
               'the word 一一, 逐一: ``一一列举`` is kept) and ``一`` for ``—`` between digits '
               '(``2019一2030``) or chained terms (``招生一培养一就业``). A lone ``—`` between '
               'Chinese characters is the connecting dash (``弗留利—威尼斯朱利亚``) and is kept.')),
    RuleInfo("nested-double-quotes", P, _('Double quotes nested in double quotes'), WARN,
             _('Inside “…” an inner quotation takes single quotes: ``“…“美丽经济”…”`` → '
               '``“…‘美丽经济’…”``.')),
    RuleInfo("unbalanced-pair", P, _('Unbalanced quote or bracket'), WARN,
             _('An opening quote or bracket without its closing one in the paragraph, or the '
               'other way round. A quotation running on into the next paragraph, which opens '
               'with “, is the convention and not flagged. A double quote facing the wrong way '
               'gets turned: where turning one mark pairs every quote of the paragraph, and '
               'wherever ``“`` closes (before ``。``, ``，`` and the like: ``新名片“。`` → '
               '``新名片”。``) or ``”`` opens after a colon (``：”我们`` → ``：“我们``). A '
               'half-width ``"`` pairs as the quote it stands for. Quotes on lines the OCR read '
               'across columns are not paired.')),
    RuleInfo("halfwidth-punctuation", P, _('Half-width punctuation in Chinese text'), WARN,
             _('``, ; : ? ! ( ) "`` next to Chinese text → ``，；：？！（）“”`` (the space OCR '
               'leaves after such a mark goes too: ``通明; 滨海`` → ``通明；滨海``). Marks between '
               'Latin letters or digits (``8:30``, ``Smart Library (SL)``) are kept.')),
    RuleInfo("bracket-mismatch", P, _('Brackets of different kinds paired'), WARN,
             _('An opening ``〈`` or ``《`` closed by ``）`` or ``)`` (OCR reads ``（`` so): '
               '``〈第二期)`` → ``（第二期）``. Book-title marks closed by ``》`` are kept.')),
    RuleInfo("fullwidth-alnum", P, _('Full-width digits or letters'), WARN,
             _('Digits and Latin letters are set half-width: ``２０２４`` → ``2024``.')),
    RuleInfo("ellipsis", P, _('Malformed ellipsis'), WARN,
             _('The Chinese ellipsis is ``……``: ``。。。``, ``...`` or a lone ``…`` → ``……``.')),
    RuleInfo("doubled-char", P, _('Doubled character'), WARN,
             _('A character written twice where the text reads once: across a line break '
               '(``的的``) or inside a line (``诗人人``, ``人人人``). Doubles that are words or '
               'reduplications (妈妈, 常常, 人人, 看看, 的的确确) are kept.')),
    RuleInfo("byline-box", P, _('口 for □ before a byline'), WARN,
             _('OCR reads the box that opens a byline (``□本报记者``) as the character ``口``.')),
    RuleInfo("stray-quote", P, _('Stray quotation mark'), WARN,
             _('A lone ``”`` or ``“`` between names or items of the page furniture '
               '(``责任编辑：王丽”李强``, ``5月27日”星期三``): OCR reads the ornaments and gaps '
               'set there as quotes.')),
    # --- structure -----------------------------------------------------------
    RuleInfo("merged-columns", T, _('Columns merged on one line'), WARN,
             _('Lines that hold the text of several columns side by side, as pdftotext prints '
               'a page whose gutters are narrow: the text alone cannot tell which piece goes '
               'on where. One flag per run of such lines; compare with the PDF (open the PDF '
               'itself: its geometry keeps the columns apart). On a page from OCR also the '
               'lines the OCR read across columns (pieces about a column wide, strewn with the '
               'marks of the gutters: ``……晨练的市民 。 新建的……``); their spaces and quotes are '
               'left to this flag.')),
    RuleInfo("missing-headline", T, _('Article without headline'), WARN,
             _('An article has no headline block.')),
    RuleInfo("two-headlines", T, _('Article with two headlines'), WARN,
             _('An article holds two headline blocks (a headline moved into an article that '
               'had one, both kept): keep one, or make the other the kicker or subtitle.')),
    RuleInfo("unassigned-text", T, _('Text not assigned to an article part'), WARN,
             _('Text the parser could not place (kept as an unassigned block).')),
    RuleInfo("unterminated-paragraph", T, _('Paragraph ends without final punctuation'), INFO,
             _('A paragraph whose last character is not sentence-final punctuation (。！？…” '
               'etc.), where no lost join explains it.')),
    # --- character -----------------------------------------------------------
    RuleInfo("misread-char", C, _('Possible OCR misreading (look-alike character)'), WARN,
             _('A character that makes the text fall apart into unlikely single characters '
               'where a look-alike (形近字: 冢/家, 乎/平, 士/土, 未/末, 己/已) makes a common '
               'word: ``国冢`` → ``国家``. The look-alike is the fix; other candidates are '
               'listed, best first. Evidence: jieba\'s word counts for the word and its '
               'neighbours, the shape table, and the OCR\'s own confidence where the file '
               'has it. Words of the user dictionary are never flagged.')),
    RuleInfo("garbled-text", C, _('Stretch that reads as no words'), INFO,
             _('On a page that shows it came from OCR: three or more characters in a row that no '
               'word takes in, one of them rare (``挑臧的``, ``苋廖性``), where no single look-alike '
               'explains them. No automatic fix: check against the page image.')),
    RuleInfo("low-confidence-word", C, _('Word the OCR was unsure of'), INFO,
             _('Two or more characters whose OCR confidence (hOCR ``x_wconf``, ALTO ``WC``) is '
               'below 25%: check them against the page image (the page view tints every word '
               'under 60%). Only where the input file gives confidences.')),
    # --- encoding ------------------------------------------------------------
    RuleInfo("bad-character", E, _('Garbled or invisible character'), ERROR,
             _('Replacement characters (�), mojibake (锟斤拷, Ã©), control characters, private-'
               'use characters and zero-width characters in the text.')),
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
            raise SettingsError(_("unknown rule or category: {name!r} (rules: {rules}; categories: "
                                  "{categories})", name=name, rules=", ".join(RULES),
                                  categories=", ".join(sorted(CATEGORIES))))
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
        """``{"disable": [...], "enable": [...], "select": [...], "severity": {id: level}}``;
        SettingsError (a ValueError) for anything else."""
        if not isinstance(data, dict):
            raise SettingsError(_("rule settings must be a JSON object"))
        unknown = set(data) - {"enable", "disable", "select", "severity"}
        if unknown:
            shown = ", ".join(repr(k)[:60] for k in sorted(unknown)[:8])  # a key may hold a line break
            raise SettingsError(_("unknown keys in rule settings: {keys}", keys=shown))
        settings = cls(enabled=frozenset(expand(_names(data, "enable"))),
                       disabled=frozenset(expand(_names(data, "disable"))))
        if "select" in data:
            settings = settings.select(_names(data, "select"))
        severity = data.get("severity") or {}
        if not isinstance(severity, dict):
            raise SettingsError(_("'severity' must map rule ids to error / warning / info"))
        for rule_id, level in severity.items():
            if not isinstance(level, str) or level not in {str(s) for s in Severity}:
                raise SettingsError(_("severity of {rule!r} must be error, warning or info, not {level!r}",
                                      rule=rule_id, level=level))
            settings = settings.with_severity(rule_id, level)
        return settings

    @classmethod
    def from_file(cls, path: str | Path) -> "RuleSettings":
        """Read a settings file; InputError with a clear message when it is unusable."""
        from .. import safe_json
        from ..errors import read_page_bytes

        try:
            data = safe_json.loads(read_page_bytes(path, SETTINGS_BYTES).decode("utf-8-sig"))
        except InputError as exc:
            raise InputError(_("cannot read rule settings {path}: {reason}", path=str(path),
                               reason=exc.message)) from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(_("rule settings {path} are not valid JSON: {reason}", path=str(path),
                               reason=str(exc))) from None
        try:
            return cls.from_json(data)
        except SettingsError as exc:
            raise InputError(_("bad rule settings {path}: {reason}", path=str(path), reason=exc.message)) from None

    def save(self, path: str | Path) -> None:
        """Write the settings file (the form ``check --settings FILE`` reads), atomically."""
        from ..fileio import atomic_write_text

        atomic_write_text(path, json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n")


#: A settings file names rules (a few dozen): a megabyte is far more than any needs.
SETTINGS_BYTES = 1024 * 1024


class SettingsError(MessageError, ValueError):
    """Rule settings that do not fit the registry; the message is for people."""


def _names(data: dict, key: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(_("{key!r} must be a list of rule ids or categories", key=key))
    return value


# --- checkers: the functions that produce flags ------------------------------------

#: What a checker may read besides its own block (for the re-check after an edit):
#: "next" — the block after it; "prev" — the block before it; "article" — the whole
#: article (it reports on the article's first block).
NEIGHBOURS = frozenset({"next", "prev", "article"})


@dataclass(frozen=True)
class Checker:
    fn: Callable
    rules: tuple[str, ...]
    scope: str  # "block": fn(ctx, place) per block; "page": fn(ctx) once per page
    kinds: frozenset[BlockKind] = field(default_factory=frozenset)  # the kinds it looks at
    reads: frozenset[str] = frozenset()  # see NEIGHBOURS
    furniture: bool = False  # also looks at the page's furniture (OCR's stray marks there)

    def __call__(self, *args):
        return self.fn(*args)


def checker(*rule_ids: str, scope: str = "block", kinds=None, reads=(), furniture: bool = False):
    """Wrap a function that reports flags of ``rule_ids`` (list it in its module's CHECKERS).

    ``kinds``: the block kinds it looks at; by default every kind the kinds table lets
    its rules' category read (editor/kinds.py). ``reads``: the neighbours its verdict
    on a block depends on (NEIGHBOURS), so that an edit re-checks them too.
    ``furniture``: it looks at the page's furniture too (besides the kinds the table lets
    read furniture).
    """
    for rid in rule_ids:
        if rid not in RULES:
            raise KeyError(f"rule {rid!r} is not in the registry")
    assert scope in ("block", "page") and set(reads) <= NEIGHBOURS
    if kinds is None:
        kinds = frozenset().union(*(kinds_read_by(RULES[rid].category) for rid in rule_ids))

    def wrap(fn) -> Checker:
        return Checker(fn, tuple(rule_ids), scope, frozenset(kinds), frozenset(reads), furniture)

    return wrap
