"""The open project without Qt: what the window shows is what the session answers."""
import json

import pytest

from editor import edits
from editor.flagbook import Checks, touched_blocks
from editor.arrange import BODY, rank
from editor.model import BlockKind
from editor.rules import check_page
from editor.rules.registry import RuleSettings
from editor.session import Session, load


@pytest.fixture
def session(sample_path, tmp_path):
    s = Session(recovery_dir=tmp_path / "recovery")
    events = []
    s.subscribe(lambda event, info: events.append(event))
    s.show(load(sample_path))
    s.take_flags(*s.check_copy(s.snapshot()))
    s.events = events
    return s


def rules_of(session):
    return [f.rule for f in session.flags]


def test_opening_and_the_first_check(session, sample_path):
    assert session.page.source == str(sample_path) and session.current.path == str(sample_path)
    assert session.events[:2] == ["opened", "flags"]
    assert session.flags_ready and session.flags == check_page(session.page)
    articles, paragraphs = session.counts()
    assert articles == len(session.page.articles) and paragraphs > 30


def test_lookups_from_raw_lines_and_flags(session):
    headline = next(b for _a, b in session.page.blocks() if b.kind == BlockKind.HEADLINE)
    assert session.block_at_line(headline.spans[0].line) == headline.id
    assert session.block_at_line(10 ** 6) == ""
    book = session.flag_book
    error = next(f for f in session.flags if str(f.severity) == "error")
    assert book.worst_by_line()[error.line - 1] == "error"
    assert book.worst_by_block()[error.block_id] == "error"
    assert error in book.by_block()[error.block_id]
    assert sum(book.counts().values()) == len(session.flags)


def test_an_edit_rechecks_only_the_blocks_it_touched(session):
    asked = []
    real = session.checks.blocks
    session.checks.blocks = lambda page, ids: (asked.append(set(ids)), real(page, ids))[1]
    flag = next(f for f in session.flags if f.rule == "spaced-number")
    others = [f for f in session.flags if f.block_id != flag.block_id]
    plan = session.fix_plan(flag)
    plan.edit.apply(session.page)
    session.recheck()
    assert len(asked) == 1 and flag.block_id in asked[0] and len(asked[0]) <= 4
    assert "spaced-number" not in rules_of(session)
    # flags of untouched blocks are the very same objects
    untouched = [o for o in others if o.block_id not in asked[0]]
    assert untouched and all(any(f is o for f in session.flags) for o in untouched)
    # and the result is what a whole-page check says
    assert sorted(f.key for f in session.flags) == sorted(f.key for f in check_page(session.page))


def test_the_rules_say_which_neighbours_an_edit_touches(session):
    page = session.page
    article = next(a for a in page.articles if len(a.blocks) >= 4)
    ai = page.articles.index(article)
    middle = 2
    info = {"article": ai, "index": middle, "block_id": article.blocks[middle].id}
    ids = [b.id for b in article.blocks]
    assert touched_blocks(page, "block_changed", info, frozenset()) == {ids[middle]}
    assert touched_blocks(page, "block_changed", info, frozenset({"next"})) == {ids[middle], ids[middle - 1]}
    assert touched_blocks(page, "block_changed", info, frozenset({"prev", "article"})) == \
        {ids[middle], ids[middle + 1], ids[0]}
    # the engine's rules: lost joins and quotes read the next block, "no headline" the article
    assert session.checks.reads() == frozenset({"next", "article"})
    removed = {"article": ai, "first": middle, "last": middle}
    assert touched_blocks(page, "blocks_removed", removed, frozenset({"next"})) == {ids[middle - 1]}


def test_ignoring_needs_no_recheck_and_is_undone_exactly(session):
    flag = session.flags[0]
    op = session.ignore_flag(flag)
    inverse = op.apply(session.project)
    session.refilter()
    assert flag.key not in [f.key for f in session.flags]
    inverse.apply(session.project)
    session.refilter()
    assert flag.key in [f.key for f in session.flags]
    rule = session.ignore_rule("column-break-join")
    rule.apply(session.project)
    session.refilter()
    assert "column-break-join" not in rules_of(session)


def test_a_fix_that_changes_nothing_settles_the_flag(session):
    join = next(f for f in session.flags if f.rule == "column-break-join")
    plan = session.fix_plan(join, action="join")  # the parser joined already: accept it
    assert plan.edit is None and plan.ignore is not None and join.key in plan.ignore.flag_keys
    split = session.fix_plan(join, action="keep_break")
    assert isinstance(split.edit, edits.SplitBlock)
    refused = session.fix_plan(join, action="replace")
    assert refused.refusal is not None and refused.edit is None


def test_a_stale_flag_is_refused_with_a_reason(session):
    flag = next(f for f in session.flags if f.rule == "spaced-number")
    edits.SetText(flag.block_id, "完全不同的文字。").apply(session.page)
    plan = session.fix_plan(flag)
    assert plan.stale and plan.edit is None and "changed" in str(plan.refusal)


def test_a_moved_block_goes_where_its_kind_belongs(session):
    page = session.page
    source, target = page.articles[1], page.articles[2]
    headline = source.first(BlockKind.HEADLINE)
    move = session.move_block(headline.id, target.id)
    move.apply(page)
    leading = [rank(b.kind) for b in target.blocks]
    at = [b.id for b in target.blocks].index(headline.id)
    # before the body, after the rest of the headline group (byline and dateline too)
    assert all(r < BODY for r in leading[:at]) and leading[at + 1] == BODY
    paragraph = source.first(BlockKind.PARAGRAPH)
    session.move_block(paragraph.id, target.id).apply(page)
    assert target.blocks[-1].id == paragraph.id


def test_fix_all_previews_each_flag_and_is_one_operation(session):
    flags = [f for f in session.flags if f.rule == "letter-spaced"]
    items = session.fix_all("letter-spaced")
    assert [i.flag for i in items] == flags and all(i.edit is not None for i in items)
    assert all("本 报" in i.before or "记 者" in i.before for i in items)
    assert not any("本 报" in i.after or "记 者" in i.after for i in items)
    before = session.page.to_json()
    undo = session.fix_all_operation(items[1:]).apply(session.project)  # the first one skipped
    bylines = [b.text for _a, b in session.page.blocks() if b.kind == BlockKind.BYLINE]
    assert "本 报 记 者" in bylines[0] and not any("记 者" in t for t in bylines[1:])
    undo.apply(session.project)
    assert session.page.to_json() == before


def test_replace_all_counts_and_previews(session):
    edit, count, preview = session.replace_all("聊城", "聊城市", regex=False, case=True)
    assert count >= len(preview) > 1 and all("聊城市" in after for _b, _x, after in preview)
    assert session.find("聊城", False, True)


def test_save_export_and_autosave(session, tmp_path):
    project = tmp_path / "page.jiaodui.json"
    session.save(project)
    assert session.current.project_path == str(project)
    assert json.loads(project.read_text(encoding="utf-8"))["format"] == "jiaodui-project"
    text = tmp_path / "page.txt"
    assert session.export(text, "text") == []
    assert "聊城" in text.read_text(encoding="utf-8")
    assert [str(p) for p in session.export_check()]  # the sample has an open error flag
    saved = session.autosave()
    assert saved is not None and session.pending_recovery() is not None
    session.restore(session.pending_recovery())
    assert session.current.project_path == str(project)
    session.discard_autosave()
    assert session.pending_recovery() is None


def test_a_check_of_our_own_choosing_honours_the_rule_settings(sample_path):
    from editor.rules.base import Category, Fix, Flag, Severity
    from editor.i18n import Message

    def fake(page):
        block = page.articles[0].blocks[0]
        return [Flag("tab", Category.SPACE, Severity.WARNING, 1, 1, 1, 2, Message.pair("测", "test"),
                     Fix("none"), 0.5, block.id, 0, 1)], {}
    settings = RuleSettings().with_severity("tab", "error")
    session = Session(Checks(fake, lambda: settings))
    session.show(load(sample_path))
    session.take_flags(*session.check_copy(session.snapshot()))
    assert [str(f.severity) for f in session.flags] == ["error"]
    session_off = Session(Checks(fake, lambda: RuleSettings().ignore(["tab"])))
    session_off.show(load(sample_path))
    session_off.take_flags(*session_off.check_copy(session_off.snapshot()))
    assert session_off.flags == []
