"""Benchmark: `main.py export` over many pages, in parallel, with memory per run.

    .venv/bin/python bench/batch_export.py [--pages 1000] [--jobs 2]

Pages are made from the sample by perturbing it (about a third of its digits change
from page to page), written to a temp folder, then exported by the real CLI in a child
process. Runs with 1/4, 1/2 and all of the pages show whether memory stays flat.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "liaocheng-page.txt"


def perturbed(text: str, rng: random.Random) -> str:
    digits = "0123456789"
    out = []
    for ch in text:
        if ch in digits and rng.random() < 0.3:
            ch = rng.choice(digits)
        out.append(ch)
    return "".join(out)


def make_pages(folder: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    base = SAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        (folder / f"page{n:05d}.txt").write_text(perturbed(base, rng), encoding="utf-8")


def run_export(pages: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """(seconds, peak RSS of the biggest child process in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(pages), "-o", str(out),
                           "--jobs", str(jobs), "--quiet"], cwd=ROOT, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024, proc.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs}")
    print("| pages | seconds | pages/s | peak RSS of a process (MB) |")
    print("|---|---|---|---|")
    for count in (args.pages // 4, args.pages // 2, args.pages):
        with tempfile.TemporaryDirectory() as tmp:
            pages, out = Path(tmp, "pages"), Path(tmp, "out")
            pages.mkdir()
            make_pages(pages, count)
            # a fresh interpreter per size, so the RSS figure belongs to this run only
            code = ("import sys; sys.path.insert(0, %r); from bench.batch_export import run_export;"
                    "from pathlib import Path; s, m, rc = run_export(Path(%r), Path(%r), %d);"
                    "print(s, m, rc)") % (str(ROOT), str(pages), str(out), args.jobs)
            result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
            seconds, peak, rc = result.stdout.split()
            seconds, peak = float(seconds), float(peak)
            written = len(list(out.glob("*.xml")))
            status = "" if rc == "0" and written == count else f" (exit {rc}, {written} written)"
            print(f"| {count} | {seconds:.1f} | {count / seconds:.0f} | {peak:.0f} |{status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
