"""Typeset the bundled sample page (resources/samples/liaocheng-page.txt) as a one-page PDF
newspaper page: each article's headline across the page, its byline, its paragraphs in
three columns with 2-em indents. For the README's screenshot and the PDF benchmark, so that
neither needs a page that is not ours. Needs reportlab (in the test extras; its built-in
CID font STSong-Light needs no font file).

usage: python tools/sample_pdf.py OUT.pdf [--articles N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from editor.loader import load_path  # noqa: E402
from editor.model import BlockKind  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "liaocheng-page.txt"
FONT, SIZE, LEAD, MARGIN, GUTTER, COLUMNS = "STSong-Light", 9.0, 13.0, 36.0, 14.0, 3


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrapped lines of a paragraph, the first indented two characters."""
    text = "　　" + text.strip()
    return [text[k:k + width] for k in range(0, len(text), width)]


def article_lines(article, width: int) -> tuple[str, str, list[str]]:
    head = "".join(b.text for b in article.blocks if b.kind == BlockKind.HEADLINE)
    byline = " ".join(b.text.replace("\n", " ") for b in article.blocks if b.kind == BlockKind.BYLINE)
    body: list[str] = []
    dateline = ""
    for block in article.blocks:
        if block.kind == BlockKind.DATELINE:
            dateline = block.text
        elif block.kind == BlockKind.PARAGRAPH:
            body += wrap(dateline + block.text, width)
            dateline = ""
    return head, byline, body


def typeset(out: Path, articles: int) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    page = load_path(SAMPLE)
    width, height = A4
    column = (width - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
    chars = int(column // SIZE)
    c = canvas.Canvas(str(out), pagesize=A4)
    c.setFont(FONT, 8)
    c.drawString(MARGIN, height - 28, "聊城日报　2023年5月9日　星期二　第3版")
    y = 52.0
    for article in page.stories[:articles]:
        head, byline, body = article_lines(article, chars)
        rows = -(-len(body) // COLUMNS)
        if not head or y + 40 + rows * LEAD > height - MARGIN:
            continue
        c.setFont(FONT, 16)
        c.drawString(MARGIN, height - y - 16, head)
        y += 26
        if byline:
            c.setFont(FONT, 8)
            c.drawString(MARGIN, height - y - 8, byline)
            y += 16
        c.setFont(FONT, SIZE)
        for k, line in enumerate(body):
            x = MARGIN + (k // rows) * (column + GUTTER)
            c.drawString(x, height - y - SIZE - (k % rows) * LEAD, line)
        y += rows * LEAD + 18
    c.showPage()
    c.save()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=4)
    args = ap.parse_args(argv)
    print(typeset(args.out, args.articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
