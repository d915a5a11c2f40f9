"""Flags' fixes as edits: what the proofreader gets when pressing Apply / Fix all."""
import pytest

from editor.edits import EditError, SetText
from editor.fixes import edit_for_flag, fix_all_edit
from editor.model import BlockKind
from editor.parser import parse_bytes, parse_text
from editor.rules import check_page


@pytest.fixture
def page(sample_bytes):
    return parse_bytes(sample_bytes)


def by_rule(page, rule):
    return [f for f in check_page(page) if f.rule == rule]


def test_spaced_number_fix_and_undo(page):
    [flag] = by_rule(page, "spaced-number")
    before = page.to_json()
    undo = edit_for_flag(page, flag).apply(page)
    assert "7.8亿元" in page.block(flag.block_id).text
    assert by_rule(page, "spaced-number") == []
    undo.apply(page)
    assert page.to_json() == before


def test_fix_all_letter_spaced_bylines_is_one_edit(page):
    flags = by_rule(page, "letter-spaced")
    assert len(flags) == 5
    edit, preview = fix_all_edit(page, flags)
    assert len(preview) == 5
    assert all("本报记者" in after or "记者" in after for _id, _before, after in preview)
    before = page.to_json()
    undo = edit.apply(page)
    assert by_rule(page, "letter-spaced") == []
    bylines = [b.text for _a, b in page.blocks() if b.kind == BlockKind.BYLINE]
    assert bylines[0].startswith("□ 本报记者")
    undo.apply(page)
    assert page.to_json() == before


def test_column_break_keep_break_splits_the_paragraph(page):
    flag = by_rule(page, "column-break-join")[0]
    assert edit_for_flag(page, flag) is None  # "join" accepts what the parser did
    ai, bi = page.find_block(flag.block_id)
    n = len(page.articles[ai].blocks)
    edit_for_flag(page, flag, alternative=True).apply(page)
    assert len(page.articles[ai].blocks) == n + 1
    assert page.articles[ai].blocks[bi + 1].text.startswith("全市工业投资")


def test_lost_join_merges_with_next():
    text = ("  今年我市新建公园十二处，新增绿地面积三百余公顷，\n"
            "  市民出门见绿的愿望正在变为现实。据介绍，这些公园\n"
            "大多建在老旧城区，方便居民就近休闲。\n")
    page = parse_text(text)
    flags = [f for f in check_page(page) if f.rule == "lost-join"]
    assert flags
    edit_for_flag(page, flags[0]).apply(page)
    paras = page.articles[0].all(BlockKind.PARAGRAPH)
    assert len(paras) == 1 and "愿望正在变为现实" in paras[0].text


def test_stale_flag_refused(page):
    [flag] = by_rule(page, "spaced-number")
    block = page.block(flag.block_id)
    SetText(block.id, "改写过的文字" + block.text).apply(page)
    with pytest.raises(EditError):
        edit_for_flag(page, flag)
