"""The document model: Page → Articles → Blocks, each block knowing where it came from.

Plain Python and the single source of truth for the window, the CLI and the exporters.
Views learn about changes through :meth:`Page.subscribe`; the model never holds a view.

Positions in the raw page are 0-based here (line index, character column); rules and
the CLI turn them into 1-based line/column numbers for people.
"""
from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator, NamedTuple

from .kinds import BlockKind  # noqa: F401  (the kinds and their facts: editor/kinds.py)
from .rawlines import RawLines


class Span(NamedTuple):
    """Characters ``[start, end)`` of raw-page line ``line`` (all 0-based)."""

    line: int
    start: int
    end: int

    def to_json(self) -> list[int]:
        return [self.line, self.start, self.end]

    @classmethod
    def from_json(cls, data) -> "Span":
        line, start, end = data
        return cls(int(line), int(start), int(end))


@dataclass(frozen=True, slots=True)
class Join:
    """Where the parser joined two raw lines inside a block's text.

    ``offset`` is the position in the block's original text where the second line starts;
    ``blank_lines`` lists the blank raw lines jumped over (a column break), empty for a
    plain hard wrap.
    """

    offset: int
    prev_line: int
    next_line: int
    blank_lines: tuple[int, ...] = ()
    separator: str = ""

    @property
    def is_column_break(self) -> bool:
        return bool(self.blank_lines)

    def to_json(self) -> dict:
        data = {"offset": self.offset, "prev_line": self.prev_line, "next_line": self.next_line}
        if self.blank_lines:
            data["blank_lines"] = list(self.blank_lines)
        if self.separator:
            data["separator"] = self.separator
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Join":
        return cls(int(data["offset"]), int(data["prev_line"]), int(data["next_line"]),
                   tuple(int(n) for n in data.get("blank_lines", ())), str(data.get("separator", "")))


class _IdCounter:
    """Ids unique in this process: ``b12``, ``a3``. Ids read from a file are reserved, so
    a block made after opening a project never takes the id of one in it."""

    def __init__(self):
        self.last = 0

    def new(self, prefix: str) -> str:
        self.last += 1
        return f"{prefix}{self.last}"

    def reserve(self, id_: str) -> str:
        digits = id_[1:]
        if digits.isascii() and digits.isdigit() and len(digits) <= 12:  # not a made-up giant
            self.last = max(self.last, int(digits))
        return id_


_ids = _IdCounter()


def new_id(prefix: str) -> str:
    return _ids.new(prefix)


@dataclass
class Block:
    kind: BlockKind
    text: str
    spans: list[Span] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("b"))
    # The text as the parser produced it from ``spans``; ``None`` for blocks the user made.
    origin_text: str | None = None
    #: Why the parser read the lines as this kind (a reason code, ``editor.segment``'s
    #: ``Unit.why``: "heading", "names", …; kept in the project file); "" when not known.
    why: str = field(default="", compare=False, repr=False)

    def __post_init__(self):
        self.kind = BlockKind(self.kind)
        if self.origin_text is None and self.spans:
            self.origin_text = self.text

    @property
    def lines(self) -> tuple[int, int] | None:
        """First and last raw-page line this block came from, or None."""
        if not self.spans:
            return None
        return min(s.line for s in self.spans), max(s.line for s in self.spans)

    @property
    def edited(self) -> bool:
        return self.origin_text is not None and self.text != self.origin_text

    def char_map(self) -> list[tuple[int, int] | None]:
        """For each character of the current text, its (line, column) in the raw page.

        Characters the parser inserted (a space joining Latin words, a newline between
        byline lines) and characters the user typed map to None. An edited text is
        aligned to the parser's text, so positions stay anchored to the words.
        """
        if self.origin_text is None:
            return [None] * len(self.text)
        seps = {j.offset: j.separator for j in self.joins if j.separator}
        origin: list[tuple[int, int] | None] = []
        for i, span in enumerate(self.spans):
            if i and len(origin) in seps:
                origin.extend([None] * len(seps[len(origin)]))
            origin.extend((span.line, col) for col in range(span.start, span.end))
        if not self.edited:
            return origin[:len(self.text)] + [None] * (len(self.text) - len(origin))
        result: list[tuple[int, int] | None] = [None] * len(self.text)
        matcher = difflib.SequenceMatcher(None, self.origin_text, self.text, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                if a + k < len(origin):
                    result[b + k] = origin[a + k]
        return result

    def to_json(self) -> dict:
        data = {"id": self.id, "kind": str(self.kind), "text": self.text,
                "spans": [s.to_json() for s in self.spans]}
        if self.joins:
            data["joins"] = [j.to_json() for j in self.joins]
        if self.origin_text is not None and self.origin_text != self.text:
            data["origin_text"] = self.origin_text
        if self.why:
            data["why"] = self.why
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Block":
        text = data["text"]
        if not isinstance(text, str):
            raise ValueError("block text must be a string")
        spans = [Span.from_json(s) for s in data.get("spans", [])]
        origin = data.get("origin_text", text if spans else None)
        why = data.get("why", "")
        return cls(kind=BlockKind(data["kind"]), text=text, spans=spans,
                   joins=[Join.from_json(j) for j in data.get("joins", [])],
                   id=_ids.reserve(str(data["id"])), origin_text=origin,
                   why=why if isinstance(why, str) and len(why) <= 80 else "")


@dataclass
class Article:
    blocks: list[Block] = field(default_factory=list)
    id: str = field(default_factory=lambda: new_id("a"))
    reviewed: bool = False
    # Facts from outside the page text, e.g. the guid/version an imported NewsML item had.
    meta: dict[str, str] = field(default_factory=dict)
    # The page's furniture (masthead, date, section, page number, editors' line, photo
    # captions that belong to no article): held like an article so that every character
    # stays in exactly one block, but no story — exported with the page, not as an item.
    furniture: bool = False

    def first(self, kind: BlockKind) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    def all(self, kind: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    @property
    def headline(self) -> str:
        return "".join(b.text for b in self.all(BlockKind.HEADLINE))

    @property
    def title(self) -> str:
        """A label for people: the headline, else the start of the first paragraph."""
        headline = _visible(self.headline).strip()
        if headline:
            return headline
        texts = (_visible(b.text).strip() for b in self.all(BlockKind.PARAGRAPH))
        text = next((t for t in texts if t), "")
        return text[:16] + "…" if len(text) > 16 else text

    def to_json(self) -> dict:
        data = {"id": self.id, "blocks": [b.to_json() for b in self.blocks]}
        if self.reviewed:
            data["reviewed"] = True
        if self.meta:
            data["meta"] = dict(self.meta)
        if self.furniture:
            data["furniture"] = True
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Article":
        return cls(blocks=[Block.from_json(b) for b in data.get("blocks", [])],
                   id=_ids.reserve(str(data["id"])), reviewed=bool(data.get("reviewed", False)),
                   meta={str(k): str(v) for k, v in (data.get("meta") or {}).items()},
                   furniture=bool(data.get("furniture", False)))


def _visible(text: str) -> str:
    """``text`` without control characters (OCR noise that no label should show)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


Listener = Callable[[str, dict], None]


@dataclass
class Page:
    """A raw page and the article tree made of it."""

    raw_text: str
    articles: list[Article] = field(default_factory=list)
    encoding: str = "utf-8"
    source: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    # The PDF or OCR page this page was read from (editor.source.SourcePage), if any.
    source_page: object = field(default=None, repr=False, compare=False)
    # Raw lines (0-based) that hold several columns side by side (editor.merged), found
    # when the page was read; None: not looked for yet. The raw text never changes.
    merged_lines: frozenset | None = field(default=None, repr=False, compare=False)
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)
    _raw_lines: RawLines | None = field(default=None, init=False, repr=False, compare=False)
    _block_index: dict[str, tuple[int, int]] = field(default_factory=dict, init=False, repr=False,
                                                     compare=False)

    @property
    def raw_lines(self) -> RawLines:
        """The raw page's lines, ``raw_text.split("\\n")`` as a sequence that cuts each from
        the text when asked (the text never changes once the page exists)."""
        if self._raw_lines is None:
            self._raw_lines = RawLines(self.raw_text)
        return self._raw_lines

    # --- navigation -----------------------------------------------------------------
    @property
    def stories(self) -> list[Article]:
        """The articles proper: all but the page's furniture."""
        return [a for a in self.articles if not a.furniture]

    def blocks(self) -> Iterator[tuple[Article, Block]]:
        for article in self.articles:
            for block in article.blocks:
                yield article, block

    def find_block(self, block_id: str) -> tuple[int, int]:
        """(article index, block index) of the block with this id; KeyError if none.

        An index of ids answers; a hit is checked against the tree, and a miss (after a
        structural edit) rebuilds the index, so it can never answer wrongly.
        """
        hit = self._block_index.get(block_id)
        if hit is not None:
            ai, bi = hit
            if ai < len(self.articles) and bi < len(self.articles[ai].blocks) \
                    and self.articles[ai].blocks[bi].id == block_id:
                return hit
        self._block_index = {b.id: (ai, bi) for ai, a in enumerate(self.articles)
                             for bi, b in enumerate(a.blocks)}
        try:
            return self._block_index[block_id]
        except KeyError:
            raise KeyError(block_id) from None

    def block(self, block_id: str) -> Block:
        ai, bi = self.find_block(block_id)
        return self.articles[ai].blocks[bi]

    def article_index(self, article_id: str) -> int:
        for ai, article in enumerate(self.articles):
            if article.id == article_id:
                return ai
        raise KeyError(article_id)

    # --- events ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, event: str, **info) -> None:
        for listener in list(self._listeners):
            listener(event, info)

    # --- serialisation --------------------------------------------------------------
    def to_json(self) -> dict:
        data = {"raw_text": self.raw_text, "encoding": self.encoding, "source": self.source,
                "articles": [a.to_json() for a in self.articles]}
        if self.meta:
            data["meta"] = dict(self.meta)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Page":
        if not isinstance(data, dict) or not isinstance(data.get("raw_text"), str):
            raise ValueError("not a page: raw_text missing")
        return cls(raw_text=data["raw_text"], encoding=str(data.get("encoding", "utf-8")),
                   source=str(data.get("source", "")),
                   meta={str(k): str(v) for k, v in (data.get("meta") or {}).items()},
                   articles=[Article.from_json(a) for a in data.get("articles", [])])

    def copy(self) -> "Page":
        """A copy that edits of this page cannot reach (for checking in another thread).

        Structural, not ``deepcopy``: a block's fields are immutable values (strings, span
        and join tuples) or lists of them, which edits replace rather than change in place,
        so new lists are enough (35 ms instead of 1.3 s for a 5 MB page)."""
        return Page(self.raw_text, [Article([_copy_block(b) for b in a.blocks], a.id, a.reviewed,
                                            dict(a.meta), a.furniture) for a in self.articles],
                    self.encoding, self.source, dict(self.meta), self.source_page, self.merged_lines)


def _copy_block(block: Block) -> Block:
    clone = object.__new__(Block)
    clone.__dict__.update(block.__dict__)
    clone.spans, clone.joins = list(block.spans), list(block.joins)
    return clone
