"""Fuzz the readers: damaged exports, project files and rule settings through the CLI.

    python tools/fuzz_inputs.py                      # 10,000 cases, both cores
    python tools/fuzz_inputs.py --cases 200 --seed 7 --json
    python tools/fuzz_inputs.py --save fuzz-failures/   # keep the inputs that failed

Each case is one damaged file (tools/fuzz_cases.py) and one command, run as a user would
run it — ``parse FILE``, ``parse FILE --format json``, ``check FILE``, ``export FILE -o
OUT``; a settings file goes to ``check --settings FILE page.txt`` — in a process of its
own, forked from one that has imported jiaodui and loaded jieba's dictionary (so that a
case costs milliseconds, not the interpreter's start).

A case **passes** when the command exits 0, 1 or 2, writes no traceback and no "export
failed" / "checking failed" (a bug caught and reported as a page's failure), says what
was wrong in one line on exit 2 (``parse`` and ``check``), takes at most 10 s of CPU (wall
time is reported too: on a busy machine it measures the machine), and — for ``parse`` —
its peak memory stays under the interpreter plus 20 times the input's size (an input under
64 KB counts as 64 KB: below that the allocator's steps, not the input, are measured). ``check``
and ``export`` run the rules and the writer on whatever was read; their cases past 20
times are listed apart (``check_export_over_20x``), with what the file was read as.

"The interpreter" is measured, not assumed: the most a run of the same command needs
beyond 20 times its input, over the smallest sound file of the kind, two broken files
and the sound seeds, in processes forked from this one after it ran every command on
every seed (so that what a first run builds — caches, compiled patterns, imports — is
built). A child's peak is counted from the memory it starts with (this process's resident
memory at the fork; Linux /proc/self/statm). A case running over 60 s is killed.
Exit 0 when every case passed, 1 otherwise; ``--json`` prints the summary as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_cases import ROOT, case, minimal, page_text, seeds  # noqa: E402

from editor.loader import sniff  # noqa: E402

MEMORY_FACTOR = 20
#: Inputs smaller than this count as this big: below it what a run allocates is the
#: allocator's step (pools and arenas, 100–350 KB measured), not the input.
SMALL = 64 * 1024
TIME_LIMIT = 10.0   # seconds a case may take
KILL_AFTER = 60.0   # a hang guard
CHILD_MEMORY = 4 * 2 ** 30   # address space a case may add (a blow-up fails the case)
RUN_MEMORY = 3 * 2 ** 30     # what making the cases may add to this process
COMMANDS = {"export": [("parse",), ("parse", "--format", "json"), ("check",), ("export",)],
            "project": [("parse",), ("parse", "--format", "json"), ("check",), ("export",)],
            "settings": [("settings",)]}
BAD_WORDS = ("Traceback", "export failed:", "checking failed", "worker failed")


class Runner:
    """Forks one child per case from a warmed process; at most ``jobs`` at a time. Each
    result is judged as it comes in (``base``: the interpreter's peaks, once measured)."""

    def __init__(self, folder: Path, jobs: int, save: Path | None = None):
        self.folder, self.jobs, self.save = folder, jobs, save
        self.page = folder / "page.txt"
        self.page.write_text(page_text(random.Random(0)), encoding="utf-8")
        self.base: dict[tuple, int] | None = None
        self.running: dict[int, tuple] = {}
        self.done: list[dict] = []

    def argv(self, command: tuple, path: Path, out: Path) -> list[str]:
        if command == ("settings",):
            return ["check", "--settings", str(path), str(self.page)]
        if command == ("export",):
            return ["export", str(path), "-o", str(out), "--quiet", "--jobs", "1"]
        return [command[0], str(path), *command[1:]]

    def start(self, n: int, kind: str, command: tuple, data: bytes) -> None:
        while len(self.running) >= self.jobs:
            self.reap(block=True)
        work = self.folder / f"case{n}"
        work.mkdir()
        path = work / ("in.json" if kind != "export" else "in.xml")
        path.write_bytes(data)
        argv = self.argv(command, path, work / "out.xml")
        pid = os.fork()
        if pid == 0:
            _child(argv, work / "stderr")
        self.running[pid] = (n, kind, command, len(data), time.monotonic(), work, _rss(), sniff(data))

    def reap(self, block: bool) -> None:
        while self.running:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
            if pid == 0:
                self._kill_hung()
                if not block:
                    return
                time.sleep(0.002)
                continue
            n, kind, command, size, began, work, rss, read_as = self.running.pop(pid)
            result = {"n": n, "kind": kind, "command": " ".join(command), "size": size, "read_as": read_as,
                      "seconds": time.monotonic() - began, "cpu": usage.ru_utime + usage.ru_stime,
                      "grown": usage.ru_maxrss * 1024 - rss,
                      "code": os.waitstatus_to_exitcode(status),
                      "stderr": _tail(work / "stderr")}
            if self.base is not None:
                result["why"] = verdict(result, self.base)
                if result["why"] and self.save:
                    self.save.mkdir(parents=True, exist_ok=True)
                    shutil.copy(next(work.glob("in.*")), self.save / f"case{n}-{kind}.bin")
            shutil.rmtree(work, ignore_errors=True)
            self.done.append(result)
            return

    def _kill_hung(self) -> None:
        for pid, info in self.running.items():
            if time.monotonic() - info[4] > KILL_AFTER:
                os.kill(pid, 9)

    def finish(self) -> list[dict]:
        while self.running:
            self.reap(block=True)
        return self.done


def _tail(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-4000:]
    except OSError:
        return ""


def _rss() -> int:
    """This process's resident memory now (what a child forked now starts from), in bytes."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _limit_memory(extra: int, hard: bool) -> None:
    """Let this process map at most ``extra`` bytes more than it has: a blow-up ends as a
    MemoryError here (a failed case, or a stopped run), never as the kernel's OOM killer
    picking some process of the machine. The runner sets the soft limit only, so that
    each case can set its own."""
    import resource

    with open("/proc/self/statm") as fh:
        mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = mapped + extra
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit if hard else resource.getrlimit(resource.RLIMIT_AS)[1]))


def _child(argv: list[str], err: Path) -> None:
    """Run one command in this forked process and leave with its exit code."""
    code = 1
    try:
        fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 2)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        _limit_memory(CHILD_MEMORY, hard=True)
        from editor.cli import main

        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
        except Exception:
            pass
        sys.stderr.flush()
        os._exit(code)


def warm(runner: Runner, seed_files: dict[str, list[bytes]]) -> None:
    """Import and load everything once here, then measure "the interpreter" of each kind
    and command: the most any run needs beyond 20 times its input, over runs on the
    smallest sound file, two broken ones (the paths of errors) and the sound seeds."""
    import contextlib
    import io

    from editor import words
    from editor.cli import main

    words.load()
    words.completions("", "")  # what the misread rule builds the first time it looks
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["check", str(ROOT / "resources" / "samples" / "liaocheng-page.txt"), "--report"])
        for kind, commands in COMMANDS.items():  # here, not forked: what they build stays
            for data in seed_files[kind]:
                path = runner.folder / f"warm.{kind}"
                path.write_bytes(data)
                for command in commands:
                    main(runner.argv(command, path, runner.folder / "warm.out"))
    base: dict[tuple, int] = {}
    n = 0
    for kind, commands in COMMANDS.items():
        for command in commands:
            for data in [minimal(kind)] * 2 + [b"{", b"<x/>"] + seed_files[kind]:
                n -= 1
                runner.start(n, kind, command, data)
            base[(kind, " ".join(command))] = max(r["grown"] - MEMORY_FACTOR * r["size"] for r in runner.finish())
            runner.done = []
    runner.base = base


def verdict(result: dict, base: dict[tuple, int]) -> str:
    """Why a case failed, or ""."""
    stderr, code = result["stderr"], result["code"]
    if code not in (0, 1, 2):
        return f"exit {code}"
    bad = next((w for w in BAD_WORDS if w in stderr), None)
    if bad:
        return bad
    if code == 2 and not result["command"].startswith("export") and len(stderr.strip().splitlines()) != 1:
        return "exit 2 without one line"
    if code == 2 and not stderr.strip():
        return "exit 2 without a message"
    if TIME_LIMIT and result["cpu"] > TIME_LIMIT:
        return f"took {result['cpu']:.1f} s of CPU"
    if result["command"].startswith("parse") and over_limit(result, base):
        return "memory"
    return ""


def over_limit(result: dict, base: dict[tuple, int]) -> bool:
    """Peak memory past the interpreter plus 20 times the input (at least SMALL bytes)?"""
    return result["grown"] - base[(result["kind"], result["command"])] > MEMORY_FACTOR * max(result["size"], SMALL)


def run(cases: int, seed: int, jobs: int, save: Path | None) -> dict:
    rng = random.Random(seed)
    seed_files = seeds(random.Random(seed))
    kinds = [k for k, w in (("export", 4), ("project", 4), ("settings", 2)) for _ in range(w)]
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="jiaodui-fuzz-") as tmp:
        runner = Runner(Path(tmp), jobs, save)
        warm(runner, seed_files)
        for n in range(cases):
            kind = rng.choice(kinds)
            runner.start(n, kind, rng.choice(COMMANDS[kind]), case(kind, seed_files[kind], rng))
            runner.reap(block=False)
        results = runner.finish()
    return summarise(results, runner.base, time.monotonic() - began, seed)


def summarise(results: list[dict], base: dict, seconds: float, seed: int) -> dict:
    def over(r):
        return r["grown"] - base[(r["kind"], r["command"])]
    failures = [{"case": r["n"], "kind": r["kind"], "command": r["command"], "why": r["why"],
                 "stderr": r["stderr"][-600:], "size": r["size"], "over_kb": over(r) // 1024}
                for r in sorted(results, key=lambda r: r["n"]) if r["why"]]
    heavy = [{"case": r["n"], "kind": r["kind"], "command": r["command"], "read_as": r["read_as"],
              "size": r["size"], "over_kb": over(r) // 1024}
             for r in results if not r["command"].startswith("parse") and over_limit(r, base)]
    worst = max(results, key=lambda r: over(r) / max(r["size"], 1))
    slowest = max(results, key=lambda r: r["cpu"])
    return {
        "seed": seed, "cases": len(results), "failed": len(failures), "seconds": round(seconds, 1),
        "by_kind": dict(Counter(r["kind"] for r in results)),
        "by_command": dict(Counter(r["command"] for r in results)),
        "exit_codes": {str(k): v for k, v in sorted(Counter(r["code"] for r in results).items())},
        "interpreter_mb": {f"{k} {c}": round(v / 2 ** 20, 1) for (k, c), v in base.items()},
        "largest_input": max(r["size"] for r in results),
        "most_memory_over_interpreter_mb": round(max(map(over, results)) / 2 ** 20, 1),
        "worst_memory_ratio": round(over(worst) / max(worst["size"], 1), 2),
        "worst_memory_case": f"{worst['kind']} {worst['command']} ({worst['size']:,} bytes)",
        "most_cpu_seconds": round(slowest["cpu"], 2),
        "most_cpu_case": f"{slowest['kind']} {slowest['command']} ({slowest['size']:,} bytes)",
        "longest_wall_seconds": round(max(r["seconds"] for r in results), 2),
        "check_export_over_20x": heavy[:50],
        "failures": failures[:50],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--save", type=Path, default=None, help="folder for the inputs of failed cases")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-time-limit", action="store_true",
                    help="judge no case by its time (for tests, which assert no times)")
    args = ap.parse_args(argv)
    if args.no_time_limit:
        global TIME_LIMIT
        TIME_LIMIT = 0
    os.chdir(ROOT)
    _limit_memory(RUN_MEMORY + 2 ** 30, hard=False)  # the dictionary and the warm-up come on top
    summary = run(args.cases, args.seed, max(1, args.jobs), args.save)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        for key, value in summary.items():
            if key != "failures":
                print(f"{key}: {value}")
        for failure in summary["failures"]:
            print(f"FAILED case {failure['case']} {failure['kind']} {failure['command']}: {failure['why']}\n"
                  f"    {failure['stderr'].strip()[-300:]}")
    return 0 if not summary["failed"] else 1


if __name__ == "__main__":
    sys.exit(main())
