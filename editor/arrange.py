"""Where blocks stand in an article as the reader sees it, and where a moved block goes.

The page keeps its blocks in raw order (a pdftotext page often sets the headline after
the story); the tree shows the headline group at the top of its article — kicker,
headline, subtitle, then byline and dateline (:data:`TOP`) — and the rest in raw order
(:func:`tree_order`). Moving a block one step (Alt+Up / Alt+Down) follows that order:
past a block of its own rank, and from the first or last place into the article before
or after (:func:`step`). A headline moved into an article that has one needs a choice
(:func:`needs_choice`): replace the old one (which goes to the article the new one came
from), make the moved one the subtitle, or keep both (flagged ``two-headlines``).
"""
from __future__ import annotations

from dataclasses import dataclass

from .edits import Compound, Edit, MoveBlock, SetKind
from .i18n import Message, _
from .kinds import BlockKind
from .model import Article, Block, Page

#: The blocks at the top of an article, in this order; the others follow in raw order.
TOP = (BlockKind.KICKER, BlockKind.HEADLINE, BlockKind.SUBTITLE, BlockKind.BYLINE, BlockKind.DATELINE)
_RANK = {kind: n for n, kind in enumerate(TOP)}
BODY = len(TOP)
#: The choices when a headline moves into an article that has one.
CHOICES = ("replace", "subtitle", "both")


def rank(kind) -> int:
    return _RANK.get(kind, BODY)  # a kind or its name: a StrEnum hashes as its string


def tree_order(blocks: list[Block]) -> list[Block]:
    """The blocks as the tree shows them: :data:`TOP` first, by rank; the rest in order."""
    return sorted(blocks, key=lambda b: rank(b.kind))


def model_index(article: Article, row: int) -> int:
    """Where a block dropped at tree row ``row`` of ``article`` goes in its blocks."""
    shown = tree_order(article.blocks)
    if row >= len(shown):
        return len(article.blocks)
    return article.blocks.index(shown[row])


def place_in(page: Page, block_id: str, article_id: str) -> MoveBlock:
    """Moving a block into an article where its kind belongs: a block of the headline
    group before the article's body, anything else at the end."""
    target = page.articles[page.article_index(article_id)]
    blocks = [b for b in target.blocks if b.id != block_id]
    if rank(page.block(block_id).kind) < BODY:
        index = next((i for i, b in enumerate(blocks) if rank(b.kind) == BODY), len(blocks))
    else:
        index = len(blocks)
    if block_id in [b.id for b in target.blocks[:index + 1]]:
        index += 1  # MoveBlock counts the block's own slot in its article
    return MoveBlock(block_id, article_id, index)


@dataclass
class Step:
    """What Alt+Up / Alt+Down means for a block: a move (into ``article_id``), or why not."""

    move: MoveBlock | None = None
    article_id: str = ""
    refusal: Message | None = None


def step(page: Page, block_id: str, direction: int) -> Step:
    """Move a block one place up (-1) or down (+1) in the tree's order."""
    ai, _bi = page.find_block(block_id)
    article = page.articles[ai]
    block = page.block(block_id)
    shown = tree_order(article.blocks)
    at, mine = shown.index(block), rank(block.kind)
    near = at + direction
    if 0 <= near < len(shown):
        other = shown[near]
        if rank(other.kind) == mine:
            index = article.blocks.index(other) + (1 if direction > 0 else 0)
            return Step(MoveBlock(block_id, article.id, index), article.id)
        if mine < BODY:
            return Step(refusal=_("The headline group keeps its order: kicker, headline, subtitle, "
                                  "byline, dateline."))
    target = ai + direction
    if not 0 <= target < len(page.articles):
        return Step(refusal=_("Already at the top of the page.") if direction < 0
                    else _("Already at the bottom of the page."))
    into = page.articles[target]
    if mine < BODY:
        return Step(place_in(page, block_id, into.id), into.id)
    if direction < 0:
        return Step(MoveBlock(block_id, into.id, len(into.blocks)), into.id)
    first_body = next((i for i, b in enumerate(into.blocks) if rank(b.kind) == BODY), len(into.blocks))
    return Step(MoveBlock(block_id, into.id, first_body), into.id)


def needs_choice(page: Page, block_id: str, article_id: str) -> bool:
    """Is this a headline going into another article that has a headline already?"""
    if page.block(block_id).kind != BlockKind.HEADLINE:
        return False
    target = page.articles[page.article_index(article_id)]
    return page.find_block(block_id)[0] != page.article_index(article_id) \
        and target.first(BlockKind.HEADLINE) is not None


def headline_move(page: Page, move: MoveBlock, choice: str) -> Edit:
    """A headline's move into an article with a headline, as the user chose: "replace"
    (the old headline goes to the article the new one leaves), "subtitle" (the moved one
    becomes the subtitle) or "both" (both stay headlines; the rules flag it)."""
    if choice == "subtitle":
        return Compound([move, SetKind(move.block_id, BlockKind.SUBTITLE)], _("Move block"))
    if choice == "replace":
        source = page.articles[page.find_block(move.block_id)[0]]
        old = page.articles[page.article_index(move.to_article_id)].first(BlockKind.HEADLINE)
        back = _BackTo(old.id, source.id)
        return Compound([move, back], _("Move block"))
    return move


@dataclass
class _BackTo(Edit):
    """Move a block into an article where its kind belongs, reckoned when applied (after
    the moves before it in a Compound)."""

    block_id: str
    article_id: str
    title = _("Move block")

    def apply(self, page: Page) -> Edit:
        return place_in(page, self.block_id, self.article_id).apply(page)
