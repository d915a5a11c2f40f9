"""The page list: every page of the open project with its state — open flags (once
checked), reviewed articles of all, saved — and the page shown selected."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


class PageList(QTableWidget):
    page_chosen = Signal(int)

    COLUMNS = 4

    def __init__(self, parent=None):
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("page_list")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.currentCellChanged.connect(lambda row, *_: row >= 0 and self.page_chosen.emit(row))
        self.retranslate()

    def set_pages(self, states, saved: list[bool], current: int) -> None:
        """One row a page (``states``: editor.opening.PageState), the shown one current."""
        with QSignalBlocker(self):
            self.setRowCount(len(states))
            for row, (state, clean) in enumerate(zip(states, saved)):
                flags = "–" if state.open_flags is None else str(state.open_flags)
                cells = (state.label, flags, f"{state.reviewed}/{state.articles}", "" if clean else "●")
                for column, text in enumerate(cells):
                    item = self.item(row, column)
                    if item is None:
                        item = QTableWidgetItem()
                        self.setItem(row, column, item)
                    item.setText(text)
                    if column:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.item(row, 3).setToolTip(self.tr("Saved") if clean else self.tr("Not saved"))
            if 0 <= current < len(states):
                self.setCurrentCell(current, 0)

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Page"), self.tr("Flags"), self.tr("Reviewed"), self.tr("Saved")])

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
