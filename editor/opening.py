"""Opening for the window: a file of one page or many, several files, a folder of pages —
each page an :class:`Opened` ready for the session (safe and meant for a worker thread) —
and the facts the page list shows.

A folder gives the page files it holds (text pages, PDFs, OCR files, NewsML, projects: the
loader's table decides, images and other files are left out), in name order; every page of
a multi-page PDF or project becomes a page of the open project. A file that cannot be read
among several is named in :attr:`Opened.notice` and the others open; when none can be
read, the first one's error is raised.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .i18n import Message, _
from .model import Page
from .project import Project

#: The window opens at most this many pages at once (each page with its geometry is a
#: few MB); past it the first ones open and the notice says how to reach the others.
MAX_WINDOW_PAGES = 60


@dataclass
class Opened:
    """What :func:`load` read: a page's project, what kind of file it was, and (for a
    project file) whether its raw page changed on disk since. ``more``: the other pages
    opened with it (a folder, a multi-page PDF), ``opened_path`` what the user chose."""

    project: Project
    path: str
    kind: str
    raw_changed: bool | None
    line_blocks: dict[int, str]
    more: list["Opened"] = field(default_factory=list)
    opened_path: str = ""
    notice: Message | str = ""

    @property
    def pages(self) -> list["Opened"]:
        return [self, *self.more]


def line_blocks(page: Page) -> dict[int, str]:
    """Raw line → id of the first block made from it."""
    index: dict[int, str] = {}
    for _article, block in page.blocks():
        for span in block.spans:
            index.setdefault(span.line, block.id)
    return index


def _opened(project: Project, kind_hint: str) -> Opened:
    if project.origin is None:  # the page as read (for the change report), here off the GUI thread
        from .changes import origin_of

        project.origin = origin_of(project.page)
    kind = project.opened_as or kind_hint
    raw_changed = project.raw_page_changed() if kind == "project" else None
    first = next((b.id for _a, b in project.page.blocks()), None)
    if first is not None:
        project.page.find_block(first)  # builds the page's id index, here too
    return Opened(project, project.ref or project.page.source, kind, raw_changed, line_blocks(project.page))


def load_files(names: list[str | Path], as_: str | None = None) -> Opened:
    """Every page of the files and folders named, as one Opened (the first page, the
    others in ``more``). InputError when none can be read."""
    from .loader import count_pages, load_documents, page_kind

    files: list[Path] = []
    for name in names:
        path = Path(name)
        files += sorted(p for p in path.iterdir() if page_kind(p)) if path.is_dir() else [path]
    if not files:
        raise InputError(_("no page files in {path}", path=", ".join(str(n) for n in names)))
    pages: list[Opened] = []
    failed: list[str] = []
    first_error: InputError | None = None
    for path in files:
        room = MAX_WINDOW_PAGES - len(pages)
        count = count_pages(path, as_) if room > 0 else 1
        if count > room:
            failed.append(str(_("only the first {n} pages were opened; open the others on their own "
                                "(file.pdf#N) or use the command line", n=MAX_WINDOW_PAGES)))
            if room <= 0:
                break
        try:
            projects = load_documents(path, as_, ((1, room),) if count > room else None)
        except InputError as exc:
            first_error = first_error or exc
            failed.append(f"{path.name}: {exc}")
            continue
        pages += [_opened(p, "page") for p in projects]
    if not pages:
        raise first_error or InputError(_("no page files in {path}", path=str(names[0])))
    head = pages[0]
    head.more, head.opened_path = pages[1:], str(names[0]) if len(names) == 1 else ""
    if failed:
        head.notice = "\n".join(failed)
    return head


# --- the page list --------------------------------------------------------------------

@dataclass(frozen=True)
class PageState:
    label: str
    open_flags: int | None     # None until the page has been checked
    reviewed: int
    articles: int


def origin(open_page) -> tuple[Path, int]:
    """The file a page came from and its page number there (0: the file's only page)."""
    page = open_page.page
    source = page.source_page
    if source is not None:
        return Path(source.path), source.number if source.count > 1 else 0
    return Path(page.source or open_page.path), 0


def page_label(open_page) -> str:
    """A page's name for the page list: its file's name, with ``#N`` for page N of several."""
    path, number = origin(open_page)
    return f"{path.name} #{number}" if number else path.name


def page_state(open_page) -> PageState:
    page = open_page.page
    stories = page.stories
    return PageState(page_label(open_page), len(open_page.flags.open) if open_page.flags.ready else None,
                     sum(1 for a in stories if a.reviewed), len(stories))


def export_stem(open_page) -> str:
    """What an exported page is called: its file's stem, ``stem-p3`` for page 3 of several."""
    path, number = origin(open_page)
    return f"{path.stem}-p{number}" if number else path.stem


def export_all(pages, checks, folder: str | Path, format_id: str, schema=None):
    """Write each page into ``folder`` (see :meth:`Session.export_pages`)."""
    from . import exporters

    suffix = exporters.get(format_id).suffix
    taken: set[str] = set()
    for n, open_page in enumerate(pages, 1):
        stem = export_stem(open_page)
        name, k = f"{stem}{suffix}", 2
        while name in taken:
            name, k = f"{stem}-{k}{suffix}", k + 1
        taken.add(name)
        book, project = open_page.flags, open_page.project
        if not book.ready:
            book.take(*checks.page(open_page.page.copy()))
            book.refilter(project.ignored_rules, project.ignored_flags)
        target = Path(folder) / name
        try:
            errors = exporters.export(open_page.page, target, format_id, flags=book.open, schema=schema)
        except OSError as exc:
            errors = [exc.strerror or str(exc)]
        yield n, len(pages), str(target), errors
