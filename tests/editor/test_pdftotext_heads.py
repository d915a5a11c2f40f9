"""Headline groups as ``pdftotext`` prints them (issue 12): a kicker in smaller type printed
after its headline, or between the two lines of a headline in large type. Each test builds
a small page of its own."""
from editor.model import BlockKind
from editor.parser import parse_text


def heads(page):
    return [[(b.kind, b.text) for b in a.blocks if b.kind.is_heading] for a in page.stories]


# A quoted headline in large type over two short lines, then its kicker in smaller type
# (longer lines) printed after it: the quotation is the headline, the rest its kicker.
KICKER_AFTER_A_QUOTED_HEADLINE = """\
“把小菜园种成大产
业”
南湖区农户合作社带动周边村民增收致
富

本报记者 周敏
南湖区的蔬菜合作社成立五年
来，带动周边三百多户村民种植
反季节蔬菜，户均年增收两万元。
合作社还请来农技专家，定期为
村民讲解种植技术。
"""


def test_a_kicker_printed_after_a_quoted_headline_is_its_kicker():
    [article] = parse_text(KICKER_AFTER_A_QUOTED_HEADLINE).stories
    assert heads_of(article) == {BlockKind.HEADLINE: "“把小菜园种成大产业”",
                                 BlockKind.KICKER: "南湖区农户合作社带动周边村民增收致富"}


def heads_of(article):
    return {b.kind: b.text for b in article.blocks if b.kind.is_heading}


# A one-line kicker beside a headline of two lines in large type, printed between them:
# the headline's lines close their quotation, the kicker stands on its own.
KICKER_BETWEEN_A_HEADLINES_LINES = """\
“让老街坊吃上放心
城西区社区食堂开进十个老旧小区
饭”

本报记者 王红
城西区近日在十个老旧小区开办
社区食堂，老人凭卡就餐可享受
优惠，每天供应午餐和晚餐。
食堂的菜价公开透明，居民可以
随时查看后厨。
"""


def test_a_kicker_printed_between_a_quoted_headlines_lines_is_its_kicker():
    [article] = parse_text(KICKER_BETWEEN_A_HEADLINES_LINES).stories
    assert heads_of(article) == {BlockKind.HEADLINE: "“让老街坊吃上放心饭”",
                                 BlockKind.KICKER: "城西区社区食堂开进十个老旧小区"}


# A quoted headline whose rest wraps onto a shorter line (the same large type) is one
# headline.
QUOTE_OPENING_A_HEADLINE = """\
“书香城西 悦读未来”
阅读活动启动

本报记者 周敏
城西区“书香城西”全民阅读活动
日前启动，将持续到年底。
"""


def test_a_quote_opening_a_headline_on_two_lines_stays_one_headline():
    [article] = parse_text(QUOTE_OPENING_A_HEADLINE).stories
    assert heads_of(article) == {BlockKind.HEADLINE: "“书香城西 悦读未来”阅读活动启动"}


# A quoted name on a line of its own and the rest of the headline on a longer line: one
# headline (the quotation did not wrap, nothing says the type changed).
QUOTED_NAME_OVER_THE_REST = """\
“城西小米”
获评省级农产品区域品牌

本报记者 王红
近日，省农业农村厅公布名单，
“城西小米”获评区域品牌。
"""


def test_a_quoted_name_over_a_longer_line_stays_one_headline():
    [article] = parse_text(QUOTED_NAME_OVER_THE_REST).stories
    assert heads_of(article) == {BlockKind.HEADLINE: "“城西小米”获评省级农产品区域品牌"}


# The first lines of three columns printed as one line at the column tops: the pieces go
# back to their columns, and a flag on a join to a piece from that earlier line stays on
# the line where the column breaks (a flag never ends before it starts, or the window
# would show it on no line).
COLUMN_TOPS = """\
本报南京5月8日 今年以来，全省共 各地还将继续加大投

电 （记者孙华）省
交通运输厅日前发布
消息，全省农村公路
建设进展顺利，年内
将新建改建一批道路。
截至目前，

新建改建农村公路一
千二百公里，完成全
年任务的六成左右，
进度快于往年同期。
下一步，

入，确保全年任务按
期完成。
"""


def test_flags_on_joins_to_a_column_top_piece_run_forwards():
    from editor.rules import check_page
    page = parse_text(COLUMN_TOPS)
    [article] = page.stories
    text = "".join(b.text for b in article.blocks if b.kind == BlockKind.PARAGRAPH)
    assert "截至目前，今年以来，全省共新建改建农村公路" in text
    flags = check_page(page)
    joins = [f for f in flags if f.rule == "column-break-join"]
    assert joins and all(f.line <= f.end_line for f in flags)
    assert {(f.line, f.end_line) for f in joins} == {(8, 8), (14, 14)}


# A headline over a text whose first lines pdftotext printed as one line with the tops of
# the next columns: the line opens with the dateline whose 电 went on in its column
# (``本报南京5月8日 …`` / ``电 （记者…``), so the lines over it are the next article's
# headline, not the end of the article before.
HEADLINE_OVER_MERGED_COLUMN_TOPS = """\
老街夜市开张迎客

本报讯（记者王红）老街夜市昨
晚开张，吸引了大批市民前来。

全省加快建设“四好农村路”——
城西区农村公路建设
进展顺利
本报南京5月8日 一千二百公里，完成 入，确保全年任务按

电 （记者孙华）省
交通运输厅日前发布
消息，全省农村公路
建设进展顺利，今年
以来新建改建公路
全年任务的六成左右，
进度快于往年同期。
各地还将继续加大投
期完成。
"""


def test_a_headline_over_a_merged_line_opening_with_a_dateline_heads_a_new_article():
    from editor.invariants import coverage
    page = parse_text(HEADLINE_OVER_MERGED_COLUMN_TOPS)
    assert coverage(page) == ([], [])
    first, second = page.stories
    assert "城西区" not in "".join(b.text for b in first.blocks)
    assert "".join(b.text for b in second.blocks if b.kind.is_heading) == "全省加快建设“四好农村路”——城西区农村公路建设进展顺利"


# The headlines of two articles side by side printed line by line into one group: the
# first headline's last word runs on two lines down (``…建设启`` / ``全省新建…`` /
# ``动仪式举行``). Each headline goes over the text that holds its words, though both
# texts were read as one article of two reports.
INTERLEAVED_HEADLINES = """\
老街夜市开张迎客

本报讯（记者王红）老街夜市昨
晚开张，吸引了大批市民前来。

城西区社区书房建设启
全省新建改建农村公路一千二百公里
动仪式举行
本报南京5月8日电 （记者孙华）
省交通运输厅日前发布消息，全
省农村公路建设进展顺利，今年
以来新建改建农村公路一千二百
公里，完成全年任务的六成。
各地还将继续加大投入，确保全
年农村公路建设任务按期完成。

本报南京5月8日电 （记者周敏）
城西区社区书房建设启动仪式
昨天举行，今年全区将在十个
小区建成社区书房，居民可以
免费借阅图书和报刊。
"""


def test_interleaved_lines_of_two_headlines_go_each_over_its_own_text():
    from editor.invariants import coverage
    page = parse_text(INTERLEAVED_HEADLINES)
    assert coverage(page) == ([], [])
    _first, roads, rooms = page.stories
    assert heads_of(roads) == {BlockKind.HEADLINE: "全省新建改建农村公路一千二百公里"}
    assert heads_of(rooms) == {BlockKind.HEADLINE: "城西区社区书房建设启动仪式举行"}
    assert "".join(b.text for b in rooms.blocks if b.kind == BlockKind.PARAGRAPH).startswith("城西区社区书房")
