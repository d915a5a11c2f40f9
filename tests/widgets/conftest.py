"""Widget tests: fresh settings per test, the real window, flags we choose.

``QT_QPA_PLATFORM=offscreen`` comes from tests/conftest.py. Each test gets its own
settings file (never the user's), and the window's rules are a function of the test's
choosing, so that what F8 lands on is known.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from editor.i18n import Message
from editor.model import BlockKind
from editor.rules.base import Category, Fix, Flag, Severity
from tests.conftest import SAMPLE

@pytest.fixture(scope="session", autouse=True)
def _none_stays_alive():
    """See widgets/pyside_fix.py: without it a long test session aborts."""
    from widgets.pyside_fix import keep_none_alive

    keep_none_alive()


RULES = {"test-start": {"category": "join", "title_zh": "段首测试", "title_en": "Test start",
                        "default_severity": "warning"}}


def flags_for(page) -> list[Flag]:
    """A warning on the first two characters of every paragraph's first line, an error on
    the fourth article's, each with a fix offered."""
    flags = []
    for ai, article in enumerate(page.articles):
        for block in article.blocks:
            if block.kind != BlockKind.PARAGRAPH or not block.spans:
                continue
            span = block.spans[0]
            severity = Severity.ERROR if ai == 3 else Severity.WARNING
            flags.append(Flag("test-start", Category.JOIN, severity, span.line + 1, span.start + 1,
                              span.line + 1, span.start + 3, Message.pair("段首两字", "first two characters"),
                              Fix("replace", block.text[:2][::-1]), 0.8, block.id, 0, 2))
            break
    return flags


def fake_check(page):
    return flags_for(page), RULES


@pytest.fixture
def settings(tmp_path):
    from widgets.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def translations(qapp):
    from widgets.i18n import Translations

    t = Translations(qapp)
    t.switch("en")
    yield t
    t.switch("en")


def make_window(qtbot, settings, translations, check=fake_check, recovery_dir=None):
    """The window, with a recovery folder beside the test's settings (never the user's) and
    "discard" as the answer to "save your changes?" unless a test answers otherwise."""
    from pathlib import Path

    from widgets.main_window import MainWindow

    if recovery_dir is None:
        recovery_dir = Path(settings._store.fileName()).parent / "recovery"
    window = MainWindow(settings, translations, check=check, recovery_dir=recovery_dir)
    window.files.ask_unsaved = lambda: "discard"
    window.files.ask_restore = lambda recovery: False
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, settings, translations):
    """The window with the sample page open and its flags in."""
    window = make_window(qtbot, settings, translations)
    window.open_path(SAMPLE)
    qtbot.waitUntil(lambda: window.document.flags_ready, timeout=20000)
    return window
