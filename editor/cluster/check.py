"""``check SOURCE... --format jsonl --dask ADDRESS|local:N``: the flags of many pages,
checked on a Dask cluster.

Each worker reads its pages (fsspec: files, folders, globs, URLs), opens them as ``check``
does (a project file brings its own dictionary) and returns the JSON lines of their flags;
the client writes them to stdout in the order the pages finish (every line carries its
``path``; sort them if the order matters) and reports each unreadable page on one line of
stderr. Exit codes as ``check``: 0 no error-level flag, 1 some, 2 bad usage, an unreadable
page, or a cluster that could not be reached or was lost.
"""
from __future__ import annotations

import sys

from ..check import flag_line, flags_of, options_from_args
from ..errors import InputError
from ..i18n import _, set_language


def check_chunk(paths: list[str], options: tuple) -> list[dict]:
    """The worker's task: per page its JSON lines, whether any flag is an error, or why it
    could not be read."""
    from ..loader import load_bytes
    from ..rules import Severity
    from . import storage

    settings, words, lang = options
    set_language(lang)
    rows = []
    for path in paths:
        try:
            project = load_bytes(storage.read_source(path), path)
        except InputError as exc:
            rows.append({"path": path, "error": str(exc), "lines": [], "errors": False})
            continue
        flags = flags_of(project, settings, words)
        rows.append({"path": path, "error": "", "lines": [flag_line(f, path) for f in flags],
                     "errors": any(f.severity == Severity.ERROR for f in flags)})
    return rows


def _usage(message) -> int:
    print(f"jiaodui check: {message}", file=sys.stderr)
    return 2


def cmd_check_cluster(args) -> int:
    from ..export import Progress
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
    settings, extra_words = options
    try:
        paths = [s.path for s in storage.list_sources(args.pages)]
    except (ValueError, ImportError, OSError) as exc:  # a protocol this environment cannot open
        return _usage(_("cannot open {path}: {reason}", path=" ".join(args.pages), reason=str(exc) or type(exc).__name__))
    if not paths:
        return _usage(_("no pages to check (empty folder?)"))
    try:
        client, cluster = engine.start(spec)
    except engine.ClusterError as exc:
        return _usage(exc)
    progress = Progress(len(paths), sys.stderr.isatty())
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

    def lost(path, exc):
        return {"path": path, "error": engine.lost_reason(exc), "lines": [], "errors": False}

    try:
        engine.run_chunks(client, check_chunk, engine.chunked(paths, client),
                          (settings, tuple(extra_words), language()), add, lost)
    except engine.ClusterError as exc:
        progress.say(str(exc))
        return 2
    finally:
        progress.clear()
        engine.close(client, cluster)
    return 2 if seen["unreadable"] else 1 if seen["errors"] else 0
