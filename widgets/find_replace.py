"""Find in the raw view or the block editor: a bar under the views, hits highlighted.

The bar searches whichever text view it was opened for (Ctrl+F where the focus is)
and paints every hit on that view's "search" layer.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QToolButton, QWidget)

from . import highlights as hl

MAX_HITS = 2000


class FindBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._view: QPlainTextEdit | None = None
        self._highlighter: hl.Highlighter | None = None
        self.label = QLabel()
        self.field = QLineEdit(objectName="find_field")
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton(objectName="find_previous")
        self.next_button = QToolButton(objectName="find_next")
        self.case = QCheckBox(objectName="find_case")
        self.status = QLabel(objectName="find_status")
        self.close_button = QToolButton(objectName="find_close")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.label, self.field, self.previous_button, self.next_button, self.case,
                       self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self._on_text)
        self.field.returnPressed.connect(self.find_next)
        self.case.toggled.connect(lambda _on: self._on_text(self.field.text()))
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.retranslate()
        self.hide()

    def open_for(self, view: QPlainTextEdit, highlighter: hl.Highlighter) -> None:
        if self._highlighter is not None and self._highlighter is not highlighter:
            self._highlighter.clear("search")
        self._view, self._highlighter = view, highlighter
        selected = view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._on_text(self.field.text())

    def close_bar(self) -> None:
        if self._highlighter is not None:
            self._highlighter.clear("search")
        self.hide()
        if self._view is not None:
            self._view.setFocus()

    def _options(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def hits(self) -> list[tuple[int, int]]:
        text = self.field.text()
        if not text or self._view is None:
            return []
        doc = self._view.document()
        out = []
        cursor = doc.find(text, 0, self._options())
        while not cursor.isNull() and len(out) < MAX_HITS:
            out.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = doc.find(text, cursor, self._options())
        return out

    def _on_text(self, text: str) -> None:
        if self._view is None:
            return
        hits = self.hits()
        self._highlighter.set_layer("search", [hl.Range(a, b) for a, b in hits], hl.search_format())
        self.status.setText(self.tr("%n match(es)", "", len(hits)) if text else "")
        if hits:  # start from the selection's beginning so typing extends the same hit
            cursor = self._view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self._view.setTextCursor(cursor)
            self.find_next()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        text = self.field.text()
        if not text or self._view is None:
            return False
        doc = self._view.document()
        found = doc.find(text, self._view.textCursor(), self._options(backward))
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            start.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = doc.find(text, start, self._options(backward))
        if found.isNull():
            return False
        self._view.setTextCursor(found)
        self._view.centerCursor()
        return True

    def eventFilter(self, obj, event) -> bool:
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
                return True
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Find:"))
        self.field.setPlaceholderText(self.tr("Text to find"))
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.case.setText(self.tr("Match case"))
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._on_text(self.field.text()) if self.isVisible() else None
        super().changeEvent(event)
