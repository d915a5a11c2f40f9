"""Reading a PDF page into a SourcePage, against `pdftotext` of the same page, in one run.

usage: python bench/pdf.py [DIR_OR_PDF ...] [--repeat N]

For each page: the median of N runs of `pdftotext -enc UTF-8 -f n -l n PDF -` (a process,
as the user would run it) and of opening the PDF and reading that page into a SourcePage
(PDFium's page load and text page, the qpdf stream checks, lines, reading order; in this
process, imports warm). Prints the times and their ratio per page and in total. Needs
poppler-utils (apt-get install poppler-utils).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.readers.pdf import open_pdf  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "devpages" / "pdf" / "src"


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    if not shutil.which("pdftotext"):
        print("pdftotext not found: apt-get install poppler-utils", file=sys.stderr)
        return 2
    pdfs = [p for path in args.paths for p in (sorted(path.glob("*.pdf")) if path.is_dir() else [path])]
    total_ref = total_ours = 0.0
    print(f"{'page':<14}{'pdftotext':>12}{'reader':>10}{'ratio':>8}{'lines':>7}")
    for pdf_path in pdfs:
        with open_pdf(pdf_path) as pdf:
            count = pdf.count
        for n in range(1, count + 1):
            def ref():
                subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n),
                                str(pdf_path), "-"], check=True, stdout=subprocess.DEVNULL)

            def ours():
                with open_pdf(pdf_path) as pdf:
                    ours.lines = len(pdf.page(n).lines)
            ours()   # warm: imports, the OS's file cache
            r, o = median_time(ref, args.repeat), median_time(ours, args.repeat)
            total_ref += r
            total_ours += o
            print(f"{pdf_path.name + ('#%d' % n if count > 1 else ''):<14}{r * 1000:>10.1f}ms"
                  f"{o * 1000:>8.1f}ms{o / r:>8.2f}{ours.lines:>7}")
    print(f"{'total':<14}{total_ref * 1000:>10.1f}ms{total_ours * 1000:>8.1f}ms{total_ours / total_ref:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
