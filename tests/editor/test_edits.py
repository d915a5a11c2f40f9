"""Edits change the tree as the user asked, undo exactly, and never lose text."""
import random
import re

import pytest

from editor import edits
from editor.model import BlockKind
from editor.parser import parse_bytes


@pytest.fixture
def page(sample_bytes):
    return parse_bytes(sample_bytes)


def squeeze(text):
    return re.sub(r"\s", "", text)


def all_text(page):
    return "".join(squeeze(b.text) for _a, b in page.blocks())


def test_set_text_and_undo(page):
    block = page.articles[1].blocks[1]
    before = page.to_json()
    inverse = edits.SetText(block.id, block.text.replace("7 . 8", "7.8")).apply(page)
    assert "7.8亿元" in page.block(block.id).text
    assert page.block(block.id).edited
    inverse.apply(page)
    assert page.to_json() == before


def test_split_then_merge_paragraph_restores_text_and_sources(page):
    block = page.articles[0].blocks[1]
    original = block.text
    cut = original.index("上岗后")
    inverse = edits.SplitBlock(block.id, cut).apply(page)
    art = page.articles[0]
    left, right = art.blocks[1], art.blocks[2]
    assert left.text.endswith("“助企专员”。") and right.text.startswith("上岗后")
    assert not left.edited and not right.edited  # each part still maps onto the raw page
    assert right.lines[0] == 6  # 0-based raw line of "上岗后" (line 7 on screen)
    edits.MergeWithNext(left.id).apply(page)
    assert page.articles[0].blocks[1].text == original
    assert len(page.articles[0].blocks) == len(art.blocks)
    inverse  # the split's own inverse is exercised below


def test_split_undo_redo_is_exact(page):
    block = page.articles[0].blocks[1]
    before = page.to_json()
    undo = edits.SplitBlock(block.id, 10).apply(page)
    after = page.to_json()
    redo = undo.apply(page)
    assert page.to_json() == before
    redo.apply(page)
    assert page.to_json() == after


def test_move_headline_to_other_article(page):
    head = page.articles[1].first(BlockKind.HEADLINE)
    target = page.articles[2]
    undo = edits.MoveBlock(head.id, target.id, 0).apply(page)
    assert page.articles[2].blocks[0] is head
    assert page.articles[1].first(BlockKind.HEADLINE) is None
    undo.apply(page)
    assert page.articles[1].first(BlockKind.HEADLINE) is head


def test_split_and_merge_articles(page):
    art = page.articles[0]
    n_blocks = len(art.blocks)
    undo = edits.SplitArticle(art.blocks[3].id).apply(page)
    assert len(page.articles) == 11
    assert len(page.articles[0].blocks) == 3
    assert len(page.articles[1].blocks) == n_blocks - 3
    edits.MergeArticles(page.articles[0].id).apply(page)
    assert len(page.articles) == 10 and len(page.articles[0].blocks) == n_blocks
    undo  # noqa: B018


def test_change_kind(page):
    block = page.articles[0].blocks[-2]  # the kicker
    assert block.kind == BlockKind.KICKER
    undo = edits.SetKind(block.id, BlockKind.SUBTITLE).apply(page)
    assert page.block(block.id).kind == BlockKind.SUBTITLE
    undo.apply(page)
    assert page.block(block.id).kind == BlockKind.KICKER


def test_events_tell_views_what_changed(page):
    seen = []
    page.subscribe(lambda event, info: seen.append((event, info)))
    block = page.articles[0].blocks[1]
    edits.SplitBlock(block.id, 5).apply(page)
    assert [e for e, _ in seen] == ["block_changed", "blocks_inserted"]
    assert seen[1][1] == {"article": 0, "first": 2, "last": 2}


def test_failed_compound_leaves_page_unchanged(page):
    before = page.to_json()
    bad = edits.Compound([edits.SetText(page.articles[0].blocks[1].id, "x"),
                          edits.SetText("no-such-block", "y")])
    with pytest.raises(KeyError):
        bad.apply(page)
    assert page.to_json() == before


def random_edit(page, rng):
    arts = page.articles
    ai = rng.randrange(len(arts))
    art = arts[ai]
    choice = rng.randrange(7)
    if not art.blocks or choice == 0:
        return edits.NewArticle(rng.randrange(len(arts) + 1))
    bi = rng.randrange(len(art.blocks))
    block = art.blocks[bi]
    if choice == 1 and len(block.text) > 2:
        return edits.SplitBlock(block.id, rng.randrange(1, len(block.text)))
    if choice == 2 and bi + 1 < len(art.blocks):
        return edits.MergeWithNext(block.id)
    if choice == 3:
        other = arts[rng.randrange(len(arts))]
        return edits.MoveBlock(block.id, other.id, rng.randrange(len(other.blocks) + 1))
    if choice == 4 and bi > 0:
        return edits.SplitArticle(block.id)
    if choice == 5 and ai + 1 < len(arts):
        return edits.MergeArticles(art.id)
    return edits.SetText(block.id, block.text[::-1][:rng.randrange(len(block.text) + 1)] + "改")


def test_500_edits_undo_redo_match_replay(sample_bytes):
    """Undo all, redo all: the model is exactly what applying the edits once gave."""
    rng = random.Random(7)
    page = parse_bytes(sample_bytes)
    start = page.to_json()
    undo_stack = []
    for _ in range(500):
        edit = random_edit(page, rng)
        undo_stack.append(edit.apply(page))
    end = page.to_json()
    redo_stack = [inverse.apply(page) for inverse in reversed(undo_stack)]
    assert page.to_json() == start
    for redo in reversed(redo_stack):
        redo.apply(page)
    assert page.to_json() == end


def test_structure_edits_never_lose_text(sample_bytes):
    rng = random.Random(11)
    page = parse_bytes(sample_bytes)
    chars = sorted(all_text(page))
    for _ in range(300):
        edit = random_edit(page, rng)
        if isinstance(edit, edits.SetText):
            continue
        edit.apply(page)
    assert sorted(all_text(page)) == chars
