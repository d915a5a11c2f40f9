"""Every change to the article tree, as an operation that returns its own inverse.

``op.apply(page)`` changes the page, emits model events and returns an operation that
undoes it. The window wraps these in QUndoCommands; scripts and tests call them directly.
Everything is built from five primitives (insert/remove a block, insert/remove an article,
replace a block's content), so the inverses are exact by construction.

Events (``page.subscribe``): ``block_changed`` (block_id, article), ``blocks_inserted`` /
``blocks_removed`` (article, first, last), ``articles_inserted`` / ``articles_removed``
(first, last), ``article_changed`` (article).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

from .errors import MessageError
from .i18n import Message, _
from .model import Article, Block, BlockKind, Join, Page, Span
from .text import lstrip, rstrip


class EditError(MessageError, ValueError):
    """An operation that does not fit the page (a stale id, an offset out of range)."""


class Edit:
    title: Message = _("Edit")  # what the undo history calls it

    def apply(self, page: Page) -> "Edit":
        raise NotImplementedError

    def label(self, lang: str | None = None) -> str:
        """The edit's name in ``lang`` (default: the current language)."""
        return self.title.text(lang)

    def focus(self) -> tuple[str, str]:
        """The block to select after doing this edit, and after undoing it ("": none):
        the block it is about (the new one, for a split)."""
        block = getattr(self, "block_id", "")
        return block, block


# --- primitives ---------------------------------------------------------------------

@dataclass
class InsertBlock(Edit):
    article_id: str
    index: int
    block: Block

    def apply(self, page):
        ai = page.article_index(self.article_id)
        blocks = page.articles[ai].blocks
        if not 0 <= self.index <= len(blocks):
            raise EditError(_("block index {index} out of range", index=self.index))
        blocks.insert(self.index, self.block)
        page.emit("blocks_inserted", article=ai, first=self.index, last=self.index)
        return RemoveBlock(self.block.id)


@dataclass
class RemoveBlock(Edit):
    block_id: str

    def apply(self, page):
        ai, bi = page.find_block(self.block_id)
        article = page.articles[ai]
        block = article.blocks.pop(bi)
        page.emit("blocks_removed", article=ai, first=bi, last=bi)
        return InsertBlock(article.id, bi, block)


@dataclass
class ReplaceBlock(Edit):
    """Give block ``block_id`` the content (kind, text, spans, joins) of ``content``."""

    block_id: str
    content: Block

    def apply(self, page):
        ai, bi = page.find_block(self.block_id)
        old = page.articles[ai].blocks[bi]
        before = copy.copy(old)
        old.kind, old.text = self.content.kind, self.content.text
        old.spans, old.joins = list(self.content.spans), list(self.content.joins)
        old.origin_text, old.why = self.content.origin_text, self.content.why
        page.emit("block_changed", block_id=old.id, article=ai, index=bi)
        return ReplaceBlock(old.id, before)


@dataclass
class InsertArticle(Edit):
    index: int
    article: Article

    def apply(self, page):
        if not 0 <= self.index <= len(page.articles):
            raise EditError(_("article index {index} out of range", index=self.index))
        page.articles.insert(self.index, self.article)
        page.emit("articles_inserted", first=self.index, last=self.index)
        return RemoveArticle(self.article.id)


@dataclass
class RemoveArticle(Edit):
    article_id: str

    def apply(self, page):
        ai = page.article_index(self.article_id)
        article = page.articles.pop(ai)
        page.emit("articles_removed", first=ai, last=ai)
        return InsertArticle(ai, article)


@dataclass
class SetReviewed(Edit):
    article_id: str
    reviewed: bool
    title = _("Mark reviewed")

    def apply(self, page):
        ai = page.article_index(self.article_id)
        article = page.articles[ai]
        old = article.reviewed
        article.reviewed = self.reviewed
        page.emit("article_changed", article=ai)
        return SetReviewed(self.article_id, old)


@dataclass
class Compound(Edit):
    """Several edits as one step (one undo)."""

    edits: list[Edit] = field(default_factory=list)
    title: Message = _("Edit")

    def apply(self, page):
        done: list[Edit] = []
        try:
            for edit in self.edits:
                done.append(edit.apply(page))
        except Exception:
            for inverse in reversed(done):  # leave the page as it was
                inverse.apply(page)
            raise
        return Compound(list(reversed(done)), self.title)

    def focus(self) -> tuple[str, str]:
        return next((e.focus() for e in self.edits if any(e.focus())), ("", ""))


# --- operations the window offers ---------------------------------------------------

@dataclass
class SetText(Edit):
    block_id: str
    text: str
    title = _("Edit text")

    def apply(self, page):
        block = page.block(self.block_id)
        return ReplaceBlock(self.block_id, replace(block, text=self.text)).apply(page)


@dataclass
class ReplaceText(Edit):
    """Replace ``length`` characters at ``offset`` of a block's text (a flag's fix)."""

    block_id: str
    offset: int
    length: int
    replacement: str
    title = _("Apply fix")

    def apply(self, page):
        block = page.block(self.block_id)
        if not (0 <= self.offset <= self.offset + self.length <= len(block.text)):
            raise EditError(_("the text changed: the fix no longer fits"))
        text = block.text[:self.offset] + self.replacement + block.text[self.offset + self.length:]
        return SetText(self.block_id, text).apply(page)


@dataclass
class SetKind(Edit):
    block_id: str
    kind: BlockKind
    title = _("Change kind")

    def apply(self, page):
        block = page.block(self.block_id)
        kind = BlockKind(self.kind)
        why = block.why if kind == block.kind else ""  # the proofreader's choice, not the parser's
        return ReplaceBlock(self.block_id, replace(block, kind=kind, why=why)).apply(page)


@dataclass
class SplitBlock(Edit):
    """Split a block's text at ``offset``: the second part becomes a new block after it."""

    block_id: str
    offset: int
    new_id: str = ""
    title = _("Split paragraph")

    def focus(self) -> tuple[str, str]:
        return self.new_id or self.block_id, self.block_id

    def apply(self, page):
        ai, bi = page.find_block(self.block_id)
        block = page.articles[ai].blocks[bi]
        if not 0 < self.offset < len(block.text):
            raise EditError(_("split point must be inside the text"))
        first, second = split_block(page, block, self.offset)
        if self.new_id:
            second.id = self.new_id
        self.new_id = second.id  # redo makes the same block again
        return Compound([ReplaceBlock(block.id, first),
                         InsertBlock(page.articles[ai].id, bi + 1, second)]).apply(page)


@dataclass
class MergeWithNext(Edit):
    """Join a block with the next block of its article (e.g. two halves of a paragraph)."""

    block_id: str
    title = _("Merge paragraphs")

    def apply(self, page):
        ai, bi = page.find_block(self.block_id)
        blocks = page.articles[ai].blocks
        if bi + 1 >= len(blocks):
            raise EditError(_("no next block to merge with"))
        merged = merge_blocks(blocks[bi], blocks[bi + 1])
        return Compound([RemoveBlock(blocks[bi + 1].id), ReplaceBlock(blocks[bi].id, merged)]).apply(page)


@dataclass
class MoveBlock(Edit):
    """Move a block to ``index`` in another (or the same) article."""

    block_id: str
    to_article_id: str
    index: int
    title = _("Move block")

    def apply(self, page):
        ai, bi = page.find_block(self.block_id)
        block = page.articles[ai].blocks[bi]
        target = page.article_index(self.to_article_id)
        index = self.index
        if target == ai and index > bi:
            index -= 1  # the block's own slot disappears first
        limit = len(page.articles[target].blocks) - (1 if target == ai else 0)
        if not 0 <= index <= limit:
            raise EditError(_("block index {index} out of range", index=self.index))
        return Compound([RemoveBlock(block.id), InsertBlock(self.to_article_id, index, block)]).apply(page)


@dataclass
class SplitArticle(Edit):
    """Blocks from ``block_id`` on become a new article right after this one."""

    block_id: str
    new_id: str = ""
    title = _("Split article")

    def apply(self, page):
        ai, bi = page.find_block(self.block_id)
        article = page.articles[ai]
        if bi == 0:
            raise EditError(_("cannot split an article at its first block"))
        new = Article(id=self.new_id) if self.new_id else Article()
        self.new_id = new.id
        moving = article.blocks[bi:]
        steps: list[Edit] = [InsertArticle(ai + 1, new)]
        steps += [MoveBlock(b.id, new.id, k) for k, b in enumerate(moving)]
        return Compound(steps).apply(page)


@dataclass
class MergeArticles(Edit):
    """Append the next article's blocks to this one and remove the (then empty) next one."""

    article_id: str
    title = _("Merge articles")

    def apply(self, page):
        ai = page.article_index(self.article_id)
        if ai + 1 >= len(page.articles):
            raise EditError(_("no next article to merge with"))
        article, nxt = page.articles[ai], page.articles[ai + 1]
        base = len(article.blocks)
        steps: list[Edit] = [MoveBlock(b.id, article.id, base + k) for k, b in enumerate(list(nxt.blocks))]
        steps.append(RemoveArticle(nxt.id))
        return Compound(steps).apply(page)


@dataclass
class NewArticle(Edit):
    index: int
    new_id: str = ""
    title = _("New article")

    def apply(self, page):
        article = Article(id=self.new_id) if self.new_id else Article()
        self.new_id = article.id
        return InsertArticle(self.index, article).apply(page)


@dataclass
class MoveArticle(Edit):
    article_id: str
    index: int
    title = _("Reorder articles")

    def apply(self, page):
        ai = page.article_index(self.article_id)
        article = page.articles[ai]
        if not 0 <= self.index < len(page.articles):
            raise EditError(_("article index {index} out of range", index=self.index))
        return Compound([RemoveArticle(article.id), InsertArticle(self.index, article)]).apply(page)


@dataclass
class DeleteBlock(Edit):
    block_id: str
    title = _("Delete block")

    def focus(self) -> tuple[str, str]:
        return "", self.block_id

    def apply(self, page):
        return RemoveBlock(self.block_id).apply(page)


@dataclass
class DeleteArticle(Edit):
    article_id: str
    title = _("Delete article")

    def apply(self, page):
        return RemoveArticle(self.article_id).apply(page)


# --- block surgery (pure: new Block objects, the page untouched) ----------------------

def origin_from_spans(page: Page, spans: list[Span], joins: list[Join]) -> str:
    """The text the parser would make of these spans and joins."""
    lines = page.raw_lines
    seps = {j.offset: j.separator for j in joins}
    text = ""
    for k, span in enumerate(spans):
        if k:
            text += seps.get(len(text), "")
        text += lines[span.line][span.start:span.end]
    return text


def split_block(page: Page, block: Block, offset: int) -> tuple[Block, Block]:
    """Two blocks from one, cut at ``offset`` of its current text.

    Whitespace at the cut belongs to neither piece. Each piece keeps the raw spans of its
    own characters (none for text typed by hand); the first keeps the block's id.
    """
    left_text, right_text = rstrip(block.text[:offset]), lstrip(block.text[offset:])  # White_Space only
    right_start = len(block.text) - len(right_text)
    cmap = block.char_map()
    left_last = next((p for p in reversed(cmap[:len(left_text)]) if p is not None), None)
    right_first = next((p for p in cmap[right_start:] if p is not None), None)
    left_spans = _clip(block.spans, None, left_last) if left_last else []
    right_spans = _clip(block.spans, right_first, None) if right_first else []
    return (_piece(page, block, left_text, left_spans, block.id),
            _piece(page, block, right_text, right_spans, None))


def _clip(spans: list[Span], first: tuple[int, int] | None, last: tuple[int, int] | None) -> list[Span]:
    """The parts of ``spans`` from raw position ``first`` to ``last`` (inclusive; None: open),
    in the spans' own order — which is reading order, not always raw order (the pieces of a
    line holding several columns stand each at the top of its column)."""
    lo = 0 if first is None else _span_at(spans, first)
    hi = len(spans) - 1 if last is None else _span_at(spans, last)
    out = []
    for k in range(lo, hi + 1):
        span = spans[k]
        start = first[1] if first is not None and k == lo else span.start
        end = last[1] + 1 if last is not None and k == hi else span.end
        if start < end:
            out.append(Span(span.line, start, end))
    return out


def _span_at(spans: list[Span], pos: tuple[int, int]) -> int:
    """Index of the span holding raw position ``pos`` (line, column)."""
    line, col = pos
    for k, span in enumerate(spans):
        if span.line == line and span.start <= col < span.end:
            return k
    raise ValueError(f"no span holds {pos}")


def _piece(page: Page, block: Block, text: str, spans: list[Span], block_id: str | None) -> Block:
    joins = _joins_within(page, spans, block.joins)
    origin = origin_from_spans(page, spans, joins) if spans else None
    piece = Block(block.kind, text, spans, joins, origin_text=origin)
    if block_id:
        piece.id = block_id
    return piece


def _joins_within(page: Page, spans: list[Span], joins: list[Join]) -> list[Join]:
    """Re-derive join records (offsets in the new text) for a run of spans."""
    lines = page.raw_lines
    by_pair = {(j.prev_line, j.next_line): j for j in joins}
    out: list[Join] = []
    length = 0
    for k, span in enumerate(spans):
        if k:
            old = by_pair.get((spans[k - 1].line, span.line))
            sep = old.separator if old else ""
            length += len(sep)
            out.append(Join(length, spans[k - 1].line, span.line, old.blank_lines if old else (), sep))
        length += len(lines[span.line][span.start:span.end])
    return out


def merge_blocks(first: Block, second: Block) -> Block:
    """One block holding ``first`` then ``second`` (kind and id of ``first``)."""
    joins = list(first.joins)
    if first.spans and second.spans:
        origin_first = first.origin_text or ""
        joins.append(Join(len(origin_first), first.spans[-1].line, second.spans[0].line))
        joins += [replace(j, offset=j.offset + len(origin_first)) for j in second.joins]
    origin = None
    if first.origin_text is not None and second.origin_text is not None:
        origin = first.origin_text + second.origin_text
    return Block(first.kind, first.text + second.text, first.spans + second.spans, joins,
                 id=first.id, origin_text=origin)
