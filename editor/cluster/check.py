"""``check SOURCE... --format jsonl --dask ADDRESS|local:N``: the flags of many pages,
checked on a Dask cluster.

The pages are found as for ``export --dask`` (:mod:`.plan`: the page files of folders and
globs, a PDF's pages one by one, ``--pages``); each worker opens its pages as ``check`` does
(``--as``, ``--encoding``; a project file brings its own dictionary) and returns the JSON
lines of their flags; the client writes them to stdout in the order the pages finish (every
line carries its ``path``, ``file`` or ``file#N``; sort them if the order matters) and
reports each unreadable page on one line of stderr. Exit codes as ``check``: 0 no
error-level flag, 1 some, 2 bad usage, an unreadable page, or a cluster that could not be
reached or was lost.
"""
from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass

from ..check import flag_line, flags_of, options_from_args
from ..errors import InputError
from ..i18n import _, set_language


@dataclass(frozen=True)
class Options:
    """What every page is checked with."""

    settings: object
    words: tuple[str, ...]
    pages: object
    as_: str | None
    encoding: str | None
    lang: str


def check_chunk(items: list[tuple[str, str]], options: Options) -> list[dict]:
    """The worker's task: per page ``(file, page)`` its JSON lines, whether any flag is an
    error, or why it could not be read. A file's pages are read from one copy."""
    from . import storage

    set_language(options.lang)
    rows = []
    for file, group in itertools.groupby(items, key=lambda item: item[0]):
        group = list(group)
        try:
            with storage.local_copy(file) as local:
                rows += [check_one(local, file, page, options) for _file, page in group]
        except InputError as exc:  # a URL that cannot be read
            rows += [{"path": page, "error": str(exc), "lines": [], "errors": False} for _file, page in group]
    return rows


def check_one(local: str, file: str, page: str, options: Options) -> dict:
    from ..rules import Severity
    from . import storage

    try:
        projects = storage.documents(local, file, page, options.as_, options.pages, options.encoding)
    except InputError as exc:
        return {"path": page, "error": str(exc), "lines": [], "errors": False}
    flags = [(project.ref, f) for project in projects for f in flags_of(project, options.settings, options.words)]
    return {"path": page, "error": "", "lines": [flag_line(f, path) for path, f in flags],
            "errors": any(f.severity == Severity.ERROR for _path, f in flags)}


def _usage(message) -> int:
    print(f"jiaodui check: {message}", file=sys.stderr)
    return 2


def cmd_check_cluster(args) -> int:
    from ..i18n import language
    from . import engine, storage

    try:
        spec = engine.spec_of(args.dask)
    except engine.ClusterError as exc:
        return _usage(exc)
    if args.format != "jsonl" or getattr(args, "report", False):
        return _usage(_("--dask writes the flags as JSON lines: use {option} (and no --report)", option="--format jsonl"))
    options = options_from_args(args)
    if isinstance(options, int):
        return options
    settings, extra_words, pages = options
    try:
        sources = storage.list_sources(args.pages)
    except (ValueError, ImportError, OSError) as exc:  # a protocol this environment cannot open
        return _usage(_("cannot open {path}: {reason}", path=" ".join(args.pages), reason=str(exc) or type(exc).__name__))
    if not sources:
        return _usage(_("no pages to check (empty folder?)"))
    try:
        client, cluster = engine.start(spec)
    except engine.ClusterError as exc:
        return _usage(exc)
    try:
        return _check(args, client, sources, Options(settings, tuple(extra_words), pages, getattr(args, "as_", None),
                                                     getattr(args, "encoding", None), language()))
    except engine.ClusterError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        engine.close(client, cluster)


def _check(args, client, sources: list, options: Options) -> int:
    from ..export import Progress, say_skipped
    from . import engine, plan

    refs, skipped = plan.pages_of(client, sources, options.as_, options.pages)
    say_skipped(skipped, False)
    if not refs:
        return _usage(_("no pages to check (empty folder?)"))
    progress = Progress(len(refs), sys.stderr.isatty())
    seen = {"unreadable": False, "errors": False}

    def add(rows):
        for row in rows:
            if row["error"]:
                progress.say(f"{row['path']}: {row['error']}")
                seen["unreadable"] = True
            sys.stdout.writelines(row["lines"])
            seen["errors"] |= row["errors"]
            progress.step()
        sys.stdout.flush()

    def lost(item, exc):
        return {"path": item[1], "error": engine.lost_reason(exc), "lines": [], "errors": False}

    try:
        engine.run_chunks(client, check_chunk, engine.chunked([(f, p) for f, p, _s in refs], client), options,
                          add, lost)
    finally:
        progress.clear()
    return 2 if seen["unreadable"] else 1 if seen["errors"] else 0
