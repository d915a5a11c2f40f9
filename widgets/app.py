"""Start the window: ``python main.py [PAGE]``.

With no page, the most recent file is reopened, and on the very first run the bundled
sample page opens so that a new user sees the tool at work at once.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths

SAMPLE = paths.sample_page()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jiaodui", add_help=False)
    parser.add_argument("page", nargs="?", help="a raw page, project or NewsML-G2 file")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help=argparse.SUPPRESS)
    parser.add_argument("--settings", help=argparse.SUPPRESS)    # an .ini file instead of the user's
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)  # save a PNG once flags are in, quit
    parser.add_argument("--size", default="1500x950", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


def page_to_open(args, settings) -> str | None:
    if args.page:
        return args.page
    recent = [p for p in settings.recent_files() if Path(p).is_file()]
    if recent:
        return recent[0]
    return str(SAMPLE) if SAMPLE.is_file() else None


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .i18n import Translations
    from .main_window import MainWindow
    from .pyside_fix import keep_none_alive
    from .settings import Settings

    keep_none_alive()
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName("jiaodui")
    app.setApplicationName("jiaodui")
    app.setApplicationDisplayName("jiaodui 校对")
    store = QSettings(args.settings, QSettings.Format.IniFormat) if args.settings else QSettings()
    settings = Settings(store)
    if args.lang:
        settings.set("ui/language", args.lang)
    translations = Translations(app)
    translations.switch(settings.get("ui/language"))
    window = MainWindow(settings, translations)
    if args.screenshot:
        width, height = (int(n) for n in args.size.split("x"))
        window.resize(width, height)
        _screenshot_when_ready(window, args.screenshot)
    window.show()
    if not window.files.offer_recovery():  # after a crash: the unsaved work first
        path = page_to_open(args, settings)
        if path:
            window.open_path(path)
    return app.exec()


def _screenshot_when_ready(window, target: str) -> None:
    """Once the flags are in: go to the first flag (as F8 would), grab the window, quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def grab():
        window.grab().save(target)
        print(f"screenshot saved to {target}")
        window.close()
        QApplication.quit()

    def when_drawn(tries: int = 100):  # the page image, if the page has one, is drawn off-thread
        view = window.pages.view
        if tries and window.pages.view_dock.isVisible() and view.image is None and not view.problem:
            QTimer.singleShot(100, lambda: when_drawn(tries - 1))
        else:
            QTimer.singleShot(500, grab)

    def on_flags(_flags):
        if window.document.flags_ready:
            window.document.flags_changed.disconnect(on_flags)
            window.go_to_flag(1)
            when_drawn()

    window.document.flags_changed.connect(on_flags)
