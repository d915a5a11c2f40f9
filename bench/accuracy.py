"""How well jiaodui reads pages it was not written for: the dev folders, scored.

    python bench/accuracy.py                 # every folder
    python bench/accuracy.py synthetic ocr   # some of them
    python bench/accuracy.py --devpages DIR  # another copy of the dev pages

Each folder of ``../shared/devpages`` (pages with a proofreader's gold beside each) is
exported and checked through ``main.py`` by the scorer of ``../shared/tools`` (the same
command a new user would run), and one table is printed: the figures, the targets of the
reading issue and a verdict per figure. The pages are for measuring only and are not part
of the project; without them the script says where it looked and stops.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: (name, folder, --where filter, targets {figure: (op, value)})
FOLDERS = [
    ("synthetic", "synthetic", None,
     {"paragraph_exact": (">=", 0.99), "headline_text_ok": (">=", 0.98), "dateline_ok": (">=", 0.98),
      "byline_names_f1_mean": (">=", 0.98), "count": (">=", 114), "extra": ("<=", 2),
      "unexplained_flags_per_page": ("<=", 1.0)}),
    ("pdf text, columns apart", "pdf", "layout.gutter_em=1.5,2.0",
     {"paragraph_exact": (">=", 0.85), "paragraph_close": (">=", 0.90), "headline_text_ok": (">=", 0.90),
      "dateline_ok": (">=", 0.90), "byline_names_f1_mean": (">=", 0.90), "count": (">=", 10),
      "extra": ("<=", 3), "unexplained_flags_per_page": ("<=", 3.0)}),
    ("pdf text, columns merged", "pdf", "layout.gutter_em=1.0", {"extra": ("<=", 3)}),
    ("ocr text", "ocr", None,
     {"paragraph_close": (">=", 0.85), "headline_close": (">=", 0.85), "count": (">=", 12),
      "extra": ("<=", 6)}),
    ("PDF files", "pdf/src", None,
     {"paragraph_exact": (">=", 0.98), "headline_text_ok": (">=", 0.98), "dateline_ok": (">=", 0.98),
      "byline_names_f1_mean": (">=", 0.98), "count": (">=", 16), "extra": ("<=", 0)}),
    ("hOCR files", "ocr/hocr", None, {"paragraph_close": (">=", 0.90), "count": (">=", 5)}),
]
COLUMNS = [("paragraph_exact", "para exact"), ("paragraph_close", "within 90%"), ("headline_text_ok", "headline"),
           ("headline_close", "headline ~"), ("dateline_ok", "dateline"), ("byline_names_f1_mean", "names F1"),
           ("count", "right count"), ("extra", "match none"), ("unexplained_flags_per_page", "unexpl./page")]


def score(devpages: Path, folder: str, where: str | None) -> dict | None:
    py = shlex.quote(sys.executable)
    main = shlex.quote(str(ROOT / "main.py"))
    cmd = [sys.executable, str(SHARED / "tools" / "score_pages.py"), str(devpages / folder), "--json",
           "--batch-export", f"{py} {main} export {{pages}} -o {{outdir}} --quiet",
           "--batch-check", f"{py} {main} check {{pages}} --format json"]
    if where:
        cmd += ["--where", where]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0 or not done.stdout.strip():
        print(f"{folder}: the scorer failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    out = json.loads(done.stdout)
    good, total = out["pages_with_exact_article_count"].split("/")
    out["count"] = int(good)
    out["pages_total"] = int(total)
    out["extra"] = int(out["extra_items"].split()[0])
    return out


def verdict(value, target) -> str:
    if target is None:
        return ""
    op, limit = target
    ok = value >= limit if op == ">=" else value <= limit
    return " ✓" if ok else f" ✗({op}{limit})"


def table(rows) -> str:
    head = "| folder | pages | " + " | ".join(title for _k, title in COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 2)]
    for name, out, targets in rows:
        cells = []
        for key, _title in COLUMNS:
            value = out.get(key)
            if value is None:
                cells.append("")
                continue
            shown = f"{value}/{out['pages_total']}" if key == "count" else (
                f"{value:.3f}" if isinstance(value, float) and key != "unexplained_flags_per_page" else str(value))
            cells.append(shown + verdict(value, targets.get(key)))
        lines.append(f"| {name} | {out['pages_total']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", help="synthetic, pdf, ocr, pdf/src, ocr/hocr (default: all)")
    ap.add_argument("--devpages", default=str(SHARED / "devpages"))
    args = ap.parse_args(argv)
    devpages = Path(args.devpages)
    if not devpages.is_dir() or not (SHARED / "tools" / "score_pages.py").is_file():
        print(f"no dev pages at {devpages} (or no scorer in {SHARED / 'tools'}): nothing to measure",
              file=sys.stderr)
        return 2
    rows = []
    for name, folder, where, targets in FOLDERS:
        if args.folders and folder not in args.folders:
            continue
        out = score(devpages, folder, where)
        if out is not None:
            rows.append((name, out, targets))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
