"""``jiaodui export PAGE... -o OUT [--format newsml|text|json]``: pages (or folders of
pages) to NewsML-G2 (or plain text, or JSON), in parallel.

One page and ``-o file.xml`` writes that file; several pages, or a folder, write one
``<stem><suffix>`` each into the folder ``-o`` (``.xml``, ``.txt``, ``.json``: the
format's, from the registry in :mod:`editor.exporters`). Each page is read, checked, written atomically
and (with ``--schema``) validated in a worker process; a page that fails is reported on one
line of stderr and the others go on. Content problems (no headline, no text, error-level
flags still open) are listed as warnings, and fail the page only with ``--strict``.
``--quiet`` drops the progress bar and the summary line, never a failure or a warning.
``--sent`` fixes the timestamp the pages carry (else: now), so that a rerun writes the same
bytes. (``--dask``: the batch on a Dask cluster, resumable, is :mod:`editor.cluster`.)

Exit codes: 0 all exported, 1 some page failed, 2 bad usage or nothing could be read.
"""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import exporters
from .errors import InputError
from .fileio import atomic_write_bytes
from .i18n import Message, _, n_


@dataclass
class Job:
    source: str
    target: str


@dataclass
class Result:
    source: str
    target: str
    ok: bool = False
    unreadable: bool = False      # the page itself could not be read
    error: Message | str = ""     # why the page failed (one line)
    warnings: list = field(default_factory=list)


def page_flags(page) -> tuple[list, str]:
    """Flags of the page from the rules, and a note when checking failed."""
    from .rules import check_page

    try:
        return list(check_page(page)), ""
    except Exception as exc:  # a broken rule must not stop the export; say so instead
        return [], _("checking failed, open flags not checked: {error}", error=_described(exc))


def _described(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def export_page(source: str, target: str, strict: bool = False, schema: str | None = None,
                sent: str | None = None, format_id: str = exporters.DEFAULT, *,
                data: bytes | None = None, write=atomic_write_bytes) -> Result:
    """Export one page; never raises for a bad page, the Result says what happened.
    ``data``: the page's bytes when they were read already (else ``source`` is read);
    ``write(target, bytes)``: how the file is written (a local atomic write by default)."""
    from .loader import load_bytes, load_path

    result = Result(source, target)
    try:
        page = load_path(source) if data is None else load_bytes(data, source).page
    except InputError as exc:
        result.unreadable, result.error = True, str(exc)
        return result
    try:
        flags, note = page_flags(page)
        problems = exporters.export_check(page, flags)
        result.warnings = ([note] if note else []) + problems
        if strict and problems:
            result.error = n_("{n} content problem, not exported (--strict): {first}",
                              "{n} content problems, not exported (--strict): {first}",
                              len(problems), first=problems[0])
            return result
        errors = exporters.export(page, target, format_id, flags=flags, sent=sent, schema=schema,
                                  write=write)
        if errors:
            result.error = n_("not valid against the schema ({n} error): {first}",
                              "not valid against the schema ({n} errors): {first}", len(errors),
                              first=errors[0])
            return result
    except OSError as exc:
        result.error = _("cannot write {path}: {reason}", path=target, reason=exc.strerror or str(exc))
        return result
    except Exception as exc:  # a bug must not take the batch down; report it as this page's
        result.error = _("export failed: {error}", error=_described(exc))
        return result
    result.ok = True
    return result


def _run(job: Job, batch: "Batch") -> Result:
    from .i18n import set_language

    set_language(batch.lang)  # a worker process speaks the language of the command
    result = export_page(job.source, job.target, batch.strict, batch.schema, batch.sent, batch.format_id)
    result.error, result.warnings = str(result.error), [str(w) for w in result.warnings]
    return result


# --- inputs and outputs -----------------------------------------------------------------

def expand_inputs(paths: list[str]) -> tuple[list[Path], bool]:
    """The page files named (folders give their visible files, sorted), and whether any
    folder was named. Missing paths are kept, to be reported as failed pages."""
    files: list[Path] = []
    folder = False
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folder = True
            files += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        else:
            files.append(path)
    return files, folder


def unique_names(stems: list[str], suffix: str) -> list[str]:
    """``<stem><suffix>`` for each stem, ``<stem>-2<suffix>``… where two would clash (page.txt
    and page.xml, or two folders with a page.txt)."""
    names: list[str] = []
    taken: set[str] = set()
    for stem in stems:
        name, k = f"{stem}{suffix}", 2
        while name in taken:
            name, k = f"{stem}-{k}{suffix}", k + 1
        taken.add(name)
        names.append(name)
    return names


def plan_jobs(files: list[Path], output: Path, to_folder: bool, suffix: str = ".xml") -> list[Job]:
    if not to_folder:
        return [Job(str(files[0]), str(output))]
    names = unique_names([path.stem for path in files], suffix)
    return [Job(str(path), str(output / name)) for path, name in zip(files, names)]


# --- progress -----------------------------------------------------------------------------

class Progress:
    """A one-line bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.done = total, 0
        self.enabled = enabled and total > 1

    def step(self):
        self.done += 1
        self.draw()

    def draw(self):
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        sys.stderr.flush()

    def clear(self):
        if self.enabled:
            sys.stderr.write("\r" + " " * 50 + "\r")
            sys.stderr.flush()

    def say(self, line: str):
        self.clear()
        print(line, file=sys.stderr)
        self.draw()


# --- the command --------------------------------------------------------------------------

@dataclass(frozen=True)
class Batch:
    """What every page of one ``export`` run is exported with."""

    strict: bool
    schema: str | None
    sent: str
    format_id: str
    lang: str


def _usage(message) -> int:
    print(f"jiaodui export: {message}", file=sys.stderr)
    return 2


def parse_sent(text: str | None) -> str:
    """``--sent``: the timestamp every page of the run carries, ISO 8601 (a time without a
    UTC offset is this machine's local time); now when not given. ValueError for text that
    is no date-time."""
    from datetime import datetime

    from .newsml import timestamp

    return timestamp(datetime.fromisoformat(text)) if text else timestamp()


def batch_from_args(args) -> Batch | int:
    """What every page is exported with, from the options; an exit code on bad usage."""
    from .i18n import language

    if args.jobs < 0:
        return _usage(_("--jobs must be 0 (all cores) or more"))
    try:
        sent = parse_sent(getattr(args, "sent", None))
    except ValueError:
        return _usage(_("--sent needs an ISO 8601 date-time such as {example}", example="2024-05-01T08:00:00+08:00"))
    schema = None
    if args.schema:
        from .newsml import load_schema

        schema = str(Path(args.schema).resolve())
        try:
            load_schema(schema)
        except Exception as exc:
            return _usage(_("cannot load the schema {path}: {reason}", path=args.schema, reason=str(exc)))
    format_id = getattr(args, "format", None) or exporters.DEFAULT
    return Batch(args.strict, schema, sent, format_id, language())


def cmd_export(args) -> int:
    batch = batch_from_args(args)
    if isinstance(batch, int):
        return batch
    files, folder = expand_inputs(args.pages)
    if not files:
        return _usage(_("no pages to export (empty folder?)"))
    output = Path(args.output)
    to_folder = folder or len(files) > 1 or output.is_dir()
    if to_folder:
        if output.exists() and not output.is_dir():
            return _usage(_("several pages need a folder for -o, but {path} is a file", path=str(output)))
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _usage(_("cannot create {path}: {reason}", path=str(output), reason=exc.strerror or str(exc)))
    elif not output.parent.is_dir():
        return _usage(_("no such folder for -o: {path}", path=str(output.parent)))
    jobs = plan_jobs(files, output, to_folder, exporters.get(batch.format_id).suffix)
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.quiet)
    results = _run_all(jobs, batch, args.jobs, progress)
    progress.clear()

    failed = [r for r in results if not r.ok]
    if not args.quiet:
        print(_("exported {done} of {total} page(s) → {path}", done=len(results) - len(failed),
                total=len(results), path=str(output)), file=sys.stderr)
    if failed and all(r.unreadable for r in results):
        return 2
    return 1 if failed else 0


def _report(result: Result, progress: Progress) -> None:
    if not result.ok:
        progress.say(str(_("{source}: failed: {error}", source=result.source, error=result.error)))
    for warning in result.warnings:
        progress.say(str(_("{source}: warning: {warning}", source=result.source, warning=warning)))


def _run_all(jobs: list[Job], batch: Batch, workers: int, progress: Progress) -> list[Result]:
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results: dict[int, Result] = {}
    if workers <= 1:
        for n, job in enumerate(jobs):
            results[n] = _run(job, batch)
            _report(results[n], progress)
            progress.step()
        return [results[n] for n in range(len(jobs))]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_run, job, batch): n for n, job in enumerate(jobs)}
        for future in as_completed(futures):
            n = futures[future]
            try:
                results[n] = future.result()
            except Exception as exc:  # a worker died (out of memory, killed)
                job = jobs[n]
                results[n] = Result(job.source, job.target, error=str(_(
                    "worker failed: {error}", error=_described(exc))))
            _report(results[n], progress)
            progress.step()
    return [results[n] for n in range(len(jobs))]
