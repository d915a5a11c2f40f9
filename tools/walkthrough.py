"""A walk through the proofreading loop, as a proofreader's hands do it, with screenshots.

Opens each page of :data:`PAGES` in the real window and goes through F8 / Enter / K / A
(fix all, one item left out) / undo / find (a word the raw page breaks over two lines) /
replace one / replace all / export / what changed, saving a screenshot of the screen
after each step. Run it under a display; ``tools/walkthrough.sh`` starts one (Xvfb):

    tools/walkthrough.sh [OUT_DIR] [zh_CN|en]

Adding pages (a folder, once the window opens several) is adding paths to ``PAGES``
(or passing them with ``--page``); each page gets its own numbered set of shots.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The pages walked through, in order.
PAGES = [ROOT / "resources" / "samples" / "liaocheng-page.txt"]

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
PAUSE_MS = 400  # let the window paint before a shot


class Walk:
    def __init__(self, out: Path, language: str, size: tuple[int, int]):
        from widgets.i18n import Translations
        from widgets.main_window import MainWindow
        from widgets.pyside_fix import keep_none_alive
        from widgets.settings import Settings

        keep_none_alive()
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.app.setApplicationDisplayName("jiaodui 校对")
        self.out = out
        self.shots: list[Path] = []
        self._settings_file = tempfile.NamedTemporaryFile(suffix=".ini", delete=False).name
        settings = Settings(QSettings(self._settings_file, QSettings.Format.IniFormat))
        settings.set("ui/language", language)
        self.translations = Translations(self.app)
        self.translations.switch(language)
        self.window = MainWindow(settings, self.translations, recovery_dir=Path(tempfile.mkdtemp()))
        self.window.files.ask_unsaved = lambda: "discard"
        self.window.resize(*size)
        self.window.move(0, 0)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.activate()

    def activate(self) -> None:
        """The window's keys (F8, Enter…) are the active window's: after a dialog, or
        with no window manager to do it, make ours active again."""
        self.window.activateWindow()
        self.wait(self.window.isActiveWindow, 5000)

    # --- doing and seeing -----------------------------------------------------------
    def wait(self, until, timeout_ms: int = 30000) -> None:
        waited = 0
        while not until() and waited < timeout_ms:
            QTest.qWait(50)
            waited += 50
        if not until():
            raise SystemExit(f"walkthrough: timed out waiting ({until})")

    def press(self, key, modifiers=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
        if not self.window.isActiveWindow():
            self.activate()
        widget = widget or self.window.raw_view
        widget.setFocus()
        QTest.keyClick(widget, key, modifiers)
        QTest.qWait(50)

    def shot(self, name: str) -> Path:
        QTest.qWait(PAUSE_MS)
        screen = QGuiApplication.primaryScreen()
        geometry = self.window.frameGeometry()
        image = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        image.save(str(path))
        self.shots.append(path)
        print(f"  {path.name}")
        return path

    def dialog(self, cls, name: str):
        self.wait(lambda: any(d.isVisible() for d in self.window.findChildren(cls, name)))
        return next(d for d in self.window.findChildren(cls, name) if d.isVisible())

    def f8_to(self, rule: str):
        for _ in range(len(self.window.document.flags) + 1):
            self.press(Qt.Key.Key_F8)
            flag = self.window.flags_panel.current_flag()
            if flag is not None and flag.rule == rule:
                return flag
        raise SystemExit(f"walkthrough: no {rule} flag on this page")

    # --- the loop -------------------------------------------------------------------
    def open(self, page: Path) -> None:
        self.window.open_path(page)
        self.wait(lambda: self.window.document.path == str(page) and self.window.document.flags_ready)
        self.shot("opened")

    def review(self) -> None:
        self.press(Qt.Key.Key_F8)
        self.shot("f8-first-flag")
        self.press(Qt.Key.Key_Return)
        self.shot("enter-fixed-next-flag")
        self.f8_to("column-break-join")
        self.press(Qt.Key.Key_K)
        self.shot("k-break-kept")

    def fix_all(self) -> None:
        from widgets.preview_dialog import PreviewDialog

        self.f8_to("column-break-join")
        self.press(Qt.Key.Key_A)
        dialog = self.dialog(PreviewDialog, "fix_all_dialog")
        dialog.list.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
        self.shot("a-fix-all-preview")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        self.shot("a-fix-all-done")
        self.press(Qt.Key.Key_Z, CTRL)
        self.shot("undo-flag-current-again")

    def find_and_replace(self) -> None:
        from widgets.preview_dialog import PreviewDialog

        self.press(Qt.Key.Key_H, CTRL)
        bar = self.window.find_bar
        bar.field.setText("林长")  # as an input method commits it
        bar.whole.setChecked(True)
        for _ in range(len(bar.matches())):  # to the one the raw page breaks over two lines
            current = bar.current()
            if current is not None and len(current.raw) > 1:
                break
            bar.find_next()
        self.shot("find-word-over-two-lines")
        bar.replace_field.setText("林长（试）")
        self.press(Qt.Key.Key_Return, widget=bar.replace_field)
        self.shot("replace-one")
        bar.replace_all_button.click()
        dialog = self.dialog(PreviewDialog, "replace_dialog")
        dialog.list.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
        self.shot("replace-all-preview")
        dialog.reject()
        bar.close_bar()

    def export(self, target: Path) -> None:
        from widgets.export_dialog import ExportDialog

        self.press(Qt.Key.Key_E, CTRL)
        dialog = self.dialog(ExportDialog, "export_dialog")
        dialog.path.setText(str(target))
        dialog.ask_overwrite = lambda _path: True
        self.shot("export-check")
        dialog.export_button.click()
        self.shot("exported")

    def changes(self) -> None:
        from widgets.changes_dialog import ChangesDialog

        self.press(Qt.Key.Key_D, CTRL)
        dialog = self.dialog(ChangesDialog, "changes_dialog")
        self.shot("what-changed")
        dialog.page_mode.click()
        self.shot("what-changed-page")
        dialog.reject()

    def close(self) -> None:
        self.window.close()
        Path(self._settings_file).unlink(missing_ok=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="walk through the proofreading loop, with screenshots")
    ap.add_argument("out", nargs="?", default="walkthrough", help="folder for the screenshots")
    ap.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"), help="the window's language")
    ap.add_argument("--page", action="append", default=[], help="a page to walk (repeatable; default: the sample)")
    ap.add_argument("--size", default="1400x900", help="window size (default: 1400x900)")
    args = ap.parse_args(argv)
    pages = [Path(p).resolve() for p in args.page] or PAGES
    root = Path(args.out)
    walk = None
    for n, page in enumerate(pages, 1):
        out = root / (f"page{n}" if len(pages) > 1 else "")
        out.mkdir(parents=True, exist_ok=True)
        print(f"{page.name} → {out}")
        if walk is None:
            walk = Walk(out, args.lang, tuple(int(v) for v in args.size.split("x")))
        walk.out, walk.shots = out, []
        walk.open(page)
        walk.review()
        walk.fix_all()
        walk.find_and_replace()
        walk.export(out / f"{page.stem}.newsml.xml")
        walk.changes()
    if walk is not None:
        walk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
