"""Our own colours, readable on light and dark palettes, and crisp icons at any scale.

Qt follows the system's colour scheme (``QStyleHints.colorScheme``) with its palette;
the colours we choose ourselves — flag severities, highlight layers, block kinds in the
tree — come in a light and a dark variant, picked by the palette the window is actually
drawn with (a style that ignores the system scheme keeps a light palette, and then the
light colours are the readable ones).
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

LIGHT = {
    "error": "#d32f2f", "warning": "#b35900", "info": "#1976d2", "other": "#757575",
    "block_line": "#e8f0fe", "current_line": "#f5f5f5", "search": "#ffe066",
    "current_flag": "#5aff8c00",  # #AARRGGBB
    "reviewed": "#2e7d32", "diff/removed": "#c62828", "diff/added": "#1b5e20",
    "kind/kicker": "#6a1b9a", "kind/headline": "#0d47a1", "kind/subtitle": "#1565c0",
    "kind/byline": "#2e7d32", "kind/dateline": "#2e7d32", "kind/caption": "#795548",
    "kind/intertitle": "#37474f", "kind/unassigned": "#c62828", "kind/furniture": "#616161",
}
DARK = {
    "error": "#ff7070", "warning": "#ffa726", "info": "#64b5f6", "other": "#9e9e9e",
    "block_line": "#1f3a5f", "current_line": "#2e3238", "search": "#6b5900",
    "current_flag": "#73ff8c00",
    "reviewed": "#81c784", "diff/removed": "#ef9a9a", "diff/added": "#a5d6a7",
    "kind/kicker": "#ce93d8", "kind/headline": "#90caf9", "kind/subtitle": "#81d4fa",
    "kind/byline": "#81c784", "kind/dateline": "#81c784", "kind/caption": "#bcaaa4",
    "kind/intertitle": "#b0bec5", "kind/unassigned": "#ef9a9a", "kind/furniture": "#bdbdbd",
}


def is_dark(palette: QPalette | None = None) -> bool:
    """Is text drawn light on dark? (The palette decides: it is what the user sees.)"""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def color(name: str, palette: QPalette | None = None) -> QColor:
    table = DARK if is_dark(palette) else LIGHT
    return QColor(table.get(name, table["other"]))


def severity_color(severity: str, palette: QPalette | None = None) -> QColor:
    return color(str(severity) if str(severity) in ("error", "warning", "info") else "other", palette)


def kind_color(kind, palette: QPalette | None = None) -> QColor | None:
    """The tree's text colour for a block kind (None: the palette's own text colour)."""
    name = f"kind/{kind}"
    return color(name, palette) if name in LIGHT else None


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dot_icon(fill: QColor, size: int = 10) -> QIcon:
    """A round dot, drawn at 1×, 2× and 3× so it stays crisp on high-DPI screens."""
    return _dot(fill.rgba(), size)


@lru_cache(maxsize=64)
def _dot(rgba: int, size: int) -> QIcon:
    icon = QIcon()
    for scale in (1, 2, 3):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromRgba(rgba))
        painter.drawEllipse(1, 1, size - 2, size - 2)  # logical pixels: the painter scales
        painter.end()
        icon.addPixmap(pixmap)
    return icon
