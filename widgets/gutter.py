"""The raw view's gutter: line numbers and one marker per flagged line, by severity.

Placed with ``setViewportMargins`` beside the text and repainted from the view's
``updateRequest`` (Qt's code-editor pattern). It draws; it decides nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from .highlights import severity_color

MARKER = 10  # width of the marker column, pixels


class Gutter(QWidget):
    line_clicked = Signal(int)  # 0-based raw line

    def __init__(self, view):
        super().__init__(view)
        self._view = view
        self._markers: dict[int, str] = {}  # 0-based line → worst severity
        view.blockCountChanged.connect(self.update_width)
        view.updateRequest.connect(self._on_update_request)
        self.update_width()

    def set_markers(self, lines: dict[int, str]) -> None:
        self._markers = dict(lines)
        self.update()

    def markers(self) -> dict[int, str]:
        return dict(self._markers)

    def width_hint(self) -> int:
        digits = len(str(max(1, self._view.blockCount())))
        return 8 + self._view.fontMetrics().horizontalAdvance("9") * digits + MARKER + 4

    def sizeHint(self) -> QSize:
        return QSize(self.width_hint(), 0)

    def update_width(self, *_args) -> None:
        self._view.setViewportMargins(self.width_hint(), 0, 0, 0)

    def place(self) -> None:
        rect = self._view.contentsRect()
        self.setGeometry(QRect(rect.left(), rect.top(), self.width_hint(), rect.height()))

    def _on_update_request(self, rect, dy) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())
        if rect.contains(self._view.viewport().rect()):
            self.update_width()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window().color().darker(104))
        painter.setFont(self._view.font())
        number_color = QColor("#888888")
        current = self._view.textCursor().blockNumber()
        height = self._view.fontMetrics().height()
        text_width = self.width() - MARKER - 6
        for number, top, bottom in self._view.visible_blocks():
            if top > event.rect().bottom():
                break
            if bottom < event.rect().top():
                continue
            painter.setPen(self.palette().text().color() if number == current else number_color)
            painter.drawText(0, int(top), text_width, height, Qt.AlignmentFlag.AlignRight, str(number + 1))
            severity = self._markers.get(number)
            if severity:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(severity_color(severity))
                size = min(MARKER - 2, height - 4)
                painter.drawEllipse(self.width() - MARKER - 1, int(top + (height - size) / 2), size, size)
        painter.end()

    def mousePressEvent(self, event) -> None:
        for number, top, bottom in self._view.visible_blocks():
            if top <= event.position().y() < bottom:
                self.line_clicked.emit(number)
                break
