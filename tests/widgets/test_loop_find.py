"""Find sees what the reader sees; replace one, skip, replace all (issue 15, items 6, 7)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.widgets.helpers import real_window
from tests.widgets.test_loop import key, preview, untick

CTRL = Qt.KeyboardModifier.ControlModifier
BROKEN = (119, 120)  # raw lines (0-based) over which 林长 is broken: “…村级林” / “长，…”


def open_bar(qtbot, window, text: str, replace: bool = False):
    key(qtbot, window.raw_view, Qt.Key.Key_H if replace else Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible()
    bar.field.setText(text)  # as an input method commits it (QTest cannot type Chinese)
    return bar


def test_a_word_broken_over_two_raw_lines_is_found_in_the_raw_view_once(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    raw = window.raw_view
    bar = open_bar(qtbot, window, "林长")
    lines = window.document.page.raw_lines
    on_raw = sum(line.count("林长") for line in lines)
    assert len(bar.matches()) == on_raw + 1  # the one the raw text breaks is found as well
    assert bar.status.text() == f"1 / {on_raw + 1}"
    assert f"of {on_raw + 1} matches in the page" in bar.status.toolTip()
    painted = {raw.document().findBlock(s.cursor.selectionStart()).blockNumber()
               for s in raw.highlighter.layer("search")}
    assert set(BROKEN) <= painted
    for _ in range(len(bar.matches())):
        if raw.selected_text().replace("\n", "") == "林长" and "\n" in raw.selected_text():
            break
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # Enter in the field: the next match
    first = raw.document().findBlock(raw.textCursor().selectionStart()).blockNumber()
    assert raw.selected_text() == "林\n长" and first == BROKEN[0]
    assert window.block_editor.text.textCursor().block().text().count("林长") >= 1


def test_whole_word_by_the_segmentation(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    bar = open_bar(qtbot, window, "林长")
    every = len(bar.matches())
    bar.whole.click()
    assert len(bar.matches()) == every - 1  # not the one in 林长制
    assert not any("林长制" in window.document.page.block(m.block_id).text[m.start:m.end + 1]
                   for m in bar.matches())


def test_replace_one_then_skip_then_replace_all_with_one_left_out(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    page = window.document.page
    bar = open_bar(qtbot, window, "林长", replace=True)
    bar.whole.click()
    bar.replace_field.setText("林长（试）")
    total = len(bar.matches())
    bar.replace_field.setFocus()
    qtbot.keyClick(bar.replace_field, Qt.Key.Key_Return)  # Replace: this one, and on
    count = lambda: sum(b.text.count("林长（试）") for _a, b in page.blocks())  # noqa: E731
    assert count() == 1 and window.undo_stack.count() == 1
    assert len(bar.matches()) == total  # the replaced one still matches 林长, the next is current
    current = bar.current()
    bar.skip_button.click()
    assert bar.current() != current and count() == 1
    bar.replace_all_button.click()
    dialog = preview(window, "replace_dialog")
    assert dialog.list.topLevelItemCount() == total  # a row a match, not a block
    untick(dialog, 0)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.undo_stack.count() == 2
    assert "三级林长制" in "".join(b.text for _a, b in page.blocks())  # whole word: untouched
    window.undo()
    assert count() == 1
