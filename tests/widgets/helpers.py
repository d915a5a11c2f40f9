"""Helpers for driving the editing window in tests."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import SAMPLE
from tests.widgets.conftest import make_window


def real_window(qtbot, settings, translations, path=SAMPLE, **kwargs):
    """The window with the real rules and ``path`` open, flags in."""
    window = make_window(qtbot, settings, translations, check=None, **kwargs)
    if path is not None:
        window.open_path(path)
        qtbot.waitUntil(lambda: window.document.flags_ready, timeout=30000)
    return window


def select_flag(window, rule: str, n: int = 0):
    """Make the ``n``-th flag of ``rule`` current in the flags panel, focus on the table."""
    panel = window.flags_panel
    rows = [r for r, f in enumerate(panel.visible_flags()) if f.rule == rule]
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.proxy.index(rows[n], 0))
    return panel.current_flag()


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)


def snapshot(window):
    doc = window.document
    return (doc.page.to_json(), sorted(doc.project.ignored_flags), sorted(doc.project.ignored_rules),
            sorted(doc.project.user_words))


def rules_of(window) -> list[str]:
    return [f.rule for f in window.document.flags]
