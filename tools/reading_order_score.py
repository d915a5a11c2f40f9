#!/usr/bin/env python3
"""How well the readers put a page's text in reading order, against gold files.

usage: reading_order_score.py DIR [--show N]

DIR holds PDFs (``pageNNN.pdf`` with ``pageNNN.gold.json`` and ``pageNNN.truth.txt``) or
OCR files (``*.hocr`` with a gold json whose ``page`` names the .hocr and whose
``source.alto`` names the ALTO of the same run). For each page, from the raw text of its
SourcePage (``SourcePage.raw_text()``) with all whitespace removed:

* paragraphs: share of the gold paragraphs that appear as ONE contiguous run (OCR: whose
  best-matching window reaches 90% similarity — the OCR text has misreadings);
* heads: the same for kickers, headlines and subtitles;
* conservation: every character of the source text exactly once — PDF: the true text
  (``truth.txt``); OCR: the words of the file itself — as missing / extra counts;
* OCR: whether the ALTO file of the same run gives the same raw text as the hOCR.

Needs rapidfuzz for OCR pages (``pip install rapidfuzz``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.decoding import InputError  # noqa: E402
from editor.readers.alto import read_alto  # noqa: E402
from editor.readers.hocr import read_hocr  # noqa: E402
from editor.readers.pdf import open_pdf  # noqa: E402

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return _WS.sub("", text)


def heads(gold) -> list[str]:
    return [a[k] for a in gold["articles"] for k in ("kicker", "headline", "subtitle") if a.get(k)]


def paragraphs(gold) -> list[str]:
    return [p for a in gold["articles"] for p in a["paragraphs"]]


def exact_share(items: list[str], raw: str) -> tuple[int, int, list[str]]:
    found, missed = 0, []
    for item in items:
        if squash(item) in raw:
            found += 1
        else:
            missed.append(item)
    return found, len(items), missed


def fuzzy_share(items: list[str], raw: str, cutoff: float = 90.0) -> tuple[int, int, list[str]]:
    from rapidfuzz import fuzz
    found, missed = 0, []
    for item in items:
        if fuzz.partial_ratio(squash(item), raw, score_cutoff=cutoff):
            found += 1
        else:
            missed.append(item)
    return found, len(items), missed


def conservation(source: str, raw: str) -> tuple[int, int, int]:
    want, got = Counter(squash(source)), Counter(squash(raw))
    return sum(want.values()), sum((want - got).values()), sum((got - want).values())


def score_pdf_dir(folder: Path, show: int) -> list[dict]:
    rows = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        pdf_path = folder / gold["page"]
        truth_path = pdf_path.with_suffix(".truth.txt")
        try:
            with open_pdf(pdf_path) as pdf:
                page = pdf.page(1)
        except InputError as exc:
            rows.append({"page": pdf_path.name, "error": str(exc)})
            continue
        raw = squash(page.raw_text())
        row = {"page": pdf_path.name, "gutter_em": gold.get("layout", {}).get("gutter_em")}
        row["para"] = exact_share(paragraphs(gold), raw)
        row["head"] = exact_share(heads(gold), raw)
        if truth_path.exists():
            row["chars"] = conservation(truth_path.read_text("utf-8"), page.raw_text())
        row["show"] = show
        rows.append(row)
    return rows


def score_ocr_dir(folder: Path, show: int) -> list[dict]:
    rows = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        hocr_path = folder / gold["page"]
        try:
            page = read_hocr(hocr_path)
        except InputError as exc:
            rows.append({"page": hocr_path.name, "error": str(exc)})
            continue
        raw = squash(page.raw_text())
        row = {"page": hocr_path.name}
        row["para"] = fuzzy_share(paragraphs(gold), raw)
        row["head"] = fuzzy_share(heads(gold), raw)
        row["chars"] = conservation(_all_words(hocr_path), page.raw_text())
        alto_name = (gold.get("source") or {}).get("alto")
        if alto_name and (folder / alto_name).exists():
            alto = read_alto(folder / alto_name)
            row["alto_same"] = squash(alto.raw_text()) == raw and \
                [ln.region for ln in alto.lines] == [ln.region for ln in page.lines]
            row["alto_para"] = fuzzy_share(paragraphs(gold), squash(alto.raw_text()))
        row["show"] = show
        rows.append(row)
    return rows


def _all_words(hocr_path: Path) -> str:
    """Every word of the hOCR file, straight from the XML (independent of the reader)."""
    from lxml import etree
    data = hocr_path.read_bytes()
    data = re.sub(rb"<!DOCTYPE[^>\[]*>", b"", data, count=1)
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    words = root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' ocrx_word ')]")
    return "".join("".join(w.itertext()) for w in words)


def fmt(pair) -> str:
    found, total = pair[0], pair[1]
    return f"{found}/{total} {found / total:.3f}" if total else "-"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print up to N missed items per page")
    args = ap.parse_args(argv)
    ocr = any(args.folder.glob("*.hocr"))
    rows = (score_ocr_dir if ocr else score_pdf_dir)(args.folder, args.show)
    totals = Counter()
    for row in rows:
        if "error" in row:
            print(f"{row['page']}: ERROR {row['error']}")
            totals["errors"] += 1
            continue
        para, head = row["para"], row["head"]
        total_chars, missing, extra = row.get("chars", (0, 0, 0))
        extra_cols = f"  gutter {row['gutter_em']}em" if row.get("gutter_em") is not None else ""
        if "alto_same" in row:
            extra_cols += f"  alto: {'same order' if row['alto_same'] else 'DIFFERENT'}" \
                          f" (paragraphs {fmt(row['alto_para'])})"
        print(f"{row['page']}: paragraphs {fmt(para)}  heads {fmt(head)}  "
              f"chars {total_chars} missing {missing} extra {extra}{extra_cols}")
        for item in (para[2] + head[2])[: row["show"]]:
            print(f"    missed: {item[:60]}")
        totals["para_found"] += para[0]
        totals["para"] += para[1]
        totals["head_found"] += head[0]
        totals["head"] += head[1]
        totals["chars"] += total_chars
        totals["missing"] += missing
        totals["extra"] += extra
        totals["pages"] += 1
        totals["pages_para_98"] += para[1] == 0 or para[0] / para[1] >= 0.98
        totals["alto_same"] += bool(row.get("alto_same"))
    print(f"TOTAL {totals['pages']} pages: paragraphs {fmt((totals['para_found'], totals['para']))}  "
          f"heads {fmt((totals['head_found'], totals['head']))}  chars {totals['chars']} "
          f"missing {totals['missing']} extra {totals['extra']}  "
          f"pages with paragraphs >= 0.98: {totals['pages_para_98']}/{totals['pages']}"
          + (f"  alto same order: {totals['alto_same']}/{totals['pages']}" if ocr else "")
          + (f"  errors {totals['errors']}" if totals["errors"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
