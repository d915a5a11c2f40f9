"""The page view: the page image beside the raw text, zoomable, with the selected block's
and the current flag's boxes outlined and the words the OCR was unsure of tinted.

The scene is in the page's own units (PDF points, image pixels; :mod:`editor.geometry`),
so boxes are drawn as the core gives them; the image is scaled onto the page. It is drawn
off the GUI thread (a PDF page by PDFium, a scan read by Qt) and dropped if another page
was shown meanwhile. Without an image the page's lines are drawn as outlines, clicks still
work, and the note above the view says why there is no image.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QToolButton,
                               QVBoxLayout, QWidget)

from editor.session import geometry_of, page_image, render_page

from . import theme

# A PDF page is drawn this many pixels wide (zooming past it only magnifies).
RENDER_WIDTH = 2000
ZOOM_STEP = 1.25


class _Signals(QObject):
    done = Signal(int, object, str, bool)  # token, QImage or None, why not, drawing failed


class _ImageJob(QRunnable):
    """Find the page's image (hashing its PDF) and draw it, off the GUI thread."""

    def __init__(self, token: int, project, signals: _Signals):
        super().__init__()
        self.token, self.project, self.signals = token, project, signals

    def run(self) -> None:
        try:
            image = page_image(self.project)
            if not image.kind:
                self._tell(None, str(image.problem), False)
                return
            if image.kind == "pdf":
                width, height, stride, data = render_page(image, RENDER_WIDTH)
                picture = QImage(data, width, height, stride, QImage.Format.Format_RGB888).copy()
            else:
                picture = QImage(image.path)
            if picture.isNull():
                raise ValueError(image.path)
        except Exception as exc:  # a damaged image or PDF: say so, keep the text
            self._tell(None, str(exc), True)
            return
        self._tell(picture, "", False)

    def _tell(self, picture, why: str, failed: bool) -> None:
        try:
            self.signals.done.emit(self.token, picture, why, failed)
        except RuntimeError:  # the view was closed while the page was drawn: nobody to tell
            pass


class _View(QGraphicsView):
    clicked = Signal(QPointF)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.mapToScene(event.position().toPoint()))
        super().mousePressEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
            self.scale(step, step)
            event.accept()
        else:
            super().wheelEvent(event)


class PageView(QWidget):
    line_clicked = Signal(int)    # raw line (0-based)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("page_view")
        self.note = QLabel(objectName="page_view_note", wordWrap=True)
        self.scene = QGraphicsScene(self)
        self.view = _View(self.scene, objectName="page_view_canvas")
        self.view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.view.clicked.connect(self._on_click)
        bar = QHBoxLayout()
        self.buttons = {}
        for name, text in (("out", "−"), ("in", "+"), ("fit", "↔")):
            button = QToolButton(objectName=f"page_zoom_{name}", text=text, autoRaise=True)
            bar.addWidget(button)
            self.buttons[name] = button
        self.buttons["in"].clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.buttons["out"].clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.buttons["fit"].clicked.connect(self.fit_width)
        bar.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_image)
        self._token = 0
        self.geometry = None
        self.image = None            # the QImage shown, if any
        self.problem = ""
        self._marks = {"block": [], "flag": []}
        self._fitted = False
        self.retranslate()

    # --- the page --------------------------------------------------------------------
    def set_page(self, project) -> None:
        """Show this page (a project's page; None for none): its outline now, its image
        when drawn."""
        self._token += 1
        self.scene.clear()
        self._marks = {"block": [], "flag": []}
        self.image, self.problem, self._fitted = None, "", False
        self.geometry = geometry_of(project.page) if project is not None else None
        if project is None:
            self._say("")
            return
        if self.geometry is not None:
            self._draw_outline()
        self._say(self.tr("Drawing the page…"))
        QThreadPool.globalInstance().start(_ImageJob(self._token, project, self._signals))
        self.fit_width()

    def _draw_outline(self) -> None:
        width, height = self.geometry.size
        self.scene.setSceneRect(QRectF(0, 0, width, height))
        self._page_item = self.scene.addRect(QRectF(0, 0, width, height), QPen(QColor("#9e9e9e")),
                                             QBrush(QColor("white")))
        pen = QPen(QColor("#c8c8c8"))
        pen.setCosmetic(True)
        for line in self.geometry.source.lines:
            b = line.box
            self.scene.addRect(QRectF(b.x0, b.y0, b.width, b.height), pen).setZValue(1)
        tint = QColor(255, 152, 0, 90)
        for box, _conf in self.geometry.low_confidence_words():
            item = self.scene.addRect(QRectF(box.x0, box.y0, box.width, box.height), QPen(Qt.PenStyle.NoPen),
                                      QBrush(tint))
            item.setZValue(3)
            item.setData(0, "low_confidence")

    def _on_image(self, token: int, picture, why: str, failed: bool) -> None:
        if token != self._token:
            return  # another page is shown now
        if picture is None:
            self.problem = self.tr("The page image cannot be drawn: %1").replace("%1", why) if failed else why
            self._say(self.problem)
            return
        self.image = picture
        item = self.scene.addPixmap(QPixmap.fromImage(picture))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        width, height = self.geometry.size if self.geometry else (picture.width(), picture.height())
        item.setTransform(QTransform.fromScale(width / picture.width(), height / picture.height()))
        item.setZValue(2)
        self._say("")

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # --- marks -------------------------------------------------------------------------
    def _mark(self, layer: str, boxes, colour: QColor, scroll: bool) -> None:
        for item in self._marks[layer]:
            self.scene.removeItem(item)
        pen = QPen(colour, 2)
        pen.setCosmetic(True)
        self._marks[layer] = [self.scene.addRect(QRectF(b.x0 - 1, b.y0 - 1, b.width + 2, b.height + 2), pen)
                              for b in boxes]
        for item in self._marks[layer]:
            item.setZValue(4 if layer == "flag" else 3.5)
        if scroll and boxes:
            union = boxes[0]
            for b in boxes[1:]:
                union = union.union(b)
            self.view.ensureVisible(QRectF(union.x0, union.y0, union.width, union.height), 40, 40)

    def show_block(self, block) -> None:
        """Outline the selected block (its boxes line by line) and bring it into view."""
        boxes = self.geometry.block_boxes(block) if self.geometry and block is not None else []
        self._mark("block", boxes, theme.color("info"), scroll=True)

    def show_flag(self, flag) -> None:
        """Outline the current flag's place and scroll the image to it (F8)."""
        boxes = self.geometry.flag_boxes(flag) if self.geometry and flag is not None else []
        self._mark("flag", boxes, theme.color("error"), scroll=False)
        if boxes:
            b = boxes[0]
            self.view.centerOn(QPointF((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2))

    def marked(self, layer: str) -> list[QRectF]:
        """The outlined rectangles of a layer ("block", "flag"), for tests and tools."""
        return [item.rect() for item in self._marks[layer]]

    # --- zoom and clicks -----------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        self.view.scale(factor, factor)

    def fit_width(self) -> None:
        rect = self.scene.sceneRect()
        if rect.width() <= 0:
            return
        self.view.resetTransform()
        scale = max(0.01, (self.view.viewport().width() - 4) / rect.width())
        self.view.scale(scale, scale)

    def _on_click(self, point: QPointF) -> None:
        if self.geometry is None:
            return
        line = self.geometry.line_at(point.x(), point.y())
        if line >= 0:
            self.line_clicked.emit(line)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._fitted and self.isVisible() and self.scene.sceneRect().width() > 0:
            self._fitted = True
            self.fit_width()

    def retranslate(self) -> None:
        tips = {"out": self.tr("Zoom out (Ctrl+wheel)"), "in": self.tr("Zoom in (Ctrl+wheel)"),
                "fit": self.tr("Fit the page's width")}
        for name, tip in tips.items():
            self.buttons[name].setToolTip(tip)

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
