"""What changed: every edit of the page with its line, and the raw text against the
corrected text — of the block of the change chosen, or of the whole page — with the
removals struck through and the additions underlined.

The list and the marks are the session's (:meth:`editor.session.Session.changes`,
:meth:`~editor.session.Session.block_diff`); double-clicking a change (or Enter) goes
to its block in the window; "Save Report…" writes the change report
(``export --changes`` gives the same from the command line).
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QRadioButton, QHBoxLayout, QSplitter, QTextBrowser, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from . import theme


def diff_html(segments) -> str:
    """("=" / "-" / "+", text) runs as HTML: removals struck through, additions underlined."""
    removed, added = theme.color("diff/removed").name(), theme.color("diff/added").name()
    out = []
    for op, text in segments:
        if op != "=":  # a space put in or taken out must be seen
            text = text.replace(" ", "␣").replace("\u3000", "⎵")
        text = html.escape(text).replace("\n", "⏎<br>")
        if op == "-":
            out.append(f'<s style="color:{removed}">{text}</s>')
        elif op == "+":
            out.append(f'<u style="color:{added}"><b>{text}</b></u>')
        else:
            out.append(text)
    return "".join(out)


class ChangesDialog(QDialog):
    go_to = Signal(str)  # a block id

    def __init__(self, session, parent=None):
        super().__init__(parent, objectName="changes_dialog")
        self.session = session
        self.setWindowTitle(self.tr("What Changed"))
        self.changes = session.changes()
        self.summary = QLabel(self.tr("%n change(s) since the page was read:", "", len(self.changes)))
        self.list = QTreeWidget(objectName="changes_list")
        self.list.setHeaderLabels([self.tr("Line"), self.tr("Change")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for change in self.changes:
            item = QTreeWidgetItem([change.where, str(change.describe())])
            item.setToolTip(1, str(change.describe()))
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        self.block_mode = QRadioButton(self.tr("This block"), objectName="diff_block", checked=True)
        self.page_mode = QRadioButton(self.tr("Whole page"), objectName="diff_page")
        self.diff = QTextBrowser(objectName="changes_diff")
        self.diff.setOpenLinks(False)
        editor = getattr(parent, "block_editor", None)
        if editor is not None:  # the text as large as the block editor shows it
            self.diff.setFont(editor.text.font())
        modes = QHBoxLayout()
        modes.addWidget(QLabel(self.tr("Raw text against the corrected text:")))
        modes.addWidget(self.block_mode)
        modes.addWidget(self.page_mode)
        modes.addStretch(1)
        lower = QVBoxLayout()
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addLayout(modes)
        lower.addWidget(self.diff)
        holder = QWidget()
        holder.setLayout(lower)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(holder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(self.tr("Save Report…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("save_report")
        self.save_button.clicked.connect(self.ask_save)
        self.buttons.rejected.connect(self.reject)
        self.result = QLabel(objectName="changes_result")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda *_: self.show_diff())
        self.list.itemActivated.connect(lambda item, _c: self._go(item))
        self.list.itemDoubleClicked.connect(lambda item, _c: self._go(item))
        self.block_mode.toggled.connect(lambda _on: self.show_diff())
        if parent is not None:
            self.resize(max(800, int(parent.width() * 0.7)), max(520, int(parent.height() * 0.75)))
        if self.changes:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.show_diff()

    def _change(self):
        item = self.list.currentItem()
        return self.changes[self.list.indexOfTopLevelItem(item)] if item is not None else None

    def _go(self, item) -> None:
        change = self.changes[self.list.indexOfTopLevelItem(item)]
        if change.block_id:
            self.go_to.emit(change.block_id)

    def show_diff(self) -> None:
        if self.page_mode.isChecked():
            self.diff.setHtml(self.page_html())
            return
        change = self._change()
        if change is None or not change.block_id:
            self.diff.setHtml(html.escape(str(change.describe())) if change else "")
            return
        self.diff.setHtml(diff_html(self.session.block_diff(change.block_id)))

    def page_html(self) -> str:
        """Every block that changed, under its raw lines."""
        shown, parts = set(), []
        for change in self.changes:
            if change.block_id and change.block_id not in shown:
                shown.add(change.block_id)
                parts.append(f"<p><b>{html.escape(change.where)}</b><br>"
                             f"{diff_html(self.session.block_diff(change.block_id))}</p>")
            elif not change.block_id:
                parts.append(f"<p><b>{html.escape(change.where)}</b><br>"
                             f"{diff_html([('-', change.before)])}</p>")
        return "".join(parts)

    def ask_save(self) -> None:
        base = self.session.current.path if self.session.current else ""
        suggested = str(Path(base).with_suffix(".changes.txt")) if base else "changes.txt"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save Report"), suggested,
                                               self.tr("Text (*.txt)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            self.session.save_change_report(path)
        except OSError as exc:
            self.result.setText(self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", str(exc)))
            return False
        self.result.setText(self.tr("Saved %1").replace("%1", path))
        return True
