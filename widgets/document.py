"""The open page as the window sees it: path, project, flags, and the work in flight.

A QObject (not a widget) between the views and ``editor/``: it asks the worker thread
to open pages and check them as a whole, keeps the newest results, saves and exports
through the core. After an edit only the blocks it touched are checked again (a few
milliseconds, on this thread), so the flags of every other block stay as they were,
anchored to their block's text. Ignored flags and rules are filtered out here, so that
ignoring (and undoing it) needs no re-check.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from editor.decoding import InputError
from editor.fileio import atomic_write_bytes
from editor.model import BlockKind, Page
from editor.project import Project, save_project

from .workers import DictionaryLoader, Worker, default_check, default_check_blocks, line_blocks

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

    _request_load = Signal(int, str)
    _request_check = Signal(int, object)

    def __init__(self, parent=None, check=default_check, check_blocks=None):
        super().__init__(parent)
        self.page: Page | None = None
        self.path = ""             # the file the user opened (page, project or export)
        self.project_path = ""     # where Save Project writes without asking
        self.raw_changed: bool | None = None  # a project's raw page changed on disk?
        self.project: Project | None = None
        self.flags: list = []      # open flags: not ignored, of blocks that exist
        self._all_flags: list = []  # every flag the rules reported
        self._dirty: set[str] = set()  # blocks to check again after edits
        self._line_blocks: dict[int, str] | None = None  # raw line → block id, built when asked
        self._counts: tuple[int, int] | None = None  # (articles, paragraphs), likewise
        self._structure_changed = False  # blocks came or went since the last re-check
        self.rules: dict = {}
        self.flags_ready = False
        self.dictionary_loaded = False
        self._load_token = 0
        self._check_token = 0
        self._loading = False
        self._checking = False
        self._thread = QThread(self)
        self._thread.setObjectName("jiaodui-worker")
        self._check_blocks = check_blocks or (
            default_check_blocks if check is default_check else _filtered(check))
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
        self._incremental = QTimer(self, singleShot=True, interval=0)
        self._incremental.timeout.connect(self.recheck_now)

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
    def open(self, path: str | Path) -> None:
        """Open a page, project or NewsML file in the background; the current one stays
        until the new one is read (``opened``) or refused (``open_failed``)."""
        self._load_token += 1
        self._loading = True
        self._requested_path = str(path)
        self._request_load.emit(self._load_token, str(path))

    def _on_loaded(self, token: int, project: Project, facts: dict) -> None:
        if token != self._load_token:
            return
        self._loading = False
        opened = project.page.source if facts.get("kind") != "project" else ""
        self.set_project(project, path=opened or self._requested_path,
                         project_path="" if opened else self._requested_path,
                         raw_changed=facts.get("raw_changed"), line_blocks=facts.get("line_blocks"))

    def set_project(self, project: Project, path: str, project_path: str = "",
                    raw_changed: bool | None = None, line_blocks: dict | None = None) -> None:
        """Show this project (just opened, or restored from an autosave)."""
        self._check_token += 1  # results for the previous page are stale now
        self._checking = False
        self._incremental.stop()
        if self.page is not None:
            self.page.unsubscribe(self._on_page_event)
        self.project, self.page = project, project.page
        self.path, self.project_path, self.raw_changed = str(path), str(project_path), raw_changed
        self.flags, self._all_flags, self._dirty, self.flags_ready = [], [], set(), False
        self._line_blocks, self._counts = line_blocks, None  # the worker's, or made when asked
        self._structure_changed = False
        self.page.subscribe(self._on_page_event)
        self.opened.emit(self.page)
        self.flags_changed.emit([])
        # Check once the window has drawn the page: the check competes for the GIL, and a
        # big page should be readable before its flags come.
        QTimer.singleShot(FIRST_CHECK_DELAY_MS, self._first_check)

    def _first_check(self) -> None:
        if not self.flags_ready and not self._checking:
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
        self._all_flags, self.rules, self.flags_ready = list(flags), dict(rules), True
        self.busy_changed.emit(self.is_busy())
        self.refilter()

    def recheck_now(self) -> None:
        """Check again the blocks that edits touched since the last time (and only those)."""
        self._incremental.stop()
        dirty, self._dirty = self._dirty, set()
        if self.page is None or not dirty:
            return
        if self._checking:  # a whole-page check of an older copy is running: redo it instead
            self._check_token += 1
            self._checking = False
            self._recheck.start()
            return
        if not self.flags_ready:
            return
        # after blocks came or went, the flags of blocks that are gone go too; after text
        # or kind changes every flag's block is still there (no need to list 19,000 ids)
        existing = {b.id for _a, b in self.page.blocks()} if self._structure_changed else None
        ids = dirty & existing if existing is not None else {i for i in dirty if self._exists(i)}
        try:
            fresh = list(self._check_blocks(self.page, ids)) if ids else []
        except Exception as exc:  # a broken rule must not take the edit down
            self.check_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self._structure_changed = False
        kept = [f for f in self._all_flags
                if not f.block_id or (f.block_id not in dirty
                                      and (existing is None or f.block_id in existing))]
        self._all_flags = sorted(kept + fresh, key=lambda f: (f.line, f.column, f.rule))
        self.refilter()

    def refilter(self) -> None:
        """Open flags = the rules' flags less the ignored ones (after ignoring or undoing it)."""
        project = self.project
        rules = project.ignored_rules if project else set()
        keys = project.ignored_flags if project else set()
        self.flags = [f for f in self._all_flags if f.rule not in rules and f.key not in keys]
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
        self._line_blocks = self._counts = None
        if event != "block_changed":
            self._structure_changed = True
        self._dirty |= touched_blocks(self.page, event, info)
        self._incremental.start()
        self.page_changed.emit(event, dict(info))

    def _exists(self, block_id: str) -> bool:
        try:
            self.page.find_block(block_id)
        except KeyError:
            return False
        return True

    def block_at_line(self, line: int) -> str:
        """The id of the (first) block made from raw line ``line`` (0-based), or ""."""
        if self.page is None:
            return ""
        if self._line_blocks is None:  # once per edit: then clicks need no scan
            self._line_blocks = line_blocks(self.page)
        return self._line_blocks.get(line, "")

    # --- facts for the status bar ---------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(articles, paragraphs) of the page."""
        if self.page is None:
            return 0, 0
        if self._counts is None:  # once per edit, not once per status update
            paragraphs = sum(1 for _a, b in self.page.blocks() if b.kind == BlockKind.PARAGRAPH)
            self._counts = len(self.page.articles), paragraphs
        return self._counts

    def flag_counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for flag in self.flags:
            counts[str(flag.severity)] = counts.get(str(flag.severity), 0) + 1
        return counts

    def reviewed_count(self) -> int:
        return sum(1 for a in self.page.articles if a.reviewed) if self.page else 0

    # --- saving ---------------------------------------------------------------------
    def save_project(self, path: str | Path) -> None:
        """Write the project (page, ignores, review state, raw page identity) atomically."""
        if self.project is None:
            raise InputError("no page is open")
        save_project(self.project, path)
        self.project_path = str(path)

    def content_problems(self) -> list[str]:
        from editor.newsml import content_problems

        return content_problems(self.page, self.flags) if self.page else []

    def export_newsml(self, path: str | Path, schema: str | Path | None = None) -> list[str]:
        """Write the page as NewsML-G2 (open error flags noted) atomically; with a schema,
        validate first and write nothing if invalid. Returns the schema errors."""
        from editor.newsml import validate_schema, write_newsml

        xml = write_newsml(self.page, flags=self.flags)
        if schema:
            errors = validate_schema(xml, schema)
            if errors:
                return errors
        atomic_write_bytes(path, xml)
        return []


def touched_blocks(page: Page, event: str, info: dict) -> set[str]:
    """Ids of the blocks whose flags an event may change: the blocks themselves, the blocks
    either side (rules looking at the next block report on the earlier one) and the
    article's first block (where "no headline" is reported)."""
    ai = info.get("article")
    if event == "articles_inserted":
        return {b.id for a in page.articles[info["first"]:info["last"] + 1] for b in a.blocks}
    if ai is None or not 0 <= ai < len(page.articles):
        return set()
    blocks = page.articles[ai].blocks
    if event == "block_changed":
        first = last = info.get("index", 0)
    elif event in ("blocks_inserted", "blocks_removed"):
        first, last = info["first"], info["last"]
    else:
        return set()
    wanted = set(range(max(0, first - 1), min(len(blocks), last + 2))) | {0}
    return {blocks[i].id for i in wanted if 0 <= i < len(blocks)}


def _filtered(check):
    """A block check from a whole-page one (for checks without one, e.g. in tests)."""
    def check_blocks(page, ids):
        return [f for f in check(page.copy())[0] if f.block_id in ids]
    return check_blocks
