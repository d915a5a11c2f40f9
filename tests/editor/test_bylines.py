"""Bylines in the forms Chinese papers set them; sentences that merely start with a role are not."""
import pytest

from editor.bylines import clean_byline, parse_byline


@pytest.mark.parametrize("text,reporters,correspondents", [
    ("□ 本 报 记 者  胡磊 薛良诚", ["胡磊", "薛良诚"], []),
    ("本报记者  龚  鸣  关皓宇", ["龚鸣", "关皓宇"], []),
    ("□记者 孙亚飞 通讯员 商贺 翟雪 报道", ["孙亚飞"], ["商贺", "翟雪"]),
    ("本报记者 张三、李四", ["张三", "李四"], []),
    ("文/本报记者 张三", ["张三"], []),
    ("本报驻京记者 李四", ["李四"], []),
    ("本 报 驻 京 记 者  李四", ["李四"], []),
    ("本报首席记者 王五 本报特约通讯员 赵六", ["王五"], ["赵六"]),
    ("本报全媒体记者 张三 通讯员 李四 文/图", ["张三"], ["李四"]),
    ("□本报记者 王小明 实习生 赵六", ["王小明", "赵六"], []),
    ("新华社记者 张三", ["张三"], []),
    ("（记者 王芳）", ["王芳"], []),
    ("本报记者张三", ["张三"], []),
    ("□ 本报评论员", [], []),
])
def test_byline_forms(text, reporters, correspondents):
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.reporters, byline.correspondents) == (reporters, correspondents)


@pytest.mark.parametrize("text", ["记者说", "记者走访发现", "本报记者从市里获悉", "首席记者说道",
                                  "记者了解到，今年以来", "今年4月份，作为全市"])
def test_sentences_are_not_bylines(text):
    assert parse_byline(text) is None


def test_clean_byline_closes_letter_spacing_and_keeps_every_word():
    assert clean_byline("□ 本 报 记 者  胡磊 薛良诚\n本报通讯员 马翼") == "本报记者 胡磊 薛良诚 本报通讯员 马翼"
    assert clean_byline("文/本报记者 张三") == "文/本报记者 张三"
    assert clean_byline("本报记者  龚  鸣  关皓宇") == "本报记者 龚鸣 关皓宇"
