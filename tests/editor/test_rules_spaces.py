"""Space rules: stray spaces flagged, conventional ones left alone."""
from functools import partial

from tests.editor import rules_helpers
from tests.editor.rules_helpers import TAIL, apply_fix, check, of, raw_text_at

HEAD = "城市书房让阅读触手可及\n\n□ 本报记者 周敏 通讯员 李华 报道\n\n"

body = partial(rules_helpers.body, head=HEAD)


def test_space_between_chinese_characters():
    page, flags = check(body("　　全市已建成城市书房86家，藏书 总量\n超过120万册。\n"))
    [flag] = of(flags, "space-between-cjk")
    assert raw_text_at(page, flag) == " " and apply_fix(page, flag).startswith("全市已建成城市书房86家，藏书总量")


def test_spaced_decimal_and_percent():
    page, flags = check(body("　　覆盖率达到48 %，产业总量达7 . 8亿\n元，同比增长1 2 . 5%。\n"))
    fixes = sorted(f.fix.replacement for f in of(flags, "spaced-number"))
    assert fixes == ["12.5%", "48%", "7.8"]
    assert all(str(f.severity) == "error" for f in of(flags, "spaced-number"))
    _page, flags = check(body("　　覆盖率达到48%，产业总量达7.8亿元，\n同比增长12.5%。\n"))
    assert not of(flags, "spaced-number")


def test_letter_spaced_roles_and_words():
    page, flags = check("城市书房让阅读触手可及\n\n□ 本 报 记 者  周敏 王 强\n    通讯员 李华 报道\n\n"
                        "　　全市已建成城市书房86家，藏书总量超\n过120万册。本 报 记 者了解到，书房很受\n欢迎。\n" + TAIL)
    spaced = of(flags, "letter-spaced")
    assert sorted(f.fix.replacement for f in spaced) == ["本报记者", "本报记者"]
    assert not of(flags, "space-between-cjk")  # "王 强": a padded name is the byline's convention
    _page, flags = check("城市书房让阅读触手可及\n\n□记 者 薛良诚\n   通讯员 吕振杰 王萌 报道\n\n"
                         "　　全市已建成城市书房86家，藏书总量超\n过120万册。\n" + TAIL)
    [flag] = of(flags, "letter-spaced")
    assert flag.fix.replacement == "记者" and flag.line == 3


def test_conventional_spaces_are_not_flagged():
    text = ("政企同心 暖企解难 助企提效\n\n聊城持续擦亮助企服务金字名片\n\n□记者 孙亚飞 通讯员 吴越 吴辰珂 报道\n"
            "　　本报聊城讯 “教书育人从立德树人做起。”\n老师说。\n　　本报记者 周敏 王强 通讯员 李华\n"
            "　　新华社北京8月12日电 今年以来，全国\n各地积极推进城市书房建设。\n" + TAIL)
    _page, flags = check(text)
    assert not [f for f in flags if f.category == "space"], flags


def test_space_after_dash_and_around_full_width_punctuation():
    page, flags = check(body("　　她又有了一个新身份—— 阳谷县盛世春\n和电商产业园中的主播 ，大家都很喜欢。\n"))
    found = of(flags, "space-around-punctuation")
    assert len(found) == 2 and all(f.fix.replacement == "" for f in found)


def test_tabs_runs_and_raw_whitespace():
    page, flags = check(body("　　该馆引入了名为 Smart  Library 的系\n统，读者\t可以自助借还。  \n  \n"
                             "　　书房还定期举办读书分享会、亲子阅\n读等活动。\n"))
    assert [f.fix.replacement for f in of(flags, "space-run")] == [" "]
    assert [f.fix.replacement for f in of(flags, "tab")] == [""]
    assert len(of(flags, "trailing-whitespace")) == 1 and len(of(flags, "whitespace-only-line")) == 1
    assert of(flags, "trailing-whitespace")[0].block_id == ""


def test_many_trailing_spaces_make_one_flag():
    lines = [f"　　第{n}段文字，内容完整而且通顺，没有问题。   \n" for n in range(1, 30)]
    _page, flags = check(HEAD + "".join(lines) + TAIL)
    [flag] = of(flags, "trailing-whitespace")
    assert "29" in flag.message_zh


def test_stray_space_at_a_line_break_inside_a_paragraph():
    # a space opening a line that goes on a paragraph (no indent), and one ending a line
    page, flags = check(body("　　海洋塑料污染正在严重损\n 害公约的执行成效，各方\n对此高度关注盐 \n碱地治理。\n"))
    got = of(flags, "space-at-line-break")
    assert [(f.line, f.column, f.end_column) for f in got] == [(6, 1, 2), (7, 8, 9)]
    assert all(f.severity == "info" and f.fix.action == "none" for f in got)
    assert "损害公约" in page.stories[0].blocks[2].text  # the join itself drops the space
    # an indent is no stray space, nor is a space at a break between Latin words
    _page, flags = check(body("　　新的一段开始了，说明\n情况。\n　　又一段 Smart\nFactory 的管理。\n"))
    assert not of(flags, "space-at-line-break")


def test_wide_space_between_the_phrases_of_a_quoted_title_is_kept():
    _page, flags = check(body("　　活动以“石榴花开　青春绽放”为主题，\n办法《关于激发市场活力  活跃消费的意\n见》同时发布，“文化 惠民”深受欢迎。\n"))
    flagged = [f.message_en for f in of(flags, "space-between-cjk")]
    assert len(flagged) == 1 and "化 惠" in flagged[0]  # one space inside quotes is still stray
