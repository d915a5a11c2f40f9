"""Find in the raw view or the block editor, replace across the page's blocks.

The bar searches whichever text view it was opened for (Ctrl+F where the focus is)
and paints every hit on that view's "search" layer. Its replace row (Ctrl+H) works on
the page's blocks through the session: it counts the matches in all blocks, and
"Replace All" asks the window (``replace_all_requested``) for a preview and one undo step.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QToolButton, QWidget)

from editor.session import FindError

from . import highlights as hl
from .i18n import language_changed

MAX_HITS = 2000


class FindBar(QWidget):
    replace_all_requested = Signal(str, str, bool, bool)  # pattern, replacement, regex, case

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._session = None
        self._view: QPlainTextEdit | None = None
        self._highlighter: hl.Highlighter | None = None
        self.label = QLabel()
        self.field = QLineEdit(objectName="find_field")
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton(objectName="find_previous")
        self.next_button = QToolButton(objectName="find_next")
        self.case = QCheckBox(objectName="find_case")
        self.regex = QCheckBox(objectName="find_regex")
        self.status = QLabel(objectName="find_status")
        self.close_button = QToolButton(objectName="find_close")
        self.close_button.setAutoRaise(True)
        self.replace_label = QLabel()
        self.replace_field = QLineEdit(objectName="replace_field")
        self.replace_all_button = QPushButton(objectName="replace_all")
        self.page_count = QLabel(objectName="replace_count")
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        find_row, replace_row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.field, self.previous_button, self.next_button, self.case, self.regex,
                       self.status):
            find_row.addWidget(widget)
        find_row.addStretch(1)
        find_row.addWidget(self.close_button)
        for widget in (self.replace_field, self.replace_all_button, self.page_count):
            replace_row.addWidget(widget)
        replace_row.addStretch(1)
        layout.addWidget(self.label, 0, 0)
        layout.addLayout(find_row, 0, 1)
        layout.addWidget(self.replace_label, 1, 0)
        layout.addLayout(replace_row, 1, 1)
        self.field.textChanged.connect(self._on_text)
        self.field.returnPressed.connect(self.find_next)
        self.case.toggled.connect(lambda _on: self._on_text(self.field.text()))
        self.regex.toggled.connect(lambda _on: self._on_text(self.field.text()))
        self.replace_field.returnPressed.connect(self.request_replace_all)
        self.replace_all_button.clicked.connect(self.request_replace_all)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.replace_field.installEventFilter(self)
        self.retranslate()
        self.show_replace(False)
        self.hide()

    def set_session(self, session) -> None:
        """Count matches in the page this session has open (whichever it is)."""
        self._session = session
        self._count_in_page()

    def show_replace(self, on: bool) -> None:
        for widget in (self.replace_label, self.replace_field, self.replace_all_button, self.page_count):
            widget.setVisible(on)

    def replace_visible(self) -> bool:
        return not self.replace_field.isHidden()

    def request_replace_all(self) -> None:
        if self.field.text():
            self.replace_all_requested.emit(self.field.text(), self.replace_field.text(),
                                            self.regex.isChecked(), self.case.isChecked())

    def _count_in_page(self) -> int:
        """Matches in all of the page's blocks (what Replace All would change)."""
        text = self.field.text()
        if self._session is None or self._session.page is None or not text:
            self.page_count.setText("")
            return 0
        try:
            matches = self._session.find(text, self.regex.isChecked(), self.case.isChecked())
        except FindError as exc:
            self.page_count.setText(str(exc))
            return 0
        blocks = self.tr("%n block(s)", "", len({m.block_id for m in matches}))
        self.page_count.setText(self.tr("%n match(es) in the page's blocks", "", len(matches))
                                + (f" ({blocks})" if matches else ""))
        return len(matches)

    def open_for(self, view: QPlainTextEdit, highlighter: hl.Highlighter,
                 replace: bool = False) -> None:
        self.show_replace(replace or self.replace_visible())
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

    def _needle(self):
        """What to look for: the text, or a regular expression (None if it is broken)."""
        text = self.field.text()
        if not self.regex.isChecked():
            return text
        options = QRegularExpression.PatternOption.NoPatternOption
        if not self.case.isChecked():
            options = QRegularExpression.PatternOption.CaseInsensitiveOption
        expression = QRegularExpression(text, options)
        return expression if expression.isValid() else None

    def hits(self) -> list[tuple[int, int]]:
        text = self.field.text()
        needle = self._needle()
        if not text or self._view is None or needle is None:
            return []
        doc = self._view.document()
        out = []
        cursor = doc.find(needle, 0, self._options())
        while not cursor.isNull() and len(out) < MAX_HITS:
            if cursor.selectionEnd() == cursor.selectionStart():  # an empty match: step over it
                cursor.setPosition(cursor.position() + 1)
                if cursor.position() >= doc.characterCount() - 1:
                    break
            else:
                out.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = doc.find(needle, cursor, self._options())
        return out

    def _on_text(self, text: str) -> None:
        self._count_in_page()
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
        text, needle = self.field.text(), self._needle()
        if not text or self._view is None or needle is None:
            return False
        doc = self._view.document()
        found = doc.find(needle, self._view.textCursor(), self._options(backward))
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            start.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = doc.find(needle, start, self._options(backward))
        if found.isNull():
            return False
        self._view.setTextCursor(found)
        self._view.centerCursor()
        return True

    def eventFilter(self, obj, event) -> bool:
        if obj in (self.field, self.replace_field) and event.type() == QEvent.Type.KeyPress:
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
        self.regex.setText(self.tr("Regular expression"))
        self.replace_label.setText(self.tr("Replace:"))
        self.replace_field.setPlaceholderText(self.tr("Replacement (\\1 for a group)"))
        self.replace_all_button.setText(self.tr("Replace All…"))
        self.replace_all_button.setToolTip(self.tr("Replace in all blocks of the page (one undo step)"))
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def changeEvent(self, event) -> None:
        if language_changed(event, self.label):
            self.retranslate()
            self._on_text(self.field.text()) if self.isVisible() else None
        super().changeEvent(event)
