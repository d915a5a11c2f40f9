"""How pages are read: each way of setting a page that the first parser got wrong, on a
small page made for it (issue 12's list). Each test says what a proofreader expects."""
from editor.bylines import byline_names
from editor.invariants import coverage
from editor.model import BlockKind
from editor.parser import parse_text
from editor.rules import check_page


def stories(page):
    return page.stories


def headings(article):
    return "".join(b.text for b in article.blocks if b.kind.is_heading)


def texts(article, kind):
    return [b.text for b in article.all(kind)]


def furniture(page):
    return [b.text for a in page.articles if a.furniture for b in a.blocks]


def names(article):
    out = []
    for block in article.all(BlockKind.BYLINE):
        out += byline_names(block.text).names
    return out


# 1. Headlines under their article, each article opening with its byline -----------------

HEADLINES_BELOW = """\
　　本报记者  李  明
　　本报讯  市图书馆新馆昨日开馆，馆内藏书
一百二十万册，设有少儿阅览区和古籍修复室。
　　新馆开馆首日，接待读者超过八千人次。

市图书馆新馆开馆

　　本报记者  王  芳
　　本报讯  今年夏粮收购已经过半，各地粮
库运转正常，农民售粮顺畅，收购价格平稳。
　　据介绍，今年夏粮收购进度快于往年。

夏粮收购过半

　　本报记者  赵  强
　　本报讯  全市新建口袋公园三十个，市民
出门五百米就能进公园，休闲健身更方便了。
　　口袋公园建在老旧小区周边，深受欢迎。

口袋公园建到家门口
"""


def test_headlines_under_their_article_stay_with_it():
    page = parse_text(HEADLINES_BELOW)
    assert coverage(page) == ([], [])
    got = [(headings(a), names(a), texts(a, BlockKind.PARAGRAPH)[0][:6]) for a in stories(page)]
    assert got == [("市图书馆新馆开馆", ["李明"], "市图书馆新馆"),
                   ("夏粮收购过半", ["王芳"], "今年夏粮收购"),
                   ("口袋公园建到家门口", ["赵强"], "全市新建口袋")]


# 2. Kicker, headline and subtitle not fused ----------------------------------------------

def test_kicker_ending_with_a_dash_and_subtitle_opening_with_one():
    page = parse_text("西柏坡纪念馆——\n\n这是党与人民血脉相连的动人篇章\n\n——记者手记\n\n"
                      "　　本报记者  孙  丽\n　　本报讯  走进纪念馆，一件件展品讲述着当年的故事。\n")
    [article] = stories(page)
    assert texts(article, BlockKind.KICKER) == ["西柏坡纪念馆——"]
    assert texts(article, BlockKind.HEADLINE) == ["这是党与人民血脉相连的动人篇章"]
    assert texts(article, BlockKind.SUBTITLE) == ["——记者手记"]


def test_question_headline_before_a_byline_is_a_headline():
    page = parse_text("　　上一篇的最后一段话到此结束。\n\n如何让老人吃上放心饭？\n\n"
                      "　　本报记者  张  三\n　　本报讯  今年以来，我市老年食堂建设进展顺利。\n")
    assert [headings(a) for a in stories(page)] == ["", "如何让老人吃上放心饭？"]


def test_headline_broken_after_a_comma_is_one_headline():
    page = parse_text("　　上一篇的最后一段话到此结束。\n\n跨国车企续“长约”，\n\n锚定中国市场确定性\n\n"
                      "　　本报记者  张  三\n　　本报讯  多家跨国车企与中国伙伴敲定长期续约。\n")
    assert headings(stories(page)[-1]) == "跨国车企续“长约”，锚定中国市场确定性"


# 3. Text without indents (pdftotext drops them) ------------------------------------------

NO_INDENTS = """\
城市书房开到家门口

本报记者 周敏
本报讯 城市书房是市民身边的
公共阅读空间，全市已建成四十
家，全天开放，免费借阅。
书房负责人介绍，每家书房藏
书五千册以上，还定期举办读书
会和亲子阅读活动，深受欢迎。
"""


def test_paragraph_starts_without_indents_from_short_lines_and_lost_indents():
    page = parse_text(NO_INDENTS)
    [article] = stories(page)
    paras = texts(article, BlockKind.PARAGRAPH)
    assert len(paras) == 2 and paras[1].startswith("书房负责人介绍")
    assert names(article) == ["周敏"] and texts(article, BlockKind.DATELINE) == ["本报讯"]


# 4. Short lines that are no headlines ----------------------------------------------------

def test_dateline_alone_on_its_line_and_split_over_two_lines():
    page = parse_text("石榴花开\n\n本报北京7月6日电\n（记者刘洋）全市各区近日举办文化活动，\n"
                      "吸引大批市民参加，气氛热烈。\n\n社区食堂受欢迎\n\n新华社北京6月9\n"
                      "日电 社区食堂开进老旧小区，老人就近吃上热饭，反响很好。\n")
    first, second = stories(page)
    assert headings(first) == "石榴花开" and texts(first, BlockKind.DATELINE) == ["本报北京7月6日电"]
    assert names(first) == ["刘洋"]
    assert headings(second) == "社区食堂受欢迎" and texts(second, BlockKind.DATELINE) == ["新华社北京6月9日电"]


def test_bare_names_under_a_headline_are_the_byline():
    page = parse_text("安静流淌的河流\n\n徐馨\n\n我的写作开始于多年以前，那时候我在工地上打工，\n"
                      "晚上就在宿舍里写，一写就是很多年。\n")
    [article] = stories(page)
    assert headings(article) == "安静流淌的河流" and names(article) == ["徐馨"]
    assert texts(article, BlockKind.PARAGRAPH)[0].startswith("我的写作")


# 5. Page furniture -----------------------------------------------------------------------

def test_furniture_kept_apart_never_an_article():
    page = parse_text("人民日报\n\n2026年7月3日 星期五\n\n要闻\n\n4\n\n全市夏粮收购过半\n\n"
                      "　　本报记者  王  芳\n　　本报讯  今年夏粮收购已经过半，各地粮库运转正常。\n\n"
                      "数据来源：市粮食和储备局\n\n本版责编：吕娜  黄红萌\n")
    [article] = stories(page)
    assert headings(article) == "全市夏粮收购过半"
    assert furniture(page) == ["人民日报", "2026年7月3日 星期五", "要闻", "4", "数据来源：市粮食和储备局",
                               "本版责编：吕娜  黄红萌"]


# 6. Columns merged on one line (pdftotext, narrow gutters) -------------------------------

COLUMN_TOPS = """\
本报北京7月3日 2030年，覆盖生产、 推行产品绿色设计，深

电 （记者刘志强）近
日，经国务院同意，国
家发展改革委印发《循
环经济发展规划》，提
出加快构建循环体系。

消费、回收、利用全链
条的循环经济体系更加
完善，主要资源产出率
比去年提高一成左右，
再生资源利用量增加。

入推进行业清洁生产，
积极推进全社会绿色消
费，加快提升资源化水
平，突出抓好工业资源
循环高效利用。
"""


def test_first_lines_of_columns_printed_as_one_go_back_to_their_columns():
    page = parse_text(COLUMN_TOPS)
    assert coverage(page) == ([], [])
    [article] = stories(page)
    text = "".join(texts(article, BlockKind.PARAGRAPH))
    assert texts(article, BlockKind.DATELINE) == ["本报北京7月3日电"]
    assert text.startswith("近日，经国务院同意")  # the first piece went on with its column
    first, second = text.index("2030年，覆盖生产、消费、回收"), text.index("推行产品绿色设计，深入推进行业")
    assert text.index("提出加快构建循环体系。") < first < second


MERGED = "\n".join(["人工智能产业发展迅速，各地 主旨讲话中提出坚持开放共赢，", "纷纷出台支持政策，推动企业 驱动创新发展，强化风险意识，",
                    "加大研发投入，提升核心竞争 确保安全可控，鼓励包容并蓄，", "力，形成良好的产业生态。今 促进文明互鉴，倡导和衷共济。",
                    "年上半年，全市相关产业产值 各方表示，愿共同推动人工智能",
                    "同比增长百分之二十以上。 发展，造福世界各国人民。"] * 3) + "\n"


def test_columns_merged_line_by_line_are_kept_and_flagged_once_per_run():
    page = parse_text(MERGED)
    assert coverage(page) == ([], [])
    assert all(not b.kind.is_heading for _a, b in page.blocks())
    merged = [f for f in check_page(page) if f.rule == "merged-columns"]
    assert [(f.line, f.end_line) for f in merged] == [(1, 18)]
    assert not [f for f in check_page(page) if f.rule == "space-between-cjk"]


# 7. Tesseract's text ---------------------------------------------------------------------

OCR = """\
在地中海之畔，读懂“ 朋友 《环球走笔)

韩秉记

“你是中国人吗?”出租车刚停在中国驻希腊大
使馆门前，司机便冲着大使馆上空的五星红旗
竖起了大拇指。一名朴素的道谢，让时隔数年
重访雅典的笔者心头一热。

不久前，欧盟委员会宣布将希腊从监测名单中
移除，认定希腊经济在全球不确定性加剧的背
景下依然展现出强劲韧性，未来有望延续稳定
增长态势。

回望这段历程，希腊2010年爆发的债务
危机，使这个国家一度站在了退出欧元的

边缘，历经多轮救助计划的艰难调整，
再到如今正式脱离宏观经济失衡监测体系，终
于重回经济运行的完全正常状态。

在希腊漫长的复苏轨迹中，比雷埃夫斯港是无
法绕过的关键坐标，地缘优势得天独厚，辐射
地中海、黑海及中东北非广阔区域。
"""


def test_tesseract_text_blank_lines_part_paragraphs_and_column_breaks_join():
    page = parse_text(OCR)
    [article] = stories(page)
    assert headings(article).startswith("在地中海之畔") and names(article) == ["韩秉记"]
    paras = texts(article, BlockKind.PARAGRAPH)
    assert len(paras) == 4
    assert "退出欧元的边缘，历经多轮救助计划的艰难调整" in paras[2]


def test_tesseract_marks_are_flagged_with_their_fixes():
    page = parse_text("OCR 的标题\n\n口本报记者 王芳\n\n希腊经济展现韧性:增长2.19%;未来一一\n"
                      "仍将稳定增长〈第二期)。\n\n第二段文字在这里结束。\n")
    fixes = {(f.rule, f.fix.replacement) for f in check_page(page)}
    assert ("byline-box", "□") in fixes
    assert ("halfwidth-punctuation", "：") in fixes and ("halfwidth-punctuation", "；") in fixes
    assert ("dash-run", "——") in fixes
    assert any(rule == "bracket-mismatch" for rule, _fix in fixes)


# 8. Spaces and dashes --------------------------------------------------------------------

def test_stray_space_opening_a_continuation_line_is_flagged_and_a_lone_dash_kept():
    page = parse_text("标题\n\n　　本报讯  海洋塑料污染正在严重损\n 害公约的执行成效，弗留利—威尼\n斯朱利亚大区也在行动。\n")
    flags = check_page(page)
    assert [f.rule for f in flags if f.line == 4 and f.column == 1] == ["space-at-line-break"]
    assert not [f for f in flags if f.rule == "dash-run"]


def test_photo_credit_is_found_at_the_end_of_a_long_line_and_nowhere_else():
    from editor.text import credit_at_end

    assert credit_at_end("　　" + "城市书房里坐满了读者，" * 500 + "本报记者 周敏 摄")
    assert credit_at_end("图为市民在书房阅读。李强摄（新华社）")
    assert not credit_at_end("本报记者 周敏 摄影展在书房开幕，" + " " * 5000 + "读者很多。")
