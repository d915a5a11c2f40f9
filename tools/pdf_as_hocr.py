#!/usr/bin/env python3
"""Write PDF pages out as Tesseract-like hOCR, to measure the OCR reading order on more layouts.

usage: pdf_as_hocr.py SRC OUT [--rules] [--merge EMS]

For each ``SRC/*.gold.json`` whose ``page`` is a PDF: the page's lines, at 300 dpi, as an
hOCR page the way Tesseract writes one — a word per character (ink boxes a little narrower
than their cells), and the lines of one row run together across gaps narrower than
``--merge`` ems (2 by default: Tesseract's page segmentation reads narrow gutters through).
With ``--rules`` the PDF's rules go in as ``ocr_separator``s. Beside each, a copy of the gold
naming the .hocr, so that ``reading_order_score.py OUT`` scores it. For measuring only: the
output is no real OCR (no misreadings, no stray marks, no skew).
"""
from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import editor.readers.pdf as pdf_reader  # noqa: E402

SCALE = 300 / 72


def page_with_rules(path: Path):
    """The SourcePage of a PDF's first page and the rules its reading order was given."""
    seen = {}
    order = pdf_reader.order_lines

    def spy(lines, width, height, rules=()):
        seen["rules"] = list(rules)
        return order(lines, width, height, rules)

    pdf_reader.order_lines = spy
    try:
        with pdf_reader.open_pdf(path) as pdf:
            return pdf.page(1), seen.get("rules", [])
    finally:
        pdf_reader.order_lines = order


def rows_of(lines, merge: float):
    """Lines of one row run together across gaps narrower than ``merge`` sizes."""
    rows = []
    for ln in sorted(lines, key=lambda ln: (round(ln.box.y0), ln.box.x0)):
        last = rows[-1][-1] if rows else None
        if (last is not None and abs(last.box.y0 - ln.box.y0) < 0.3 * ln.size
                and 0 < ln.box.x0 - last.box.x1 < merge * ln.size and abs(last.size - ln.size) < 0.2 * ln.size):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def hocr_line(row) -> str:
    words = []
    for ln in row:
        n = len(ln.text)
        xs = list(ln.char_x) if len(ln.char_x) == n else [ln.box.x0 + k * ln.box.width / n for k in range(n)]
        for k, ch in enumerate(ln.text):
            if ch.isspace():
                continue
            x0, x1 = xs[k], xs[k + 1] if k + 1 < n else ln.box.x1
            x1 = max(x0 + 0.5, x1 - 0.08 * ln.size)
            words.append(f"<span class='ocrx_word' title='bbox {x0 * SCALE:.0f} {ln.box.y0 * SCALE:.0f} "
                         f"{x1 * SCALE:.0f} {ln.box.y1 * SCALE:.0f}; x_wconf 90'>{html.escape(ch)}</span>")
    box = [min(ln.box.x0 for ln in row), min(ln.box.y0 for ln in row),
           max(ln.box.x1 for ln in row), max(ln.box.y1 for ln in row)]
    bbox = " ".join(f"{v * SCALE:.0f}" for v in box)
    return f"<span class='ocr_line' title='bbox {bbox}'>{''.join(words)}</span>"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--rules", action="store_true", help="write the PDF's rules as ocr_separators")
    ap.add_argument("--merge", type=float, default=2.0, help="run lines together across gaps under this many ems")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for gold_path in sorted(args.src.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        if not gold.get("page", "").endswith(".pdf"):
            continue
        page, rules = page_with_rules(args.src / gold["page"])
        seps = "".join(f"<div class='ocr_separator' title='bbox {r.x0 * SCALE:.0f} {r.y0 * SCALE:.0f} "
                       f"{r.x1 * SCALE:.0f} {r.y1 * SCALE:.0f}'></div>" for r in rules) if args.rules else ""
        body = "".join(hocr_line(row) for row in rows_of(page.lines, args.merge))
        name = gold_path.name.replace(".gold.json", ".hocr")
        (args.out / name).write_text(
            "<html xmlns='http://www.w3.org/1999/xhtml'><body><div class='ocr_page' title='bbox 0 0 "
            f"{page.width * SCALE:.0f} {page.height * SCALE:.0f}'>{seps}<div class='ocr_carea'><p class='ocr_par'>"
            f"{body}</p></div></div></body></html>", "utf-8")
        gold["page"] = name
        gold.pop("source", None)
        (args.out / gold_path.name).write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
