"""The raw page exactly as it came in: read-only, line numbers, flags underlined.

Positions here are the model's: 0-based raw line and column; a raw line is one text
block (no wrapping), so line numbers in the gutter are the page's line numbers.

Only the flags in and near the visible lines are underlined (extra selections are
merged and handed to Qt on every cursor move: 6,000 of them on a big page cost tens of
milliseconds each time); the underlines follow as the view scrolls. The gutter marks
every flagged line.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit

from . import highlights as hl
from .fonts import text_font
from .gutter import Gutter


class RawView(QPlainTextEdit):
    #: The user put the cursor on raw line n (0-based), by mouse or keyboard.
    line_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("raw_view")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        self.highlighter = hl.Highlighter(self)
        self.gutter = Gutter(self)
        self.gutter.line_clicked.connect(self._on_gutter_click)
        self._last_line = -1
        self._quiet = False
        self._flags: list = []        # sorted by first line
        self._flag_starts: list[int] = []  # their first lines (0-based), for bisect
        self._longest = 0             # lines spanned by the longest flag
        self._drawn = range(0)        # lines whose flags are in the "flags" layer
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._update_flag_layer())
        self.set_font_size(13)

    # --- content --------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        with QSignalBlocker(self):
            self.setPlainText(text)
        self._last_line = -1
        self._flags, self._flag_starts, self._drawn = [], [], range(0)
        self.highlighter.clear_all()
        self.gutter.set_markers({})
        self.gutter.update_width()
        self._mark_current_line()

    def set_font_size(self, size: int, family: str = "") -> None:
        self.setFont(text_font(size, family=family))
        self.gutter.update_width()

    def line_count(self) -> int:
        return self.blockCount()

    def position(self, line: int, column: int) -> int:
        """Document position of 0-based (line, column), clamped to the page."""
        doc = self.document()
        line = min(max(0, line), doc.blockCount() - 1)
        block = doc.findBlockByNumber(line)
        return block.position() + min(max(0, column), block.length() - 1)

    def current_line(self) -> int:
        return self.textCursor().blockNumber()

    def selected_text(self) -> str:
        return self.textCursor().selectedText().replace("\u2029", "\n")

    # --- flags ----------------------------------------------------------------------
    #: Lines above and below the visible ones whose flags are underlined as well, so that
    #: scrolling a little needs no new extra selections.
    FLAG_MARGIN = 150

    def set_flags(self, flags, markers: dict[int, str]) -> None:
        """Underline each flag's span (near the visible lines); ``markers`` (raw line →
        worst severity, the session's) go in the gutter."""
        self._flags = sorted(flags, key=lambda f: (f.line, f.column))
        self._flag_starts = [f.line - 1 for f in self._flags]
        self._longest = max((f.end_line - f.line for f in self._flags), default=0)
        self.gutter.set_markers(markers)
        self._update_flag_layer(force=True)

    def flags_drawn(self) -> list:
        """The flags underlined now (those in and near the visible lines)."""
        return self._flags_in(self._drawn)

    def _flags_in(self, lines: range) -> list:
        lo = bisect_left(self._flag_starts, lines.start - self._longest)
        hi = bisect_right(self._flag_starts, lines.stop - 1)
        return [f for f in self._flags[lo:hi] if f.end_line - 1 >= lines.start]

    def _update_flag_layer(self, force: bool = False) -> None:
        """Underline the flags near the visible lines, unless they already are."""
        first = self.first_visible_line()
        last = first + max(1, self.viewport().height() // max(1, self.fontMetrics().height()))
        if not force and self._drawn and first >= self._drawn.start and last < self._drawn.stop:
            return
        self._drawn = range(max(0, first - self.FLAG_MARGIN), last + self.FLAG_MARGIN + 1)
        items = []
        for flag in self._flags_in(self._drawn):
            start = self.position(flag.line - 1, flag.column - 1)
            end = self.position(flag.end_line - 1, flag.end_column - 1)
            if end <= start:  # a point flag (e.g. a missing character): mark one cell
                end = start + 1
            items.append((hl.Range(start, end), hl.flag_format(flag.severity)))
        self.highlighter.set_formatted("flags", items)

    def select_flag(self, flag) -> None:
        """Select a flag's span (1-based, end exclusive) and bring it into view."""
        start = self.position(flag.line - 1, flag.column - 1)
        end = self.position(flag.end_line - 1, flag.end_column - 1)
        self.select_range(start, max(start, end), quiet=True)
        self.highlighter.set_layer("current_flag", [hl.Range(start, max(end, start + 1))],
                                   hl.current_flag_format())

    def select_range(self, start: int, end: int, quiet: bool = False) -> None:
        """Select ``start:end`` and bring it into view (``quiet``: without telling the
        window that the user went to that line — it put the selection there itself)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        was = self._quiet
        self._quiet = quiet or was
        try:
            self.setTextCursor(cursor)
        finally:
            self._quiet = was
        if quiet:
            self._last_line = cursor.blockNumber()
        self.centerCursor() if not self._is_visible(cursor.blockNumber()) else self.ensureCursorVisible()

    # --- the selected block ---------------------------------------------------------
    def show_lines(self, lines: tuple[int, int] | None) -> None:
        """Shade the selected block's source lines and scroll there unless already in view."""
        self.highlighter.clear("current_flag")
        if lines is None:
            self.highlighter.clear("block")
            return
        first, last = lines
        self.highlighter.set_layer(
            "block", [hl.Range(self.position(first, 0), self.position(last, 10**9), True)],
            hl.line_format(hl.color("block_line")))
        if first <= self.current_line() <= last:
            return  # the user is already there (clicked in the block, or jumped to a flag)
        self._quiet = True
        try:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.position(first, 0))
            self.setTextCursor(cursor)
        finally:
            self._quiet = False
        if not (self._is_visible(first) and self._is_visible(last)):
            self.verticalScrollBar().setValue(max(0, first - 2))

    def first_visible_line(self) -> int:
        return self.firstVisibleBlock().blockNumber()

    def visible_lines(self) -> range:
        numbers = [n for n, top, bottom in self.visible_blocks()
                   if bottom <= self.viewport().height() + 1]
        return range(numbers[0], numbers[-1] + 1) if numbers else range(0)

    def _is_visible(self, line: int) -> bool:
        return line in self.visible_lines()

    def visible_blocks(self):
        """(block number, top, bottom) of each block from the first visible one down."""
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height = self.viewport().height()
        while block.isValid() and top <= height:
            bottom = top + self.blockBoundingRect(block).height()
            if block.isVisible():
                yield block.blockNumber(), top, bottom
            block = block.next()
            top = bottom

    # --- events ---------------------------------------------------------------------
    def _on_cursor_moved(self) -> None:
        self._mark_current_line()
        line = self.current_line()
        if line != self._last_line:
            self._last_line = line
            self.gutter.update()
            if not self._quiet:
                self.line_activated.emit(line)

    def _on_gutter_click(self, line: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position(line, 0))
        self.setTextCursor(cursor)

    def _mark_current_line(self) -> None:
        pos = self.textCursor().position()
        self.highlighter.set_layer("current_line", [hl.Range(pos, pos, True)],
                                   hl.line_format(hl.color("current_line")))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.gutter.place()
        self._update_flag_layer()
