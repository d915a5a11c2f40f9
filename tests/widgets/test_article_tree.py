"""The tree model follows model events (from editor.edits) without a reset."""
from __future__ import annotations

from PySide6.QtTest import QAbstractItemModelTester

from editor import edits
from editor.loader import load_path
from editor.model import Block, BlockKind
from tests.conftest import SAMPLE
from editor.session import tree_order
from widgets.article_tree import BLOCK_ID_ROLE, ArticleTreeView


def structure(model):
    out = []
    for r in range(model.rowCount()):
        parent = model.index(r, 0)
        out.append([model.index(c, 0, parent).data() for c in range(model.rowCount(parent))])
    return out


def ids(model):
    out = []
    for r in range(model.rowCount()):
        parent = model.index(r, 0)
        out.append([model.index(c, 0, parent).data(BLOCK_ID_ROLE) for c in range(model.rowCount(parent))])
    return out


def expected(page, model=None):
    """The tree's rows: each article's blocks in the tree's order (headline group on top)."""
    return [[b.id for b in tree_order(article.blocks)] for article in page.articles]


def test_events_insert_and_remove_rows_without_reset(qtbot):
    page = load_path(SAMPLE)
    view = ArticleTreeView()
    qtbot.addWidget(view)
    view.set_page(page)
    model = view.tree_model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    target = page.articles[2].blocks[2]
    view.select_block(target.id)

    undo = []
    new = Block(BlockKind.PARAGRAPH, "新加的段落")
    with qtbot.waitSignal(model.rowsInserted):
        undo.append(edits.InsertBlock(page.articles[2].id, 1, new).apply(page))
    assert model.rowCount(model.index(2, 0)) == len(page.articles[2].blocks)
    row = tree_order(page.articles[2].blocks).index(new)
    assert "新加的段落" in model.index(row, 0, model.index(2, 0)).data()
    assert view.selected_block_id() == target.id  # the selection followed its row

    undo.append(edits.SplitBlock(target.id, 3).apply(page))
    undo.append(edits.SetText(target.id, "改").apply(page))
    assert model.block_index(target.id).data().endswith("改")
    undo.append(edits.NewArticle(0).apply(page))
    assert ids(model) == expected(page)
    assert model.rowCount() == len(page.articles)
    for inverse in reversed(undo):
        inverse.apply(page)
    assert model.rowCount() == 10
    assert [len(r) for r in structure(model)] == [len(a.blocks) for a in page.articles]
    assert not resets
    assert view.selected_block_id() == target.id
