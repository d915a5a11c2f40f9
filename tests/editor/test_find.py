"""Find and replace over the article tree."""
import pytest

from editor.find import FindError, find_all, replace_all, replace_preview
from editor.parser import parse_bytes


@pytest.fixture
def page(sample_bytes):
    return parse_bytes(sample_bytes)


def test_find_plain_counts_every_occurrence(page):
    matches = find_all(page, "妈妈岗")
    assert len(matches) == sum(b.text.count("妈妈岗") for _a, b in page.blocks())
    assert len(matches) >= 6
    block = page.block(matches[0].block_id)
    assert block.text[matches[0].start:matches[0].end] == "妈妈岗"


def test_regex_replace_all_is_one_undo_step(page):
    before = page.to_json()
    edit, count = replace_all(page, r"(\d+) \. (\d+)", r"\1.\2", regex=True)
    assert count == 1
    undo = edit.apply(page)
    assert any("7.8亿元" in b.text for _a, b in page.blocks())
    undo.apply(page)
    assert page.to_json() == before


def test_plain_replacement_is_literal(page):
    changes = replace_preview(page, "聊城", r"\1")
    assert changes and all(r"\1" in after for _id, _b, after, _n in changes)


def test_bad_regex_is_a_clear_error(page):
    with pytest.raises(FindError, match="regular expression"):
        find_all(page, "([", regex=True)
    with pytest.raises(FindError, match="nothing"):
        find_all(page, "")


def test_no_match_no_edit(page):
    assert replace_all(page, "不存在的词语", "x") == (None, 0)
