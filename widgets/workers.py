"""Work off the GUI thread: jieba's dictionary, opening pages, running the rules.

:class:`DictionaryLoader` loads the dictionary once (about a second); :class:`Worker`
lives in its own thread and opens pages and checks them, one job at a time. Results
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

from editor import words
from editor.decoding import InputError
from editor.loader import load_document


def default_check(page):
    """(flags, rules) from the rules engine."""
    from editor.rules import RULES, check_page

    return list(check_page(page)), dict(RULES)


def default_check_blocks(page, block_ids):
    """Flags of just these blocks (after an edit)."""
    from editor.rules import check_blocks

    return list(check_blocks(page, block_ids))


def line_blocks(page) -> dict[int, str]:
    """Raw line → id of the first block made from it."""
    index: dict[int, str] = {}
    for _article, block in page.blocks():
        for span in block.spans:
            index.setdefault(span.line, block.id)
    return index


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
            words.load()
        except Exception as exc:  # a broken jieba install must not take the window down
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.ready.emit()


class Worker(QObject):
    loaded = Signal(int, object, object)  # token, Project, facts (kind, raw_changed)
    load_failed = Signal(int, str, str)   # token, path, message
    checked = Signal(int, object, object)  # token, flags, rules
    check_failed = Signal(int, str)

    def __init__(self, check=default_check):
        super().__init__()
        self._check = check

    @Slot(int, str)
    def load(self, token: int, path: str) -> None:
        try:
            project = load_document(path)
            kind = project.opened_as
            facts = {"kind": kind,
                     "raw_changed": project.raw_page_changed() if kind == "project" else None}
        except InputError as exc:
            self.load_failed.emit(token, path, str(exc))
        except OSError as exc:
            self.load_failed.emit(token, path, f"{exc.strerror or exc}: {path}")
        except Exception as exc:  # a parser bug: say so rather than die silently
            traceback.print_exc()
            self.load_failed.emit(token, path, f"{type(exc).__name__}: {exc}")
        else:
            facts["line_blocks"] = line_blocks(project.page)  # for the window, not on its thread
            first = next((b.id for _a, b in project.page.blocks()), None)
            if first is not None:
                project.page.find_block(first)  # builds the page's id index, here too
            settle_in_memory()
            self.loaded.emit(token, project, facts)

    @Slot(int, object)
    def check(self, token: int, page) -> None:
        try:
            flags, rules = self._check(page)
        except Exception as exc:
            traceback.print_exc()
            self.check_failed.emit(token, f"{type(exc).__name__}: {exc}")
        else:
            settle_in_memory()
            self.checked.emit(token, flags, rules)
