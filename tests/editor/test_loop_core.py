"""The proofreading loop without Qt: keeping a break, fix-all item by item, find as the
reader reads, restoring ignored flags, the tree's headline order and moves."""
import json

import pytest

from editor import edits
from editor.arrange import CHOICES, tree_order
from editor.kinds import BlockKind
from editor.parser import parse_text
from editor.project import Project, load_project, save_project
from editor.session import Session, load


@pytest.fixture
def session(sample_path):
    s = Session()
    s.show(load(sample_path))
    s.take_flags(*s.check_copy(s.snapshot()))
    return s


def act(session, op):
    """Apply an operation on the project as the window would, then re-check."""
    undo = op.apply(session.project)
    session.recheck()
    session.refilter()
    return undo


def rules_at(session, line):
    return {f.rule for f in session.flags if f.line <= line <= f.end_line}


# --- K keeps the break ------------------------------------------------------------------

def test_keeping_a_column_break_raises_no_flag_there_and_is_saved(session, tmp_path):
    join = next(f for f in session.flags if f.rule == "column-break-join")
    place = (join.line, join.end_line)
    plan = session.fix_plan(join, "keep_break")
    undo = act(session, plan.operation)
    # the paragraph is split; without the kept break the rules flag the new boundary
    raw = session.flag_book.all
    assert any(f.rule == "lost-join" and (f.line, f.end_line) == place for f in raw)
    assert not [f for f in session.flags if (f.line, f.end_line) == place]
    assert [why for f, why in session.ignored_flags() if f.rule == "lost-join"] == ["break"]
    path = tmp_path / "p.json"
    session.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["kept_breaks"] == [f"{place[0]}>{place[1]}"]
    assert load_project(path).kept_breaks == {f"{place[0]}>{place[1]}"}
    act(session, undo)  # one step: the split and the kept break both undone
    assert join.key in [f.key for f in session.flags] and not session.project.kept_breaks


def test_restoring_a_kept_break_shows_its_flag_again(session):
    join = next(f for f in session.flags if f.rule == "column-break-join")
    act(session, session.fix_plan(join, "keep_break").operation)
    lost, why = next((f, w) for f, w in session.ignored_flags() if f.rule == "lost-join")
    act(session, session.restore_flag(lost, why))
    assert lost.key in [f.key for f in session.flags]


def test_restoring_an_ignored_rule(session):
    act(session, session.ignore_rule("letter-spaced"))
    hidden = [(f, w) for f, w in session.ignored_flags() if f.rule == "letter-spaced"]
    assert len(hidden) == 5 and {w for _f, w in hidden} == {"rule"}
    act(session, session.restore_flag(*hidden[0]))
    assert sum(f.rule == "letter-spaced" for f in session.flags) == 5


# --- A on join flags, item by item ------------------------------------------------------

def test_fix_all_of_column_break_joins_accepts_the_ticked_ones_in_one_step(session):
    flags = [f for f in session.flags if f.rule == "column-break-join"]
    items = session.fix_all("column-break-join")
    assert len(items) == len(flags) == 12
    assert all(i.edit is None and "¦" in i.before for i in items)
    before = session.page.to_json()
    undo = act(session, session.fix_all_operation(items[:-1]))  # the last one unticked
    left = [f for f in session.flags if f.rule == "column-break-join"]
    assert [f.key for f in left] == [flags[-1].key]
    assert session.page.to_json() == before  # accepting joins changes no text
    act(session, undo)
    assert sum(f.rule == "column-break-join" for f in session.flags) == 12


def test_fix_all_of_lost_joins_merges_each_chosen_pair():
    text = ("  今年我市新建公园十二处，新增绿地面积三百余公顷，\n"
            "  市民出门见绿的愿望正在变为现实。据介绍，这些公园\n"
            "大多建在老旧城区，方便居民就近休闲。\n"
            "  公园里的健身器材，\n"
            "  由区里统一采购安装，每天都有人来锻炼。\n")
    project = Project(parse_text(text))
    session = Session()
    session.set_project(project, "")
    session.take_flags(*session.check_copy(session.snapshot()))
    items = session.fix_all("lost-join")
    assert len(items) == 2 and all(isinstance(i.edit, edits.MergeWithNext) for i in items)
    assert "¶" in items[0].before and "¶" not in items[0].after
    act(session, session.fix_all_operation(items))
    paragraphs = [b.text for _a, b in session.page.blocks() if b.kind == BlockKind.PARAGRAPH]
    assert len(paragraphs) == 2 and paragraphs[1].startswith("公园里的健身器材，由区里")


# --- find as the reader reads -----------------------------------------------------------

def test_a_word_broken_over_raw_lines_is_one_match_with_both_raw_places(session):
    lines = session.page.raw_lines
    broken = [m for m in session.find("林长") if len(m.raw) == 2]
    assert len(broken) == 1
    (l1, s1, e1), (l2, s2, e2) = broken[0].raw
    assert lines[l1][s1:e1] + lines[l2][s2:e2] == "林长" and l2 == l1 + 1


def test_whole_word_by_jieba_does_not_hit_a_longer_word(session):
    every = session.find("林长")
    whole = session.find("林长", whole_word=True)
    assert len(whole) == len(every) - 1
    missed = set(every) - set(whole)
    block = session.page.block(missed.pop().block_id)
    assert "林长制" in block.text


def test_replace_the_chosen_matches_only_in_one_edit(session):
    rows = session.replacements("聊城", "聊城■")
    assert len(rows) > 3 and all(r.new == "聊城■" for r in rows)
    chosen = rows[1:3]
    before = session.page.to_json()
    undo = session.replace_operation(chosen).apply(session.page)
    texts = {b.id: b.text for _a, b in session.page.blocks()}
    assert sum(t.count("聊城■") for t in texts.values()) == 2
    for row in chosen:
        assert "聊城■" in texts[row.match.block_id]
    undo.apply(session.page)
    assert session.page.to_json() == before


def test_regex_replacement_per_match(session):
    [row] = session.replacements(r"(\d) \. (\d)", r"\1.\2", regex=True)
    assert row.new == "7.8" and "7.8亿元" in row.after


# --- the tree's order and moves ---------------------------------------------------------

def test_the_headline_group_stands_at_the_top_in_the_tree_not_in_the_page(session):
    article = session.page.articles[0]
    assert article.blocks[-1].kind == BlockKind.HEADLINE  # raw order: set after the story
    shown = [b.kind for b in tree_order(article.blocks)]
    assert shown[:3] == [BlockKind.KICKER, BlockKind.HEADLINE, BlockKind.BYLINE]
    assert [b.kind for b in article.blocks][-2:] == [BlockKind.KICKER, BlockKind.HEADLINE]


def test_alt_up_and_down_follow_the_tree_order(session):
    page = session.page
    article = page.articles[1]
    body = [b for b in tree_order(article.blocks) if b.kind == BlockKind.PARAGRAPH]
    step = session.move_step(body[1].id, -1)
    step.move.apply(page)
    assert [b.id for b in tree_order(article.blocks) if b.kind == BlockKind.PARAGRAPH][:2] == \
        [body[1].id, body[0].id]
    first = session.move_step(body[1].id, -1)  # first of the body: into the article before
    assert first.article_id == page.articles[0].id
    first.move.apply(page)
    assert tree_order(page.articles[0].blocks)[-1].id == body[1].id
    headline = article.first(BlockKind.HEADLINE)
    assert session.move_step(headline.id, +1).refusal is not None  # the group keeps its order
    assert session.move_step(page.articles[0].blocks[0].id, -1).refusal is not None  # top of page


@pytest.mark.parametrize("choice", CHOICES)
def test_a_headline_moved_into_an_article_with_one(session, choice):
    page = session.page
    source, target = page.articles[1], page.articles[2]
    moved, old = source.first(BlockKind.HEADLINE), target.first(BlockKind.HEADLINE)
    assert session.move_needs_choice(moved.id, target.id)
    assert not session.move_needs_choice(target.blocks[1].id, source.id)
    move = session.move_block(moved.id, target.id)
    undo = session.headline_move(move, choice).apply(page)
    kinds = {b.id: b.kind for b in target.blocks}
    assert moved.id in kinds
    if choice == "replace":
        assert old.id not in kinds and source.first(BlockKind.HEADLINE).id == old.id
    elif choice == "subtitle":
        assert kinds[moved.id] == BlockKind.SUBTITLE and kinds[old.id] == BlockKind.HEADLINE
    else:
        assert [b.id for b in target.all(BlockKind.HEADLINE)] == [old.id, moved.id] or \
            set(b.id for b in target.all(BlockKind.HEADLINE)) == {old.id, moved.id}
        session.recheck()
        session.refilter()
        assert "two-headlines" in {f.rule for f in session.flags}
    undo.apply(page)
    assert source.first(BlockKind.HEADLINE).id == moved.id and target.first(BlockKind.HEADLINE).id == old.id


def test_kept_breaks_survive_a_save_and_reopen(tmp_path, sample_path):
    session = Session()
    session.show(load(sample_path))
    session.take_flags(*session.check_copy(session.snapshot()))
    join = next(f for f in session.flags if f.rule == "column-break-join")
    act(session, session.fix_plan(join, "keep_break").operation)
    path = tmp_path / "p.json"
    save_project(session.project, path)
    again = Session()
    again.show(load(path))
    again.take_flags(*again.check_copy(again.snapshot()))
    assert not [f for f in again.flags if (f.line, f.end_line) == (join.line, join.end_line)]
