"""Edits keep your place; the headline group on top; Alt+Up / Alt+Down; a headline moved
into an article that has one (issue 15, items 2 and 10)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from editor.model import BlockKind
from editor.session import tree_order
from tests.widgets.helpers import real_window
from tests.widgets.test_editing import _drop
from tests.widgets.test_files import answer_headline_question
from tests.widgets.test_loop import key

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def click_block(qtbot, window, block_id):
    tree = window.tree
    index = tree.tree_model().block_index(block_id)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.selected_block_id() == block_id


def rows(window, article: int) -> list[str]:
    model = window.tree.tree_model()
    parent = model.index(article, 0)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_the_tree_shows_the_headline_group_on_top_the_raw_view_keeps_raw_order(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    first = rows(window, 0)
    assert first[0].startswith("Kicker") and first[1].startswith("Headline") and first[2].startswith("Byline")
    headline = window.document.page.articles[0].first(BlockKind.HEADLINE)
    assert headline.spans[0].line > window.document.page.articles[0].blocks[1].spans[0].line  # raw: last
    assert window.raw_view.document().findBlockByNumber(0).text().strip().startswith("□")


def test_split_selects_the_new_block_and_undo_the_old(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    page = window.document.page
    block = page.articles[1].all(BlockKind.PARAGRAPH)[2]
    click_block(qtbot, window, block.id)
    text = window.block_editor.text
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(12)
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_Return, ALT)  # split here
    ai, bi = page.find_block(block.id)
    new = page.articles[ai].blocks[bi + 1]
    assert window.tree.selected_block_id() == new.id == window.block_editor.block_id()
    key(qtbot, window.tree, Qt.Key.Key_Z, CTRL)
    assert window.tree.selected_block_id() == block.id == window.block_editor.block_id()


def test_a_dragged_block_stays_selected_and_the_table_agrees(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    page = window.document.page
    model = window.tree.tree_model()
    block = page.articles[1].all(BlockKind.PARAGRAPH)[0]  # it has a flag (spaced-number)
    click_block(qtbot, window, block.id)
    assert window.flags_panel.current_flag().block_id == block.id  # the table follows the tree
    _drop(window.tree, model.mimeData([model.block_index(block.id)]), model.index(5, 0))
    assert page.find_block(block.id)[0] == 5
    assert window.tree.selected_block_id() == block.id == window.block_editor.block_id()
    current = window.flags_panel.current_flag()
    assert current is not None and current.block_id == block.id


def test_a_kind_change_moves_the_block_to_its_place_and_keeps_it_selected(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    page = window.document.page
    block = page.articles[2].all(BlockKind.PARAGRAPH)[1]
    click_block(qtbot, window, block.id)
    key(qtbot, window.tree, Qt.Key.Key_3, CTRL)  # subtitle
    assert block.kind == BlockKind.SUBTITLE
    order = [b.id for b in tree_order(page.articles[2].blocks)]
    assert order.index(block.id) < order.index(page.articles[2].first(BlockKind.BYLINE).id)
    assert window.tree.selected_block_id() == block.id


def test_alt_up_and_alt_down(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    page = window.document.page
    body = [b for b in tree_order(page.articles[1].blocks) if b.kind == BlockKind.PARAGRAPH]
    click_block(qtbot, window, body[1].id)
    key(qtbot, window.tree, Qt.Key.Key_Up, ALT)
    now = [b.id for b in tree_order(page.articles[1].blocks) if b.kind == BlockKind.PARAGRAPH]
    assert now[:2] == [body[1].id, body[0].id] and window.tree.selected_block_id() == body[1].id
    key(qtbot, window.tree, Qt.Key.Key_Up, ALT)  # the first of the body: into the article before
    assert page.find_block(body[1].id)[0] == 0
    assert tree_order(page.articles[0].blocks)[-1].id == body[1].id
    key(qtbot, window.tree, Qt.Key.Key_Down, ALT)  # and back
    assert page.find_block(body[1].id)[0] == 1
    headline = page.articles[1].first(BlockKind.HEADLINE)
    click_block(qtbot, window, headline.id)
    key(qtbot, window.tree, Qt.Key.Key_Down, ALT)
    assert "keeps its order" in window.status.currentMessage() and page.find_block(headline.id)[0] == 1
    assert window.undo_stack.count() == 3


def test_a_headline_moved_into_an_article_with_one_asks(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    page = window.document.page
    headline = page.articles[1].first(BlockKind.HEADLINE)
    old = page.articles[0].first(BlockKind.HEADLINE)
    assert page.articles[1].first(BlockKind.KICKER) is None  # so the headline is on top
    click_block(qtbot, window, headline.id)
    key(qtbot, window.tree, Qt.Key.Key_Up, ALT)  # first of its article: into the one before, which has one
    assert page.find_block(headline.id)[0] == 1  # it asks first
    answer_headline_question(window, "replace")
    assert page.articles[0].first(BlockKind.HEADLINE) is headline
    assert page.articles[1].first(BlockKind.HEADLINE) is old  # the old one went back
    assert window.undo_stack.count() == 1
