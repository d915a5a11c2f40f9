"""What a cluster run works on: the pages of the SOURCEs, found as ``export`` finds them.

The client lists the files (:func:`editor.cluster.storage.list_sources`); the workers look
at them (:func:`survey_chunk`: whether a file of a folder or a glob is a page file,
:func:`editor.loader.page_kind`, and how many pages it holds,
:func:`editor.loader.count_pages`), so that a big archive's files are not all opened on one
machine; then the client names the pages as ``export`` does
(:func:`editor.export.page_refs`): a file of one page is itself, page N of a PDF of several
is ``file#N`` and goes to ``stem-pN``; ``--pages`` chooses among them.
"""
from __future__ import annotations

import posixpath

from ..errors import InputError


def survey_chunk(items: list[tuple[str, bool]], as_: str | None) -> list[dict]:
    """The worker's task: for each ``(file, listed)`` whether it is a page file (asked only
    of a listed one: a file the user named is a page, to fail as one if it is not) and how
    many pages it holds."""
    from ..loader import count_pages, page_kind
    from . import storage

    rows = []
    for path, listed in items:
        row = {"path": path, "page": not listed, "count": 1}
        try:
            with storage.local_copy(path) as local:
                row["page"] = not listed or page_kind(local) is not None
                if row["page"]:
                    row["count"] = count_pages(local, as_)
        except InputError:  # a URL that cannot be read: no page of a folder; named, it fails as one
            pass
        rows.append(row)
    return rows


def pages_of(client, sources: list, as_: str | None, pages) -> tuple[list[tuple[str, str, str]], list[str]]:
    """``(file, page, stem)`` for every page of the sources in order (``stem``: the output's
    name below DEST without the suffix), and the listed files that are no pages."""
    from ..export import page_refs
    from ..loader import split_ref
    from . import engine

    stems: dict[str, str] = {}
    todo = []
    for source in sources:
        base, ref = split_ref(source.path)
        name = source.name[:len(source.name) - (len(source.path) - len(base))] if ref else source.name
        stems[base] = posixpath.splitext(name)[0]
        if not ref:  # one page named: nothing to look at
            todo.append((source.path, source.listed))
    found: dict[str, dict] = {}

    def add(rows):
        found.update((row["path"], row) for row in rows)

    def lost(item, _exc):  # a file that kills its worker: a page, to fail alone
        return {"path": item[0], "page": True, "count": 1}

    engine.run_chunks(client, survey_chunk, engine.chunked(todo, client), as_, add, lost)
    kept = [s.path for s in sources if found.get(s.path, {"page": True})["page"]]
    skipped = [s.path for s in sources if not found.get(s.path, {"page": True})["page"]]
    refs = page_refs(kept, as_, pages, count=lambda path, _as: found[path]["count"], stem=stems.__getitem__)
    return [(split_ref(ref)[0], ref, stem) for ref, stem in refs], skipped
