"""The one owner of a text view's extra selections, kept in named layers.

Features never call ``setExtraSelections`` themselves: they set their layer here
(current line, flags, search hits, the selected block's lines) and this object merges
the layers in priority order (Frescobaldi's ``viewhighlighter``).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from .theme import color, severity_color  # noqa: F401  (light and dark variants, re-exported)

#: Lower numbers are drawn first, so higher layers paint over them.
PRIORITY = {"block": 0, "current_line": 1, "flags": 2, "search": 3, "current_flag": 4}


@dataclass(frozen=True)
class Range:
    """Characters ``[start, end)`` of the document, or whole lines when ``full_line``."""

    start: int
    end: int
    full_line: bool = False


class Highlighter:
    def __init__(self, view: QPlainTextEdit):
        self._view = view
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set_layer(self, name: str, ranges: list[Range], fmt: QTextCharFormat) -> None:
        self.set_formatted(name, [(r, fmt) for r in ranges])

    def set_formatted(self, name: str, items: list[tuple[Range, QTextCharFormat]]) -> None:
        """A layer whose ranges each have their own format (e.g. flags by severity)."""
        self._layers[name] = [self._selection(r, fmt) for r, fmt in items]
        self._apply()

    def _selection(self, r: Range, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        doc = self._view.document()
        size = max(0, doc.characterCount() - 1)
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(doc)
        cursor.setPosition(min(max(0, r.start), size))
        cursor.setPosition(min(max(0, r.end), size), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = QTextCharFormat(fmt)
        if r.full_line:
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        return sel

    def clear(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply()

    def clear_all(self) -> None:
        self._layers.clear()
        self._apply()

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, []))

    def _apply(self) -> None:
        ordered = sorted(self._layers.items(), key=lambda kv: PRIORITY.get(kv[0], 99))
        self._view.setExtraSelections([s for _name, layer in ordered for s in layer])


# --- formats -------------------------------------------------------------------------
def line_format(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(color))
    return fmt


def flag_format(severity: str) -> QTextCharFormat:
    color = severity_color(severity)
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(color)
    back = QColor(color)
    back.setAlpha(40)
    fmt.setBackground(back)
    return fmt


def search_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(color("search"))
    return fmt


def current_flag_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(color("current_flag"))
    fmt.setFontUnderline(True)
    return fmt
