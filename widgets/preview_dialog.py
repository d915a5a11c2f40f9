"""A preview of a change to many blocks ("Fix all of this rule", "Replace all"): what
each block looks like before and after. Accepting it applies the change as one undo step
(the window does that on ``accepted``).
"""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

CONTEXT = 18


def changed_part(before: str, after: str, context: int = CONTEXT) -> tuple[str, str]:
    """The stretch of two texts around where they differ, with a little context."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    lo = max(0, start - context)

    def cut(text: str, end: int) -> str:
        part = text[lo:end + context]
        part = ("…" if lo else "") + part + ("…" if end + context < len(text) else "")
        return part.replace("\n", "⏎")
    return cut(before, end_b), cut(after, end_a)


class PreviewDialog(QDialog):
    def __init__(self, title: str, summary: str, preview: list[tuple[str, str, str]],
                 parent=None, name: str = "preview_dialog"):
        super().__init__(parent, objectName=name)
        self.setWindowTitle(title)
        self.summary = QLabel(summary + "\n" + self.tr("%n block(s) will change, as one undo step:",
                                                      "", len(preview)))
        self.list = QTreeWidget(objectName="preview_list")
        self.list.setHeaderLabels([self.tr("Before"), self.tr("After")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for block_id, before, after in preview:
            item = QTreeWidgetItem(list(changed_part(before, after)))
            item.setToolTip(0, before)
            item.setToolTip(1, after)
            item.setData(0, 256, block_id)
            self.list.addTopLevelItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(720, 360)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.list.topLevelItem(i).text(0), self.list.topLevelItem(i).text(1))
                for i in range(self.list.topLevelItemCount())]
