"""``jiaodui export PAGE... -o OUT``: pages (or folders of pages) to NewsML-G2, in parallel.

One page and ``-o file.xml`` writes that file; several pages, or a folder, write one
``<stem>.xml`` each into the folder ``-o``. Each page is read, checked, written atomically
and (with ``--schema``) validated in a worker process; a page that fails is reported on one
line of stderr and the others go on. Content problems (no headline, no text, error-level
flags still open) are listed as warnings, and fail the page only with ``--strict``.
``--quiet`` drops the progress bar and the summary line, never a failure or a warning.

Exit codes: 0 all exported, 1 some page failed, 2 bad usage or nothing could be read.
"""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import InputError


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
    error: str = ""               # why the page failed (one line)
    warnings: list[str] = field(default_factory=list)


def page_flags(page) -> tuple[list, str]:
    """Flags of the page from the rules, and a note when checking failed."""
    from .rules import check_page

    try:
        return list(check_page(page)), ""
    except Exception as exc:  # a broken rule must not stop the export; say so instead
        return [], f"检查出错，未检查标记 / checking failed, open flags not checked: {type(exc).__name__}: {exc}"


def export_page(source: str, target: str, strict: bool = False, schema: str | None = None,
                sent: str | None = None) -> Result:
    """Export one page; never raises for a bad page, the Result says what happened."""
    from .loader import load_path
    from .newsml import content_problems, validate_schema, write_newsml
    from .fileio import atomic_write_bytes

    result = Result(source, target)
    try:
        page = load_path(source)
    except InputError as exc:
        result.unreadable, result.error = True, str(exc)
        return result
    try:
        flags, note = page_flags(page)
        problems = content_problems(page, flags)
        result.warnings = ([note] if note else []) + problems
        if strict and problems:
            result.error = (f"内容有 {len(problems)} 个问题，按 --strict 未导出 / {len(problems)} content "
                            f"problem(s), not exported (--strict): {problems[0]}")
            return result
        xml = write_newsml(page, sent=sent, flags=flags)
        if schema:
            errors = validate_schema(xml, schema)
            if errors:
                result.error = (f"不符合 NewsML-G2 模式（{len(errors)} 处）/ not valid against the "
                                f"schema ({len(errors)} error(s)): {errors[0]}")
                return result
        atomic_write_bytes(target, xml)
    except OSError as exc:
        result.error = f"无法写入 / cannot write {target}: {exc.strerror or exc}"
        return result
    except Exception as exc:  # a bug must not take the batch down; report it as this page's
        result.error = f"导出出错 / export failed: {type(exc).__name__}: {exc}"
        return result
    result.ok = True
    return result


def _run(job: Job, strict: bool, schema: str | None, sent: str) -> Result:
    return export_page(job.source, job.target, strict, schema, sent)


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


def plan_jobs(files: list[Path], output: Path, to_folder: bool) -> list[Job]:
    if not to_folder:
        return [Job(str(files[0]), str(output))]
    jobs: list[Job] = []
    taken: set[str] = set()
    for path in files:
        name, k = f"{path.stem}.xml", 2
        while name in taken:  # page.txt and page.xml, or two folders with a page.txt
            name, k = f"{path.stem}-{k}.xml", k + 1
        taken.add(name)
        jobs.append(Job(str(path), str(output / name)))
    return jobs


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

def _usage(message: str) -> int:
    print(f"jiaodui export: {message}", file=sys.stderr)
    return 2


def cmd_export(args) -> int:
    if args.jobs < 0:
        return _usage("--jobs 不能为负 / --jobs must be 0 (all cores) or more")
    schema = None
    if args.schema:
        from .newsml import load_schema

        schema = str(Path(args.schema).resolve())
        try:
            load_schema(schema)
        except Exception as exc:
            return _usage(f"无法读取模式文件 / cannot load the schema {args.schema}: {exc}")
    files, folder = expand_inputs(args.pages)
    if not files:
        return _usage("没有可导出的页面 / no pages to export (empty folder?)")
    output = Path(args.output)
    to_folder = folder or len(files) > 1 or output.is_dir()
    if to_folder:
        if output.exists() and not output.is_dir():
            return _usage(f"多个页面需要输出到文件夹，但 {output} 是文件 / several pages need a folder "
                          f"for -o, but {output} is a file")
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _usage(f"无法创建文件夹 / cannot create {output}: {exc.strerror or exc}")
        jobs = plan_jobs(files, output, True)
    else:
        if not output.parent.is_dir():
            return _usage(f"输出文件夹不存在 / no such folder for -o: {output.parent}")
        jobs = plan_jobs(files, output, False)

    from .newsml import timestamp

    sent = timestamp()
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.quiet)
    results = _run_all(jobs, args.strict, schema, sent, args.jobs, progress)
    progress.clear()

    failed = [r for r in results if not r.ok]
    if not args.quiet:
        print(f"导出 {len(results) - len(failed)}/{len(results)} 页 → {output} / "
              f"exported {len(results) - len(failed)} of {len(results)} page(s)", file=sys.stderr)
    if failed and all(r.unreadable for r in results):
        return 2
    return 1 if failed else 0


def _report(result: Result, progress: Progress) -> None:
    if not result.ok:
        progress.say(f"{result.source}: 失败 / failed: {result.error}")
    for warning in result.warnings:
        progress.say(f"{result.source}: 警告 / warning: {warning}")


def _run_all(jobs: list[Job], strict: bool, schema: str | None, sent: str, workers: int,
             progress: Progress) -> list[Result]:
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    results: dict[int, Result] = {}
    if workers <= 1:
        for n, job in enumerate(jobs):
            results[n] = _run(job, strict, schema, sent)
            _report(results[n], progress)
            progress.step()
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_run, job, strict, schema, sent): n for n, job in enumerate(jobs)}
            for future in as_completed(futures):
                n = futures[future]
                try:
                    results[n] = future.result()
                except Exception as exc:  # a worker died (out of memory, killed)
                    job = jobs[n]
                    results[n] = Result(job.source, job.target,
                                        error=f"工作进程出错 / worker failed: {type(exc).__name__}: {exc}")
                _report(results[n], progress)
                progress.step()
    return [results[n] for n in range(len(jobs))]
