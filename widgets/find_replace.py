"""Find and replace as the reader reads: in the page's blocks, shown where it stands.

The bar searches the blocks' text through the session (a word the raw page breaks over
two lines is found, once), plain or regex, optionally whole words (jieba's). Opened over
the raw view (Ctrl+F there) it goes from match to match through the page, painting each
on the raw page where its characters stand; opened over the block editor it stays in
the block shown. Its replace row (Ctrl+H): **Replace** the current match and go on,
**Skip** it, or **Replace All…** (a preview of every match, each can be unticked; one
undo step). Replacing goes to the window as requests (``replace_requested``,
``replace_all_requested``); the bar only finds and shows.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSizePolicy, QToolButton, QWidget)

from editor.session import FindError

from . import highlights as hl
from .i18n import language_changed

MAX_HITS = 5000


class FindBar(QWidget):
    # pattern, replacement, regex, case, whole word
    replace_all_requested = Signal(str, str, bool, bool, bool)
    replace_requested = Signal(object)   # a list of editor.find.Replacement (one)
    match_chosen = Signal(object)        # an editor.find.Match to show (page mode)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._session = None
        self._raw = None          # the raw view (page mode)
        self._editor = None       # the block editor (block mode), or None
        self._matches: list = []
        self._at = -1
        self._stale = QTimer(self, singleShot=True, interval=150)  # the page changed: find again
        self._stale.timeout.connect(self._after_edit)
        self.label = QLabel()
        self.field = QLineEdit(objectName="find_field")
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton(objectName="find_previous")
        self.next_button = QToolButton(objectName="find_next")
        self.case = QCheckBox(objectName="find_case")
        self.whole = QCheckBox(objectName="find_whole_word")
        self.regex = QCheckBox(objectName="find_regex")
        self.status = QLabel(objectName="find_status")
        self.close_button = QToolButton(objectName="find_close")
        self.close_button.setAutoRaise(True)
        self.replace_label = QLabel()
        self.replace_field = QLineEdit(objectName="replace_field")
        self.replace_button = QPushButton(objectName="replace_one")
        self.skip_button = QPushButton(objectName="replace_skip")
        self.replace_all_button = QPushButton(objectName="replace_all")
        self.page_count = QLabel(objectName="replace_count")
        self._build()
        self.retranslate()
        self.show_replace(False)
        self.hide()

    def _build(self) -> None:
        for field in (self.field, self.replace_field):
            field.setMinimumWidth(16 * field.fontMetrics().averageCharWidth())
        # the count may be long: it is cut rather than widening the raw view's side
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setMinimumWidth(12 * self.status.fontMetrics().averageCharWidth())
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        find_row, replace_row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.field, self.previous_button, self.next_button, self.case, self.whole,
                       self.regex, self.status):
            find_row.addWidget(widget)
        find_row.setStretchFactor(self.status, 1)
        find_row.addWidget(self.close_button)
        for widget in (self.replace_field, self.replace_button, self.skip_button,
                       self.replace_all_button, self.page_count):
            replace_row.addWidget(widget)
        replace_row.addStretch(1)
        layout.addWidget(self.label, 0, 0)
        layout.addLayout(find_row, 0, 1)
        layout.addWidget(self.replace_label, 1, 0)
        layout.addLayout(replace_row, 1, 1)
        self.field.textChanged.connect(lambda _t: self.search())
        self.field.returnPressed.connect(self.find_next)
        for box in (self.case, self.regex, self.whole):
            box.toggled.connect(lambda _on: self.search())
        self.replace_field.returnPressed.connect(self.replace_current)
        self.replace_button.clicked.connect(self.replace_current)
        self.skip_button.clicked.connect(self.find_next)
        self.replace_all_button.clicked.connect(self.request_replace_all)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        for field in (self.field, self.replace_field):
            field.installEventFilter(self)

    # --- what it searches ---------------------------------------------------------------
    def set_session(self, session) -> None:
        """Search the page this session has open (whichever it is)."""
        self._session = session
        if self.isVisible():
            self.search()

    def page_changed(self) -> None:
        """An edit (or undo): the matches are found again once the edits settle."""
        if self.isVisible() and self.field.text():
            self._stale.start()

    def _after_edit(self) -> None:
        current = self.current()
        self.search((current.block_id, current.start) if current is not None else None)

    def open_for(self, raw_view, block_editor=None, replace: bool = False) -> None:
        """Open over the raw view (the page), or over the block editor (its block)."""
        self.show_replace(replace or self.replace_visible())
        self._clear_marks()
        self._raw, self._editor = raw_view, block_editor
        view = block_editor.text if block_editor is not None else raw_view
        selected = view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search()

    def show_replace(self, on: bool) -> None:
        for widget in (self.replace_label, self.replace_field, self.replace_button, self.skip_button,
                       self.replace_all_button, self.page_count):
            widget.setVisible(on)

    def replace_visible(self) -> bool:
        return not self.replace_field.isHidden()

    def matches(self) -> list:
        return list(self._matches)

    def current(self):
        return self._matches[self._at] if 0 <= self._at < len(self._matches) else None

    def _options(self) -> tuple[str, bool, bool, bool]:
        return self.field.text(), self.regex.isChecked(), self.case.isChecked(), self.whole.isChecked()

    def search(self, near: tuple[str, int] | None = None) -> int:
        """Find every match again (after typing, a change of options, an edit); the
        current one is the first at or after ``near`` (block id, offset), else after
        where the user is."""
        text, regex, case, whole = self._options()
        self._matches, self._at = [], -1
        self.status.setText("")
        session = self._session
        if text and session is not None and session.page is not None:
            try:
                found = session.find(text, regex, case, whole)
            except FindError as exc:
                self.status.setText(str(exc))
                found = []
            if self._editor is not None:
                found = [m for m in found if m.block_id == self._editor.block_id()]
            self._matches = found[:MAX_HITS]
        self._paint()
        self._update_counts()
        if self._matches:
            self._at = self._first_from(near) - 1
            self.find_next()
        return len(self._matches)

    def _first_from(self, near) -> int:
        if near is None and self._raw is not None and self._editor is None:
            line = self._raw.current_line()
            hit = next((k for k, m in enumerate(self._matches) if m.raw and m.raw[-1][0] >= line), 0)
            return hit
        if near is None:
            return 0
        order = {b.id: n for n, (_a, b) in enumerate(self._session.page.blocks())}
        key = (order.get(near[0], 0), near[1])
        return next((k for k, m in enumerate(self._matches)
                     if (order.get(m.block_id, 0), m.start) >= key), 0)

    def _update_counts(self) -> None:
        text = self.field.text()
        n = len(self._matches)
        where = self.tr("%n match(es) in this block", "", n) if self._editor is not None \
            else self.tr("%n match(es) in the page", "", n)
        self.status.setToolTip(where if text else "")
        self.status.setText(self.status.text() or (f"0 / {n}" if text else ""))
        self.page_count.setText("")

    # --- showing ------------------------------------------------------------------------
    def _clear_marks(self) -> None:
        for view in (self._raw, self._editor):
            if view is not None:
                view.highlighter.clear("search")

    def _paint(self) -> None:
        self._clear_marks()
        if self._editor is not None:
            ranges = [hl.Range(m.start, m.end) for m in self._matches]
            self._editor.highlighter.set_layer("search", ranges, hl.search_format())
        elif self._raw is not None:
            raw = self._raw
            ranges = [hl.Range(raw.position(line, a), raw.position(line, b))
                      for m in self._matches for line, a, b in m.raw]
            raw.highlighter.set_layer("search", ranges, hl.search_format())

    def _go(self, at: int) -> bool:
        if not self._matches:
            return False
        self._at = at % len(self._matches)
        match = self._matches[self._at]
        if self._editor is not None:
            cursor = self._editor.text.textCursor()
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, cursor.MoveMode.KeepAnchor)
            self._editor.text.setTextCursor(cursor)
        else:
            self.match_chosen.emit(match)
        total = len(self._matches)
        where = self.tr("%1 of %n match(es) in this block", "", total) if self._editor is not None \
            else self.tr("%1 of %n match(es) in the page", "", total)
        self.status.setText(f"{self._at + 1} / {total}")  # short: the bar shares the raw view's width
        self.status.setToolTip(where.replace("%1", str(self._at + 1)))
        return True

    def find_next(self) -> bool:
        return self._go(self._at + 1)

    def find_previous(self) -> bool:
        return self._go(self._at - 1)

    # --- replacing ----------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the current match, then go on to the next one."""
        match = self.current()
        if match is None or self._session is None:
            return
        text, regex, case, whole = self._options()
        try:
            rows = self._session.replacements(text, self.replace_field.text(), regex, case, whole)
        except FindError as exc:
            self.status.setText(str(exc))
            return
        row = next((r for r in rows if (r.match.block_id, r.match.start) == (match.block_id, match.start)), None)
        if row is None:
            return
        self.replace_requested.emit([row])
        self._stale.stop()  # the page changed: find again, on from the replaced text
        self.search((match.block_id, match.start + len(row.new)))

    def request_replace_all(self) -> None:
        if self.field.text():
            self.replace_all_requested.emit(self.field.text(), self.replace_field.text(),
                                            self.regex.isChecked(), self.case.isChecked(),
                                            self.whole.isChecked())

    def close_bar(self) -> None:
        self._clear_marks()
        self.hide()
        view = self._editor.text if self._editor is not None else self._raw
        if view is not None:
            view.setFocus()

    def hits(self) -> list:
        """The matches (for tests and the count)."""
        return self.matches()

    def eventFilter(self, obj, event) -> bool:
        if obj in (self.field, self.replace_field):
            key = event.key() if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) else None
            if event.type() == QEvent.Type.ShortcutOverride and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                event.accept()  # Enter here is the field's (find next, replace), not the window's
                return True
            if event.type() == QEvent.Type.KeyPress and key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.type() == QEvent.Type.KeyPress and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.find_previous()
                return True
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Find:"))
        self.field.setPlaceholderText(self.tr("Text to find"))
        self.previous_button.setText("▲")  # arrows: room for the count beside them
        self.previous_button.setToolTip(self.tr("Previous") + " (Shift+Enter)")
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next") + " (Enter)")
        self.case.setText(self.tr("Match case"))
        self.whole.setText(self.tr("Whole word"))
        self.whole.setToolTip(self.tr("Only where the word segmentation has a word of its own "
                                      "(林长 does not find 林长制)"))
        self.regex.setText(self.tr("Regular expression"))
        self.replace_label.setText(self.tr("Replace:"))
        self.replace_field.setPlaceholderText(self.tr("Replacement (\\1 for a group)"))
        self.replace_button.setText(self.tr("Replace"))
        self.replace_button.setToolTip(self.tr("Replace this match and go to the next (Enter)"))
        self.skip_button.setText(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Leave this match and go to the next"))
        self.replace_all_button.setText(self.tr("Replace All…"))
        self.replace_all_button.setToolTip(self.tr("A preview of every match, each can be left out; "
                                                   "one undo step"))
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def changeEvent(self, event) -> None:
        if language_changed(event, self.label):
            self.retranslate()
            if self.isVisible():
                self.search()
        super().changeEvent(event)
