"""``export SOURCE... -o DEST --dask ADDRESS|local:N``: the batch export on a Dask cluster,
resumable.

The client lists the files (fsspec), the workers say which are page files and how many
pages each holds (:mod:`.plan`), and the client names the pages as ``export`` does (a PDF
of several pages is one job a page, ``file#N`` → ``stem-pN``; ``--pages`` chooses). It
reads DEST's manifest and lists DEST once, refuses an output that is one of the pages,
then sends chunks of ``(file, page, output, hash it is done with)`` to the workers. A
worker hashes each file once (a PDF's pages are hashed and read from one copy), skips a
page whose file has the hash it is done with, else exports it exactly as ``export --jobs
1`` does (:func:`editor.export.export_page`, with ``--as``, ``--encoding``, ``--strict``,
``--schema``, ``--sent``, ``--format``) and writes the file atomically; the client appends
the rows to the manifest as chunks come back, reports failed pages and content problems
as ``export`` does (``--verbose``: a line each) and draws the progress bar. Output names
keep the page's folders below its SOURCE folder or glob (``scans/1950/p1.txt`` from
``scans/**/*.txt`` → ``DEST/1950/p1.xml``; a flat folder gives the names ``export --jobs``
gives). ``--changes`` is refused: a resumable run skips the pages done before, so one
run's change report would miss them.

Exit codes as ``export``: 0 every page exported or already done, 1 some failed, 2 bad usage,
no page could be read, or the cluster could not be reached or was lost (the pages finished
so far are in the manifest: run again to go on).
"""
from __future__ import annotations

import itertools
import sys
import time

from .. import exporters
from ..errors import InputError
from ..fileio import first_clash
from ..export import Batch, Progress, Result, _report, _usage, batch_from_args, export_page, say_skipped, unique_names
from ..i18n import _, set_language
from .engine import ClusterError, lost_reason

#: A page to do: (file, page: ``file`` or ``file#N``, output, the hash it is done with or None).
Job = tuple[str, str, str, "str | None"]


def export_chunk(jobs: list[Job], batch: Batch) -> list[dict]:
    """The worker's task: a manifest row per page (``status: skipped`` for a page done)."""
    set_language(batch.lang)
    rows: list[dict] = []
    for file, group in itertools.groupby(jobs, key=lambda job: job[0]):
        rows += export_file(file, list(group), batch)
    return rows


def export_file(file: str, jobs: list[Job], batch: Batch) -> list[dict]:
    """The rows of the pages of one file, hashed once and read from one copy."""
    from . import manifest, storage

    try:
        with storage.local_copy(file) as local:
            digest = manifest.file_hash(local)
            return [export_one(local, job, digest, batch) for job in jobs]
    except InputError as exc:  # a URL that cannot be read
        return [_row(job, batch, status="unreadable", error=str(exc)) for job in jobs]


def _row(job: Job, batch: Batch | None, **fields) -> dict:
    _file, page, output, _done = job
    return {"source": page, "hash": "", "output": output, "status": "failed", "error": "",
            "seconds": 0.0, "format": batch.format_id if batch else "", "sent": batch.sent if batch else "",
            "warnings": [], **fields}


def export_one(local: str, job: Job, digest: str, batch: Batch) -> dict:
    from . import storage

    file, page, output, done = job
    start = time.perf_counter()
    if digest and digest == done:
        return _row(job, batch, hash=digest, status="skipped")

    def load(ref, as_, encoding):
        return storage.documents(local, file, ref, as_, None, encoding)[0]

    result = export_page(page, output, batch.strict, batch.schema, batch.sent, batch.format_id, batch.as_,
                         False, batch.encoding, load=load, write=storage.write_output)
    return _row(job, batch, hash=digest, status="ok" if result.ok else "unreadable" if result.unreadable else "failed",
                error=str(result.error), warnings=[str(w) for w in result.warnings],
                seconds=round(time.perf_counter() - start, 4))


def plan_jobs(dest: str, refs: list[tuple[str, str, str]], batch: Batch) -> list[Job]:
    """A job for every page; OSError when DEST's manifest or listing cannot be read."""
    from . import manifest, storage

    names = unique_names([stem for _file, _page, stem in refs], exporters.get(batch.format_id).suffix)
    rows, present = manifest.read_manifest(dest), storage.list_outputs(dest)
    jobs = []
    for (file, page, _stem), name in zip(refs, names):
        output = storage.join(dest, name)
        jobs.append((file, page, output, manifest.done_hash(rows, page, output, name in present)))
    return jobs


class Tally:
    """What the run did, and the manifest rows as they come."""

    def __init__(self, writer, progress: Progress, batch: Batch):
        self.writer, self.progress, self.batch = writer, progress, batch
        self.counts = {"ok": 0, "skipped": 0, "failed": 0, "unreadable": 0}

    def add(self, rows: list[dict]) -> None:
        self.writer.add([row for row in rows if row["status"] != "skipped"])
        for row in rows:
            self.counts[row["status"]] += 1
            _report(Result(row["source"], row["output"], ok=row["status"] in ("ok", "skipped"), error=row["error"],
                           warnings=row["warnings"]), self.progress, self.batch.verbose)
            self.progress.step()

    def lost(self, job: Job, exc: Exception) -> dict:
        return _row(job, None, error=lost_reason(exc))


def cmd_export_cluster(args) -> int:
    from ..loader import pages_option
    from . import engine, storage

    try:
        spec = engine.spec_of(args.dask)
    except ClusterError as exc:
        return _usage(exc)
    if getattr(args, "changes", None):
        return _usage(_("{option} does not go with {dask}: a rerun skips the pages done before, so the report "
                        "would miss them", option="--changes", dask="--dask"))
    batch = batch_from_args(args)
    if isinstance(batch, int):
        return batch
    try:
        pages = pages_option(getattr(args, "pages_range", None))
        sources = storage.list_sources(args.pages)
        storage.prepare_dest(args.output)
    except InputError as exc:
        return _usage(exc)
    except NotADirectoryError:
        return _usage(_("several pages need a folder for -o, but {path} is a file", path=args.output))
    except (ValueError, ImportError, OSError) as exc:  # a protocol this environment cannot open
        return _usage(_cannot_open(args, exc))
    if not sources:
        return _usage(_("no pages to export (empty folder?)"))
    try:
        client, cluster = engine.start(spec, args.quiet)
    except ClusterError as exc:
        return _usage(exc)
    try:
        return _export(args, batch, pages, sources, client)
    except ClusterError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        engine.close(client, cluster)


def _cannot_open(args, exc: Exception):
    return _("cannot open {path}: {reason}", path=" ".join(args.pages + [args.output]),
             reason=str(exc) or type(exc).__name__)


def _export(args, batch: Batch, pages, sources: list, client) -> int:
    from . import engine, plan, storage
    from .manifest import ManifestWriter

    refs, skipped = plan.pages_of(client, sources, batch.as_, pages)
    say_skipped(skipped, args.quiet)
    if not refs:
        return _usage(_("no pages to export (empty folder?)"))
    try:
        jobs = plan_jobs(args.output, refs, batch)
    except OSError as exc:
        return _usage(_cannot_open(args, exc))
    clash = first_clash([job[2] for job in jobs], [job[0] for job in jobs])
    if clash:
        return _usage(_("refused: the output {path} is one of the pages to export", path=clash))
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.quiet)
    tally = Tally(ManifestWriter(args.output), progress, batch)
    try:
        engine.run_chunks(client, export_chunk, engine.chunked(jobs, client), batch, tally.add, tally.lost)
    except ClusterError as exc:
        progress.say(str(exc))
        return 2
    except KeyboardInterrupt:
        progress.say(str(_("interrupted: the pages finished are in the manifest; run again to go on")))
        return 130
    finally:
        tally.writer.close()
        progress.clear()
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
