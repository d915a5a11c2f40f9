"""The sample page comes out as a careful proofreader would have it (tests/data gold facts)."""
import re

import pytest

from editor.bylines import parse_byline
from editor.invariants import coverage, text_matches_sources
from editor.model import BlockKind
from editor.parser import parse_bytes


def squeeze(text):
    return re.sub(r"\s", "", text or "")


@pytest.fixture(scope="module")
def page(sample_bytes):
    return parse_bytes(sample_bytes, source="liaocheng-page.txt")


def test_ten_articles_in_reading_order(page, gold):
    assert len(page.articles) == len(gold["articles"]) == 10
    for article, expected in zip(page.articles, gold["articles"]):
        assert squeeze(article.headline) == squeeze(expected["headline"])


def test_paragraphs_exactly(page, gold):
    total = 0
    for article, expected in zip(page.articles, gold["articles"]):
        got = [squeeze(b.text) for b in article.all(BlockKind.PARAGRAPH)]
        want = [squeeze(p) for p in expected["paragraphs"]]
        # the gold normalises the page's three-em dash; the parser keeps what the page says
        got = [re.sub("—+", "——", p) for p in got]
        assert got == want
        total += len(got)
    assert total == 46


def test_kicker_of_first_article(page, gold):
    kickers = [[b.text for b in a.all(BlockKind.KICKER)] for a in page.articles]
    assert kickers[0] == [gold["articles"][0]["kicker"]]
    assert all(k == [] for k in kickers[1:])


def test_two_line_headlines_are_one_headline(page):
    heads = [a.all(BlockKind.HEADLINE) for a in page.articles]
    assert [h.text for h in heads[4]] == ["“四步”工作法推动矛盾高效化解"]
    assert heads[4][0].lines == (298, 300)


def test_datelines(page, gold):
    got = [(a.first(BlockKind.DATELINE).text if a.first(BlockKind.DATELINE) else None)
           for a in page.articles]
    assert got == [a["dateline"] for a in gold["articles"]]
    assert sum(1 for d in got if d) == 8


def test_byline_names_split_into_reporters_and_correspondents(page, gold):
    names = 0
    for article, expected in zip(page.articles, gold["articles"]):
        bylines = [parse_byline(b.text) for b in article.all(BlockKind.BYLINE)]
        assert all(bylines)
        assert sum((b.reporters for b in bylines), []) == expected["reporters"]
        assert sum((b.correspondents for b in bylines), []) == expected["correspondents"]
        names += len(expected["reporters"]) + len(expected["correspondents"])
    assert names == 25


def test_headlines_after_their_article_keep_source_lines(page, gold):
    for article, expected in zip(page.articles, gold["articles"]):
        heads = [b for b in article.blocks if b.kind.is_heading]
        first, last = expected["headline_line_range"]
        assert heads[0].lines[0] + 1 == first and heads[-1].lines[1] + 1 == last


def test_nothing_lost_nothing_twice(page):
    missing, duplicated = coverage(page)
    assert missing == [] and duplicated == []
    assert text_matches_sources(page) == []
    assert not any(b.edited for _a, b in page.blocks())  # each text is exactly its sources


def test_column_breaks_recorded_as_joins(page, gold):
    breaks = sorted(n + 1 for _a, b in page.blocks() if b.kind == BlockKind.PARAGRAPH
                    for j in b.joins for n in j.blank_lines)
    assert breaks == gold["flags"]["column_break_blank_lines"]["lines"]
