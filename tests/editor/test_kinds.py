"""One table of block-kind facts, and what is derived from it."""
from lxml import etree

from editor.kinds import KINDS, BlockKind, kind_of_class, kinds_read_by, shortcut_kinds
from editor.model import Article, Block, Page
from editor.newsml import NITF, write_newsml
from editor.newsml_read import read_newsml


def test_every_kind_has_one_row_and_a_name_in_each_language():
    assert [i.kind for i in KINDS].count(BlockKind.HEADLINE) == 1
    assert {i.kind for i in KINDS} == set(BlockKind)
    for info in KINDS:
        assert info.name.text("en") and info.name.text("zh") != info.name.text("en")
    assert BlockKind.HEADLINE.label.text("zh") == "主题" and BlockKind.KICKER.label.text("zh") == "引题"


def test_shortcuts_are_distinct_numbers():
    numbers = [n for _k, n in shortcut_kinds()]
    assert numbers == sorted(set(numbers)) and all(1 <= n <= 9 for n in numbers)
    assert dict(shortcut_kinds())[BlockKind.FURNITURE] == 9


def test_which_rules_read_a_kind():
    assert BlockKind.FURNITURE not in kinds_read_by("space")
    assert kinds_read_by("encoding") == frozenset(BlockKind)
    assert BlockKind.BYLINE not in kinds_read_by("punctuation")
    assert BlockKind.UNASSIGNED not in kinds_read_by("join")
    assert BlockKind.HEADLINE.is_heading and not BlockKind.PARAGRAPH.is_heading


def test_the_nitf_classes_come_from_the_table_and_back():
    kinds = [BlockKind.KICKER, BlockKind.HEADLINE, BlockKind.SUBTITLE, BlockKind.PARAGRAPH,
             BlockKind.INTERTITLE, BlockKind.CAPTION, BlockKind.UNASSIGNED]
    article = Article([Block(k, f"{k}的文字") for k in kinds])
    xml = write_newsml(Page("x", [article]), sent="2024-01-01T00:00:00+00:00")
    root = etree.fromstring(xml)
    classes = [p.get("class") for p in root.iter(f"{{{NITF}}}p")]
    assert classes == [None, "intertitle", "caption", "unassigned"]
    assert [h.get("class") for h in root.iter(f"{{{NITF}}}hl2")] == ["kicker", "subtitle"]
    assert [b.kind for b in read_newsml(xml).articles[0].blocks] == kinds
    assert kind_of_class("p", "caption") == BlockKind.CAPTION and kind_of_class("p", "nope") is None
