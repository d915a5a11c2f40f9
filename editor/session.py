"""The open project, without Qt: its pages, their flags, ignores, lookups, and the
policies of proofreading — everything the window shows is asked of this object.

A :class:`Session` holds :class:`OpenPage`\\ s (one today; a folder of pages or a
multi-page PDF later: each page keeps its own flags, ignores and caches, and
``session.current`` is the one shown). It

* opens files (:func:`load`, safe to call on a worker thread) and takes the result
  (:meth:`Session.show`);
* keeps the flags: a whole-page check runs on a copy of the page (:meth:`Session.snapshot`
  → :meth:`Session.check_copy`, pure, on any thread → :meth:`Session.take_flags`); after
  an edit only the touched blocks are checked again (:meth:`Session.recheck`), the rules
  saying which neighbours they read; ignored flags and rules are filtered out here, so
  ignoring needs no re-check;
* answers the views: the block made from a raw line, counts, open flags by block, the
  worst severity per line and per block;
* decides what an action means: a fix that changes nothing settles (ignores) its flag,
  a block moved to an article goes where its kind belongs, "fix all" and "replace all"
  are one edit each;
* saves, exports (through :mod:`editor.exporters`), autosaves.

Listeners (:meth:`Session.subscribe`) hear ``("opened", {})``, ``("flags", {})`` and the
page's own model events (``("block_changed", info)``, …, see editor/edits.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import exporters, tool_version
from .exporters import EXPORTERS
from .errors import InputError
from .fileio import same_file
from .find import FindError
from .flagbook import Checks, FlagBook, count_paragraphs, rule_title, touched_blocks
from .i18n import Message, _, set_language
from .arrange import CHOICES as HEADLINE_CHOICES, model_index, tree_order
from .model import Page
from .geometry import geometry_of
from .images import page_image, render_page
from .opening import Opened, line_blocks, load_files, page_state
from .policies import FixPlan, Policies
from .project import Project, parse_word_list, read_word_list, save_project, write_word_list
from .rules.base import Flag
from .text import changed_part

#: What the window may use of the core besides the session: the session re-exports the
#: few names it needs (errors it catches, the export formats, the version, the language).
__all__ = ["Session", "OpenPage", "Opened", "FixPlan", "Checks", "FlagBook", "load", "load_files", "line_blocks",
           "warm_dictionary", "warm_exports", "page_image", "render_page", "geometry_of", "readers", "rule_title",
           "touched_blocks", "EXPORTERS", "InputError", "FindError", "set_language", "tool_version", "tree_order",
           "model_index", "HEADLINE_CHOICES", "changed_part", "read_word_list", "parse_word_list",
           "write_word_list"]

Listener = Callable[[str, dict], None]


# --- opening (any thread) --------------------------------------------------------------

def load(path: str | Path, as_: str | None = None) -> Opened:
    """Read a raw page, project, NewsML, PDF or OCR file, or a folder of them
    (InputError when nothing can be read), and make the lookups a view needs at once:
    safe and meant for a worker thread. Every page read is in ``Opened.pages``."""
    return load_files([path], as_)


def readers() -> dict:
    """The readers table (id → Reader: title, file patterns), for the open dialog."""
    from .loader import READERS

    return READERS


def warm_dictionary() -> None:
    """Open the dictionary (its table on disk: a few tens of ms; the first time, when the
    table is made from jieba's dictionary, about 4 s; meant for a worker thread)."""
    from . import words

    words.load()


def warm_exports() -> None:
    """Open what the first export needs besides the dictionary (jieba's keyword table, made
    the first time), so that the first export is not slow."""
    from . import words

    words.keywords("校对")


# --- one page --------------------------------------------------------------------------

class OpenPage:
    """A page being proofread: its project (page + ignores), where it came from, its
    flags, and what edits since the last check touched."""

    def __init__(self, project: Project, path: str = "", project_path: str = "",
                 raw_changed: bool | None = None, line_blocks: dict | None = None):
        self.project, self.page = project, project.page
        self.path = str(path)                  # the file the user opened
        self.project_path = str(project_path)  # where Save writes without asking
        self.raw_changed = raw_changed         # a project's raw page changed on disk?
        self.flags = FlagBook()
        self.dirty: set[str] = set()           # blocks to check again
        self.structure_changed = False         # blocks came or went since the last re-check
        self._line_blocks = line_blocks
        self._paragraphs: int | None = None
        if project.origin is None:  # the page as read: what the change report compares with
            from .changes import origin_of

            project.origin = origin_of(project.page)

    def changed(self, event: str) -> None:
        self._line_blocks = self._paragraphs = None
        if event != "block_changed":
            self.structure_changed = True

    def block_at_line(self, line: int) -> str:
        if self._line_blocks is None:  # once per edit: then clicks need no scan
            self._line_blocks = line_blocks(self.page)
        return self._line_blocks.get(line, "")

    def counts(self) -> tuple[int, int]:
        if self._paragraphs is None:
            self._paragraphs = count_paragraphs(self.page)
        return len(self.page.articles), self._paragraphs


# --- the session -----------------------------------------------------------------------

class Session(Policies):
    def __init__(self, checks: Checks | None = None, recovery_dir: str | Path | None = None):
        self.checks = checks or Checks()
        #: The user's own dictionary, for every project (the window's word list file); each
        #: project adds its own words (``Project.user_words``, "add to dictionary").
        self.global_words: frozenset[str] = frozenset()
        self.pages: list[OpenPage] = []
        self.current: OpenPage | None = None
        self._listeners: list[Listener] = []
        from .recovery import RecoveryStore

        self.recovery = RecoveryStore(recovery_dir) if recovery_dir else None

    # --- what is open ---------------------------------------------------------------
    @property
    def page(self) -> Page | None:
        return self.current.page if self.current else None

    @property
    def project(self) -> Project | None:
        return self.current.project if self.current else None

    @property
    def flags(self) -> list[Flag]:
        """The open flags of the current page (not ignored, of blocks that exist)."""
        return self.current.flags.open if self.current else []

    @property
    def flag_book(self) -> FlagBook:
        return self.current.flags if self.current else FlagBook()

    @property
    def flags_ready(self) -> bool:
        return bool(self.current and self.current.flags.ready)

    @property
    def rules(self) -> dict:
        return self.flag_book.rules

    # --- events ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: str, info: dict | None = None) -> None:
        for listener in list(self._listeners):
            listener(event, dict(info or {}))

    def _on_page_event(self, event: str, info: dict) -> None:
        current = self.current
        current.changed(event)
        current.dirty |= touched_blocks(current.page, event, info, self.checks.reads())
        self._emit(event, info)

    # --- opening --------------------------------------------------------------------
    def show(self, opened: Opened) -> OpenPage:
        """Make what :func:`load` read the open project (all its pages; the first shown)."""
        from .loader import split_ref

        pages = opened.pages
        return self.set_pages([OpenPage(one.project, one.path, split_ref(one.path)[0] if one.kind == "project"
                                        else "", one.raw_changed, one.line_blocks) for one in pages],
                              next((n for n, one in enumerate(pages) if one.project.shown), 0))

    def set_project(self, project: Project, path: str, project_path: str = "",
                    raw_changed: bool | None = None, line_blocks: dict | None = None) -> OpenPage:
        """Open this project (just read, or restored from an autosave) in place of the
        current one."""
        return self.set_pages([OpenPage(project, path, project_path, raw_changed, line_blocks)])

    def set_pages(self, pages: list[OpenPage], index: int = 0) -> OpenPage:
        """Open these pages as the project, page ``index`` shown."""
        if self.current is not None:
            self.current.page.unsubscribe(self._on_page_event)
        self.pages, self.current = pages, pages[index]
        self.current.page.subscribe(self._on_page_event)
        self._emit("opened")
        self._emit("flags")
        return self.current

    def show_page(self, index: int) -> OpenPage | None:
        """Show another of the open pages (each keeps its own flags, ignores and caches)."""
        if not 0 <= index < len(self.pages) or self.pages[index] is self.current:
            return self.current
        self.current.page.unsubscribe(self._on_page_event)
        self.current = self.pages[index]
        self.current.page.subscribe(self._on_page_event)
        self._emit("page_shown", {"index": index})
        self._emit("flags")
        return self.current

    @property
    def index(self) -> int:
        """Which of the open pages is shown."""
        return next((n for n, p in enumerate(self.pages) if p is self.current), 0)

    def page_states(self) -> list:
        """For the page list: each page's name, open flags (None until checked), reviewed
        articles and articles."""
        return [page_state(p) for p in self.pages]

    # --- checking -------------------------------------------------------------------
    def snapshot(self) -> Page | None:
        """A copy of the page for a whole-page check elsewhere (edits cannot reach it)."""
        return self.page.copy() if self.page is not None else None

    def dictionary(self, page: OpenPage | None = None) -> frozenset[str]:
        """The words the misread rule leaves alone on a page (the current one by default):
        its project's and the user's own."""
        target = page or self.current
        return target.project.dictionary(self.global_words) if target else frozenset(self.global_words)

    def check_copy(self, page: Page, user_words: frozenset[str] = frozenset()) -> tuple[list[Flag], dict]:
        """Run the rules over a copy made by :meth:`snapshot` (any thread; pure), with the
        dictionary :meth:`dictionary` gave when the copy was made."""
        return self.checks.page(page, user_words)

    def take_flags(self, flags, rules, page: OpenPage | None = None) -> None:
        """A whole-page check's results for the current page (or another open page)."""
        target = page or self.current
        target.flags.take(flags, rules)
        if target is self.current:
            self.refilter()
        else:
            target.flags.refilter(target.project.ignored_rules, target.project.ignored_flags)
            self._emit("pages")

    def needs_recheck(self) -> bool:
        return bool(self.current and self.current.dirty)

    def recheck(self) -> None:
        """Check again the blocks that edits touched since the last time (and only
        those). A broken rule raises; the flags stay as they were."""
        current = self.current
        if current is None or not current.dirty or not current.flags.ready:
            return
        dirty, current.dirty = current.dirty, set()
        page = current.page
        # after blocks came or went, the flags of blocks that are gone go too; after text
        # or kind changes every flag's block is still there (no need to list 19,000 ids)
        existing = {b.id for _a, b in page.blocks()} if current.structure_changed else None
        ids = dirty & existing if existing is not None else {i for i in dirty if _exists(page, i)}
        fresh = list(self.checks.blocks(page, ids, self.dictionary())) if ids else []
        current.structure_changed = False
        current.flags.merge(fresh, dirty, existing)
        self.refilter()

    def forget_edits(self) -> None:
        """A whole-page check of the current state is coming: nothing to re-check."""
        if self.current is not None:
            self.current.dirty = set()

    def refilter(self) -> None:
        """Open flags = the rules' flags less the ignored ones (after ignoring or undoing it)."""
        if self.current is None:
            return
        project = self.current.project
        self.current.flags.refilter(project.ignored_rules, project.ignored_flags, project.kept_breaks)
        self._emit("flags")

    # --- lookups --------------------------------------------------------------------
    def block_at_line(self, line: int) -> str:
        """The id of the (first) block made from raw line ``line`` (0-based), or ""."""
        return self.current.block_at_line(line) if self.current else ""

    def counts(self) -> tuple[int, int]:
        """(articles, paragraphs) of the page."""
        return self.current.counts() if self.current else (0, 0)

    def flag_counts(self) -> dict[str, int]:
        return self.flag_book.counts()

    def reviewed_count(self) -> int:
        return sum(1 for a in self.page.articles if a.reviewed) if self.page else 0

    def rule_title(self, rule_id: str) -> str:
        return rule_title(rule_id, self.rules)

    def article_of(self, block_id: str) -> str:
        """The id of the article holding this block ("" when it is gone)."""
        try:
            return self.page.articles[self.page.find_block(block_id)[0]].id
        except (KeyError, AttributeError):
            return ""

    # --- files ----------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the project (page, ignores, review state, raw page identity) atomically."""
        if self.current is None:
            raise InputError(_("no page is open"))
        if len(self.pages) > 1:
            from .workset import save_projects

            save_projects([p.project for p in self.pages], path, self.index)
        else:
            save_project(self.current.project, path)
        for open_page in self.pages:
            open_page.project_path = str(path)

    def export_check(self) -> list[Message]:
        """What is still wrong with the content (shown before exporting)."""
        return exporters.export_check(self.page, self.flags) if self.page else []

    def export_problems(self) -> list:
        """:meth:`export_check` with where each problem is (``block_id``, ``flag``)."""
        return exporters.export_problems(self.page, self.flags) if self.page else []

    def export(self, path: str | Path, format_id: str = exporters.DEFAULT,
               schema: str | Path | None = None) -> list[str]:
        """Write the page in ``format_id`` (open error flags noted where the format can),
        validated first and atomically: the validation errors, or [] when written.
        InputError for a path that is a file the page came from (raw page, project)."""
        self.check_target(path)
        return exporters.export(self.page, path, format_id, flags=self.flags, schema=schema)

    def check_target(self, path: str | Path) -> None:
        """InputError when ``path`` is a file the page came from (raw page, project): asked
        before "replace the file?", which would offer to write over the page itself."""
        current = self.current
        if current is not None and same_file(path, current.path, current.project_path,
                                             current.project.raw_path):
            raise InputError(_("refused: {path} is a file this page was opened from", path=str(path)))

    def page_stem(self) -> str:
        """``stem-p3`` when the page shown is page 3 of a file of several, else "" (its name
        is its file's)."""
        from .opening import export_stem, origin

        return export_stem(self.current) if self.current and origin(self.current)[1] else ""

    def export_pages(self, folder: str | Path, format_id: str = exporters.DEFAULT,
                     schema: str | Path | None = None):
        """Write every open page into ``folder`` (``stem.xml``; ``stem-p3.xml`` for page 3 of
        several), checking pages not checked yet: yields (done, total, file, errors)."""
        from .opening import export_all

        return export_all(self.pages, self.checks, folder, format_id, schema, self.global_words)

    def recovery_key(self) -> str:
        first = self.pages[0] if len(self.pages) > 1 else self.current  # one key for all the pages
        return (first.project_path or first.path) if first else ""

    def autosave(self) -> Path | None:
        """Write the unsaved state to the recovery folder (OSError if that fails)."""
        if self.recovery is None or self.current is None:
            return None
        projects = [p.project for p in self.pages] if len(self.pages) > 1 else self.current.project
        return self.recovery.save(projects, self.recovery_key())

    def discard_autosave(self, *keys: str) -> None:
        if self.recovery is not None:
            for key in keys or (self.recovery_key(),):
                self.recovery.discard(key)

    def pending_recovery(self):
        """The newest autosave left behind (after a crash), or None."""
        pending = self.recovery.pending() if self.recovery is not None else []
        return pending[0] if pending else None

    def restore(self, recovery) -> OpenPage:
        """Open an autosave (InputError/OSError when it cannot be read)."""
        from .loader import sniff_path

        projects = recovery.load_all()
        source = recovery.source
        is_project = bool(source) and sniff_path(source) == "project"
        if len(projects) > 1:
            return self.set_pages([OpenPage(p, p.ref or p.page.source, source if is_project else "")
                                   for p in projects])
        return self.set_project(projects[0], path=source or projects[0].page.source,
                                project_path=source if is_project else "")


def _exists(page: Page, block_id: str) -> bool:
    try:
        page.find_block(block_id)
    except KeyError:
        return False
    return True
