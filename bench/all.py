"""All the benchmarks of issue 17 in one run, one table: measure, value, target, verdict.

    .venv/bin/python bench/all.py [--quick] [--pdf DIR] [--only cold] [--against TREE]

Every figure is a ratio taken in this run, side by side with its baseline, so that a
machine that is slower (or busier) for the whole run moves both sides:

- growth: CPU ms per copy of the sample for parse, check and export at 1000× against 10×
  (bench/analyse.py's table, the least of a few runs each, 10× measured before and after
  the others; --quick: 100×);
- cold CLI: CPU seconds of a ``main.py check`` and a ``main.py export`` process of the
  sample against a bare ``import jieba; jieba.lcut(text)`` process, taken in turn; and the
  share of an export process spent in the articles' keywords;
- batch: pages per CPU-second of ``export --jobs 1`` over 200 pages against ``jieba.lcut``
  of the same pages in one process; ``--jobs 2`` against ``--jobs 1`` in wall time; the
  peak RSS of the biggest process of ``--jobs 2`` (the workers and their parent);
- PDF: building the article tree of the dev PDF pages against ``pdftotext`` (bench/pdf.py);
- memory: peak RSS of ``main.py check`` and of ``main.py export`` of a page just under the
  16 MiB file limit, less that of the same command on the sample (the interpreter, the
  dictionary), per input byte.

The window benchmark (bench/window.py) is not run here. Load averages are printed at the
start and the end: figures from a busy machine say so.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "samples" / "liaocheng-page.txt"
PY = sys.executable
BARE = "import sys, jieba\nfor p in sys.argv[1:]:\n    jieba.lcut(open(p, encoding='utf-8').read())\n"
LIMIT = 16 * 1024 * 1024

rows: list[tuple[str, str, str, str]] = []


def row(measure: str, value: float, target: str, met: bool | None, fmt: str = "{:.2f}") -> None:
    verdict = "not run" if met is None else ("met" if met else "NOT met")
    rows.append((measure, fmt.format(value) if value == value else "-", target, verdict))


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_of(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def paired(a: list[str], b: list[str], runs: int) -> float:
    """Median of the CPU ratios a/b, a and b run in turn (one warm-up each)."""
    cpu_of(a), cpu_of(b)
    return statistics.median(cpu_of(a)[0] / cpu_of(b)[0] for _ in range(runs))


def peak_rss(cmd: list[str]) -> int:
    """Peak RSS (bytes) of ``cmd``, in a fresh parent so that no other child counts."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
            " stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PY, "-c", code, *cmd], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) * 1024


def growth(quick: bool) -> None:
    from bench.analyse import GROWTH_TARGET, growth as table

    largest = 100 if quick else 1000
    factors = (10, 100) if quick else (10, 100, 1000)
    for phase, small, big, ratio in table(SAMPLE.read_text(encoding="utf-8"), factors):
        row(f"{phase}: ms/copy at {largest}× ÷ at 10× ({small:.1f} → {big:.1f} ms)", ratio,
            f"≤ {GROWTH_TARGET}", ratio <= GROWTH_TARGET)


def cold_cli(tmp: Path, runs: int, against: Path | None = None) -> None:
    bare = [PY, "-c", BARE, str(SAMPLE)]
    for tree, label in ([(against, f" [{against}]")] if against else []) + [(ROOT, "")]:
        main = [PY, str(tree / "main.py")]
        check = paired([*main, "check", str(SAMPLE)], bare, runs)
        row(f"cold check of the sample ÷ bare jieba.lcut process (CPU){label}", check, "≤ 0.5", check <= 0.5)
        export = paired([*main, "export", str(SAMPLE), "-o", str(tmp / "x.xml"), "--quiet"], bare, runs)
        row(f"cold export of the sample ÷ bare jieba.lcut process (CPU){label}", export, "≤ 1.0",
            export <= 1.0)
    code = ("import sys, time; sys.path.insert(0, %r)\n"
            "t0 = time.process_time(); from editor import newsml; spent = [0.0]\n"
            "real = newsml.article_keywords\n"
            "def timed(*a, **k):\n    t = time.process_time(); r = real(*a, **k); spent[0] += time.process_time() - t; return r\n"
            "newsml.article_keywords = timed\n"
            "from editor.cli import main; main(['export', %r, '-o', %r, '--quiet'])\n"
            "print(spent[0] / (time.process_time() - t0))") % (str(ROOT), str(SAMPLE), str(tmp / "k.xml"))
    share = statistics.median(float(subprocess.run([PY, "-c", code], cwd=ROOT, capture_output=True,
                                                   text=True).stdout.split()[-1]) for _ in range(runs))
    row("keywords' share of a cold export (CPU)", share * 100, "≤ 25 %", share <= 0.25, "{:.0f} %")


def batch(tmp: Path, pages: int) -> None:
    from bench.batch_export import make_pages

    folder = tmp / "pages"
    folder.mkdir()
    make_pages(folder, pages)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    main = [PY, str(ROOT / "main.py"), "export", str(folder), "--quiet", "-o"]
    cpu_of([*main, str(tmp / "warm"), "--jobs", "1"])
    one_cpu, one_wall = cpu_of([*main, str(tmp / "one"), "--jobs", "1"])
    bare_cpu, _w = cpu_of([PY, "-c", BARE, *files])
    ratio = (pages / one_cpu) / (pages / bare_cpu)
    row(f"export --jobs 1: pages per CPU-s ÷ bare jieba.lcut's ({pages / one_cpu:.1f} vs "
        f"{pages / bare_cpu:.1f})", ratio, "≥ 0.25", ratio >= 0.25)
    two_cpu, two_wall = cpu_of([*main, str(tmp / "two"), "--jobs", "2"])
    speedup = one_wall / two_wall
    row(f"export --jobs 2 speed-up over --jobs 1, wall ({one_wall:.1f} s → {two_wall:.1f} s; "
        f"CPU {one_cpu:.1f} → {two_cpu:.1f} s; load {load()})", speedup, "≥ 1.8 (2 idle cores)",
        speedup >= 1.8)
    worker = peak_rss([*main, str(tmp / "peak"), "--jobs", "2"]) / 2**20
    row("export --jobs 2 of those pages: peak RSS of its biggest process (MiB)", worker, "≤ 120",
        worker <= 120, "{:.0f}")


def pdf(folder: Path) -> None:
    if not folder.is_dir() or not any(folder.glob("*.pdf")):
        row(f"PDF tree ÷ pdftotext ({folder} missing)", float("nan"), "≤ 2", None)
        return
    out = subprocess.run([PY, str(ROOT / "bench" / "pdf.py"), str(folder), "--repeat", "3"], cwd=ROOT,
                         capture_output=True, text=True)
    total = [line for line in out.stdout.splitlines() if line.startswith("total")]
    if out.returncode or not total:
        row("PDF tree ÷ pdftotext (bench/pdf.py failed)", float("nan"), "≤ 2", None)
        return
    ratio = float(total[-1].split()[-1])
    row("PDF page's article tree ÷ pdftotext of it (dev PDFs, total)", ratio, "≤ 2", ratio <= 2)


def memory(tmp: Path) -> None:
    data = SAMPLE.read_bytes()
    big = tmp / "big.txt"
    big.write_bytes(data * (LIMIT // len(data)))
    size = big.stat().st_size
    # The sample's peak is 64 or 79 MiB from one run to the next (seen 2026-12-02, same
    # tree, same page): the least of three is the interpreter's baseline.
    for command, rest in (("check", []), ("export", ["-o", str(tmp / "big.xml"), "--quiet"])):
        base = min(peak_rss([PY, str(ROOT / "main.py"), command, str(SAMPLE), *rest]) for _ in range(3))
        peak = peak_rss([PY, str(ROOT / "main.py"), command, str(big), *rest])
        per_byte = (peak - base) / size
        row(f"{command} of a {size / 2**20:.1f} MiB page: peak RSS over the sample's, per input byte "
            f"({peak / 2**20:.0f} MiB, sample {base / 2**20:.0f} MiB)", per_byte, "≤ 12", per_byte <= 12,
            "{:.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="growth to 100× only, fewer runs")
    ap.add_argument("--pdf", type=Path, default=ROOT.parent / "shared" / "devpages" / "pdf" / "src")
    ap.add_argument("--pages", type=int, default=200,
                    help="pages of the batch measure (enough that the pool's start is not most of it)")
    ap.add_argument("--only", choices=["cold"], help="the cold CLI measures alone")
    ap.add_argument("--against", type=Path, metavar="TREE",
                    help="also the cold CLI of another tree of the project (before a change), in turn")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    first = load()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"load average {first}", flush=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.only != "cold":
            growth(args.quick)
        cold_cli(tmp, 3 if args.quick else 5, args.against)
        if args.only != "cold":
            batch(tmp, args.pages)
            pdf(args.pdf)
            memory(tmp)
    print(f"\nload average: {first} at the start, {load()} at the end; "
          f"{time.perf_counter() - start:.0f} s in all; the window bench (bench/window.py) not run\n")
    print("| measure | value | target | verdict |")
    print("|---|---|---|---|")
    for measure, value, target, verdict in rows:
        print(f"| {measure} | {value} | {target} | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
