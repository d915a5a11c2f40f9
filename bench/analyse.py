"""Benchmark: analysing a page (decode + parse + all flags), warm, against bare jieba.cut.

    .venv/bin/python bench/analyse.py [--repeat N]

Prints the sample page's time, the ratio to jieba.cut over the same text (both measured
here, in this run), and how the cost grows with page size (1×, 10×, 100× the sample).
"""
from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor import words  # noqa: E402
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args(argv)
    data = SAMPLE.read_bytes()
    text = data.decode("utf-8")
    t0 = time.perf_counter()
    tokenizer = words.load()
    load_ms = (time.perf_counter() - t0) * 1000

    page_ms = best_of(lambda: analyse(data), args.repeat)
    cut_ms = best_of(lambda: list(tokenizer.cut(text)), args.repeat)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"jieba dictionary load (from cache): {load_ms:.0f} ms")
    print(f"sample page analysis (decode+parse+flags, warm): {page_ms:.1f} ms  (target <= 30 ms)")
    print(f"bare jieba.cut over the same text:              {cut_ms:.1f} ms")
    print(f"ratio analysis / jieba.cut:                      {page_ms / cut_ms:.2f}  (target <= 2)")
    print("\n| page size | characters | analysis (ms) | ms per 1× |")
    print("|---|---|---|---|")
    for factor in (1, 10, 100):
        big = data * factor
        ms = best_of(lambda: analyse(big), max(3, args.repeat // factor))
        print(f"| {factor}× | {len(text) * factor:,} | {ms:.1f} | {ms / factor:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
