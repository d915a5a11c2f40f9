"""Work off the GUI thread: jieba's dictionary, opening pages, running the rules.

:class:`DictionaryLoader` loads the dictionary once (about a second); :class:`Worker`
lives in its own thread and opens pages and checks them, one job at a time, through the
session's thread-safe calls (``editor.session.load``, ``Session.check_copy``). Results
carry the token of the request so that the caller can drop stale ones.

A page just read and the flags just found are moved out of the garbage collector's
sight (:func:`settle_in_memory`): a 5 MB page is a few hundred thousand objects, and
every full collection walked them all, holding the GIL for 150–300 ms while the window
waited — on whichever thread happened to allocate next.
"""
from __future__ import annotations

import gc
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from editor.session import InputError, load_files, warm_dictionary, warm_exports


def settle_in_memory() -> None:
    """Exempt the objects alive now (the page just read, its flags) from future garbage
    collections (``gc.freeze``). They are still freed by reference counting when the page
    is closed; only reference cycles among them would stay, and the model has none (page →
    articles → blocks → immutable values; flags are values)."""
    gc.freeze()


class DictionaryLoader(QThread):
    ready = Signal()
    failed = Signal(str)

    def run(self) -> None:
        try:
            warm_dictionary()
        except Exception as exc:  # a broken jieba install must not take the window down
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.ready.emit()
        try:
            warm_exports()  # meanwhile the page is checked; the first export is quick then
        except Exception:  # noqa: BLE001 — the export loads it itself if this failed
            pass


class Worker(QObject):
    loaded = Signal(int, object)          # token, editor.session.Opened
    load_failed = Signal(int, str, str)   # token, path, message
    checked = Signal(int, object, object)  # token, flags, rules
    check_failed = Signal(int, str)

    def __init__(self, session):
        super().__init__()
        self._session = session

    @Slot(int, object)
    def load(self, token: int, request) -> None:
        """``request``: (the files or folders to open, a reader id or None)."""
        paths, as_ = request
        path = paths[0]
        try:
            opened = load_files(paths, as_)
        except InputError as exc:
            self.load_failed.emit(token, path, str(exc))
        except OSError as exc:
            self.load_failed.emit(token, path, f"{exc.strerror or exc}: {path}")
        except Exception as exc:  # a parser bug: say so rather than die silently
            traceback.print_exc()
            self.load_failed.emit(token, path, f"{type(exc).__name__}: {exc}")
        else:
            settle_in_memory()
            self.loaded.emit(token, opened)

    @Slot(int, object)
    def check(self, token: int, page) -> None:
        try:
            flags, rules = self._session.check_copy(page)
        except Exception as exc:
            traceback.print_exc()
            self.check_failed.emit(token, f"{type(exc).__name__}: {exc}")
        else:
            settle_in_memory()
            self.checked.emit(token, flags, rules)
