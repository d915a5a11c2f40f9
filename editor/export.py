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
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .fileio import atomic_write_bytes, first_clash
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
    changes: str = ""             # the change report (export --changes)


def page_flags(page) -> tuple[list, str]:
    """Flags of the page from the rules, and a note when checking failed."""
    from .geometry import confidence_source
    from .rules import check_page

    try:
        return list(check_page(page, confidence=confidence_source(page))), ""
    except Exception as exc:  # a broken rule must not stop the export; say so instead
        return [], _("checking failed, open flags not checked: {error}", error=_described(exc))


def _described(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def export_page(source: str, target: str, strict: bool = False, schema: str | None = None,
                sent: str | None = None, format_id: str | None = None, as_: str | None = None,
                changes: bool = False, encoding: str | None = None, *, load=None,
                write=atomic_write_bytes) -> Result:
    """Export one page (``file``, or ``file#N`` of several); never raises for a bad page, the
    Result says what happened (with ``changes``, its change report too). ``load(source, as_,
    encoding)``: how the page is opened (:func:`editor.loader.load_document` by default);
    ``write(target, bytes)``: how the file is written (a local atomic write by default)."""
    from . import exporters
    from .loader import load_document

    result = Result(source, target)
    try:
        project = (load or load_document)(source, as_, encoding)
    except InputError as exc:
        result.unreadable, result.error = True, str(exc)
        return result
    page = project.page
    if changes:
        from .changes import report

        result.changes = report(source, page, project.origin)
    try:
        flags, note = page_flags(page)
        problems = exporters.export_check(page, flags)
        result.warnings = ([note] if note else []) + problems
        if strict and problems:
            result.error = n_("{n} content problem, not exported (--strict): {first}",
                              "{n} content problems, not exported (--strict): {first}",
                              len(problems), first=problems[0])
            return result
        errors = exporters.export(page, target, format_id or exporters.DEFAULT, flags=flags, sent=sent,
                                  schema=schema, write=write)
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
    result = export_page(job.source, job.target, batch.strict, batch.schema, batch.sent, batch.format_id,
                         batch.as_, batch.changes, batch.encoding)
    result.error, result.warnings = str(result.error), [str(w) for w in result.warnings]
    return result


# --- inputs and outputs -----------------------------------------------------------------

def expand_inputs(paths: list[str], skipped: list[Path] | None = None) -> tuple[list[Path], bool]:
    """The page files named (folders give the page files they hold, sorted: text pages,
    PDFs, OCR files, NewsML, projects; not images or other files, which go to ``skipped``
    unless hidden), and whether any folder was named. Missing paths are kept, to be
    reported as failed pages."""
    from .loader import page_kind

    files: list[Path] = []
    folder = False
    for name in paths:
        path = Path(name)
        if path.is_dir():
            folder = True
            for p in sorted(path.iterdir()):
                if page_kind(p) is not None:
                    files.append(p)
                elif skipped is not None and not p.name.startswith(".") and p.is_file():
                    skipped.append(p)
        else:
            files.append(path)
    return files, folder


def page_refs(files: list, as_: str | None = None, pages=None, count=None, stem=None) -> list[tuple[str, str]]:
    """(what to open, the stem of what to write) for every page of the files: a file of one
    page is ``file`` → ``stem``; page N of several is ``file#N`` → ``stem-pN``. ``count(file,
    as_)``: how many pages a file holds (default: :func:`editor.loader.count_pages`);
    ``stem(file)``: what its outputs are called (default: the file's stem)."""
    from .loader import count_pages, select, split_ref

    count, stem = count or count_pages, stem or (lambda base: Path(base).stem)
    out = []
    for path in files:
        base, ref = split_ref(path)
        name = stem(base)
        if ref:
            out.append((str(path), f"{name}-p{ref[0][0]}"))
            continue
        n_pages = count(path, as_)
        if n_pages <= 1:
            out.append((str(path), name))
            continue
        try:
            numbers = select(pages, n_pages) if pages else range(1, n_pages + 1)
        except InputError:  # past the end: opening it says so
            out.append((str(path), name))
            continue
        out += [(f"{path}#{n}", f"{name}-p{n}") for n in numbers]
    return out


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


def plan_jobs(refs: list[tuple[str, str]], output: Path, to_folder: bool, suffix: str = ".xml") -> list[Job]:
    if not to_folder:
        return [Job(refs[0][0], str(output))]
    names = unique_names([stem for _source, stem in refs], suffix)
    return [Job(source, str(output / name)) for (source, _stem), name in zip(refs, names)]


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
    as_: str | None = None
    changes: bool = False   # make each page's change report
    verbose: bool = False   # every content problem on its own line
    encoding: str | None = None  # the raw pages' codec (--encoding), else detected


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
    schema = _schema(args.schema)
    if isinstance(schema, int):
        return schema
    from . import exporters

    format_id = getattr(args, "format", None) or exporters.DEFAULT
    return Batch(args.strict, schema, sent, format_id, language(), getattr(args, "as_", None),
                 bool(getattr(args, "changes", None)), bool(getattr(args, "verbose", False)),
                 getattr(args, "encoding", None))


def say_skipped(skipped: list, quiet: bool) -> None:
    """One line for the files of the folders that are no pages (images, other files)."""
    if skipped and not quiet:
        names = ", ".join(Path(p).name for p in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        print(n_("skipped {n} file that is no page: {names}", "skipped {n} files that are no pages: {names}",
                 len(skipped), names=names), file=sys.stderr)


def cmd_export(args) -> int:
    batch = batch_from_args(args)
    if isinstance(batch, int):
        return batch
    try:
        from .loader import pages_option

        pages = pages_option(getattr(args, "pages_range", None))
    except InputError as exc:
        return _usage(exc)
    skipped: list[Path] = []
    files, folder = expand_inputs(args.pages, skipped)
    say_skipped(skipped, args.quiet)
    refs = page_refs(files, batch.as_, pages)
    if not refs:
        return _usage(_("no pages to export (empty folder?)"))
    output = Path(args.output)
    to_folder = folder or len(refs) > 1 or output.is_dir()
    if to_folder:
        if output.exists() and not output.is_dir():
            return _usage(_("several pages need a folder for -o, but {path} is a file", path=str(output)))
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _usage(_("cannot create {path}: {reason}", path=str(output), reason=exc.strerror or str(exc)))
    elif not output.parent.is_dir():
        return _usage(_("no such folder for -o: {path}", path=str(output.parent)))
    from . import exporters

    jobs = plan_jobs(refs, output, to_folder, exporters.get(batch.format_id).suffix)
    clash = first_clash([job.target for job in jobs], files)
    if clash:  # `export page.txt -o page.txt` once replaced the page with its XML
        return _usage(_("refused: the output {path} is one of the pages to export", path=clash))
    changes = getattr(args, "changes", None)
    if changes and first_clash([changes], files):
        return _usage(_("refused: the output {path} is one of the pages to export", path=changes))
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.quiet)
    results = _run_all(jobs, batch, args.jobs, progress)
    progress.clear()
    if changes and not _write_changes(changes, results):
        return 1

    failed = [r for r in results if not r.ok]
    if not args.quiet:
        print(_("exported {done} of {total} page(s) → {path}", done=len(results) - len(failed),
                total=len(results), path=str(output)), file=sys.stderr)
    if failed and all(r.unreadable for r in results):
        return 2
    return 1 if failed else 0


def _schema(path: str | None) -> str | None | int:
    """The schema to validate against, resolved and loaded once; an exit code if it cannot be."""
    if not path:
        return None
    from .newsml import load_schema

    schema = str(Path(path).resolve())
    try:
        load_schema(schema)
    except Exception as exc:
        return _usage(_("cannot load the schema {path}: {reason}", path=path, reason=str(exc)))
    return schema


def _write_changes(path: str, results) -> bool:
    """The change report of every page, written atomically; False (and said) if it cannot be."""
    from .fileio import atomic_write_text

    try:
        atomic_write_text(path, "".join(r.changes for r in results if r.changes))
    except OSError as exc:
        print(_("cannot write {path}: {reason}", path=path, reason=exc.strerror or str(exc)), file=sys.stderr)
        return False
    return True


def _report(result: Result, progress: Progress, verbose: bool = False) -> None:
    """One line for a failed page, one for a page with content problems (``verbose``:
    a line for each problem)."""
    if not result.ok:
        progress.say(str(_("{source}: failed: {error}", source=result.source, error=result.error)))
    if verbose or len(result.warnings) == 1:
        for warning in result.warnings:
            progress.say(str(_("{source}: warning: {warning}", source=result.source, warning=warning)))
    elif result.warnings:
        progress.say(str(n_("{source}: {n} content problem, first: {first}",
                            "{source}: {n} content problems, first: {first} (--verbose lists them)",
                            len(result.warnings), source=result.source, first=result.warnings[0])))


def _warm_before_fork() -> None:
    """Where workers are forked, the dictionary and the rules' tables loaded once, here:
    each worker starts with them (shared, copy on write) instead of loading its own, 1 s
    of CPU a worker that --jobs 2 paid twice over --jobs 1 on a short batch."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return
    from . import words
    from .rules import similar

    words.warm()
    similar.neighbours("")


def _run_all(jobs: list[Job], batch: Batch, workers: int, progress: Progress) -> list[Result]:
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results: dict[int, Result] = {}
    if workers <= 1:
        for n, job in enumerate(jobs):
            results[n] = _run(job, batch)
            _report(results[n], progress, batch.verbose)
            progress.step()
        return [results[n] for n in range(len(jobs))]
    from concurrent.futures import ProcessPoolExecutor, as_completed  # 25 ms of a check's imports

    _warm_before_fork()
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
            _report(results[n], progress, batch.verbose)
            progress.step()
    return [results[n] for n in range(len(jobs))]
