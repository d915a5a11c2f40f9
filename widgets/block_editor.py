"""Read and edit the selected block's text: word-wrapped, its flags highlighted.

The editor never changes the model itself: it emits :attr:`BlockEditor.edit_requested`
and the window turns that into an undoable command. Typing is handed over after a short
pause, when the editor loses focus, when another block is shown, or at once with
"Apply" (Ctrl+Return: the window's Apply Fix, which hands the typing over and stops there
when there was any); the window merges commits that follow each other closely into one
undo step. The text widget's own undo is off: Ctrl+Z goes to the window's undo stack.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from editor.model import Block

from . import highlights as hl
from .i18n import language_changed
from .fonts import text_font

COMMIT_DELAY_MS = 800
_STACK_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class BlockEditor(QWidget):
    edit_requested = Signal(str, str)  # block id, new text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("block_editor")
        self._block: Block | None = None
        self._flags: list = []
        self._by_block: dict[str, list] = {}  # the page's open flags by block (the session's)
        self.title = QLabel(objectName="block_title")
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="block_text")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setUndoRedoEnabled(False)
        self.text.installEventFilter(self)
        self._pause = QTimer(self, singleShot=True, interval=COMMIT_DELAY_MS)
        self._pause.timeout.connect(self.flush)
        self.highlighter = hl.Highlighter(self.text)
        self.apply_button = QPushButton(objectName="block_apply")
        self.apply_button.setEnabled(False)
        self.revert_button = QPushButton(objectName="block_revert")
        self.revert_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.text)
        self.text.textChanged.connect(self._on_text_changed)
        self.apply_button.clicked.connect(self._apply)
        self.revert_button.clicked.connect(self._revert)
        # Ctrl+Return is the window's Apply Fix, which hands typing over first (widgets/loop.py)
        self.editable = False  # set when the window can turn edits into commands
        self.set_font_size(13)
        self.show_block(None)

    def set_font_size(self, size: int, family: str = "") -> None:
        self.text.setFont(text_font(size + 1, mono=False, family=family))

    def block_id(self) -> str:
        return self._block.id if self._block else ""

    def show_block(self, block: Block | None, by_block: dict[str, list] | None = None) -> None:
        """Show a block (or nothing) and the flags that fall in it; typing still pending
        for the block shown so far is handed over first."""
        if self._block is not None and (block is None or block.id != self._block.id):
            self.flush()
        same = block is not None and self._block is not None and block.id == self._block.id
        self._block = block
        new_text = block.text if block else ""
        if not (same and self.text.toPlainText() == new_text):
            position = self.text.textCursor().position() if same else 0
            self.text.blockSignals(True)
            self.text.setPlainText(new_text)
            self.text.blockSignals(False)
            cursor = self.text.textCursor()
            cursor.setPosition(min(position, len(new_text)))
            self.text.setTextCursor(cursor)
        self.text.setReadOnly(block is None or not self.editable)
        self._on_text_changed()
        self.set_flags(self._by_block if by_block is None else by_block)
        self.retranslate()

    def set_flags(self, by_block: dict[str, list]) -> None:
        """The page's open flags by block (those of the block shown are highlighted)."""
        self._by_block = by_block
        self._flags = [f for f in self._by_block.get(self.block_id(), ()) if f.offset >= 0]
        items = [(hl.Range(f.offset, f.offset + max(1, f.length)), hl.flag_format(f.severity))
                 for f in self._flags]
        self.highlighter.set_formatted("flags", items)

    def select_flag(self, flag) -> None:
        if flag.block_id != self.block_id() or flag.offset < 0:
            return
        cursor = self.text.textCursor()
        cursor.setPosition(min(flag.offset, len(self.text.toPlainText())))
        cursor.setPosition(min(flag.offset + flag.length, len(self.text.toPlainText())),
                           cursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def refresh(self) -> None:
        """The block changed in the model (an edit, an undo): show its text again."""
        if self._block is not None:
            self.show_block(self._block)

    def is_dirty(self) -> bool:
        """Is there typing not handed over to the page yet?"""
        return self._block is not None and self.text.toPlainText() != self._block.text

    def cursor_position(self) -> int:
        return self.text.textCursor().position()

    def _on_text_changed(self) -> None:
        dirty = self.is_dirty()
        self.apply_button.setEnabled(dirty and self.editable)
        self.revert_button.setEnabled(dirty)
        if dirty and self.editable:
            self._pause.start()

    def flush(self) -> None:
        """Hand pending typing over to the window now."""
        self._pause.stop()
        if self.editable and self.is_dirty():
            self.edit_requested.emit(self._block.id, self.text.toPlainText())
            self._on_text_changed()

    def _apply(self) -> None:
        self.flush()

    def _revert(self) -> None:
        self._pause.stop()
        if self._block is not None:
            self.text.setPlainText(self._block.text)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.text:
            if event.type() == QEvent.Type.ShortcutOverride and any(
                    event.matches(key) for key in _STACK_KEYS):
                return True  # not the widget's: the window's undo stack takes Ctrl+Z
            if event.type() == QEvent.Type.FocusOut:
                self.flush()
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Apply the edited text to the block (Ctrl+Return)"))
        self.revert_button.setText(self.tr("Revert"))
        block = self._block
        if block is None:
            self.title.setText(self.tr("Select a block in the tree to read or edit it."))
            return
        lines = block.lines
        where = (self.tr("raw lines %1–%2").replace("%1", str(lines[0] + 1)).replace("%2", str(lines[1] + 1))
                 if lines else self.tr("added by hand"))
        self.title.setText(f"<b>{block.kind.label}</b> · {where} · "
                           + self.tr("%n character(s)", "", len(block.text)))

    def changeEvent(self, event) -> None:
        if language_changed(event, self.apply_button):
            self.retranslate()
        super().changeEvent(event)
