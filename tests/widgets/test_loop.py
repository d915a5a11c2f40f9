"""The proofreading loop, driven with keys as a proofreader works (issue 15, items 1–5, 9):
F8 then Enter / J / K / A / I from anywhere, undo keeps the place, K keeps a break for
good, A on join flags, fix-all item by item, ignored flags seen and restored."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt

from editor.model import BlockKind
from tests.widgets.helpers import real_window, rules_of, snapshot

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def key(qtbot, widget, k, modifiers=Qt.KeyboardModifier.NoModifier):
    widget.setFocus()
    qtbot.keyClick(widget, k, modifiers)


def f8_to(qtbot, window, rule: str, widget=None):
    """Press F8 (in ``widget``, the raw view by default) until a flag of ``rule`` is current."""
    widget = widget or window.raw_view
    for _ in range(len(window.document.flags) + 1):
        key(qtbot, widget, Qt.Key.Key_F8)
        flag = window.flags_panel.current_flag()
        if flag is not None and flag.rule == rule:
            return flag
    raise AssertionError(f"F8 never reached a {rule} flag")


def bylines(window):
    return [b.text for _a, b in window.document.page.blocks() if b.kind == BlockKind.BYLINE]


# --- 1. F8 then Enter / J / K / I / A work from anywhere --------------------------------

def test_f8_then_enter_in_the_raw_view_applies_the_fix_and_keeps_the_focus(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    raw = window.raw_view
    key(qtbot, raw, Qt.Key.Key_F8)
    assert raw.selected_text() == "本 报 记 者"  # the first flag: a letter-spaced byline
    key(qtbot, raw, Qt.Key.Key_Return)
    assert bylines(window)[0].startswith("□ 本报记者") and window.undo_stack.count() == 1
    assert raw.hasFocus()  # the hands stay where they were
    nxt = window.flags_panel.current_flag()
    start = raw.document().findBlock(raw.textCursor().selectionStart()).blockNumber()
    assert nxt is not None and nxt.rule == "column-break-join" and start == nxt.line - 1


def test_the_loop_keys_work_from_the_tree_too(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    tree = window.tree
    flag = f8_to(qtbot, window, "letter-spaced", tree)
    key(qtbot, tree, Qt.Key.Key_I)  # ignore it
    assert flag.key in window.document.project.ignored_flags
    join = f8_to(qtbot, window, "column-break-join", tree)
    key(qtbot, tree, Qt.Key.Key_J)  # accept the join
    assert join.key not in [f.key for f in window.document.flags]
    assert window.undo_stack.count() == 2


def test_in_the_block_editor_enter_is_a_newline_and_ctrl_enter_applies_the_fix(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    flag = f8_to(qtbot, window, "spaced-number")
    text = window.block_editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert text.toPlainText().endswith("\n") and window.undo_stack.count() == 0  # typing
    qtbot.keyClick(text, Qt.Key.Key_Backspace)
    assert not window.block_editor.is_dirty()
    qtbot.keyClick(text, Qt.Key.Key_J)
    assert text.toPlainText().endswith("j")  # letters are typed there too
    qtbot.keyClick(text, Qt.Key.Key_Backspace)
    qtbot.keyClick(text, Qt.Key.Key_Return, CTRL)
    assert "7.8亿元" in window.document.page.block(flag.block_id).text


def test_the_flags_menu_says_where_the_keys_work(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations, path=None)
    texts = [a.text() for a in window.flags_menu.actions()]
    assert any("wherever the focus is" in t and "Ctrl+Enter" in t for t in texts)


# --- 2. undo keeps your place -----------------------------------------------------------

def test_undoing_a_fix_makes_its_flag_current_again_everywhere(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    raw = window.raw_view
    flag = f8_to(qtbot, window, "spaced-number")
    key(qtbot, raw, Qt.Key.Key_Return)
    assert window.flags_panel.current_flag().key != flag.key  # on to the next one
    key(qtbot, raw, Qt.Key.Key_Z, CTRL)
    current = window.flags_panel.current_flag()
    assert current is not None and current.key == flag.key
    assert raw.selected_text() == "7 . 8" and raw.textCursor().blockNumber() == flag.line - 1
    assert window.tree.selected_block_id() == flag.block_id == window.block_editor.block_id()
    key(qtbot, raw, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: fixed again, on to the next flag
    assert "7.8亿元" in window.document.page.block(flag.block_id).text


# --- 3. K means keep --------------------------------------------------------------------

def test_k_keeps_a_column_break_for_good(qtbot, settings, translations, tmp_path, monkeypatch):
    window = real_window(qtbot, settings, translations)
    join = f8_to(qtbot, window, "column-break-join")
    place = (join.line, join.end_line)
    article = window.document.page.find_block(join.block_id)[0]
    blocks = len(window.document.page.articles[article].blocks)
    key(qtbot, window.raw_view, Qt.Key.Key_K)
    assert len(window.document.page.articles[article].blocks) == blocks + 1  # split there
    at_place = [f for f in window.document.flags if (f.line, f.end_line) == place]
    assert at_place == []  # no lost-join (nor anything) where the break was kept
    assert window.undo_stack.count() == 1
    project = tmp_path / "kept.jiaodui.json"
    monkeypatch.setattr("widgets.files.QFileDialog.getSaveFileName", lambda *a, **k: (str(project), ""))
    key(qtbot, window.raw_view, Qt.Key.Key_S, CTRL)
    assert json.loads(project.read_text(encoding="utf-8"))["kept_breaks"] == [f"{place[0]}>{place[1]}"]
    again = real_window(qtbot, settings, translations, path=project)
    assert not [f for f in again.document.flags if (f.line, f.end_line) == place]


# --- 4, 5. A: fix all, item by item -----------------------------------------------------

def preview(window, name="fix_all_dialog"):
    from widgets.preview_dialog import PreviewDialog

    dialog = window.findChild(PreviewDialog, name)
    assert dialog is not None and dialog.isVisible()
    return dialog


def untick(dialog, *rows):
    for row in rows:
        dialog.list.topLevelItem(row).setCheckState(0, Qt.CheckState.Unchecked)


def test_a_on_column_break_joins_accepts_them_all_but_the_unticked_in_one_step(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    before = snapshot(window)
    f8_to(qtbot, window, "column-break-join")
    key(qtbot, window.raw_view, Qt.Key.Key_A)
    dialog = preview(window)
    assert dialog.list.topLevelItemCount() == 12 and "¦" in dialog.rows()[0][0]
    untick(dialog, 3, 7)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert rules_of(window).count("column-break-join") == 2
    assert snapshot(window)[0] == before[0]  # accepting joins changes no text
    assert window.undo_stack.count() == 1
    key(qtbot, window.raw_view, Qt.Key.Key_Z, CTRL)
    assert rules_of(window).count("column-break-join") == 12 and snapshot(window) == before


def test_fix_all_preview_lets_each_text_fix_be_skipped(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    f8_to(qtbot, window, "letter-spaced")
    key(qtbot, window.raw_view, Qt.Key.Key_A)
    dialog = preview(window)
    assert dialog.list.topLevelItemCount() == 5
    untick(dialog, 0)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "本 报 记 者" in bylines(window)[0]  # skipped
    assert not any("记 者" in t for t in bylines(window)[1:])
    assert rules_of(window).count("letter-spaced") == 1


# --- 9. ignored flags can be seen and restored ------------------------------------------

def test_show_ignored_and_restore(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    panel = window.flags_panel
    flag = f8_to(qtbot, window, "dash-run")
    key(qtbot, window.raw_view, Qt.Key.Key_I)
    assert flag.key not in [f.key for f in panel.visible_flags()]
    panel.show_ignored.click()
    shown = {f.key: f for f in panel.visible_flags()}
    assert flag.key in shown and "1 ignored" in panel.counts.text()
    row = [f.key for f in panel.visible_flags()].index(flag.key)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.proxy.index(row, 0))
    assert panel.proxy.index(row, 4).data() == "ignored" and panel.restore_button.isEnabled()
    panel.restore_button.click()
    assert flag.key in [f.key for f in window.document.flags]
    assert window.flags_panel.current_flag().key == flag.key
    key(qtbot, window.raw_view, Qt.Key.Key_Z, CTRL)  # restoring is a step of its own
    assert flag.key not in [f.key for f in window.document.flags]
