"""``export SOURCE... -o DEST --dask ADDRESS|local:N``: the batch export on a Dask cluster,
resumable.

The client lists the pages (fsspec), reads DEST's manifest and lists DEST once, then sends
chunks of ``(source, output, hash it is done with)`` to the workers. A worker reads each
page, hashes it, skips it when the hash is the one it is done with, else exports it exactly
as ``export --jobs 1`` does (:func:`editor.export.export_page`) and writes the file
atomically; the client appends the rows to the manifest as chunks come back, reports each
failed page on one line and draws the progress bar. Output names are the page's name below
its folder or glob with the format's suffix (``scans/1950/p1.txt`` from ``scans/**/*.txt``
→ ``DEST/1950/p1.xml``; a flat folder gives the same names as ``export --jobs``).

Exit codes as ``export``: 0 every page exported or already done, 1 some failed, 2 bad usage,
no page could be read, or the cluster could not be reached or was lost (the pages finished
so far are in the manifest: run again to go on).
"""
from __future__ import annotations

import posixpath
import sys
import time

from .. import exporters
from ..errors import InputError
from ..export import Batch, Progress, _usage, batch_from_args, export_page, unique_names
from ..i18n import _, set_language
from .engine import lost_reason


def export_chunk(jobs: list[tuple[str, str, str | None]], batch: Batch) -> list[dict]:
    """The worker's task: a manifest row per page (``status: skipped`` for a page done)."""
    set_language(batch.lang)
    return [export_one(source, output, done, batch) for source, output, done in jobs]


def export_one(source: str, output: str, done: str | None, batch: Batch) -> dict:
    from . import manifest, storage

    start = time.perf_counter()
    row = {"source": source, "hash": "", "output": output, "status": "unreadable", "error": "",
           "seconds": 0.0, "format": batch.format_id, "sent": batch.sent, "warnings": []}
    try:
        data = storage.read_source(source)
    except InputError as exc:
        row["error"] = str(exc)
        return row
    row["hash"] = manifest.source_hash(data)
    if row["hash"] == done:
        return {**row, "status": "skipped"}
    result = export_page(source, output, batch.strict, batch.schema, batch.sent, batch.format_id,
                         data=data, write=storage.write_output)
    row.update(status="ok" if result.ok else "unreadable" if result.unreadable else "failed",
               error=str(result.error), warnings=[str(w) for w in result.warnings],
               seconds=round(time.perf_counter() - start, 4))
    return row


def plan(args, batch: Batch) -> list[tuple[str, str, str | None]]:
    """``(source, output, done hash)`` for every page named; ValueError/ImportError/OSError
    for a SOURCE or DEST that cannot be listed, NotADirectoryError when DEST is a file."""
    from . import manifest, storage

    sources = storage.list_sources(args.pages)
    storage.prepare_dest(args.output)
    suffix = exporters.get(batch.format_id).suffix
    names = unique_names([posixpath.splitext(s.name)[0] for s in sources], suffix)
    rows, present = manifest.read_manifest(args.output), storage.list_outputs(args.output)
    jobs = []
    for source, name in zip(sources, names):
        output = storage.join(args.output, name)
        jobs.append((source.path, output, manifest.done_hash(rows, source.path, output, name in present)))
    return jobs


class Tally:
    """What the run did, and the manifest rows as they come."""

    def __init__(self, writer, progress: Progress):
        self.writer, self.progress = writer, progress
        self.counts = {"ok": 0, "skipped": 0, "failed": 0, "unreadable": 0}

    def add(self, rows: list[dict]) -> None:
        self.writer.add([row for row in rows if row["status"] != "skipped"])
        for row in rows:
            self.counts[row["status"]] += 1
            if row["error"]:
                self.progress.say(str(_("{source}: failed: {error}", source=row["source"], error=row["error"])))
            for warning in row["warnings"]:
                self.progress.say(str(_("{source}: warning: {warning}", source=row["source"], warning=warning)))
            self.progress.step()

    def lost(self, job, exc: Exception) -> dict:
        source, output, _done = job
        return {"source": source, "hash": "", "output": output, "status": "failed", "seconds": 0.0,
                "error": lost_reason(exc),
                "format": "", "sent": "", "warnings": []}


def cmd_export_cluster(args) -> int:
    from . import engine, storage
    from .manifest import ManifestWriter

    try:
        spec = engine.spec_of(args.dask)
    except engine.ClusterError as exc:
        return _usage(exc)
    batch = batch_from_args(args)
    if isinstance(batch, int):
        return batch
    try:
        jobs = plan(args, batch)
    except NotADirectoryError:
        return _usage(_("several pages need a folder for -o, but {path} is a file", path=args.output))
    except (ValueError, ImportError, OSError) as exc:  # a protocol this environment cannot open
        return _usage(_("cannot open {path}: {reason}", path=" ".join(args.pages + [args.output]),
                        reason=str(exc) or type(exc).__name__))
    if not jobs:
        return _usage(_("no pages to export (empty folder?)"))
    try:
        client, cluster = engine.start(spec, args.quiet)
    except engine.ClusterError as exc:
        return _usage(exc)
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.quiet)
    tally = Tally(ManifestWriter(args.output), progress)
    try:
        engine.run_chunks(client, export_chunk, engine.chunked(jobs, client), batch, tally.add, tally.lost)
    except engine.ClusterError as exc:
        progress.say(str(exc))
        return 2
    except KeyboardInterrupt:
        progress.say(str(_("interrupted: the pages finished are in the manifest; run again to go on")))
        return 130
    finally:
        tally.writer.close()
        progress.clear()
        engine.close(client, cluster)
        storage.remove_temp_files(args.output, exporters.get(batch.format_id).suffix)
    return _summary(args, tally.counts, len(jobs))


def _summary(args, counts: dict, total: int) -> int:
    failed = counts["failed"] + counts["unreadable"]
    if not args.quiet:
        print(_("exported {done}, already done {skipped}, failed {failed}, of {total} page(s) → {path}",
                done=counts["ok"], skipped=counts["skipped"], failed=failed, total=total, path=args.output),
              file=sys.stderr)
    if failed and counts["unreadable"] == total:
        return 2
    return 1 if failed else 0
