"""The tree model's mirror of each article in the tree's order (the headline group on
top, :func:`editor.session.tree_order`), kept in step with the page's events, which name
places in the page's (raw) order: rows are inserted, removed and moved one by one, so
that views keep their selection and expansion."""
from __future__ import annotations

from editor.model import Block
from editor.session import tree_order


class OrderedMirror:
    """Part of :class:`widgets.article_tree.ArticleTreeModel`: ``self._rows`` is
    [(article, its blocks in the tree's order)]."""

    def _insert_blocks(self, ai: int, new: list[Block]) -> None:
        """Rows for blocks just put in the page, each at its place in the tree's order
        (the others keep their order among themselves: inserting by final place works)."""
        parent = self.index(ai, 0)
        article, blocks = self._rows[ai]
        final = tree_order(article.blocks)
        places = sorted((final.index(b), b) for b in new)
        for at, block in places:
            self.beginInsertRows(parent, at, at)
            blocks.insert(at, block)
            self._mirror_changed()
            self.endInsertRows()

    def _remove_gone(self, ai: int) -> None:
        parent = self.index(ai, 0)
        article, blocks = self._rows[ai]
        present = {id(b) for b in article.blocks}
        for at in reversed([k for k, b in enumerate(blocks) if id(b) not in present]):
            self.beginRemoveRows(parent, at, at)
            del blocks[at]
            self._mirror_changed()
            self.endRemoveRows()

    def _follow_order(self, ai: int) -> None:
        """A block whose kind changed goes to its place in the tree's order (moved, so
        that selection and expansion stay)."""
        article, blocks = self._rows[ai]
        final = tree_order(article.blocks)
        if [id(b) for b in final] == [id(b) for b in blocks]:
            return
        parent = self.index(ai, 0)
        for target, block in enumerate(final):
            now = next(k for k, b in enumerate(blocks) if b is block)
            if now != target:
                self.beginMoveRows(parent, now, now, parent, target)
                blocks.insert(target, blocks.pop(now))
                self._mirror_changed()
                self.endMoveRows()
