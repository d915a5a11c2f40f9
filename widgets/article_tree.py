"""The article tree: page → articles (by headline) → blocks (kind + text).

:class:`ArticleTreeModel` is a thin adapter over the plain-Python page. It keeps a
mirror of the page's *structure* only (which article objects, which block objects, in
which order) so that it can answer Qt's questions consistently while it announces a
change; text is always read live from the model. Page events arrive after the change,
so each one becomes ``begin…Rows`` → update the mirror → ``end…Rows``: views keep their
selection and expansion, nothing is rebuilt.

Rows can be dragged: a block onto an article (or between blocks), an article between
articles. The model does not move anything itself: it asks (``block_drop_requested``,
``article_drop_requested``) and the window pushes the undoable move.
"""
from __future__ import annotations

from PySide6.QtCore import (QAbstractItemModel, QCoreApplication, QMimeData, QModelIndex,
                            Qt, Signal)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from editor.model import Article, Block, BlockKind, Page
from editor.session import model_index, tree_order

from . import theme
from .reasons import reason_text
from .tree_mirror import OrderedMirror

BLOCK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
EXCERPT = 40
MIME = "application/x-jiaodui-tree-row"
EXPAND_LIMIT = 200  # articles; more open folded
REVIEWED_MARK = "✓"

#: Above this many articles with changed flag markers, one dataChanged stands for them all.
BULK_ARTICLES = 64


def kind_label(kind: BlockKind) -> str:
    """The kind's name in the current language (from the kinds table in editor/kinds.py)."""
    return kind.label.text()


class ArticleTreeModel(OrderedMirror, QAbstractItemModel):
    block_drop_requested = Signal(str, str, int)  # block id, article id, index in that article
    article_drop_requested = Signal(str, int)     # article id, new index

    def __init__(self, parent=None):
        super().__init__(parent)
        self._page: Page | None = None
        self._rows: list[tuple[Article, list[Block]]] = []
        self._worst: dict[str, str] = {}  # block id → worst flag severity
        self._per_block: dict[str, list] = {}  # block id → its open flags
        # lookups over the mirror, rebuilt on demand after it changes (a 5 MB page has
        # 2,500 articles and 19,000 blocks: Qt asks for parents far too often to scan)
        self._row_of: dict[int, int] | None = None  # id(article) → row
        self._where: dict[str, tuple[int, int]] | None = None  # block id → (row, child row)

    # --- the page -------------------------------------------------------------------
    def set_page(self, page: Page | None) -> None:
        self.beginResetModel()
        if self._page is not None:
            self._page.unsubscribe(self._on_event)
        self._page = page
        self._rows = [(a, tree_order(a.blocks)) for a in page.articles] if page else []
        self._mirror_changed()
        self._worst = {}
        if page is not None:
            page.subscribe(self._on_event)
        self.endResetModel()

    def page(self) -> Page | None:
        return self._page

    def set_flags(self, worst: dict[str, str], by_block: dict[str, list]) -> None:
        """The open flags, as the session sums them up: the worst severity per block (the
        row's marker) and the flags per block (counted in the article's tooltip)."""
        changed = {b for b, _s in set(worst.items()) ^ set(self._worst.items())}
        self._worst = dict(worst)
        self._per_block = by_block
        # the rows whose marker changed, one range per article (counts are read as the
        # tooltip is asked for: nothing to announce for them)
        rows: dict[int, list[int]] = {}
        where = self._locations()
        for block_id in changed:
            hit = where.get(block_id)
            if hit is not None:
                rows.setdefault(hit[0], []).append(hit[1])
        decoration = [Qt.ItemDataRole.DecorationRole]
        if len(rows) > BULK_ARTICLES:
            # a whole page's flags at once: one change over the articles makes the view
            # repaint the rows it shows (2,500 announcements cost 125 ms; this one, none)
            self.dataChanged.emit(self.createIndex(0, 0, None),
                                  self.createIndex(len(self._rows) - 1, 0, None), decoration)
            return
        for ai, children in rows.items():
            article = self._rows[ai][0]
            self.dataChanged.emit(self.createIndex(min(children), 0, article),
                                  self.createIndex(max(children), 0, article), decoration)

    def open_flags(self, article: Article) -> int:
        return sum(len(self._per_block.get(b.id, ())) for b in article.blocks)

    def retranslate(self) -> None:
        """Kind labels depend on the language: ask the views to redraw every row."""
        for row in range(len(self._rows)):
            parent = self.index(row, 0)
            count = len(self._rows[row][1])
            if count:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 0, parent))

    # --- model events (after the fact) ----------------------------------------------
    def _on_event(self, event: str, info: dict) -> None:
        page = self._page
        if event == "block_changed":
            index = self.block_index(info.get("block_id", ""))
            if index.isValid():
                self._follow_order(index.parent().row())  # a kind change may move it
                index = self.block_index(info.get("block_id", ""))
                self.dataChanged.emit(index, index)
                article = index.parent()
                self.dataChanged.emit(article, article)
        elif event in ("blocks_inserted", "blocks_removed"):
            ai = _arg(info, "article", "article_index", "index")
            if event == "blocks_inserted":
                self._insert_blocks(ai, self._page.articles[ai].blocks[info["first"]:info["last"] + 1])
            else:
                self._remove_gone(ai)
            parent = self.index(ai, 0)
            self.dataChanged.emit(parent, parent)
        elif event == "articles_inserted":
            first, last = info["first"], info["last"]
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows[first:first] = [(a, tree_order(a.blocks)) for a in page.articles[first:last + 1]]
            self._mirror_changed()
            self.endInsertRows()
        elif event == "articles_removed":
            first, last = info["first"], info["last"]
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self._mirror_changed()
            self.endRemoveRows()
        elif event == "article_changed":
            ai = _arg(info, "article", "article_index", "index")
            self._sync_article(ai)
        else:  # an event this model does not know: fall back to a reset
            self.set_page(page)

    def _sync_article(self, ai: int) -> None:
        """An article changed as a whole: refresh its label, and its rows if they moved."""
        parent = self.index(ai, 0)
        article, blocks = self._rows[ai]
        if article is not self._page.articles[ai]:
            self.set_page(self._page)
            return
        if [id(b) for b in blocks] != [id(b) for b in tree_order(article.blocks)]:
            if blocks:
                self.beginRemoveRows(parent, 0, len(blocks) - 1)
                blocks.clear()
                self._mirror_changed()
                self.endRemoveRows()
            if article.blocks:
                self.beginInsertRows(parent, 0, len(article.blocks) - 1)
                blocks.extend(tree_order(article.blocks))
                self._mirror_changed()
                self.endInsertRows()
        self.dataChanged.emit(parent, parent)
        if blocks:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(blocks) - 1, 0, parent))

    # --- lookups --------------------------------------------------------------------
    def _mirror_changed(self) -> None:
        """The mirror's rows changed: the lookups are rebuilt when next asked."""
        self._row_of = self._where = None

    def _locations(self) -> dict[str, tuple[int, int]]:
        if self._where is None:
            self._where = {b.id: (ai, bi) for ai, (_a, blocks) in enumerate(self._rows)
                           for bi, b in enumerate(blocks)}
        return self._where

    def block_index(self, block_id: str) -> QModelIndex:
        hit = self._locations().get(block_id)
        if hit is None:
            return QModelIndex()
        ai, bi = hit
        return self.index(bi, 0, self.index(ai, 0))

    def block_at(self, index: QModelIndex) -> Block | None:
        if not index.isValid() or not isinstance(index.internalPointer(), Article):
            return None
        ai = self._article_row(index.internalPointer())
        return self._rows[ai][1][index.row()] if ai is not None else None

    def article_at(self, index: QModelIndex) -> Article | None:
        if not index.isValid():
            return None
        if isinstance(index.internalPointer(), Article):
            return index.internalPointer()
        return self._rows[index.row()][0]

    def _article_row(self, article: Article) -> int | None:
        if self._row_of is None:
            self._row_of = {id(a): i for i, (a, _b) in enumerate(self._rows)}
        return self._row_of.get(id(article))

    # --- QAbstractItemModel ---------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, None) if row < len(self._rows) else QModelIndex()
        if isinstance(parent.internalPointer(), Article):
            return QModelIndex()  # blocks have no children
        article, blocks = self._rows[parent.row()]
        return self.createIndex(row, 0, article) if row < len(blocks) else QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:
        if not index.isValid() or not isinstance(index.internalPointer(), Article):
            return QModelIndex()
        row = self._article_row(index.internalPointer())
        return self.createIndex(row, 0, None) if row is not None else QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._rows)
        if isinstance(parent.internalPointer(), Article) or parent.column() != 0:
            return 0
        return len(self._rows[parent.row()][1])

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # articles can be dropped between articles
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

    # --- drag and drop (the window does the moving) -----------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        if indexes:
            block = self.block_at(indexes[0])
            what = f"block:{block.id}" if block else f"article:{self.article_at(indexes[0]).id}"
            data.setData(MIME, what.encode("utf-8"))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        """What a drop would do: ("block", id, article id, index) / ("article", id, index)."""
        if not data.hasFormat(MIME):
            return None
        kind, _sep, ident = bytes(data.data(MIME)).decode("utf-8").partition(":")
        if kind == "block":
            if not parent.isValid():
                return None
            target = self.block_at(parent)
            if target is not None:  # dropped on a block: take its place
                article = self.article_at(parent.parent())
                return "block", ident, article.id, article.blocks.index(target)
            article = self.article_at(parent)
            blocks = self._rows[parent.row()][1]
            at = len(blocks) if row < 0 else row  # a row of the tree: a place in the page
            return "block", ident, article.id, model_index(article, at)
        if kind == "article":
            current = next((i for i, (a, _b) in enumerate(self._rows) if a.id == ident), None)
            if current is None:
                return None
            if parent.isValid():  # dropped on an article (or one of its blocks): take its place
                row = (parent.parent() if self.block_at(parent) else parent).row()
            elif row < 0:
                row = len(self._rows)
            elif row > current:
                row -= 1  # the article's own row goes first
            return "article", ident, min(row, len(self._rows) - 1)
        return None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        if target[0] == "block":
            self.block_drop_requested.emit(*target[1:])
        else:
            self.article_drop_requested.emit(*target[1:])
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ArticleTreeModel", "Articles")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        block = self.block_at(index)
        if block is None:
            return self._article_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            text = block.text.replace("\n", " ")
            text = text if len(text) <= EXCERPT else text[:EXCERPT] + "…"
            return f"{kind_label(block.kind)} · {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = block.lines
            where = (QCoreApplication.translate("ArticleTreeModel", "lines %1–%2")
                     .replace("%1", str(lines[0] + 1)).replace("%2", str(lines[1] + 1))) if lines else ""
            reason = reason_text(block.why)
            head = f"{kind_label(block.kind)} {where}" + (f"\n{reason}" if reason else "")
            return f"{head}\n{block.text}"
        if role == Qt.ItemDataRole.ForegroundRole:
            color = theme.kind_color(block.kind)  # light or dark variant
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.DecorationRole and block.id in self._worst:
            return theme.dot_icon(theme.severity_color(self._worst[block.id]))  # cached, crisp
        if role == BLOCK_ID_ROLE:
            return block.id
        if role == KIND_ROLE:
            return str(block.kind)
        return None

    def _article_data(self, row: int, role: int):
        article = self._rows[row][0]
        if role == Qt.ItemDataRole.DisplayRole:
            title = article.title or QCoreApplication.translate("ArticleTreeModel", "(untitled)")
            return f"{row + 1}. {REVIEWED_MARK + ' ' if article.reviewed else ''}{title}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and article.reviewed:
            return QBrush(theme.color("reviewed"))
        if role == Qt.ItemDataRole.ToolTipRole:
            state = (QCoreApplication.translate("ArticleTreeModel", "reviewed") if article.reviewed
                     else QCoreApplication.translate("ArticleTreeModel", "not reviewed yet"))
            flags = QCoreApplication.translate("ArticleTreeModel", "%n open flag(s)", "",
                                               self.open_flags(article))
            return f"{article.title}\n{state} · {flags}"
        return None


#: Why the parser read a block's lines as it did (``Block.why``), for the block's tooltip.
def _arg(info: dict, *names):
    for name in names:
        if name in info:
            return info[name]
    raise KeyError(names[0])


class ArticleTreeView(QTreeView):
    """The tree; tells the window which block the user selected."""

    block_selected = Signal(str)  # block id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("article_tree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._quiet = False
        self.setModel(ArticleTreeModel(self))
        self.selectionModel().currentChanged.connect(self._on_current)

    def tree_model(self) -> ArticleTreeModel:
        return self.model()

    def set_page(self, page: Page | None) -> None:
        self.tree_model().set_page(page)
        # A page of a few dozen articles opens expanded; a huge one (hundreds, as when many
        # pages are pasted together) opens folded: expanding thousands of rows costs a
        # noticeable moment, and selecting a block still unfolds its article.
        if page is not None and len(page.articles) <= EXPAND_LIMIT:
            self.expandAll()

    def select_block(self, block_id: str) -> bool:
        """Select and show a block's row (without telling the window back)."""
        index = self.tree_model().block_index(block_id)
        if not index.isValid():
            return False
        if self.currentIndex() != index:
            self._quiet = True
            try:
                self.setCurrentIndex(index)
            finally:
                self._quiet = False
        self.scrollTo(index)
        return True

    def selected_block_id(self) -> str:
        return self.tree_model().data(self.currentIndex(), BLOCK_ID_ROLE) or ""

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        block_id = self.tree_model().data(current, BLOCK_ID_ROLE)
        if block_id and not self._quiet:
            self.block_selected.emit(block_id)
