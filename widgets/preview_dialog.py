"""A preview of a change of many places ("Fix all of this rule", "Replace all"): one row
each, the text before and after, what happens; with ``checkable`` each row can be
unticked. Accepting applies the ticked ones as one undo step (the window does that on
``accepted``, reading :meth:`PreviewDialog.chosen`); double-clicking a row goes there
(``go_to``).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from editor.session import changed_part

WHERE, BEFORE, AFTER, EFFECT = range(4)


class PreviewDialog(QDialog):
    go_to = Signal(int)  # the row double-clicked

    def __init__(self, title: str, summary: str, preview: list[tuple], parent=None,
                 name: str = "preview_dialog", checkable: bool = False):
        """``preview``: (block id, before, after[, what happens, where]) a row; rows of
        three are whole block texts, cut to where they differ."""
        super().__init__(parent, objectName=name)
        self.setWindowTitle(title)
        self._summary = summary
        self.checkable = checkable
        self.summary = QLabel(objectName="preview_summary")
        self.summary.setWordWrap(True)
        self.list = QTreeWidget(objectName="preview_list")
        self.list.setHeaderLabels([self.tr("Line"), self.tr("Before"), self.tr("After"), self.tr("Change")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for row in preview:
            block_id, before, after, *rest = row
            effect, where = (rest + ["", ""])[:2]
            if not rest:
                before, after = changed_part(before, after)
            item = QTreeWidgetItem([where, before, after, effect])
            item.setToolTip(BEFORE, before)
            item.setToolTip(AFTER, after)
            item.setData(0, Qt.ItemDataRole.UserRole, block_id)
            if checkable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(WHERE)
        self.list.setColumnWidth(WHERE, self.list.columnWidth(WHERE) + 24)
        self.list.resizeColumnToContents(EFFECT)
        self.list.itemDoubleClicked.connect(lambda item, _col: self.go_to.emit(self.list.indexOfTopLevelItem(item)))
        self.list.itemChanged.connect(lambda *_: self._update())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        if checkable:
            for text, state, name in ((self.tr("Tick All"), Qt.CheckState.Checked, "tick_all"),
                                      (self.tr("Untick All"), Qt.CheckState.Unchecked, "untick_all")):
                button = QPushButton(text, objectName=name)
                button.clicked.connect(lambda _c=False, s=state: self._tick_all(s))
                self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self._fit(parent)
        self._update()

    def _fit(self, parent) -> None:
        """Big enough to read the rows: most of the window, at least 760 × 420."""
        width, height = 760, 420
        if parent is not None:
            width = max(width, int(parent.width() * 0.7))
            height = max(height, int(parent.height() * 0.6))
        self.resize(width, height)

    def _tick_all(self, state) -> None:
        for i in range(self.list.topLevelItemCount()):
            self.list.topLevelItem(i).setCheckState(0, state)

    def _update(self) -> None:
        n = len(self.chosen())
        self.summary.setText(self._summary + "\n" + self.tr("%n change(s), as one undo step:", "", n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)

    def chosen(self) -> list[int]:
        """The rows ticked (all rows when the dialog is not checkable)."""
        count = self.list.topLevelItemCount()
        if not self.checkable:
            return list(range(count))
        return [i for i in range(count)
                if self.list.topLevelItem(i).checkState(0) == Qt.CheckState.Checked]

    def rows(self) -> list[tuple[str, str]]:
        return [(self.list.topLevelItem(i).text(BEFORE), self.list.topLevelItem(i).text(AFTER))
                for i in range(self.list.topLevelItemCount())]
