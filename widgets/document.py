"""The open page as the window sees it: path, page, flags, and the work in flight.

A QObject (not a widget) between the views and ``editor/``: it asks the worker thread
to open and check pages, keeps the newest results, saves and exports through the core,
and re-checks (debounced) whenever the page reports a change.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from editor.decoding import InputError
from editor.model import BlockKind, Page
from editor.project import Project, save_project

from .workers import DictionaryLoader, Worker, default_check

RECHECK_DELAY_MS = 300


class Document(QObject):
    opened = Signal(object)            # Page
    open_failed = Signal(str, str)     # path, message
    flags_changed = Signal(object)     # list[Flag]
    dictionary_ready = Signal()
    busy_changed = Signal(bool)        # the dictionary or a check is running
    check_failed = Signal(str)
    page_changed = Signal(str, dict)   # a model event: name, info (see editor.edits)

    _request_load = Signal(int, str)
    _request_check = Signal(int, object)

    def __init__(self, parent=None, check=default_check):
        super().__init__(parent)
        self.page: Page | None = None
        self.path = ""
        self.project: Project | None = None
        self.flags: list = []
        self.rules: dict = {}
        self.flags_ready = False
        self.dictionary_loaded = False
        self._load_token = 0
        self._check_token = 0
        self._loading = False
        self._checking = False
        self._thread = QThread(self)
        self._thread.setObjectName("jiaodui-worker")
        self._worker = Worker(check)
        self._worker.moveToThread(self._thread)
        self._request_load.connect(self._worker.load)
        self._request_check.connect(self._worker.check)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.load_failed.connect(self._on_load_failed)
        self._worker.checked.connect(self._on_checked)
        self._worker.check_failed.connect(self._on_check_failed)
        self._thread.start()
        self._dictionary = DictionaryLoader(self)
        self._dictionary.ready.connect(self._on_dictionary)
        self._dictionary.failed.connect(self._on_dictionary_failed)
        self._recheck = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.check)

    def start(self) -> None:
        """Begin loading the dictionary (once the window is on screen)."""
        if not self._dictionary.isRunning() and not self.dictionary_loaded:
            self.busy_changed.emit(True)
            self._dictionary.start()

    def shutdown(self) -> None:
        self._recheck.stop()
        self._thread.quit()
        self._thread.wait(5000)
        self._dictionary.wait(5000)

    def is_busy(self) -> bool:
        return not self.dictionary_loaded or self._checking or self._loading

    # --- opening --------------------------------------------------------------------
    def open(self, path: str | Path) -> None:
        """Open a page, project or NewsML file in the background; the current one stays
        until the new one is read (``opened``) or refused (``open_failed``)."""
        self._load_token += 1
        self._loading = True
        self._request_load.emit(self._load_token, str(path))

    def _on_loaded(self, token: int, page: Page) -> None:
        if token != self._load_token:
            return
        self._loading = False
        self._check_token += 1  # results for the previous page are stale now
        self._checking = False
        if self.page is not None:
            self.page.unsubscribe(self._on_page_event)
        self.page = page
        self.path = page.source
        self.project = Project(page, raw_path=page.source)
        self.flags, self.flags_ready = [], False
        page.subscribe(self._on_page_event)
        self.opened.emit(page)
        self.flags_changed.emit([])
        self.check()

    def _on_load_failed(self, token: int, path: str, message: str) -> None:
        if token == self._load_token:
            self._loading = False
            self.open_failed.emit(path, message)

    # --- checking -------------------------------------------------------------------
    def check(self) -> None:
        """Run the rules on a copy of the page once the dictionary is there."""
        if self.page is None or not self.dictionary_loaded:
            return
        self._check_token += 1
        self._checking = True
        self.busy_changed.emit(True)
        self._request_check.emit(self._check_token, self.page.copy())

    def _on_checked(self, token: int, flags, rules) -> None:
        if token != self._check_token:
            return
        self._checking = False
        self.flags, self.rules, self.flags_ready = list(flags), dict(rules), True
        self.busy_changed.emit(self.is_busy())
        self.flags_changed.emit(self.flags)

    def _on_check_failed(self, token: int, message: str) -> None:
        if token == self._check_token:
            self._checking = False
            self.busy_changed.emit(self.is_busy())
            self.check_failed.emit(message)

    def _on_dictionary(self) -> None:
        self.dictionary_loaded = True
        self.busy_changed.emit(self.is_busy())
        self.dictionary_ready.emit()
        self.check()

    def _on_dictionary_failed(self, message: str) -> None:
        self.dictionary_loaded = True  # check without it rather than never
        self.check_failed.emit(message)
        self._on_dictionary()

    def _on_page_event(self, event: str, info: dict) -> None:
        self._recheck.start()
        self.page_changed.emit(event, dict(info))

    # --- facts for the status bar ---------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(articles, paragraphs) of the page."""
        if self.page is None:
            return 0, 0
        paragraphs = sum(1 for _a, b in self.page.blocks() if b.kind == BlockKind.PARAGRAPH)
        return len(self.page.articles), paragraphs

    def flag_counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for flag in self.flags:
            counts[str(flag.severity)] = counts.get(str(flag.severity), 0) + 1
        return counts

    # --- saving ---------------------------------------------------------------------
    def save_project(self, path: str | Path) -> None:
        if self.project is None:
            raise InputError("no page is open")
        save_project(self.project, path)

    def export_newsml(self, path: str | Path) -> None:
        from editor.fileio import atomic_write_bytes
        from editor.newsml import write_newsml  # written by another issue; ImportError until then

        atomic_write_bytes(path, write_newsml(self.page))
