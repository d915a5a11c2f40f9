"""The sample's articles set again in other layouts: the parser must recover the same tree.

The gold articles (what a proofreader made of the sample) are typeset anew — other column
widths, indents, column breaks at other places, headlines above or below, bylines in other
forms — and parsed. Text, paragraphs, headlines, names and datelines must come back whole.
"""
import random
import re

import pytest

from editor.bylines import parse_byline
from editor.invariants import coverage
from editor.model import BlockKind
from editor.parser import parse_text
from editor.text import cells
from editor.rules import check_page


def squeeze(text):
    return re.sub(r"\s", "", text or "")


def wrap(text, width):
    """Lines of ``width`` Chinese characters, as a column sets them: digits and Latin
    letters are half as wide, so a line holding them holds more characters."""
    lines, line, used = [], "", 0
    for ch in text:
        w = cells(ch)
        if used + w > 2 * width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return lines + [line] if line else lines


def byline_lines(article, style, indent):
    reps, cors = " ".join(article["reporters"]), " ".join(article["correspondents"])
    if style == 0:
        return [f"{indent}□记者 {reps} 通讯员 {cors} 报道"]
    if style == 1:
        return [f"{indent}本报记者 {reps}", f"{indent}本报通讯员 {cors}"]
    return [f"{indent}□ 本 报 记 者  {reps}", f"{indent}{indent}本报通讯员 {cors}"]


def typeset(gold, width, indent, headline_first, break_rate, byline_style, seed, blank_between=False):
    """The page, and the 1-based numbers of the blank lines set inside paragraphs."""
    rng = random.Random(seed)
    lines: list[str] = []
    breaks: list[int] = []
    for article in gold["articles"]:
        heads = [h for h in (article.get("kicker"),) if h] + article["headline_lines"][
            (1 if article.get("kicker") else 0):]
        head_block = []
        for h in heads:
            head_block += [h, ""]
        body = byline_lines(article, byline_style, indent)
        body_breaks = []
        for k, para in enumerate(article["paragraphs"]):
            text = para
            if k == 0 and article.get("dateline"):
                text = f"{article['dateline']} {para}"
            wrapped = wrap(text, width)
            for n, piece in enumerate(wrapped):
                body.append((indent if n == 0 else "") + piece)
                if n + 1 < len(wrapped) and rng.random() < break_rate:
                    body.append("")  # the column ends here, the paragraph goes on
                    body_breaks.append(len(body))
            if blank_between:
                body.append("")
        body.append("")
        before = lines + head_block if headline_first else lines
        breaks += [len(before) + n for n in body_breaks]
        lines += head_block + body if headline_first else body + [""] + head_block
    return "\n".join(lines), breaks


LAYOUTS = [  # width, indent, headline first, column-break rate, byline style
    (12, "  ", False, 0.10, 0),
    (16, "\u3000\u3000", True, 0.08, 1),
    (22, "  ", True, 0.05, 2),
    (30, "\t", False, 0.05, 1),
    (18, "    ", False, 0.15, 2),
    (8, "  ", False, 0.10, 0),
]


@pytest.mark.parametrize("width", [14, 25])
def test_no_indents_paragraphs_set_apart_by_blank_lines(gold, width):
    """Web-extracted text: no indent, a blank line between paragraphs, no column breaks."""
    page = parse_text(typeset(gold, width, "", True, 0.0, 1, seed=width, blank_between=True)[0])
    assert coverage(page) == ([], [])
    got = [[squeeze(b.text) for b in a.all(BlockKind.PARAGRAPH)] for a in page.articles]
    assert got == [[squeeze(p) for p in a["paragraphs"]] for a in gold["articles"]]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda l: f"w{l[0]}-{'first' if l[2] else 'after'}")
def test_sample_articles_in_another_layout(gold, layout):
    width, indent, headline_first, rate, style = layout
    text, _breaks = typeset(gold, width, indent, headline_first, rate, style, seed=width)
    page = parse_text(text)
    assert coverage(page) == ([], [])
    assert len(page.articles) == len(gold["articles"])
    for article, expected in zip(page.articles, gold["articles"]):
        heads = "".join(b.text for b in article.blocks if b.kind.is_heading)
        assert squeeze(heads) == squeeze((expected.get("kicker") or "") + expected["headline"])
        got = [squeeze(b.text) for b in article.all(BlockKind.PARAGRAPH)]
        assert got == [squeeze(p) for p in expected["paragraphs"]]
        dateline = article.first(BlockKind.DATELINE)
        assert (dateline.text if dateline else None) == expected.get("dateline")
        names = [parse_byline(b.text) for b in article.all(BlockKind.BYLINE)]
        assert sum((n.reporters for n in names), []) == expected["reporters"]
        assert sum((n.correspondents for n in names), []) == expected["correspondents"]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda l: f"w{l[0]}-{'first' if l[2] else 'after'}")
def test_flags_in_another_layout(gold, layout):
    """Every column break is flagged for review; letter-spaced roles are flagged; the spaces
    between byline names and after datelines are not."""
    width, indent, headline_first, rate, style = layout
    text, breaks = typeset(gold, width, indent, headline_first, rate, style, seed=width)
    page = parse_text(text)
    flags = check_page(page)
    joins = [f for f in flags if f.category == "join"]
    assert breaks and all(any(f.line <= n + 1 and f.end_line >= n - 1 for f in joins) for n in breaks)
    lines = text.split("\n")
    spaces = [f for f in flags if f.category == "space"]
    for n, line in enumerate(lines, 1):
        if "本 报 记 者" in line:
            assert any(f.line == n for f in spaces), line
        for conventional in ("讯 ", "报道"):
            col = line.find(conventional)
            if col >= 0 and conventional == "讯 ":
                assert not any(f.line == n and f.column <= col + 2 < f.end_column for f in spaces), line
    names = [" ".join(a["reporters"]) for a in gold["articles"] if len(a["reporters"]) > 1]
    for n, line in enumerate(lines, 1):
        for joined in names:
            col = line.find(joined)
            if col >= 0:
                gap = col + 1 + joined.index(" ")  # 1-based column of the space between names
                assert not any(f.line == n and f.column <= gap < f.end_column for f in spaces), line

