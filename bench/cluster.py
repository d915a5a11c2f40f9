"""Benchmark: ``export --dask local:N`` (a LocalCluster of N worker processes) against
``export --jobs 1`` on the same generated pages.

    .venv/bin/python bench/cluster.py [--pages 5000] [--workers 1,2]

Pages are made as bench/batch_export.py makes them (the bundled sample with its digits
perturbed). Each run is the real CLI in a child process with ``--sent`` fixed, into a fresh
DEST; its CPU time is the child's and all its descendants' (the cluster's scheduler, nannies
and workers run as the CLI's children and are waited for), so pages per CPU-second counts
what the cluster costs, not only the pages' work. Every run's outputs are compared byte for
byte with ``--jobs 1``'s. The load average before and after each run says what else the
machine was doing (other processes share the cores: measure when it is low).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.batch_export import make_pages  # noqa: E402

SENT = "2024-05-01T08:00:00+08:00"


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(pages: Path, out: Path, extra: list[str]) -> dict:
    before_load, cpu0, t0 = load(), children_cpu(), time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(pages), "-o", str(out),
                           "--quiet", "--sent", SENT, *extra], cwd=ROOT, stderr=subprocess.DEVNULL)
    return {"seconds": time.perf_counter() - t0, "cpu": children_cpu() - cpu0, "rc": proc.returncode,
            "load": f"{before_load} → {load()}"}


def worker_seconds(out: Path) -> float | None:
    """Median of the manifest's per-page seconds (the worker's time for a page)."""
    manifest = out / "jiaodui-manifest.jsonl"
    if not manifest.exists():
        return None
    seconds = [json.loads(line)["seconds"] for line in manifest.read_text(encoding="utf-8").splitlines()]
    return statistics.median(seconds) if seconds else None


def identical(ref: Path, out: Path) -> bool:
    names = sorted(p.name for p in ref.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(ref, out, names, shallow=False)
    return not mismatch and not errors


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--workers", default="1,2", help="LocalCluster sizes to run, comma-separated")
    args = ap.parse_args(argv)
    print(f"cores: {os.cpu_count()}, pages: {args.pages}, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp, "pages")
        pages.mkdir()
        make_pages(pages, args.pages)
        ref = Path(tmp, "jobs1")
        runs = [("`--jobs 1`", ref, run(pages, ref, ["--jobs", "1"]))]
        for n in (int(w) for w in args.workers.split(",")):
            out = Path(tmp, f"local{n}")
            runs.append((f"`--dask local:{n}`", out, run(pages, out, ["--dask", f"local:{n}"])))
        base = runs[0][2]
        print("| run | seconds | pages/s | CPU-s | pages per CPU-s | ms CPU per page | vs --jobs 1 | "
              "worker s/page (median) | same bytes | load avg (before → after) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, out, r in runs:
            rate = args.pages / r["seconds"]
            per_cpu = args.pages / r["cpu"] if r["cpu"] else float("nan")
            median = worker_seconds(out)
            same = "—" if out == ref else ("yes" if identical(ref, out) else "NO")
            status = "" if r["rc"] == 0 else f" (exit {r['rc']})"
            print(f"| {name}{status} | {r['seconds']:.1f} | {rate:.1f} | {r['cpu']:.1f} | {per_cpu:.1f} | "
                  f"{1000 * r['cpu'] / args.pages:.1f} | {base['seconds'] / r['seconds']:.2f}× | "
                  f"{'—' if median is None else f'{median * 1000:.0f} ms'} | {same} | {r['load']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
