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
from .edits import Edit, EditError, MoveBlock
from .errors import InputError
from .fileio import same_file
from .find import FindError
from .flagbook import Checks, FlagBook, count_paragraphs, rule_title, touched_blocks
from .i18n import Message, _, set_language
from .ignores import SetIgnored, ignore_flag, ignore_rule
from .model import Page
from .project import Project, save_project
from .rules.base import Flag

#: What the window may use of the core besides the session: the session re-exports the
#: few names it needs (errors it catches, the export formats, the version, the language).
__all__ = ["Session", "OpenPage", "Opened", "FixPlan", "Checks", "FlagBook", "load", "line_blocks",
           "warm_dictionary", "rule_title", "touched_blocks", "EXPORTERS", "InputError", "FindError",
           "set_language", "tool_version"]

Listener = Callable[[str, dict], None]


# --- opening (any thread) --------------------------------------------------------------

@dataclass
class Opened:
    """What :func:`load` read: the project, what kind of file it was, and (for a project
    file) whether its raw page changed on disk since."""

    project: Project
    path: str
    kind: str
    raw_changed: bool | None
    line_blocks: dict[int, str]


def load(path: str | Path) -> Opened:
    """Read a raw page, project or NewsML file (InputError when it cannot be read), and
    make the lookups a view needs at once: safe and meant for a worker thread."""
    from .loader import load_document

    project = load_document(path)
    kind = project.opened_as
    raw_changed = project.raw_page_changed() if kind == "project" else None
    first = next((b.id for _a, b in project.page.blocks()), None)
    if first is not None:
        project.page.find_block(first)  # builds the page's id index, here too
    return Opened(project, str(path), kind, raw_changed, line_blocks(project.page))


def line_blocks(page: Page) -> dict[int, str]:
    """Raw line → id of the first block made from it."""
    index: dict[int, str] = {}
    for _article, block in page.blocks():
        for span in block.spans:
            index.setdefault(span.line, block.id)
    return index


def warm_dictionary() -> None:
    """Load jieba's dictionary (about a second; meant for a worker thread)."""
    from . import words

    words.load()


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

@dataclass
class FixPlan:
    """What acting on a flag means: an edit to push, or an ignore to push (a choice that
    changes nothing settles the flag), or a reason why nothing can be done."""

    edit: Edit | None = None
    ignore: SetIgnored | None = None
    refusal: Message | None = None
    stale: bool = False  # the flag no longer fits the text: check again


class Session:
    def __init__(self, checks: Checks | None = None, recovery_dir: str | Path | None = None):
        self.checks = checks or Checks()
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
        """Make what :func:`load` read the open project."""
        from_project = opened.kind == "project"
        path = opened.project.page.source if not from_project else ""
        return self.set_project(opened.project, path or opened.path,
                                opened.path if from_project else "", opened.raw_changed,
                                opened.line_blocks)

    def set_project(self, project: Project, path: str, project_path: str = "",
                    raw_changed: bool | None = None, line_blocks: dict | None = None) -> OpenPage:
        """Open this project (just read, or restored from an autosave) in place of the
        current one."""
        if self.current is not None:
            self.current.page.unsubscribe(self._on_page_event)
        self.current = OpenPage(project, path, project_path, raw_changed, line_blocks)
        self.pages = [self.current]
        self.current.page.subscribe(self._on_page_event)
        self._emit("opened")
        self._emit("flags")
        return self.current

    # --- checking -------------------------------------------------------------------
    def snapshot(self) -> Page | None:
        """A copy of the page for a whole-page check elsewhere (edits cannot reach it)."""
        return self.page.copy() if self.page is not None else None

    def check_copy(self, page: Page) -> tuple[list[Flag], dict]:
        """Run the rules over a copy made by :meth:`snapshot` (any thread; pure)."""
        return self.checks.page(page)

    def take_flags(self, flags, rules) -> None:
        """A whole-page check's results for the current page."""
        self.current.flags.take(flags, rules)
        self.refilter()

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
        fresh = list(self.checks.blocks(page, ids)) if ids else []
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
        self.current.flags.refilter(project.ignored_rules, project.ignored_flags)
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

    # --- what actions mean ----------------------------------------------------------
    def fix_plan(self, flag: Flag, action: str = "") -> FixPlan:
        """Carry out the flag's fix, or with ``action`` "join" / "keep_break" that choice
        (the fix or its alternative). A choice that changes nothing (accepting a join the
        parser made) settles the flag: it is ignored from now on."""
        from .fixes import edit_for_flag

        fix = flag.fix
        if action and action not in (fix.action, fix.alternative):
            return FixPlan(refusal=_("This flag offers no such choice."))
        alternative = bool(action) and action != fix.action
        if (fix.alternative if alternative else fix.action) in ("", "none"):
            return FixPlan(refusal=_("No automatic fix: edit the text, or ignore the flag."))
        try:
            edit = edit_for_flag(self.page, flag, alternative=alternative)
        except EditError as exc:
            return FixPlan(refusal=exc.message, stale=True)
        return FixPlan(edit=edit) if edit is not None else FixPlan(ignore=ignore_flag(flag.key))

    def fix_all(self, rule_id: str):
        """(one edit fixing every open flag of the rule, preview) — (None, []) if none;
        EditError when a flag no longer fits."""
        from .fixes import fix_all_edit

        return fix_all_edit(self.page, [f for f in self.flags if f.rule == rule_id])

    def replace_all(self, pattern: str, replacement: str, regex: bool, case: bool):
        """(one edit, count, preview) replacing every match in the page's blocks;
        FindError for a bad pattern."""
        from .find import replace_all, replace_preview

        changes = replace_preview(self.page, pattern, replacement, regex, case)
        edit, count = replace_all(self.page, pattern, replacement, regex, case)
        return edit, count, [(bid, before, after) for bid, before, after, _n in changes]

    def find(self, pattern: str, regex: bool, case: bool):
        from .find import find_all

        return find_all(self.page, pattern, regex, case)

    @staticmethod
    def ignore_flag(flag: Flag) -> SetIgnored:
        return ignore_flag(flag.key)

    @staticmethod
    def ignore_rule(rule_id: str) -> SetIgnored:
        return ignore_rule(rule_id)

    def move_block(self, block_id: str, article_id: str, index: int | None = None) -> MoveBlock:
        """Moving a block into an article: at ``index``, or where its kind belongs
        (headings after the article's leading headings, anything else at the end)."""
        page = self.page
        if index is None:
            target = page.articles[page.article_index(article_id)]
            blocks = [b for b in target.blocks if b.id != block_id]
            if page.block(block_id).kind.is_heading:
                index = next((i for i, b in enumerate(blocks) if not b.kind.is_heading), len(blocks))
            else:
                index = len(blocks)
            if block_id in [b.id for b in target.blocks[:index + 1]]:
                index += 1  # MoveBlock counts the block's own slot in its article
        return MoveBlock(block_id, article_id, index)

    # --- files ----------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the project (page, ignores, review state, raw page identity) atomically."""
        if self.current is None:
            raise InputError(_("no page is open"))
        save_project(self.current.project, path)
        self.current.project_path = str(path)

    def export_check(self) -> list[Message]:
        """What is still wrong with the content (shown before exporting)."""
        return exporters.export_check(self.page, self.flags) if self.page else []

    def export(self, path: str | Path, format_id: str = exporters.DEFAULT,
               schema: str | Path | None = None) -> list[str]:
        """Write the page in ``format_id`` (open error flags noted where the format can),
        validated first and atomically: the validation errors, or [] when written.
        InputError for a path that is a file the page came from (raw page, project)."""
        current = self.current
        if current is not None and same_file(path, current.path, current.project_path,
                                             current.project.raw_path):
            raise InputError(_("refused: {path} is a file this page was opened from", path=str(path)))
        return exporters.export(self.page, path, format_id, flags=self.flags, schema=schema)

    def recovery_key(self) -> str:
        return (self.current.project_path or self.current.path) if self.current else ""

    def autosave(self) -> Path | None:
        """Write the unsaved state to the recovery folder (OSError if that fails)."""
        if self.recovery is None or self.current is None:
            return None
        return self.recovery.save(self.current.project, self.recovery_key())

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

        project = recovery.load()
        source = recovery.source
        is_project = bool(source) and sniff_path(source) == "project"
        return self.set_project(project, path=source or project.page.source,
                                project_path=source if is_project else "")


def _exists(page: Page, block_id: str) -> bool:
    try:
        page.find_block(block_id)
    except KeyError:
        return False
    return True
