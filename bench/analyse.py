"""Benchmark: analysing a page (decode + parse + all flags), warm, against bare jieba.cut,
and how parse, check and export grow with the page.

    .venv/bin/python bench/analyse.py [--repeat N] [--largest 1000]

Prints the sample page's time, the ratio to jieba.cut over the same text (both measured
here, in this run), and the growth table: CPU seconds per copy of the sample for parse,
check and export (NewsML) of the sample repeated 10×, 100× and 1000×, with the ratio of
the largest to 10× (target: within 1.2×). CPU time of this process, after a warm-up, so
that other work on the machine counts less than in wall time.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor import exporters, words  # noqa: E402
from editor.decoding import decode  # noqa: E402
from editor.parser import parse_text  # noqa: E402
from editor.rules import check_page  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "liaocheng-page.txt"


def best_of(fn, repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def analyse(data: bytes):
    decoded = decode(data)
    page = parse_text(decoded.text, decoded.encoding)
    return check_page(page)


GROWTH_TARGET = 1.2


def _per_copy(text: str, copies: int, runs: int) -> dict[str, float]:
    """Least CPU ms per copy of parse, check and export of ``text`` × ``copies`` over
    ``runs`` runs (other work on the machine only ever adds to a CPU time: the least is the
    one nearest the page's own cost)."""
    times: dict[str, list[float]] = {"parse": [], "check": [], "export": []}
    for _ in range(runs):
        t0 = time.process_time()
        page = parse_text(text * copies, "utf-8")  # in memory: past the file limit at 1000×
        t1 = time.process_time()
        flags = check_page(page)
        t2 = time.process_time()
        exporters.get("newsml").write(page, flags=flags)
        t3 = time.process_time()
        for name, seconds in zip(times, (t1 - t0, t2 - t1, t3 - t2)):
            times[name].append(seconds * 1000 / copies)
        del page, flags
    return {name: min(v) for name, v in times.items()}


def growth(text: str, factors=(10, 100, 1000)) -> list[tuple[str, float, float, float]]:
    """(phase, ms per copy at the smallest factor, at the largest, ratio) for each phase,
    after a warm-up (the first page loads the keyword tables); prints the table. The smallest
    page is measured before and after the others and each size takes the least of its runs."""
    _per_copy(text, 1, 2)
    rows = {f: _per_copy(text, f, 5 if f <= 10 else 3 if f <= 100 else 2) for f in factors}
    # the smallest page again after the largest: the machine's load drifts over the minutes
    # the largest takes, and a heap grown by it must not make the small page look cheaper
    again = _per_copy(text, factors[0], 5)
    rows[factors[0]] = {phase: min(ms, again[phase]) for phase, ms in rows[factors[0]].items()}
    print("\n| phase | " + " | ".join(f"{f}× (ms/copy)" for f in factors) + f" | {factors[-1]}×/{factors[0]}× | verdict |")
    print("|---|" + "---|" * (len(factors) + 2))
    out = []
    for phase in ("parse", "check", "export"):
        ratio = rows[factors[-1]][phase] / rows[factors[0]][phase]
        verdict = "met" if ratio <= GROWTH_TARGET else "NOT met"
        cells = " | ".join(f"{rows[f][phase]:.2f}" for f in factors)
        print(f"| {phase} | {cells} | {ratio:.2f} | {verdict} (≤ {GROWTH_TARGET}) |")
        out.append((phase, rows[factors[0]][phase], rows[factors[-1]][phase], ratio))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--largest", type=int, default=1000, help="the largest page, in copies of the sample")
    args = ap.parse_args(argv)
    data = SAMPLE.read_bytes()
    text = data.decode("utf-8")
    t0 = time.perf_counter()
    words.load()
    load_ms = (time.perf_counter() - t0) * 1000
    tokenizer = words.jieba_tokenizer()  # the baseline: jieba's own cut, its dictionary loaded whole

    page_ms = best_of(lambda: analyse(data), args.repeat)
    cut_ms = best_of(lambda: list(tokenizer.cut(text)), args.repeat)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"dictionary opened (the table on disk): {load_ms:.0f} ms")
    print(f"sample page analysis (decode+parse+flags, warm): {page_ms:.1f} ms  (target <= 30 ms)")
    print(f"bare jieba.cut over the same text:              {cut_ms:.1f} ms")
    print(f"ratio analysis / jieba.cut:                      {page_ms / cut_ms:.2f}  (target <= 2)")
    print("\n| page size | characters | analysis (ms) | ms per 1× |")
    print("|---|---|---|---|")
    for factor in (1, 10, 100):
        big = data * factor
        ms = best_of(lambda: analyse(big), max(3, args.repeat // factor))
        print(f"| {factor}× | {len(text) * factor:,} | {ms:.1f} | {ms / factor:.2f} |")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    growth(text, (10, 100, args.largest) if args.largest > 100 else (10, args.largest))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
