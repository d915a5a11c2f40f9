"""The frequency / variants report of a page (Guiguts' word frequency, calibre's reports).

* **words**: the dictionary words of the page (two characters or more) by count;
* **names**: personal and place names and new words (jieba's ``nr``/``ns`` tags, words its
  HMM finds that the dictionary lacks, the names of the bylines) by count;
* **variants**: pairs of words or names that differ by one look-alike character
  (``张佰山`` ×3 / ``张伯山`` ×1): one of them is probably misread, and the counts say which;
* **的/地/得 hints** (off by default): ``认真的做`` → 地?, ``跑地快`` → 得?, ``美丽地风景`` → 的?

Each entry carries where it occurs (1-based raw line and column), so a window panel can
jump to each use. Pure data; :func:`format_text` and :func:`to_json` render it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .. import words
from ..bylines import parse_byline
from ..model import BlockKind, Page
from ..text import HAN
from . import similar
from .common import Ctx

_HAN_WORD = re.compile(f"^[{HAN}]{{2,}}$")
_NAME_TAGS = ("nr", "nrfg", "nrt", "ns")
#: Look-alikes this close make a pair of variants worth showing.
VARIANT_SHAPE = 0.85
#: Positions kept per entry (for jumping to each use).
MAX_PLACES = 20


@dataclass
class Entry:
    text: str
    count: int = 0
    places: list[tuple[int, int]] = field(default_factory=list)  # (line, column), 1-based

    def to_json(self) -> dict:
        return {"text": self.text, "count": self.count, "places": [list(p) for p in self.places]}


@dataclass
class Variant:
    a: Entry
    b: Entry
    differ: str  # "佰/伯"

    def to_json(self) -> dict:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "differ": self.differ}


@dataclass
class Hint:
    text: str      # the word with its 的/地/得 and neighbours
    suggest: str   # the particle to use instead
    line: int
    column: int

    def to_json(self) -> dict:
        return {"text": self.text, "suggest": self.suggest, "line": self.line, "column": self.column}


@dataclass
class Report:
    words: list[Entry]
    names: list[Entry]
    variants: list[Variant]
    hints: list[Hint]

    def to_json(self) -> dict:
        return {"words": [e.to_json() for e in self.words], "names": [e.to_json() for e in self.names],
                "variants": [v.to_json() for v in self.variants], "de_hints": [h.to_json() for h in self.hints]}


def page_report(page: Page, *, de_hints: bool = False) -> Report:
    """The report of one page (its articles; page furniture left out)."""
    ctx = Ctx(page)
    found: dict[str, Entry] = {}
    kinds: dict[str, str] = {}  # text → "word" | "name"
    hints: list[Hint] = []
    for article in page.articles:
        if article.furniture:
            continue
        for block in article.blocks:
            text = block.text
            if block.kind == BlockKind.BYLINE:
                byline = parse_byline(text.replace("\n", " "))
                for name in (byline.reporters + byline.correspondents) if byline else ():
                    at = text.find(name[0]) if name else -1
                    _count(ctx, found, block, name, max(at, 0))
                    kinds[name] = "name"
                continue
            tokens = words.tagged(text)
            pos = 0
            for k, (word, tag) in enumerate(tokens):
                if _HAN_WORD.match(word):
                    name = tag.startswith(_NAME_TAGS) or not words.freq(word)
                    if name or words.freq(word):
                        _count(ctx, found, block, word, pos)
                        if name or kinds.get(word) == "name":
                            kinds[word] = "name"
                        else:
                            kinds.setdefault(word, "word")
                if de_hints and word in ("的", "地", "得") and 0 < k < len(tokens) - 1:
                    hint = _de_hint(tokens[k - 1], (word, tag), tokens[k + 1])
                    if hint:
                        line, col, _l, _c = ctx.raw_span(block, pos, 1)
                        shown = tokens[k - 1][0] + word + tokens[k + 1][0]
                        hints.append(Hint(shown, hint, line + 1, col + 1))
                pos += len(word)
    by_count = sorted(found.values(), key=lambda e: (-e.count, e.text))
    return Report([e for e in by_count if kinds[e.text] == "word"], [e for e in by_count if kinds[e.text] == "name"],
                  variants(found), hints)


def _count(ctx: Ctx, found: dict[str, Entry], block, word: str, offset: int) -> None:
    entry = found.setdefault(word, Entry(word))
    entry.count += 1
    if len(entry.places) < MAX_PLACES:
        line, col, _l, _c = ctx.raw_span(block, offset, len(word))
        entry.places.append((line + 1, col + 1))


def variants(found: dict[str, Entry]) -> list[Variant]:
    """Pairs that differ by one look-alike character, where at least one of the two is no
    common word (国家 / 国冢, 张佰山 / 张伯山; not 土地 / 上地)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for text in found:
        for k in range(len(text)):
            groups[text[:k] + "\x00" + text[k + 1:] + f"\x00{k}"].append(text)
    out: list[Variant] = []
    seen: set[tuple[str, str]] = set()
    for key, members in groups.items():
        if len(members) < 2:
            continue
        k = int(key.rsplit("\x00", 1)[1])
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if similar.score(a[k], b[k]) < VARIANT_SHAPE or (a, b) in seen:
                    continue
                if words.freq(a) >= 100 and words.freq(b) >= 100:
                    continue  # two common words (土地 / 上地): both meant
                seen.add((a, b))
                first, second = sorted((found[a], found[b]), key=lambda e: (-e.count, e.text))
                out.append(Variant(first, second, f"{first.text[k]}/{second.text[k]}"))
    out.sort(key=lambda v: (-(v.a.count + v.b.count), v.a.text))
    return out


_ADVERBIAL = ("a", "ad", "b", "d", "z")


def _de_hint(prev: tuple[str, str], de: tuple[str, str], nxt: tuple[str, str]) -> str | None:
    """Which of 的/地/得 the neighbours want, if not the one written (rough: tags only)."""
    (pw, pt), (w, _t), (nw, nt) = prev, de, nxt
    if not (_HAN_WORD.match(pw) or len(pw) == 1) or not nw:
        return None
    if w == "的" and pt.startswith(_ADVERBIAL) and nt.startswith("v") and len(pw) >= 2:
        return "地"   # 认真的做 → 认真地做
    if w == "地" and pt.startswith("v") and nt.startswith(("a", "d")):
        return "得"   # 跑地快 → 跑得快
    if w == "地" and pt.startswith("a") and nt.startswith("n"):
        return "的"   # 美丽地风景 → 美丽的风景
    if w == "得" and pt.startswith(_ADVERBIAL) and nt.startswith("v") and len(pw) >= 2:
        return "地"
    return None


# --- output ---------------------------------------------------------------------------

def format_text(path: str, report: Report, lang: str = "zh", top: int = 40) -> str:
    zh = lang.startswith("zh")
    out = [f"== {path}"]

    def section(title_zh: str, title_en: str, entries: list[Entry]):
        out.append(f"\n{title_zh if zh else title_en} ({len(entries)})")
        for e in entries[:top]:
            where = " ".join(f"{ln}:{col}" for ln, col in e.places[:5])
            out.append(f"{e.count:5d}  {e.text}  [{where}{' …' if len(e.places) > 5 else ''}]")
        if len(entries) > top:
            out.append(f"       … {len(entries) - top} {'条未列出' if zh else 'more'}")

    section("词频", "Words by count", report.words)
    section("人名地名新词", "Names and new words by count", report.names)
    out.append(f"\n{'形近异写' if zh else 'Look-alike variants'} ({len(report.variants)})")
    for v in report.variants:
        out.append(f"  {v.a.text} ×{v.a.count} / {v.b.text} ×{v.b.count}  ({v.differ}; "
                   f"{' '.join(f'{ln}:{col}' for ln, col in v.b.places[:5])})")
    if report.hints:
        out.append(f"\n{'的地得提示' if zh else '的/地/得 hints'} ({len(report.hints)})")
        for h in report.hints:
            out.append(f"  {h.line}:{h.column}  {h.text} → {h.suggest}?")
    return "\n".join(out) + "\n"

