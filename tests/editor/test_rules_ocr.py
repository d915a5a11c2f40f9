"""OCR's own mistakes: misread characters, OCR punctuation, word confidence. Constructed
pages (no dev-page text); each rule with what it must flag and what it must leave alone."""
from editor.edits import Compound
from editor.fixes import fix_all_edit
from editor.parser import parse_text
from editor.rules import check_page
from editor.rules.similar import neighbours
from tests.editor.rules_helpers import HEAD, apply_fix, body, check, of

#: A paragraph set the way Tesseract sets punctuation: half-width marks with spaces after
#: them. Pages with such signs of OCR get a lower bar for the misread rule.
OCR_SIGNS = "　　记者获悉: 活动吸引了市民; 有人问: 书够吗? 够了!\n"


def para(text: str) -> str:
    return "　　" + text + "\n"


# --- the look-alike table ------------------------------------------------------------------

def test_look_alike_table_pairs_what_ocr_confuses():
    for a, b in ("冢家", "乎平", "士土", "未末", "己已", "人入", "仪仅", "干千"):
        assert b in neighbours(a) and a in neighbours(b), (a, b)
    assert "水" not in neighbours("火") or neighbours("火")["水"] < neighbours("冢").get("家", 1)


def test_look_alike_table_pairs_characters_that_share_a_half():
    # 粮/狼 (良 on the right), 验/险 (佥), 根/跟 (艮): alike by a part more than as a whole
    for a, b in ("粮狼", "验险", "根跟"):
        assert b in neighbours(a) and a in neighbours(b), (a, b)


def test_look_alike_sharing_a_half_is_the_fix_on_ocr_pages():
    page, flags = check(body(OCR_SIGNS, para("他给全家都买了保验，心里踏实多了。")))
    [flag] = of(flags, "misread-char")
    assert flag.fix.replacement == "险" and "保险" in flag.message_zh
    _page, flags = check(body(OCR_SIGNS, para("田里的狼食收成很好，农民们很高兴。")))
    assert [f.fix.replacement for f in of(flags, "misread-char")] == ["粮"]
    for right in ("他给全家都买了保险，心里踏实多了。", "学校开展安全检验工作，家长放心。",
                  "山里有狼，牧民们夜里轮流守着羊群。"):
        _page, flags = check(body(OCR_SIGNS, para(right)))
        assert not of(flags, "misread-char"), right


# --- misread-char ---------------------------------------------------------------------------

def test_misread_character_gets_the_look_alike_as_fix():
    page, flags = check(body(para("全市图书馆由国冢投资建设，市民十分满意。")))
    [flag] = of(flags, "misread-char")
    assert flag.fix.replacement == "家" and "国家" in flag.message_zh
    assert apply_fix(page, flag).startswith("全市图书馆由国家投资建设")
    _page, flags = check(body(para("全市图书馆由国家投资建设，市民十分满意。")))
    assert not of(flags, "misread-char")


def test_pages_that_show_ocr_get_a_lower_bar():
    text = para("村口有一个士堆，孩子们常在上面玩。")
    _page, flags = check(body(text))
    assert not of(flags, "misread-char")  # typeset text: 士 alone is not enough
    page, flags = check(body(OCR_SIGNS, text))
    [flag] = of(flags, "misread-char")
    assert flag.fix.replacement == "土" and apply_fix(page, flag).startswith("村口有一个土堆")


def test_other_candidates_are_ranked_after_the_fix():
    _page, flags = check(body(OCR_SIGNS, para("书房末来还将延长开放时间。")))
    [flag] = of(flags, "misread-char")
    assert flag.fix.replacement == "未" and flag.fix.others and "未" not in flag.fix.others


def test_unlike_characters_only_on_ocr_pages():
    text = para("城市更新见缝插绿，打造口袋公园。")  # an idiom played with: 见缝插针
    _page, flags = check(body(text))
    assert not of(flags, "misread-char")


def test_correct_text_and_names_are_left_alone():
    clean = ("　　阳谷县的万亩梨园迎来丰收，村民们忙着采摘、装箱，\n"
             "一派繁忙景象。记者张伯山在现场看到，游客络绎不绝。\n")
    _page, flags = check(body(OCR_SIGNS, clean))
    assert not of(flags, "misread-char")


def test_user_dictionary_words_are_never_flagged():
    text = body(para("全市图书馆由国冢投资建设，市民十分满意。"))
    page = parse_text(text)
    assert of(check_page(page), "misread-char")
    assert not of(check_page(page, user_words={"国冢"}), "misread-char")


def test_stretches_that_read_as_no_words_on_ocr_pages():
    text = para("面对外部挑臧的风高浪急，大家沉着应对。")
    _page, flags = check(body(text))
    assert not of(flags, "garbled-text")  # typeset text: rare words are the author's
    page, flags = check(body(OCR_SIGNS, text))
    [flag] = of(flags, "garbled-text")
    assert "挑臧的" in flag.anchor and flag.fix.action == "none"
    _page, flags = check(body(OCR_SIGNS, para("面对外部挑战的风高浪急，大家沉着应对。")))
    assert not of(flags, "garbled-text")


# --- word confidence (a stub source: the page model has none yet) ----------------------------

class FakeConfidence:
    """TEST STUB, not an OCR reader: the OCR's confidence of given characters of a block,
    by the text they spell; None (unknown) for every other character."""

    def __init__(self, **by_text):
        self.by_text = by_text

    def __call__(self, block, offset):
        for text, conf in self.by_text.items():
            at = block.text.find(text)
            if at >= 0 and at <= offset < at + len(text):
                return conf
        return None


def test_low_ocr_confidence_raises_the_misread_odds_and_high_lowers_them():
    page = parse_text(body(para("村口有一个士堆，孩子们常在上面玩。")))
    assert not of(check_page(page), "misread-char")
    [flag] = of(check_page(page, confidence=FakeConfidence(士=0.1)), "misread-char")
    assert flag.fix.replacement == "土"
    page = parse_text(body(para("全市图书馆由国冢投资建设，市民十分满意。")))
    assert of(check_page(page, confidence=FakeConfidence(冢=0.5)), "misread-char")
    assert not of(check_page(page, confidence=FakeConfidence(冢=0.99)), "misread-char")


def test_low_confidence_words_are_flagged_only_where_confidence_is_known():
    page = parse_text(body(para("万亩梨园迎来丰收，村民忙着采摘。")))
    assert not of(check_page(page), "low-confidence-word")
    flags = of(check_page(page, confidence=FakeConfidence(梨园=0.15, 采摘=0.9, 村=0.1)), "low-confidence-word")
    # a run of two characters under the bar is flagged; one character alone is no flag (too weak a sign)
    assert [f.anchor.split("[")[1].split("]")[0] for f in flags] == ["梨园"]
    assert "15%" in flags[0].message_zh and flags[0].fix.action == "none"


# --- OCR punctuation ----------------------------------------------------------------------------

def test_half_width_marks_take_the_ocr_space_with_them():
    page, flags = check(body(para("老城街巷游人如织，灯火通明; 滨海新区塔吊林立。你是中国人吗? ”他问。")))
    found = of(flags, "halfwidth-punctuation")
    assert sorted(f.fix.replacement for f in found) == ["；", "？"]
    semi = [f for f in found if f.fix.replacement == "；"][0]
    assert "灯火通明；滨海新区" in apply_fix(page, semi)
    _page, flags = check(body(para("会议于8:30开始，比分为3:1。网址是www.example.com。")))
    assert not of(flags, "halfwidth-punctuation")


def test_half_width_quote_and_dot_between_chinese():
    page, flags = check(body(para("他说这是\"城市书房\"，斯蒂芬.菲耶塔也来了。")))
    fixes = [f.fix.replacement for f in of(flags, "halfwidth-punctuation")]
    assert fixes == ["“", "”", "·"]


def test_brackets_of_two_kinds_become_full_width_pairs():
    page, flags = check(body(para("驻村计划〈第二期) 启动仪式在京举行，《文艺报》刊发了消息。")))
    [flag] = of(flags, "bracket-mismatch")
    assert flag.fix.replacement == "（第二期）"
    assert "驻村计划（第二期）启动仪式" in apply_fix(page, flag)
    assert not of(flags, "unbalanced-pair")  # the pair is bracket-mismatch's, not a lone bracket
    _page, flags = check(body(para("他读了《文艺报》和〈诗刊〉上的文章。")))
    assert not of(flags, "bracket-mismatch")


def test_half_width_bracket_pairs_and_lone_ones():
    page, flags = check(body(para("全市书房 (含社区书屋) 超过86家，读者很多。")))
    [flag] = of(flags, "halfwidth-punctuation")
    assert flag.fix.replacement == "（含社区书屋）" and "全市书房（含社区书屋）超过86家" in apply_fix(page, flag)
    assert not of(flags, "space-around-punctuation") and not of(flags, "space-between-cjk")
    _page, flags = check(body(para("该馆引入了名为 Smart Library (SL) 的系统。")))
    assert not of(flags, "halfwidth-punctuation")


def test_yiyi_read_for_a_dash():
    page, flags = check(body(para("他们来到了建设现场一一一个正在崛起的新城。")))
    assert not of(flags, "dash-run")  # 一一一: not the OCR's pattern
    page, flags = check(body(para("这是一项政企合作项目一一杭州上城区的幸福餐。")))
    [flag] = of(flags, "dash-run")
    assert flag.fix.replacement == "——" and "项目——杭州" in apply_fix(page, flag)
    _page, flags = check(body(para("工作人员把问题一一列举，并一一解决。全省唯一一家书房。")))
    assert not of(flags, "dash-run")
    page, flags = check(body(para("规划期为2019一2030年。")))
    assert [f.fix.replacement for f in of(flags, "dash-run")] == ["—"]
    page, flags = check(body(para("学院形成“招生一培养一就业”一体化机制。")))
    assert [f.fix.replacement for f in of(flags, "dash-run")] == ["—", "—"]
    _page, flags = check(body(para("他也装着一棒接着一棒跑的政绩观，统一规划一体推进。")))
    assert not of(flags, "dash-run")


def test_box_before_a_byline_read_as_kou():
    text = "城市书房让阅读触手可及\n\n口本报记者 周敏\n\n　　全市已建成城市书房86家。\n"
    page, flags = check(text)
    [flag] = of(flags, "byline-box")
    assert flag.fix.replacement == "□"
    _page, flags = check(body(para("口号声此起彼伏，人口也在增长。")))
    assert not of(flags, "byline-box")


def test_doubled_characters_inside_a_line():
    page, flags = check(body(para("座谈会上，诗人人、编剧和画家各抒己见。")))
    [flag] = of(flags, "doubled-char")
    assert "诗人、编剧" in apply_fix(page, flag)
    page, flags = check(body(para("这里人人人都爱读书。")))
    [flag] = of(flags, "doubled-char")
    assert flag.fix.replacement == "人人"
    keep = ("人人都爱读书，妈妈常常来，大家高高兴兴地看看书。中国国家图书馆研究院院长、"
            "记者魏哲哲、一张张笑脸、十五五规划、现在在县里就能办。")
    _page, flags = check(body(para(keep)))
    assert not of(flags, "doubled-char")


def test_stray_quote_between_names_of_furniture():
    text = HEAD + "　　全市已建成城市书房86家。\n\n责任编辑: 王丽”李强\n"
    page, flags = check(text)
    [flag] = of(flags, "stray-quote")
    assert flag.fix.replacement == " " and apply_fix(page, flag).endswith("王丽 李强")
    _page, flags = check(body(para("他说：“这是我们的书房。”大家都笑了。")))
    assert not of(flags, "stray-quote")


def test_half_width_colon_of_the_editors_line_is_flagged_with_its_fix():
    # the page furniture is proofread too: OCR reads 责任编辑：as 责任编辑: there as anywhere
    text = HEAD + "　　全市已建成城市书房86家。\n\n本版责编: 王丽  版式设计: 李强\n"
    page, flags = check(text)
    found = of(flags, "halfwidth-punctuation")
    assert len(found) == 2 and {f.fix.replacement for f in found} == {"："}
    assert "本版责编：王丽" in apply_fix(page, found[0])
    _page, flags = check(HEAD + "　　全市已建成城市书房86家。\n\n本版责编：王丽  版式设计：李强\n")
    assert not of(flags, "halfwidth-punctuation")


def test_a_quote_the_ocr_lost_is_no_quotation_inside_a_quotation():
    # the ” after 书房 was lost: “阅读 is the next quotation, not one inside the first
    text = para("市民称之为“城市书房，都说“阅读让生活更美好”，书房越建越多。")
    _page, flags = check(body(OCR_SIGNS, text))
    assert not of(flags, "nested-double-quotes") and of(flags, "unbalanced-pair")
    _page, flags = check(body(text))  # typeset text: it may well be nested, the reader decides
    assert of(flags, "nested-double-quotes")
    nested = para("他说：“大家都说‘阅读让生活更美好’，我也这么看。”")
    _page, flags = check(body(OCR_SIGNS, nested.replace("‘", "“").replace("’", "”")))
    assert of(flags, "nested-double-quotes")  # balanced: a quotation inside one, on OCR pages too


def test_yi_read_for_the_dash_of_a_date_range():
    page, flags = check(body(para("活动于6月11日一23日举行，每天9时一17时开放。")))
    found = [f for f in of(flags, "dash-run") if f.fix.replacement == "—"]
    assert len(found) == 2
    assert "6月11日—23日举行" in apply_fix(page, found[0])
    _page, flags = check(body(para("活动于6月11日一早开始，第一天有3000人参加。")))
    assert not [f for f in of(flags, "dash-run") if f.fix.replacement == "—"]


def test_yi_read_for_the_dash_of_a_quoted_chain_of_single_characters():
    page, flags = check(body(para("这套装置实现“水一电一气”循环利用，效果很好。")))
    found = [f for f in of(flags, "dash-run") if f.fix.replacement == "—"]
    assert len(found) == 2 and "“水—电一气”" in apply_fix(page, found[0])
    for right in ("大家都说要“一心一意”做好这件事。", "他说“看一看一看”就知道了。",
                  "这一装一拆，花了不少时间。", "对手队一胜一负，排名第二。"):
        _page, flags = check(body(para(right)))
        assert not [f for f in of(flags, "dash-run") if f.fix.replacement == "—"], right


def test_quote_facing_the_wrong_way_gets_turned():
    page, flags = check(body(para("推动优秀传统文化与科技的”融合发展”。")))
    [flag] = [f for f in of(flags, "unbalanced-pair") if f.fix.action == "replace"]
    assert flag.fix.replacement == "“" and "科技的“融合发展”" in apply_fix(page, flag)
    _page, flags = check(body(para("推动优秀传统文化与科技的“融合发展”。")))
    assert not of(flags, "unbalanced-pair")


def test_quote_turned_by_where_it_stands_even_among_other_quotes():
    # two slips in one paragraph: no single turn balances it, but a “ before 。 closes
    page, flags = check(body(para("要守住“基本盘”，打造城市的“新名片“。他说：”我们有信心。”")))
    found = of(flags, "unbalanced-pair")
    assert sorted(f.fix.replacement for f in found) == ["“", "”"]
    fixed = [apply_fix(page, f) for f in found]
    assert any("城市的“新名片”。" in t for t in fixed) and any("他说：“我们" in t for t in fixed)
    # closing quotes after 。 or ， and quotes that pair are left alone
    _page, flags = check(body(para("“我们有信心。”他说，“好，”大家点头，“新名片”亮了。")))
    assert not of(flags, "unbalanced-pair")


def test_half_width_quote_pairs_with_its_partner():
    page, flags = check(body(para('工作既要“实干"，也要“苦干”，不能只喊口号。')))
    assert not of(flags, "unbalanced-pair")  # the “ pairs with the " ...
    [flag] = [f for f in of(flags, "halfwidth-punctuation") if '"' in f.message_zh]
    assert flag.fix.replacement == "”"  # ... which is flagged for what it is
    _page, flags = check(body(para("工作既要“实干，也要“苦干”，不能只喊口号。")))
    assert of(flags, "unbalanced-pair")


def test_space_where_ocr_lost_a_closing_quote():
    page, flags = check(body(OCR_SIGNS, para("这座大楼成为城市绿色低碳转型的“新地标 。市民纷纷前来参观。")))
    [flag] = of(flags, "unbalanced-pair")
    assert flag.fix.replacement == "”" and "转型的“新地标”。市民" in apply_fix(page, flag)
    assert not of(flags, "space-around-punctuation")  # the same space: one flag, the better fix
    _page, flags = check(body(OCR_SIGNS, para("这座大楼成为城市绿色低碳转型的“新地标”。市民纷纷前来参观。")))
    assert not of(flags, "unbalanced-pair")
    _page, flags = check(body(para("这座大楼成为城市绿色低碳转型的“新地标 。市民纷纷前来参观。")))
    assert [f.fix.action for f in of(flags, "unbalanced-pair")] == ["none"]  # typeset text: no guess


def test_fix_all_of_one_kind_is_one_undoable_edit():
    page, flags = check(body(para("灯火通明; 滨海新区塔吊林立; 商业综合体拔节生长: 就连往日的街道，也常堵车。")))
    same = of(flags, "halfwidth-punctuation")
    assert len(same) == 3
    before = page.to_json()
    edit, preview = fix_all_edit(page, same)
    assert isinstance(edit, Compound) and len(preview) == 1
    undo = edit.apply(page)
    assert "灯火通明；滨海新区塔吊林立；商业综合体拔节生长：就连" in preview[0][2]
    assert not of(check_page(page), "halfwidth-punctuation")
    undo.apply(page)
    assert page.to_json() == before
