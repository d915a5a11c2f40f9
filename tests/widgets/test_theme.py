"""Our colours on light and dark palettes, and icons drawn for high-DPI screens."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from editor.model import BlockKind
from widgets import theme

FOREGROUNDS = ["error", "warning", "info", "reviewed", *[k for k in theme.LIGHT if k.startswith("kind/")]]
BACKGROUNDS = ["block_line", "current_line", "search", "current_flag"]


def palette(base: str, text: str) -> QPalette:
    p = QPalette(QApplication.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Base, QColor(base))
        p.setColor(group, QPalette.ColorRole.Window, QColor(base))
        p.setColor(group, QPalette.ColorRole.Text, QColor(text))
        p.setColor(group, QPalette.ColorRole.WindowText, QColor(text))
    return p


LIGHT, DARK = palette("#ffffff", "#000000"), palette("#1e1e1e", "#e0e0e0")


def over(color: QColor, base: QColor) -> QColor:
    a = color.alphaF()
    return QColor.fromRgbF(*(c * a + b * (1 - a) for c, b in
                             zip(color.getRgbF()[:3], base.getRgbF()[:3])))


@pytest.mark.parametrize("pal", [LIGHT, DARK], ids=["light", "dark"])
def test_our_colours_keep_contrast(pal):
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    for name in FOREGROUNDS:  # text drawn in these colours on the view's base
        assert theme.contrast(theme.color(name, pal), base) >= 4.5, name
    for name in BACKGROUNDS:  # the palette's text drawn on these
        assert theme.contrast(over(theme.color(name, pal), base), text) >= 4.5, name


def test_dark_colours_differ_from_light():
    assert theme.is_dark(DARK) and not theme.is_dark(LIGHT)
    for name in FOREGROUNDS + BACKGROUNDS:
        assert theme.color(name, DARK) != theme.color(name, LIGHT), name


def test_a_dark_palette_recolours_the_window(window, qtbot):
    model = window.tree.tree_model()
    headline = next(model.block_index(b.id) for a in window.document.page.articles for b in a.blocks
                    if b.kind == BlockKind.HEADLINE)
    light_kind = headline.data(Qt.ItemDataRole.ForegroundRole).color()
    window.go_to_flag(1)
    light_flags = [s.format.underlineColor() for s in window.raw_view.highlighter.layer("flags")]
    old = QApplication.palette()
    QApplication.setPalette(DARK)
    try:
        qtbot.waitUntil(lambda: [s.format.underlineColor() for s in
                                 window.raw_view.highlighter.layer("flags")] != light_flags)
        assert headline.data(Qt.ItemDataRole.ForegroundRole).color() != light_kind
        assert headline.data(Qt.ItemDataRole.ForegroundRole).color() == theme.color("kind/headline", DARK)
        block = window.raw_view.highlighter.layer("block")[0].format.background().color()
        assert block == theme.color("block_line", DARK)
    finally:
        QApplication.setPalette(old)
    qtbot.waitUntil(lambda: [s.format.underlineColor() for s in
                             window.raw_view.highlighter.layer("flags")] == light_flags)


def test_dots_are_drawn_for_high_dpi():
    icon = theme.dot_icon(QColor("#d32f2f"))
    for scale in (1, 2, 3):
        pixmap = icon.pixmap(QSize(10, 10), scale)
        assert pixmap.devicePixelRatio() == scale
        assert pixmap.size() == QSize(10 * scale, 10 * scale)
