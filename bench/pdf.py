"""Reading a PDF page, and opening it as a page (reader + parse → article tree), against
`pdftotext` of the same page, in one run.

usage: python bench/pdf.py [DIR_OR_PDF ...] [--repeat N]

For each page: the median of N runs of `pdftotext -enc UTF-8 -f n -l n PDF -` (a process,
as the user would run it), of opening the PDF and reading that page into a SourcePage
(PDFium's page load and text page, the qpdf stream checks, lines, reading order; in this
process, imports warm), and of opening it as the window and the CLI do
(``editor.loader.load_documents("PDF#n")``: the file's sha256, the reader, the parser's
article tree). Prints the times and their ratios to pdftotext per page and in total (the
issue's target for the tree: at most 2×). Needs poppler-utils (apt-get install poppler-utils).
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

from editor.loader import load_documents  # noqa: E402
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
    total_ref = total_ours = total_tree = 0.0
    print(f"{'page':<14}{'pdftotext':>12}{'reader':>10}{'ratio':>8}{'tree':>10}{'ratio':>8}{'lines':>7}")
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
            def tree():
                load_documents(f"{pdf_path}#{n}" if count > 1 else pdf_path)
            ours()   # warm: imports, the OS's file cache
            tree()
            r, o, t = (median_time(fn, args.repeat) for fn in (ref, ours, tree))
            total_ref, total_ours, total_tree = total_ref + r, total_ours + o, total_tree + t
            print(f"{pdf_path.name + ('#%d' % n if count > 1 else ''):<14}{r * 1000:>10.1f}ms"
                  f"{o * 1000:>8.1f}ms{o / r:>8.2f}{t * 1000:>8.1f}ms{t / r:>8.2f}{ours.lines:>7}")
    print(f"{'total':<14}{total_ref * 1000:>10.1f}ms{total_ours * 1000:>8.1f}ms{total_ours / total_ref:>8.2f}"
          f"{total_tree * 1000:>8.1f}ms{total_tree / total_ref:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
