"""The open project as the window sees it: :class:`editor.session.Session` on threads,
its events as Qt signals.

Everything the project *is* lives in the session (flags, ignores, lookups, policies,
files); this QObject only runs the slow parts off the GUI thread — reading a file and
the whole-page check go to the worker thread, jieba's dictionary to its own — drops
stale results (each request carries a token), and schedules the re-check of the blocks
an edit touched (a few milliseconds, on this thread, once the event loop is free).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from editor.session import Checks, Session

from .workers import DictionaryLoader, Worker

FIRST_CHECK_DELAY_MS = 30  # after opening: time for the first paint
RECHECK_DELAY_MS = 300


class Document(QObject):
    opened = Signal(object)            # Page
    open_failed = Signal(str, str)     # path, message
    flags_changed = Signal(object)     # list[Flag]
    dictionary_ready = Signal()
    busy_changed = Signal(bool)        # the dictionary or a check is running
    check_failed = Signal(str)
    page_changed = Signal(str, dict)   # a model event: name, info (see editor.edits)
    page_shown = Signal(int)           # another of the open pages is shown
    pages_changed = Signal()           # a page's state changed (its flags came)

    _request_load = Signal(int, object)
    _request_check = Signal(int, object)

    def __init__(self, parent=None, checks: Checks | None = None, recovery_dir=None):
        super().__init__(parent)
        self.session = Session(checks, recovery_dir)
        self.session.subscribe(self._on_session_event)
        self.dictionary_loaded = False
        self._load_token = 0
        self._check_token = 0
        self._loading = False
        self._checking = False
        self._requested_path = ""
        self._background: dict[int, object] = {}  # token → OpenPage checked in the background
        self.notice = ""                           # what the last open could not read
        self.opened_path = ""                      # what the user opened (a file or a folder)
        self._thread = QThread(self)
        self._thread.setObjectName("jiaodui-worker")
        self._worker = Worker(self.session)
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
        self._incremental = QTimer(self, singleShot=True, interval=0)
        self._incremental.timeout.connect(self.recheck_now)

    # --- what is open (the session's) -------------------------------------------------
    page = property(lambda self: self.session.page)
    project = property(lambda self: self.session.project)
    flags = property(lambda self: self.session.flags, doc="the open flags")
    flags_ready = property(lambda self: self.session.flags_ready)
    rules = property(lambda self: self.session.rules)
    path = property(lambda self: getattr(self.session.current, "path", ""),
                    doc="the file the user opened")
    project_path = property(lambda self: getattr(self.session.current, "project_path", ""))
    raw_changed = property(lambda self: getattr(self.session.current, "raw_changed", None))

    # --- threads --------------------------------------------------------------------
    def start(self) -> None:
        """Begin loading the dictionary (once the window is on screen)."""
        if not self._dictionary.isRunning() and not self.dictionary_loaded:
            self.busy_changed.emit(True)
            self._dictionary.start()

    def shutdown(self) -> None:
        self._recheck.stop()
        self._incremental.stop()
        self._thread.quit()
        self._thread.wait(5000)
        self._dictionary.wait(5000)

    def is_busy(self) -> bool:
        return not self.dictionary_loaded or self._checking or self._loading

    # --- opening --------------------------------------------------------------------
    def open(self, path: str | Path, as_: str | None = None) -> None:
        """Open a page, project, NewsML, PDF or OCR file (or a folder of them) in the
        background; the current one stays until the new one is read (``opened``) or refused
        (``open_failed``). ``as_``: a reader id, not sniffing the content."""
        self.open_files([path], as_)

    def open_files(self, paths, as_: str | None = None) -> None:
        """Open several files (or folders) as the pages of one project."""
        self._load_token += 1
        self._loading = True
        self._requested_path = str(paths[0])
        self._request_load.emit(self._load_token, ([str(p) for p in paths], as_))

    def _on_loaded(self, token: int, opened) -> None:
        if token != self._load_token:
            return
        self._loading = False
        self._forget_checks()
        self.notice, self.opened_path = opened.notice, opened.opened_path
        self.session.show(opened)

    def show_page(self, index: int) -> None:
        """Show another of the open pages (checked first if it has not been yet)."""
        self.session.show_page(index)

    def set_project(self, project, path: str, project_path: str = "") -> None:
        """Show this project (e.g. one restored from an autosave)."""
        self._forget_checks()
        self.session.set_project(project, path, project_path)

    def set_restored(self, recovery) -> None:
        """Show an autosave (InputError/OSError when it cannot be read)."""
        self._forget_checks()
        self.session.restore(recovery)

    def _forget_checks(self) -> None:
        self._check_token += 1  # results for the previous page are stale now
        self._checking = False
        self._incremental.stop()

    def _on_load_failed(self, token: int, path: str, message: str) -> None:
        if token == self._load_token:
            self._loading = False
            self.open_failed.emit(path, message)

    # --- the session's events -------------------------------------------------------
    def _on_session_event(self, event: str, info: dict) -> None:
        if event == "opened":
            self.opened.emit(self.session.page)
            # Check once the window has drawn the page: the check competes for the GIL,
            # and a big page should be readable before its flags come.
            QTimer.singleShot(FIRST_CHECK_DELAY_MS, self._first_check)
        elif event == "flags":
            self.flags_changed.emit(self.session.flags)
        elif event == "page_shown":
            self._forget_checks()
            self.page_shown.emit(info["index"])
            if not self.flags_ready:
                QTimer.singleShot(FIRST_CHECK_DELAY_MS, self._first_check)
            else:
                self._incremental.start()  # edits made before the page was left
        elif event == "pages":
            self.pages_changed.emit()
        else:
            self._incremental.start()
            self.page_changed.emit(event, info)

    # --- checking -------------------------------------------------------------------
    def _first_check(self) -> None:
        if not self.flags_ready and not self._checking:
            self.check()

    def check(self) -> None:
        """Run the rules on a copy of the page once the dictionary is there."""
        if self.session.page is None or not self.dictionary_loaded:
            return
        self._check_token += 1
        self._checking = True
        self.busy_changed.emit(True)
        self.session.forget_edits()  # the copy has them all
        self._request_check.emit(self._check_token, self.session.snapshot())

    def _on_checked(self, token: int, flags, rules) -> None:
        if token in self._background:
            open_page = self._background.pop(token)
            if open_page is not self.session.current and open_page in self.session.pages:
                self.session.take_flags(flags, rules, page=open_page)
            self._check_next_page()
            return
        if token != self._check_token:
            return
        self._checking = False
        self.session.take_flags(flags, rules)
        self.busy_changed.emit(self.is_busy())
        self._check_next_page()

    def _check_next_page(self) -> None:
        """Check the open pages not shown, one at a time, so that the page list shows
        their flags (the shown page's own checks come first)."""
        if self._background or self._checking:
            return
        waiting = next((p for p in self.session.pages if p is not self.session.current and not p.flags.ready), None)
        if waiting is None or not self.dictionary_loaded:
            return
        self._check_token += 1
        self._background[self._check_token] = waiting
        self._request_check.emit(self._check_token, waiting.page.copy())

    def recheck_now(self) -> None:
        """Check again the blocks that edits touched since the last time (and only those)."""
        self._incremental.stop()
        if not self.session.needs_recheck():
            return
        if self._checking:  # a whole-page check of an older copy is running: redo it instead
            self._check_token += 1
            self._checking = False
            self.session.forget_edits()
            self._recheck.start()
            return
        try:
            self.session.recheck()
        except Exception as exc:  # a broken rule must not take the edit down
            self.check_failed.emit(f"{type(exc).__name__}: {exc}")

    def refilter(self) -> None:
        self.session.refilter()

    def _on_check_failed(self, token: int, message: str) -> None:
        if self._background.pop(token, None) is not None:
            return  # that page is checked again when it is shown
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
