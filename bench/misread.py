"""Benchmark: the misread-character rule's cost per page, as a ratio to jieba.lcut of the
same page, both measured in this run (target: ratio <= 1.0).

    .venv/bin/python bench/misread.py [--repeat N] [PAGE ...]

Pages: the bundled sample (typeset text), the sample made to look like OCR output (one
character in forty swapped for its closest look-alike, half-width marks with spaces, as
Tesseract sets them; made here, deterministically), and any pages given. Also prints the
one-time cost of the rule's word-completion index (built once per process).
"""
from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from bench.analyse import best_of  # noqa: E402
from editor import words  # noqa: E402
from editor.loader import load_path  # noqa: E402
from editor.parser import parse_text  # noqa: E402
from editor.rules import RuleSettings, check_page  # noqa: E402
from editor.rules import similar  # noqa: E402
from editor.text import is_han  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "liaocheng-page.txt"
ONLY_MISREAD = RuleSettings().select(["misread-char"])


def ocr_like(text: str) -> str:
    """The text as OCR might give it: every 40th Chinese character swapped for its closest
    look-alike, full-width ，；：？ half-width with a space after."""
    out, n = [], 0
    for ch in text:
        if is_han(ch):
            n += 1
            near = similar.neighbours(ch)
            if n % 40 == 0 and near:
                ch = max(near, key=near.get)
        out.append(ch)
    text = "".join(out)
    for full, half in (("；", "; "), ("：", ": "), ("？", "? ")):
        text = text.replace(full, half)
    return text


def measure(name: str, page, repeat: int) -> tuple[str, float, float, int]:
    text = "\n".join(b.text for _a, b in page.blocks())
    rule_ms = best_of(lambda: check_page(page, ONLY_MISREAD), repeat)
    cut_ms = best_of(lambda: jieba.lcut(text), repeat)
    flags = len(check_page(page, ONLY_MISREAD))
    return name, rule_ms, cut_ms, flags


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("pages", nargs="*")
    args = ap.parse_args(argv)
    words.load()
    t0 = time.perf_counter()
    words.completions("", "")
    index_ms = (time.perf_counter() - t0) * 1000
    sample = SAMPLE.read_text(encoding="utf-8")
    rows = [measure("sample page", parse_text(sample), args.repeat),
            measure("sample page made OCR-like", parse_text(ocr_like(sample)), args.repeat)]
    for path in args.pages:
        rows.append(measure(Path(path).name, load_path(path), args.repeat))
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"completion index (once per process): {index_ms:.0f} ms")
    print("\n| page | misread-char (ms) | jieba.lcut (ms) | ratio | flags |")
    print("|---|---|---|---|---|")
    for name, rule_ms, cut_ms, flags in rows:
        print(f"| {name} | {rule_ms:.1f} | {cut_ms:.1f} | {rule_ms / cut_ms:.2f} | {flags} |")
    worst = max(r[1] / r[2] for r in rows)
    print(f"\nworst ratio {worst:.2f} (target <= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
