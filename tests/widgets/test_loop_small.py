"""Export problems that can be acted on, what changed, and the smaller things seen on a
first day (issue 15, items 8, 11, "What changed", "First run")."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.conftest import ROOT, SAMPLE
from tests.widgets.conftest import make_window
from tests.widgets.helpers import real_window
from tests.widgets.test_loop import f8_to, key

CTRL = Qt.KeyboardModifier.ControlModifier


def export_dialog(qtbot, window):
    from widgets.export_dialog import ExportDialog

    key(qtbot, window.raw_view, Qt.Key.Key_E, CTRL)
    dialog = window.findChild(ExportDialog, "export_dialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


# --- 8. export problems are actionable --------------------------------------------------

def test_an_export_problem_names_the_rule_and_enter_goes_there(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    dialog = export_dialog(qtbot, window)
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    error = next(t for t in texts if "line 108" in t)
    assert "Space inside a number" in error and "spaced-number" not in error
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(error)  # not clipped
    dialog.problems.setFocus()
    dialog.problems.setCurrentRow(texts.index(error))
    qtbot.keyClick(dialog.problems, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    current = window.flags_panel.current_flag()
    assert current is not None and current.rule == "spaced-number"
    assert window.raw_view.selected_text() == "7 . 8"


def test_export_problems_speak_the_window_s_language_only(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    dialog = export_dialog(qtbot, window)
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("数字中有空格" in t or "数字" in t for t in texts)
    assert not [t for t in texts if re.search(r"[A-Za-z]{3,}", t)]
    window.set_language("en")


# --- what changed -------------------------------------------------------------------------

def test_what_changed_lists_each_edit_with_its_line_and_marks_the_text(qtbot, settings, translations, tmp_path):
    from widgets.changes_dialog import ChangesDialog

    window = real_window(qtbot, settings, translations)
    f8_to(qtbot, window, "spaced-number")
    key(qtbot, window.raw_view, Qt.Key.Key_Return)
    f8_to(qtbot, window, "column-break-join")
    key(qtbot, window.raw_view, Qt.Key.Key_K)
    key(qtbot, window.raw_view, Qt.Key.Key_D, CTRL)
    dialog = window.findChild(ChangesDialog, "changes_dialog")
    assert dialog is not None and dialog.isVisible()
    items = [(dialog.list.topLevelItem(i).text(0), dialog.list.topLevelItem(i).text(1))
             for i in range(dialog.list.topLevelItemCount())]
    assert ("L108", "“量达7 . 8亿元” → “量达7.8亿元”") in items
    assert any(text.startswith("new paragraph from") for _line, text in items)
    dialog.list.setCurrentItem(dialog.list.topLevelItem([i for i, _t in items].index("L108")))
    html = dialog.diff.toHtml()
    assert "line-through" in html and "7␣.␣8" in dialog.diff.toPlainText()  # the spaces taken out, seen
    dialog.page_mode.click()
    assert dialog.diff.toPlainText().count("L") >= 2
    assert dialog.save_to(str(tmp_path / "changes.txt"))
    assert "L108" in (tmp_path / "changes.txt").read_text(encoding="utf-8")
    dialog.list.itemDoubleClicked.emit(dialog.list.topLevelItem(0), 0)
    assert window.tree.selected_block_id()


def test_the_diff_marks_additions_and_removals():
    from widgets.changes_dialog import diff_html

    html = diff_html([("=", "三级林长"), ("+", "责任"), ("-", " "), ("=", "制")])
    assert "<u" in html and "责任" in html and "<s" in html and "␣" in html


# --- 11. smaller things -------------------------------------------------------------------

def test_the_title_names_the_file_once(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    assert window.windowTitle() == "liaocheng-page.txt[*]"  # Qt adds "— jiaodui 校对" once


def test_nothing_to_act_on_before_a_page_is_open_and_the_flags_dock_comes_back(qtbot, settings, translations):
    window = make_window(qtbot, settings, translations)
    assert not window.editing.apply_fix.isEnabled() and not window.editing.fix_all.isEnabled()
    toggle = window.flags_dock.toggleViewAction()
    assert toggle.isEnabled()
    toggle.trigger()
    assert not window.flags_dock.isVisible()
    toggle.trigger()
    assert window.flags_dock.isVisible()


def test_save_project_and_export_suggest_the_page_s_folder(qtbot, settings, translations, tmp_path, monkeypatch):
    page = tmp_path / "pages" / "today.txt"
    page.parent.mkdir()
    page.write_bytes(SAMPLE.read_bytes())
    monkeypatch.chdir(tmp_path)  # opened as `main.py pages/today.txt`: a relative path
    window = real_window(qtbot, settings, translations, path=Path("pages") / "today.txt")
    monkeypatch.chdir(ROOT)  # a file dialog would take a relative name to where the program runs
    asked = []
    monkeypatch.setattr("widgets.files.QFileDialog.getSaveFileName",
                        lambda parent, title, suggested, *a: asked.append(suggested) or ("", ""))
    key(qtbot, window.raw_view, Qt.Key.Key_S, CTRL)
    assert asked == [str(page.parent.resolve() / "today.jiaodui.json")]
    dialog = export_dialog(qtbot, window)
    assert Path(dialog.path.text()).parent == page.parent.resolve()
    dialog.reject()
    window.activateWindow()


def test_a_new_page_opens_at_the_top_of_the_tree(qtbot, settings, translations, tmp_path):
    window = real_window(qtbot, settings, translations)
    tree = window.tree
    tree.scrollTo(tree.model().index(9, 0))
    assert tree.verticalScrollBar().value() > 0
    other = tmp_path / "other.txt"
    other.write_bytes(SAMPLE.read_bytes())
    window.open_path(other)
    qtbot.waitUntil(lambda: window.document.path == str(other), timeout=10000)
    assert tree.verticalScrollBar().value() == 0


def test_the_flags_table_shows_rule_and_fix_whole_and_does_not_jump(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    window.resize(1400, 900)
    panel = window.flags_panel
    table, metrics = panel.table, panel.table.fontMetrics()
    widths = [table.columnWidth(c) for c in range(6)]
    for flag in panel.visible_flags():
        assert metrics.horizontalAdvance(panel.rule_title(flag.rule)) < widths[1]
    fixes = [panel.proxy.index(r, 4).data() for r in range(panel.proxy.rowCount())]
    assert all(metrics.horizontalAdvance(t) < widths[4] for t in fixes)
    f8_to(qtbot, window, "spaced-number")
    key(qtbot, window.raw_view, Qt.Key.Key_Return)
    assert [table.columnWidth(c) for c in (0, 1, 2, 4, 5)] == [widths[c] for c in (0, 1, 2, 4, 5)]


def test_the_bad_file_box_is_wide_enough_for_its_title(qtbot, settings, translations, tmp_path):
    window = real_window(qtbot, settings, translations)
    bad = tmp_path / "picture.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    window.open_path(bad)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "open_error") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "open_error")
    qtbot.waitUntil(box.isVisible)
    assert box.width() >= 480 and box.width() > box.fontMetrics().horizontalAdvance(box.windowTitle())
    box.close()


# --- first run ----------------------------------------------------------------------------

def test_without_a_display_the_window_says_so_in_one_line_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["LANGUAGE"] = "en"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), str(SAMPLE)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "export" in lines[0]
