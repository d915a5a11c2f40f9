"""Read and edit the selected block's text: word-wrapped, its flags highlighted.

The editor never changes the model itself: "Apply" (Ctrl+Return) emits
:attr:`BlockEditor.edit_requested` and the window turns that into an undoable command.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from editor.model import Block

from . import highlights as hl
from .article_tree import kind_label
from .fonts import text_font


class BlockEditor(QWidget):
    edit_requested = Signal(str, str)  # block id, new text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("block_editor")
        self._block: Block | None = None
        self._flags: list = []
        self.title = QLabel(objectName="block_title")
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="block_text")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
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
        QShortcut(QKeySequence("Ctrl+Return"), self.text, self._apply,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.editable = False  # set when the window can turn edits into commands
        self.set_font_size(13)
        self.show_block(None)

    def set_font_size(self, size: int) -> None:
        self.text.setFont(text_font(size + 1, mono=False))

    def block_id(self) -> str:
        return self._block.id if self._block else ""

    def show_block(self, block: Block | None, flags=()) -> None:
        """Show a block (or nothing) and the flags that fall in it."""
        self._block = block
        self.text.blockSignals(True)
        self.text.setPlainText(block.text if block else "")
        self.text.blockSignals(False)
        self.text.setReadOnly(block is None or not self.editable)
        self._on_text_changed()
        self.set_flags(flags)
        self.retranslate()

    def set_flags(self, flags) -> None:
        block_id = self.block_id()
        self._flags = [f for f in flags if f.block_id == block_id and f.offset >= 0]
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
            self.show_block(self._block, self._flags)

    def _on_text_changed(self) -> None:
        dirty = self._block is not None and self.text.toPlainText() != self._block.text
        self.apply_button.setEnabled(dirty and self.editable)
        self.revert_button.setEnabled(dirty)

    def _apply(self) -> None:
        if self._block is not None and self.apply_button.isEnabled():
            self.edit_requested.emit(self._block.id, self.text.toPlainText())

    def _revert(self) -> None:
        self.refresh()

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
        self.title.setText(f"<b>{kind_label(block.kind)}</b> · {where} · "
                           + self.tr("%n character(s)", "", len(block.text)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
