"""Help menu: the shortcuts sheet is the window's real keys; About names versions and licences."""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from tests.widgets.conftest import make_window

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))


def test_f1_shows_every_action_with_a_shortcut(qtbot, settings, translations):
    window = make_window(qtbot, settings, translations)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.raw_view, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcuts_dialog")
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    shown = {(text, keys) for _group, text, keys, _where in rows}
    with_keys = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(with_keys) > 30
    for action in with_keys:
        text = action.text().replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(t == text and keys in k for t, k in shown), (text, keys)
    groups = {g for g, *_ in rows}
    assert {"File", "Edit", "Flags", "Structure", "View", "Help"} <= groups
    where = {t: w for _g, t, _k, w in rows}
    assert where["Join Lines"] == "" and where["Next Flag"] == ""  # the loop's keys work anywhere
    assert ("Next Flag", "F8") in shown and ("Previous Flag", "Shift+F8") in shown
    for key in ("J", "K", "A", "I", "R", "Return"):
        assert any(key in k.split(", ") and w == "" for _g, _t, k, w in rows), key
    assert any("Ctrl+Return" in k for _g, t, k, _w in rows if t == "Apply Fix")


def test_the_sheet_filters_and_speaks_chinese(qtbot, settings, translations):
    window = make_window(qtbot, settings, translations)
    dialog = window.show_shortcuts()
    dialog.filter.setText("f8")
    assert {t for _g, t, _k, _w in dialog.rows()} == {"Next Flag", "Previous Flag"}
    dialog.filter.clear()
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "键盘快捷键")
    assert ("问题", "下一个问题", "F8", "") in dialog.rows()
    assert window.show_shortcuts() is dialog  # one sheet, raised again


def test_about_names_version_and_licences(qtbot, settings, translations):
    from widgets.help import app_version

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert app_version() == version
    window = make_window(qtbot, settings, translations)
    window.actions.about.trigger()
    text = window.findChild(QDialog, "about_dialog").text()
    for needle in (f"jiaodui 校对 {version}", "MIT", "PySide6", "LGPLv3", "jieba", "lxml", "BSD",
                   "IPTC", "CC BY 4.0", "not bundled"):
        assert needle in text, needle


def test_help_menu(qtbot, settings, translations):
    window = make_window(qtbot, settings, translations)
    assert window.help_menu.title() == "&Help"
    assert window.help_menu.actions()[0] is window.actions.shortcuts
    assert window.actions.about.menuRole() == QAction.MenuRole.AboutRole


def test_shortcuts_doc_is_up_to_date(qapp, translations):
    import gen_shortcuts_doc

    doc = ROOT / "docs" / "shortcuts.md"
    assert doc.read_text(encoding="utf-8") == gen_shortcuts_doc.render(translations), \
        "docs/shortcuts.md is out of date: run python tools/gen_shortcuts_doc.py"
    assert translations.language == "en"
