"""The report panel (issue 14): the page's names, look-alike variants and words by count
in a dock, each row jumping to its next use on the page; "My dictionary": the
proofreader's own words, never flagged on any page, edited, imported and exported as a
plain-text list and kept beside the settings."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.widgets.helpers import real_window
from widgets import my_dictionary

# 张佰山 ×2 and 张伯山 ×1 (佰/伯 look alike): a pair of variants, one probably misread.
PAGE = ("城市书房让阅读触手可及\n\n□ 本报记者 周敏\n\n"
        "　　张佰山是城市书房的管理员，张佰山说，全市图书馆由国冢投资建设。\n"
        "　　读者说，张伯山把书房管得很好，市民十分满意。\n")


def open_page(qtbot, settings, translations, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    return real_window(qtbot, settings, translations, path=page)


def rows(tree):
    return [tree.topLevelItem(k).text(0) for k in range(tree.topLevelItemCount())]


def test_the_report_lists_variants_and_each_row_goes_to_its_next_use(qtbot, settings, translations, tmp_path):
    window = open_page(qtbot, settings, translations, tmp_path)
    panel = window.report_panel
    assert panel.variants.topLevelItemCount() == 0  # made only when shown
    window.report_dock.show()
    qtbot.waitUntil(lambda: panel.variants.topLevelItemCount() > 0, timeout=20000)
    assert rows(panel.variants) == ["张佰山 / 张伯山"]
    top = panel.variants.topLevelItem(0)
    assert [top.child(k).text(1) for k in range(2)] == ["×2", "×1"]
    assert "周敏" in rows(panel.names)
    first = top.child(0)
    panel.variants.itemActivated.emit(first, 0)
    raw = window.raw_view.textCursor()
    assert raw.selectedText() == "张佰山"
    said = panel.status.text()
    assert "张佰山" in said and "1" in said and "2" in said  # use 1 of 2
    block = window.document.page.block(window.editing.current_block_id())
    assert "张佰山" in block.text  # the tree and the block editor are on its block
    where = raw.selectionStart()
    panel.variants.itemActivated.emit(first, 0)  # again: the second use
    second = window.raw_view.textCursor()
    assert second.selectedText() == "张佰山" and second.selectionStart() > where
    panel.variants.itemActivated.emit(first, 0)  # and round to the first
    assert window.raw_view.textCursor().selectionStart() == where


def test_the_report_follows_edits_while_shown(qtbot, settings, translations, tmp_path):
    window = open_page(qtbot, settings, translations, tmp_path)
    panel = window.report_panel
    window.report_dock.show()
    qtbot.waitUntil(lambda: panel.variants.topLevelItemCount() == 1, timeout=20000)
    rows_ = window.document.session.replacements("张伯山", "张佰山", False, True, False)
    window.editing.replace_chosen(rows_)  # what Replace All does once its preview is accepted
    qtbot.waitUntil(lambda: panel.variants.topLevelItemCount() == 0, timeout=20000)
    assert "张佰山" in rows(panel.names)


def test_my_dictionary_words_are_never_flagged_and_survive_a_restart(qtbot, settings, translations, tmp_path):
    window = open_page(qtbot, settings, translations, tmp_path)
    misread = lambda w: [f for f in w.document.flags if f.rule == "misread-char" and "冢" in str(f.message)]
    qtbot.waitUntil(lambda: window.document.flags_ready and bool(misread(window)), timeout=20000)
    dialog = my_dictionary.edit(window)
    dialog.text.setPlainText("国冢\n聊城\n")
    dialog.accept()
    path = my_dictionary.dictionary_path(settings)
    assert path.read_text(encoding="utf-8") == "国冢\n聊城\n"
    qtbot.waitUntil(lambda: window.document.flags_ready and not misread(window), timeout=20000)
    again = open_page(qtbot, settings, translations, tmp_path)  # a new window reads the list
    assert again.document.session.global_words == {"国冢", "聊城"}
    assert not misread(again)


def test_my_dictionary_refuses_a_line_that_is_no_word_and_imports_and_exports(qtbot, settings, translations, tmp_path):
    window = open_page(qtbot, settings, translations, tmp_path)
    dialog = my_dictionary.edit(window)
    dialog.text.setPlainText("国冢\n两 个词\n")
    dialog.accept()
    assert dialog.isVisible() and "2" in dialog.error.text()  # the line it cannot take, said
    assert not my_dictionary.dictionary_path(settings).exists()  # nothing written
    words = tmp_path / "words.txt"
    words.write_text("聊城\n# a comment\n东阿\n", encoding="utf-8")
    dialog.text.setPlainText("国冢\n")
    dialog.import_from(str(words))
    assert dialog.words() == ["东阿", "国冢", "聊城"]
    out = tmp_path / "out.txt"
    dialog.export_to(str(out))
    assert out.read_text(encoding="utf-8") == "东阿\n国冢\n聊城\n"
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    dialog.import_from(str(binary))
    assert dialog.words() == ["东阿", "国冢", "聊城"] and dialog.error.text()
    dialog.reject()


def test_a_damaged_dictionary_file_is_said_and_the_window_opens(qtbot, settings, translations, tmp_path):
    path = my_dictionary.dictionary_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    window = open_page(qtbot, settings, translations, tmp_path)
    assert window.document.session.global_words == frozenset()
    assert window.status.currentMessage()  # said in the status bar
    assert window.document.page is not None  # and the page opened all the same


def test_on_a_long_page_the_report_waits_for_refresh(qtbot, settings, translations, tmp_path, monkeypatch):
    from widgets import report_panel

    monkeypatch.setattr(report_panel, "AUTO_LIMIT", 10)  # this page counts as long
    window = open_page(qtbot, settings, translations, tmp_path)
    panel = window.report_panel
    window.report_dock.show()
    qtbot.wait(50)
    assert panel.variants.topLevelItemCount() == 0 and panel.status.text()  # said, not made
    panel.refresh_button.click()
    assert rows(panel.variants) == ["张佰山 / 张伯山"]
