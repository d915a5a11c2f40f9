"""Headlines that pdftotext printed away from their articles go back to them
(editor/pairing.py). Each page is made for the test, in the way pdftotext prints a row of
articles: their headlines on one baseline become one line, and a headline may come out
among the columns of the article beside it."""
from editor.invariants import coverage
from editor.model import BlockKind
from editor.parser import parse_text
from editor.rules import check_page


def heads(article):
    return {b.kind: b.text for b in article.blocks if b.kind.is_heading}


def body(article):
    return "".join(b.text for b in article.all(BlockKind.PARAGRAPH))


def by_dateline(page):
    return {a.all(BlockKind.DATELINE)[0].text: a for a in page.stories if a.all(BlockKind.DATELINE)}


# Two articles side by side: the first's headline wraps inside a word ("城市书房开进社" /
# "区家门口": 社区 runs across), the
# second has a subtitle; pdftotext prints both headlines' first lines as one.
HEADS_ROW = """\
城市书房开进社 全市地铁新线路今日开通运营
新线全长四十公里，设站二十六座
区家门口

本报杭州5月6日
电 （记者周敏）城市
书房是市民身边的公
共阅读空间，全市已
建成四十家城市书房，
开到市民家门口。
城市书房负责人介绍，
每家书房藏书五千册
以上，定期举办读书
会和亲子阅读活动。

本报杭州5月7日
电 （记者王刚）全市
地铁新线路今日开通
运营。新线全长四十
公里，设站二十六座，
串起城东多个片区。
地铁公司介绍，新线
路开通运营后，城东
居民进城时间缩短一
半，地铁换乘更方便。
"""


def test_a_row_of_headlines_on_one_line_goes_back_to_each_article():
    page = parse_text(HEADS_ROW)
    assert coverage(page) == ([], [])
    arts = by_dateline(page)
    assert len(page.stories) == 2
    books, metro = arts["本报杭州5月6日电"], arts["本报杭州5月7日电"]
    assert heads(books) == {BlockKind.HEADLINE: "城市书房开进社区家门口"}
    assert heads(metro)[BlockKind.HEADLINE] == "全市地铁新线路今日开通运营"
    assert heads(metro)[BlockKind.SUBTITLE] == "新线全长四十公里，设站二十六座"
    assert body(books).startswith("城市书房是市民身边的") and "地铁" not in body(books)


# The third article's headline printed between the first two articles' texts: read in
# order it would stand over the second article's text, and the third have none.
HEADLINE_AMONG_COLUMNS = """\
老旧小区加装电梯

本报南京6月2日电 （记者李华）全市老旧小区
加装电梯工作进展顺利，今年已完成加装电梯
三百部，惠及居民一万余户，群众满意度高。

暑期文化惠民活动启幕

本报南京6月3日电 （记者张丽）全市暑期社区
食堂建设提速，新建社区食堂四十家，老人就
近吃上热饭，社区食堂还提供送餐上门服务。

本报南京6月4日电 （记者陈明）全市暑期文化
惠民活动昨日启幕，推出文化惠民演出两百场，
图书馆、博物馆延长开放，市民乐享文化。
"""


def test_a_headline_printed_among_the_columns_of_another_article_finds_its_own():
    page = parse_text(HEADLINE_AMONG_COLUMNS)
    assert coverage(page) == ([], [])
    arts = by_dateline(page)
    assert len(arts) == 3  # each dateline opens an article of its own
    assert heads(arts["本报南京6月2日电"]) == {BlockKind.HEADLINE: "老旧小区加装电梯"}
    assert heads(arts["本报南京6月3日电"]) == {}  # its headline is not on the page
    assert heads(arts["本报南京6月4日电"]) == {BlockKind.HEADLINE: "暑期文化惠民活动启幕"}


# A headline of phrases set apart by a space, one of them echoing the next article: a
# page read right is left as it is.
PHRASES = """\
社区食堂开进老旧小区 暑期文化活动丰富

本报南京6月3日电 （记者张丽）全市社区食堂开进
老旧小区，老人就近吃上热饭，社区还举办暑期
活动，居民纷纷点赞。

暑期文化惠民活动启幕

本报南京6月4日电 （记者陈明）全市暑期文化
惠民活动昨日启幕，推出演出两百场，暑期文化
活动丰富多彩，市民乐享文化生活。
"""


def test_a_headline_of_spaced_phrases_that_another_article_echoes_stays_whole():
    page = parse_text(PHRASES)
    arts = by_dateline(page)
    assert heads(arts["本报南京6月3日电"]) == {BlockKind.HEADLINE: "社区食堂开进老旧小区 暑期文化活动丰富"}
    assert heads(arts["本报南京6月4日电"]) == {BlockKind.HEADLINE: "暑期文化惠民活动启幕"}


# The first article's text breaks off at a column's foot (it goes on elsewhere on the
# page); after the blank line of the column break comes another article's headline and
# dateline: a headline, not the rest of the paragraph.
HEADLINE_AFTER_A_BROKEN_COLUMN = """\
全市新建城市书房四十家

本报杭州5月6日电 （记者周敏）城市
书房是市民身边的公共阅读空间，全
市已建成四十家城市书房，全天开放
免费借阅，每家书房藏书五千册以上

王毅会见来访的摩尔多瓦外长

新华社北京5月22日电 （记者曹嘉玥）
外交部长王毅21日在京会见摩尔多瓦
外长，双方就两国关系交换意见。
"""


def test_a_headline_over_a_dateline_after_a_broken_off_column_is_a_headline():
    page = parse_text(HEADLINE_AFTER_A_BROKEN_COLUMN)
    assert coverage(page) == ([], [])
    arts = by_dateline(page)
    assert heads(arts["新华社北京5月22日电"]) == {BlockKind.HEADLINE: "王毅会见来访的摩尔多瓦外长"}
    assert "王毅" not in body(arts["本报杭州5月6日电"])


# Two columns of one article merged line by line (pdftotext where the gutter is narrow):
# the left column, then the right. Where the columns' lines did not line up, a line
# stands alone: the left column's full line (its sentence goes on), the right column's
# paragraph opening (short by the indent pdftotext dropped, after a finished sentence).
# One line is letter-spaced (justified) on the left.
TWO_COLUMNS_MERGED = """\
本报杭州5月6日电 道路两旁绿树成荫，
（记者周敏）清晨六时 市民纷纷前来散步。
许多市民来到城西公园 公园管理处介绍，
晨练，有的打太极拳， 今年新种了五百棵
有的沿着湖边慢跑，还 树，修了两条步道。
有的跳起广场舞，热闹
新的步道已经开放
非凡。城西公园去年完 ，受到市民的欢迎。
成 改 造 ， 新 增 游 园 面 积 管理处还将增设座
两万平方米，湖水清澈 椅和直饮水设施。
"""


def test_two_columns_merged_line_by_line_are_read_one_after_the_other():
    page = parse_text(TWO_COLUMNS_MERGED)
    assert coverage(page) == ([], [])
    [article] = page.stories
    text = body(article).replace(" ", "")
    assert text.startswith("清晨六时许多市民来到城西公园晨练，有的打太极拳，有的沿着湖边慢跑，"
                           "还有的跳起广场舞，热闹非凡。城西公园去年完成改造，新增游园面积两万平方米，湖水清澈")
    assert "湖水清澈道路两旁绿树成荫，市民纷纷前来散步。" in text
    assert text.endswith("树，修了两条步道。新的步道已经开放，受到市民的欢迎。管理处还将增设座椅和直饮水设施。")
    merged = [f for f in check_page(page) if f.rule == "merged-columns"]
    assert len(merged) == 1  # the proofreader still looks at the PDF, once for the run


# A headline group whose first lines are as wide as the column's text lines, and one
# line wider (display type): no "three full lines of running text".
NARROW_HEADLINE = """\
全市城市书房建设推进会
在杭州召开部署下半年城
市书房建设工作王刚主持会议并讲话

本报杭州5月6日电
（记者周敏）全市城市书
房建设推进会6日在杭州
召开，会议部署下半年城
市书房建设工作。城市书
房是市民身边的公共阅读
空间，全市已建成四十家
城市书房，全天开放。
"""


def test_a_headline_with_a_line_wider_than_the_column_is_no_running_text():
    page = parse_text(NARROW_HEADLINE)
    [article] = page.stories
    assert "".join(heads(article).values()) == "全市城市书房建设推进会在杭州召开部署下半年城市书房建设工作王刚主持会议并讲话"
    assert body(article).startswith("全市城市书房建设推进会6日")


def test_putting_headlines_back_stays_linear_on_a_long_page(monkeypatch):
    """A headline is weighed against the texts near its place only: ten times the page,
    about ten times the weighing (counted, not timed)."""
    import editor.pairing as pairing

    calls = []
    fit = pairing._Head.fit
    monkeypatch.setattr(pairing._Head, "fit", lambda self, body: calls.append(1) or fit(self, body))

    def weighings(copies: int) -> int:
        calls.clear()
        page = parse_text("\n".join([HEADLINE_AMONG_COLUMNS] * copies))
        assert coverage(page) == ([], [])
        return len(calls)

    small, large = weighings(10), weighings(100)
    assert small > 0  # the page does ask for headlines to be put back
    assert large <= 12 * small  # linear (a look at every text for every headline: ~100×)


# pdftotext printed the first article's last column after the start of the second
# (blank lines at the column breaks, no indents): the column goes back to its article.
COLUMN_ELSEWHERE = """\
城市书房开进社区

本报杭州5月6日电 （记者周敏）城市
书房是市民身边的公共阅读空间，全
市已建成城市书房四十家，城市书房
全天开放，市民可以免费借阅图书。

地铁新线开通运营

本报杭州5月7日电 （记者王刚）全市
地铁新线今日开通运营，新线全长四
十公里，设站二十六座，串起城东多
个片区，居民出行更加便捷。

城市书房负责人介绍，全市已建成的
城市书房是市民身边的公共阅读空间，
每家城市书房藏书五千册以上，全天
开放，市民可以免费借阅图书。
"""


def test_a_column_printed_after_the_next_article_goes_back_to_its_own():
    page = parse_text(COLUMN_ELSEWHERE)
    assert coverage(page) == ([], [])
    arts = by_dateline(page)
    books, metro = arts["本报杭州5月6日电"], arts["本报杭州5月7日电"]
    assert "每家城市书房藏书五千册以上" in body(books)  # after its own text
    assert "书房" not in body(metro)
    assert body(metro).endswith("居民出行更加便捷。")


def test_a_column_about_its_own_article_stays_though_a_neighbour_shares_words():
    # the second article is on the same subject: its own column shares as many words
    # with it as with the first, and stays
    page = parse_text(COLUMN_ELSEWHERE.replace("地铁新线开通运营", "城市书房新增夜读服务").replace(
        "全市\n地铁新线今日开通运营，新线全长四\n十公里，设站二十六座，串起城东多\n个片区，居民出行更加便捷。",
        "全市\n城市书房今起推出夜读服务，城市书\n房是市民身边的公共阅读空间，夜读\n服务让市民免费借阅图书更加便捷。"))
    assert "服务让市民免费借阅图书更加便捷" in page.raw_text
    arts = by_dateline(page)
    assert "每家城市书房藏书五千册以上" in body(arts["本报杭州5月7日电"])


def test_reading_a_page_leaves_no_cycles_to_hold_it_in_memory():
    """The parse runs with the cyclic collector held off; what it leaves in cycles would
    stay in memory through the check. Nothing does: every page here asks for mending."""
    import gc

    pages = [HEADS_ROW, HEADLINE_AMONG_COLUMNS, TWO_COLUMNS_MERGED, COLUMN_ELSEWHERE]
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for text in pages:
            parse_text(text)
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_each_block_says_why_it_was_read_so():
    page = parse_text(HEADS_ROW)
    whys = {(b.kind, b.why) for a in page.stories for b in a.blocks}
    assert (BlockKind.HEADLINE, "a headline of a row set on one line") in whys
    assert (BlockKind.DATELINE, "dateline") in whys and (BlockKind.BYLINE, "credit") in whys
    narrow = parse_text(NARROW_HEADLINE)
    assert [b.why for b in narrow.stories[0].blocks if b.kind.is_heading] == ["heading"]


def test_a_blocks_reason_is_kept_in_the_project_and_dropped_when_its_kind_is_changed():
    from editor.edits import SetKind
    from editor.model import Page

    page = parse_text(NARROW_HEADLINE)
    headline = next(b for b in page.stories[0].blocks if b.kind == BlockKind.HEADLINE)
    again = Page.from_json(page.to_json())
    assert again.block(headline.id).why == "heading"  # saved and read back
    undo = SetKind(headline.id, BlockKind.PARAGRAPH).apply(page)
    assert page.block(headline.id).why == ""  # the proofreader's kind: no parser's reason
    undo.apply(page)
    assert page.block(headline.id).kind == BlockKind.HEADLINE and page.block(headline.id).why == "heading"
