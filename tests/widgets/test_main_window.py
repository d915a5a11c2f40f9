"""The review window driven as a proofreader would: open, F8, click, switch language."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt


from tests.conftest import SAMPLE
from tests.widgets.conftest import flags_for, make_window


def tree_rows(window) -> list[str]:
    model = window.tree.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def click_tree_row(qtbot, tree, index) -> None:
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_raw_line(qtbot, raw, line: int) -> None:
    cursor = raw.textCursor()
    cursor.setPosition(raw.position(line, 0))
    raw.centerCursor()
    raw.setTextCursor(cursor)
    raw.centerCursor()
    rect = raw.cursorRect(cursor)
    qtbot.mouseClick(raw.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(2, 0))


def test_sample_opens_with_ten_articles(window, gold):
    rows = tree_rows(window)
    assert len(rows) == 10
    assert rows[0].endswith("聊城持续擦亮助企服务金字名片")
    assert window.raw_view.toPlainText() == window.document.page.raw_text
    assert "liaocheng-page.txt" in window.status.file_label.text()
    assert "10 articles" in window.status.counts_label.text()
    assert "utf-8" in window.status.encoding_label.text()
    assert "1 error" in window.status.flags_text()


def test_window_appears_before_the_dictionary(qtbot, settings, translations):
    from widgets.main_window import MainWindow

    window = MainWindow(settings, translations)
    qtbot.addWidget(window)
    window.show()  # returns at once; the dictionary loads in a thread
    assert window.isVisible()
    qtbot.waitUntil(lambda: window.document.dictionary_loaded, timeout=20000)
    assert not window.status.progress.isVisible()


def test_f8_lands_on_the_first_flag(window, qtbot):
    first = flags_for(window.document.page)[0]
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F8)
    raw = window.raw_view
    cursor = raw.textCursor()
    assert cursor.blockNumber() == first.line - 1
    assert cursor.selectionStart() == raw.position(first.line - 1, first.column - 1)
    assert cursor.selectionEnd() == raw.position(first.end_line - 1, first.end_column - 1)
    assert raw.selected_text() == raw.document().findBlockByNumber(first.line - 1).text()[
        first.column - 1:first.end_column - 1]
    assert window.tree.selected_block_id() == first.block_id
    assert window.block_editor.text.textCursor().selectedText() == raw.selected_text()
    # again, then back
    second = flags_for(window.document.page)[1]
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F8)
    assert raw.textCursor().blockNumber() == second.line - 1
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert raw.textCursor().blockNumber() == first.line - 1


def test_f8_works_from_the_tree_too(window, qtbot):
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F8)
    assert window.flags_panel.current_flag() == window.flags_panel.visible_flags()[0]


def test_clicking_a_block_scrolls_the_raw_view_to_its_lines(window, qtbot):
    tree = window.tree
    article = tree.model().index(9, 0)  # the last article, far down the page
    block_index = tree.model().index(2, 0, article)
    block = tree.tree_model().block_at(block_index)
    first, last = block.lines
    assert first not in window.raw_view.visible_lines()
    click_tree_row(qtbot, tree, block_index)
    assert tree.selected_block_id() == block.id
    visible = window.raw_view.visible_lines()
    assert first in visible and last in visible
    shaded = window.raw_view.highlighter.layer("block")
    doc = window.raw_view.document()
    assert doc.findBlock(shaded[0].cursor.selectionStart()).blockNumber() == first
    assert doc.findBlock(shaded[0].cursor.selectionEnd()).blockNumber() == last
    assert window.block_editor.text.toPlainText() == block.text


def test_clicking_a_raw_line_selects_its_block(window, qtbot):
    page = window.document.page
    ai, bi = 1, 3
    block = page.articles[ai].blocks[bi]
    line = block.lines[0] + 1 if block.lines[1] > block.lines[0] else block.lines[0]
    click_raw_line(qtbot, window.raw_view, line)
    assert window.raw_view.current_line() == line
    assert window.tree.selected_block_id() == block.id
    assert window.tree.currentIndex().parent().row() == ai
    assert window.block_editor.block_id() == block.id


def test_flags_panel_shows_fixes_filters_and_the_current_row_jumps(window, qtbot):
    panel = window.flags_panel
    flags = flags_for(window.document.page)
    assert panel.proxy.rowCount() == len(flags)
    fix_text = panel.proxy.index(0, 4).data()
    assert fix_text.startswith("→")
    panel.errors_only.setChecked(True)
    assert [f.severity for f in panel.visible_flags()] == ["error"]
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.proxy.index(0, 0))  # moving to a row shows the flag
    error = panel.visible_flags()[0]
    assert window.raw_view.textCursor().blockNumber() == error.line - 1
    assert window.tree.selected_block_id() == error.block_id
    panel.errors_only.setChecked(False)
    assert "Test start 10" in panel.counts.text()


def test_switch_language(window, qtbot):
    assert window.file_menu.title() == "&File"
    window.set_language("zh_CN")  # Qt posts LanguageChange to every widget
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert window.flags_dock.windowTitle() == "问题"
    assert "10 篇文章" in window.status.counts_label.text()
    assert tree_rows(window)[0].startswith("1. ")
    child = window.tree.model().index(1, 0, window.tree.model().index(0, 0)).data()
    assert child.startswith("主题")  # the headline group on top: kicker, headline, byline
    assert window.flags_panel.proxy.index(0, 3).data() == "段首两字"
    assert window.settings.get("ui/language") == "zh_CN"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.flags_panel.proxy.index(0, 3).data() == "first two characters"


def test_a_bad_file_shows_a_message_and_keeps_the_page(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "picture.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    window.open_path(bad)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "open_error") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "open_error")
    assert "PNG" in box.informativeText()
    assert len(tree_rows(window)) == 10
    assert window.document.path == str(SAMPLE)
    box.close()


def test_settings_remembered(qtbot, settings, translations):
    window = make_window(qtbot, settings, translations)
    window.open_path(SAMPLE)
    qtbot.waitUntil(lambda: window.document.page is not None, timeout=20000)
    window.zoom(+2)
    window.splitter.setSizes([500, 400])
    window.close()
    assert settings.get("view/font_size") == 15
    assert settings.recent_files() == [str(SAMPLE.resolve())]
    again = make_window(qtbot, settings, translations)
    assert again.raw_view.font().pointSize() == 15
    sizes = again.splitter.sizes()
    assert abs(sizes[0] / sum(sizes) - 5 / 9) < 0.05


def test_find_in_raw_view(window, qtbot):
    window.raw_view.setFocus()
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible()
    bar.field.setText("聊城")  # as an input method commits it (QTest cannot type Chinese)
    hits = bar.hits()
    assert len(hits) > 5
    assert window.raw_view.selected_text() == "聊城"
    assert len(window.raw_view.highlighter.layer("search")) == len(hits)
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not window.raw_view.highlighter.layer("search")


def test_block_edit_updates_tree_and_undoes(window, qtbot):
    page = window.document.page
    block = page.articles[0].blocks[1]
    window.tree.select_block(block.id)
    window.show_block(block.id)
    editor = window.block_editor
    editor.text.setPlainText("改过的文字")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert block.text == "改过的文字"
    index = window.tree.tree_model().block_index(block.id)
    assert "改过的文字" in index.data()
    window.undo_stack.undo()
    assert "改过的文字" not in window.tree.tree_model().block_index(block.id).data()
    assert editor.text.toPlainText() == block.text


def test_real_rules(qtbot, settings, translations):
    import pytest

    pytest.importorskip("editor.rules")
    window = make_window(qtbot, settings, translations, check=None)
    window.open_path(SAMPLE)
    qtbot.waitUntil(lambda: window.document.flags_ready, timeout=30000)
    flags = window.flags_panel.visible_flags()
    assert flags
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F8)
    first = flags[0]
    assert window.raw_view.textCursor().blockNumber() == first.line - 1


def test_dropping_a_file_opens_it(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    page = tmp_path / "dropped.txt"
    page.write_text("  今年以来，聊城市持续优化营商环境。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == str(page), timeout=10000)
    assert "dropped.txt" in window.status.file_label.text()
    assert window.raw_view.toPlainText().startswith("  今年以来")
