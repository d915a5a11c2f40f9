"""Punctuation, structure and encoding rules: positive and negative examples."""
from tests.editor.rules_helpers import HEAD, TAIL, apply_fix, body, check, of


def test_dash_runs():
    page, flags = check(body("　　她又有了一个新身份———直播带货达\n人，还当上了讲师--大家都很佩服。\n"))
    assert sorted(f.fix.replacement for f in of(flags, "dash-run")) == ["——", "——"]
    _page, flags = check(body("　　她又有了一个新身份——直播带货达\n人。\n"))
    assert not of(flags, "dash-run")


def test_a_lone_dash_is_the_connecting_dash_and_kept():
    _page, flags = check(body("　　弗留利—威尼斯朱利亚大区也出现山\n火，恢复预计需要2—5年时间。\n"))
    assert not of(flags, "dash-run")


def test_nested_double_quotes_become_single():
    page, flags = check(body("　　“东阿县坚定不移守护绿水青山，因地\n制宜壮大“美丽经济”。”他说。\n"))
    [flag] = of(flags, "nested-double-quotes")
    assert apply_fix(page, flag).endswith("壮大‘美丽经济’。”他说。") and flag.line == 6
    assert not of(flags, "unbalanced-pair")
    _page, flags = check(body("　　通过“一次告知”“分阶段会商”搭建精细\n化服务桥梁，擦亮‘有求必应’名片。\n"))
    assert not of(flags, "nested-double-quotes") and not of(flags, "unbalanced-pair")


def test_unbalanced_quotes_and_brackets():
    _page, flags = check(body("　　他说：“下班后来坐一坐，看看书（尤其\n是周末，心里特别踏实。\n"))
    assert sorted(page_char(f) for f in of(flags, "unbalanced-pair")) == ["“", "（"]


def page_char(flag):
    return flag.anchor.split("[", 1)[1][0]


def test_quotation_running_on_into_next_paragraph_is_convention():
    _page, flags = check(body("　　他说：“下班后来坐一坐，看看书。\n", "　　“心里特别踏实，日子也更有奔头\n了。”\n"))
    assert not of(flags, "unbalanced-pair")


def test_half_width_punctuation_between_chinese():
    page, flags = check(body("　　书房延长开放时间到晚上十点,方便上\n班族阅读(尤其是周末)。时间: 8:30。\n"))
    found = of(flags, "halfwidth-punctuation")
    assert sorted(f.fix.replacement for f in found) == ["（尤其是周末）", "，", "："]
    [colon] = [f for f in found if f.fix.replacement == "："]
    assert apply_fix(page, colon).endswith("时间：8:30。")  # the space after it goes, the time stays
    _page, flags = check(body("　　该馆引入了名为 Smart Library (SL) 的\n系统, version 2.0。\n"))
    assert not of(flags, "halfwidth-punctuation")


def test_full_width_digits_and_ellipsis():
    page, flags = check(body("　　年接待读者达到３５万人次。心里特别\n踏实。。。还有…下一步……\n"))
    assert [f.fix.replacement for f in of(flags, "fullwidth-alnum")] == ["35"]
    assert [f.fix.replacement for f in of(flags, "ellipsis")] == ["……", "……"]


def test_character_doubled_across_a_line_break():
    page, flags = check(body("　　我们希望每个人都能在这里找到喜欢的\n的书，也希望大家常常\n常来看看。\n"))
    [flag] = of(flags, "doubled-char")
    assert apply_fix(page, flag).startswith("我们希望每个人都能在这里找到喜欢的书")
    assert flag.line == 5 and flag.end_line == 6


# --- structure ------------------------------------------------------------------------

def test_article_without_headline():
    _page, flags = check("　　全市已建成城市书房86家，藏书总量超\n过120万册。\n" + TAIL)
    assert len(of(flags, "missing-headline")) == 1
    _page, flags = check(body("　　全市已建成城市书房86家。\n"))
    assert not of(flags, "missing-headline")


def test_unterminated_last_paragraph():
    _page, flags = check(HEAD + "　　全市已建成城市书房86家，藏书总量超\n过120万册。\n　　负责人表示，下一步将推出线上预约服\n务")
    [flag] = of(flags, "unterminated-paragraph")
    assert flag.length == 1 and flag.line == 8
    _page, flags = check(body("　　全市已建成城市书房86家，藏书总量超\n过120万册。\n"))
    assert not of(flags, "unterminated-paragraph")


def test_unassigned_text():
    page, flags = check(body("　　全市已建成城市书房86家。\n") + "\n※※※\n")
    kinds = {b.kind.value for _a, b in page.blocks()}
    assert ("unassigned" in kinds) == bool(of(flags, "unassigned-text"))


# --- encoding -------------------------------------------------------------------------

def test_bad_characters():
    page, flags = check(body("　　全市已建成城市书房\u200b86家，藏书总量\n超过120万册，锟斤拷读者\ufffd满意。\n"))
    found = of(flags, "bad-character")
    assert len(found) == 3
    zw = [f for f in found if f.fix.action == "replace"]
    assert len(zw) == 1 and "\u200b" not in apply_fix(page, zw[0])
    _page, flags = check(body("　　全市已建成城市书房86家。\n"))
    assert not of(flags, "bad-character")
