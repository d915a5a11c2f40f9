"""Chinese-friendly fonts: the first installed family of a preference list wins."""
from __future__ import annotations

from PySide6.QtGui import QFont

MONO = ["Noto Sans Mono CJK SC", "Sarasa Mono SC", "Source Han Mono SC", "Microsoft YaHei Mono",
        "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei Mono", "monospace"]
SANS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
        "WenQuanYi Micro Hei", "sans-serif"]


def text_font(size: int, mono: bool = True, family: str = "") -> QFont:
    """The raw view's (``mono``) or the block editor's font; ``family`` (the user's choice
    in Preferences) goes first, the CJK list stays behind it for missing characters."""
    font = QFont()
    families = MONO if mono else SANS
    font.setFamilies([family, *families] if family else families)
    font.setPointSize(size)
    if mono:
        font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font
