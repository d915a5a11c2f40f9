"""Tesseract's plain text of a newspaper page: columns of a dozen characters, no indents,
a blank line after every paragraph Tesseract finds (and at column breaks), headline groups
and bylines between blank lines, OCR's half-width punctuation. Each test builds its own
small page the way Tesseract sets one, and says what the proofreader expects of the tree."""
from editor.bylines import byline_names
from editor.invariants import coverage
from editor.model import BlockKind
from editor.parser import parse_text

WIDTH = 12  # characters a column line holds


def para(text: str, apart: bool = False) -> str:
    """A paragraph as Tesseract prints it: wrapped at the column, its first line two
    characters short (the indent it dropped). ``apart``: Tesseract took that indented first
    line for a block of its own and set a blank line under it."""
    lines, start, size = [], 0, WIDTH - 2
    while start < len(text):
        end = start + size
        while end < len(text) and text[end] in "，。、；：！？”）":
            end += 1  # no mark opens a line: the line before takes it (kinsoku)
        lines.append(text[start:end])
        start, size = end, WIDTH
    return lines[0] + ("\n\n" if apart else "\n") + "\n".join(lines[1:])


def page(*pieces: str) -> str:
    return "\n\n".join(pieces) + "\n"


#: Running text of one article (three paragraphs), so that the page reads as OCR's.
BODY = (para("城东社区今年新建了一座邻里中心，里面有食堂、阅览室和托育室，每天接待居民上千人次。"),
        para("中心负责人介绍，食堂每天中午供应六种菜品，老年人凭卡就餐可以享受八折优惠，很受欢迎。"),
        para("阅览室藏书一万余册，周末还会举办亲子阅读活动，附近学校的孩子放学后常来这里写作业。"))
OTHER = (para("新线全长二十八公里，沿途设站十九座，连通高铁站、大学城和两个工业园区，全程只需四十分钟。"),
         para("运营公司表示，开通初期行车间隔为六分钟，早晚高峰还将加开区间列车，方便市民通勤出行。"))


def stories(text: str):
    parsed = parse_text(text)
    assert coverage(parsed) == ([], [])
    return parsed, parsed.stories


def paragraphs(article) -> list[str]:
    return [b.text for b in article.all(BlockKind.PARAGRAPH)]


def test_first_line_set_apart_goes_on_with_its_paragraph():
    cut = para("居民们对这项服务评价很高，有人说这里已经成了大家的第二个客厅，每天都想来坐一坐。", apart=True)
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, cut, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1].startswith("居民们对这项服务评价很高，有人说")
    assert len(paragraphs(arts[0])) == 4


def test_bare_name_between_blank_lines_under_the_headline_is_the_byline():
    parsed, arts = stories(page("邻里中心开门迎客", "王立新", *BODY))
    [article] = arts
    assert article.headline == "邻里中心开门迎客"
    assert [b.text for b in article.all(BlockKind.BYLINE)] == ["王立新"]
    assert byline_names(article.first(BlockKind.BYLINE).text).reporters == ["王立新"]


def test_bare_name_after_a_finished_article_is_a_byline_not_a_headline():
    parsed, arts = stories(page("地铁三号线开通运营", *OTHER, "周海燕", *BODY))
    bylines = [b.text for _a, b in parsed.blocks() if b.kind == BlockKind.BYLINE]
    headlines = [b.text for _a, b in parsed.blocks() if b.kind == BlockKind.HEADLINE]
    assert bylines == ["周海燕"] and headlines == ["地铁三号线开通运营"]


def test_editors_line_split_by_ocr_is_furniture():
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, "本版责编: 刘晓红", "陈静 ”版式设计: 孙强"))
    [article] = arts
    assert article.headline == "邻里中心开门迎客"
    furniture = [b.text for a in parsed.articles if a.furniture for b in a.blocks]
    assert furniture == ["本版责编: 刘晓红", "陈静 ”版式设计: 孙强"]


def test_credit_in_ocr_brackets_after_the_dateline_is_the_byline():
    opening = "本报杭州6月3日电 《记者\n陈立) 城东社区今年新建了一座邻里\n中心，里面有食堂、阅览室和\n托育室，每天接待居民上千人次。"
    parsed, arts = stories(page("邻里中心开门迎客", opening, *BODY[1:]))
    [article] = arts
    assert [b.text for b in article.all(BlockKind.DATELINE)] == ["本报杭州6月3日电"]
    assert byline_names(article.first(BlockKind.BYLINE).text.replace("\n", "")).reporters == ["陈立"]
    assert paragraphs(article)[0].startswith("城东社区今年新建了")


def test_authors_note_in_ocr_brackets_closes_its_article():
    note = "〈作者为市社区发展研究\n中心主任)"
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, note, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == "〈作者为市社区发展研究中心主任)"


def test_note_whose_bracket_ocr_lost_ends_at_its_blank_line():
    note = "(摘编自《城东日报》，原题\n为《邻里中心成了“第二客厅"
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, note, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1].startswith("(摘编自") and paragraphs(arts[1])[0].startswith("新线全长")


def test_characters_read_in_a_picture_stay_out_of_the_next_headline():
    noise = "7         口               日"
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, noise, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    unplaced = [b.text for _a, b in parsed.blocks() if b.kind == BlockKind.UNASSIGNED]
    assert unplaced == [noise]


def _cut_in(paragraph: str, after: int, piece: str) -> str:
    """The paragraph with ``piece`` set between blank lines after its line ``after`` (a
    headline in large type across two columns, which Tesseract cut where the columns are)."""
    lines = paragraph.split("\n")
    return "\n".join(lines[:after]) + "\n\n" + piece + "\n\n" + "\n".join(lines[after:])


def test_headline_piece_read_inside_a_column_goes_back_to_its_headline():
    long = para("中心负责人介绍，食堂每天中午供应六种菜品，老年人凭卡就餐可以享受八折优惠，"
                "附近的上班族也常来这里吃午饭，一到中午就坐得满满当当，不少人专程赶来排队。")
    text = page("邻里中心开门", BODY[0], _cut_in(long, 4, "迎客"), BODY[2], "地铁三号线开通运营", *OTHER)
    parsed, arts = stories(text)
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[1] == long.replace("\n", "")
    assert "piece" in arts[0].first(BlockKind.HEADLINE).why


def test_paragraph_tail_after_a_column_break_is_no_headline_piece():
    # the tail's word runs across the break ("措" / "施"): the paragraph's own end
    tail = para("水利部将从严从细从实落实各项防御措施，督促各地做好防汛准备工作，确保安全度汛。")
    lines = tail.split("\n")
    cut = "\n".join(lines[:2]) + "\n\n" + lines[2] + "\n\n" + "\n".join(lines[3:])
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, "地铁三号线开通运营", OTHER[0], cut))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[1])[-1] == tail.replace("\n", "")


def test_short_first_line_on_top_of_its_text_is_no_headline():
    # Tesseract sets a blank line after every block, a headline's too: a short line
    # straight on top of text is a paragraph's first line (its indent dropped)
    first = "居民们说“邻\n里中心”成了大家的第二个客厅，每天\n都想来坐一坐，有人一坐就是\n一下午，还交了不少新朋友。"
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, first, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == first.replace("\n", "")


def test_dateline_whose_digit_ocr_misread_opens_its_article():
    opening = "本报北京6月:日\n电 （记者王立新） 记者从\n" + para("市交通委获悉，地铁三号线今天开通运营，沿途设站十九座。")
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, "地铁三号线开通运营", opening, *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert arts[1].first(BlockKind.DATELINE).text == "本报北京6月:日电"


def test_paragraph_opening_cut_by_a_column_break_is_no_headline():
    # a paragraph's first lines (the first short by the indent Tesseract dropped, a
    # comma) over a column break: not a headline over the rest
    opening = para("中心负责人表示，今后还将增设理发室和维修点，让居民在家门口就能办好更多小事情。")
    lines = opening.split("\n")
    cut = "\n".join(lines[:3]) + "\n\n" + "\n".join(lines[3:])
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, cut, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == opening.replace("\n", "")


def test_section_letter_spaced_into_two_lines_is_furniture():
    parsed, arts = stories(page("2026年5月8日 星期五", "生", "态", "第9版", "邻里中心开门迎客", *BODY))
    assert [a.headline for a in arts] == ["邻里中心开门迎客"]
    furniture = [b.text for a in parsed.articles if a.furniture for b in a.blocks]
    assert "生态" in furniture


def test_headline_over_a_byline_ends_the_paragraph_that_lost_its_full_stop():
    # OCR lost the last paragraph's full stop; the next article's headline stands
    # between blank lines over its byline (a headline wider than the column)
    body = BODY[:2] + (para("阅览室藏书一万余册，周末还会举办亲子阅读活动，附近学校的孩子放学后常来这里写作业"),)
    parsed, arts = stories(page("邻里中心开门迎客", *body, "地铁三号线今天起正式开通运营", "本报记者 王立新", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线今天起正式开通运营"]
    assert paragraphs(arts[0])[-1].endswith("写作业")


def test_headline_over_bare_names_ends_the_unfinished_paragraph_before_it():
    # the column breaks off mid-sentence (OCR lost its end); a headline as wide as the
    # column, then bare names alone between blank lines, open the next article
    tail = "阅览室藏书一万余册，\n周末还会举办亲子阅读活动\n附近学校的孩子放学后常来这"
    text = page("邻里中心开门迎客", *BODY[:2], tail, "地铁新线开通 〈城市观察)", "周海燕", *OTHER)
    parsed, arts = stories(text)
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁新线开通 〈城市观察)"]
    assert [b.text for b in arts[1].all(BlockKind.BYLINE)] == ["周海燕"]


def test_dateline_set_at_a_reports_end_in_ocr_brackets_is_its_last_paragraph():
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, "《本报东京7月5日电)", "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == "《本报东京7月5日电)"


def test_headline_read_inside_the_text_of_an_article_without_one_heads_it():
    # the second article's headline, in large type, was read inside its first column: it
    # heads that article (over its dateline) before the articles are read, so that the
    # article is not read as the rest of the one before
    from editor.layout import Layout
    from editor.lines import scan
    from editor.segment import Segmenter, UnitKind
    opening = ("本报北京6月1日电\n（记者王立新）记者从市交\n通委获悉，地铁三号线今天\n开通运营，新线全长二十八\n"
               "公里，沿途设站十九座，连\n通高铁站、大学城和两个工\n业园区，全程只需四十分钟。")
    text = page("邻里中心开门迎客", *BODY, _cut_in(opening, 4, "地铁三号线开通"), *OTHER)
    parsed, arts = stories(text)
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通"]
    assert arts[1].first(BlockKind.DATELINE).text == "本报北京6月1日电"
    lines = scan(text.split("\n")[:-1])
    units = Segmenter(lines, Layout(lines)).run()
    at = next(k for k, u in enumerate(units) if u.text.startswith("本报北京"))
    assert units[at - 1].kind == UnitKind.HEADING and units[at - 1].text == "地铁三号线开通"


def test_two_opening_lines_shaped_by_a_dropped_indent_are_no_headline():
    # a paragraph's first two lines (the first short by the indent Tesseract dropped),
    # then a column break: running text, not a headline over the rest
    opening = para("居民们对这项服务评价很高，有人说这里已经成了大家的第二个客厅，每天都想来坐一坐。")
    lines = opening.split("\n")
    cut = "\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:])
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, cut, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == opening.replace("\n", "")


def test_short_last_line_ends_its_paragraph_whose_full_stop_ocr_lost():
    # a paragraph whose full stop OCR lost ends on a short line: the headline as wide as
    # the column after it is the next article's, not the paragraph's next line
    last = para("阅览室藏书一万余册，周末还会举办亲子阅读活动，附近学校的孩子放学后常来这里写作业")
    text = page("邻里中心开门迎客", *BODY[:2], last, "地铁三号线今天开通运营了", "本报记者 王立新", *OTHER)
    parsed, arts = stories(text)
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线今天开通运营了"]
    assert paragraphs(arts[0])[-1].endswith("这里写作业")


def test_caption_between_a_headline_and_its_byline_stays_out_of_the_way():
    caption = "图为城东社区邻里中心的\n阅览室。本报记者 王刚摄"
    parsed, arts = stories(page("地铁三号线开通运营", *OTHER, "邻里中心开门迎客", caption, "本报记者 王立新", *BODY))
    assert [a.headline for a in arts] == ["地铁三号线开通运营", "邻里中心开门迎客"]
    assert len(paragraphs(arts[1])) == 3
    assert [b.text for b in arts[1].all(BlockKind.BYLINE)] == ["本报记者 王立新"]


def test_bracketed_label_between_paragraphs_is_text_not_a_headline():
    parsed, arts = stories(page("邻里中心开门迎客", *BODY[:2], "【点评】", BODY[2], "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert "【点评】" in [b.text for b in arts[0].blocks]


def test_short_headline_line_ending_on_a_particle_does_not_run_on_into_the_text():
    # OCR misread the headline's last character as 和: a short line does not run on
    # into the text under it (a column breaks at a full line)
    parsed, arts = stories(page("地铁三号线开通运营", *OTHER, "新中心开门和", *BODY))
    assert [a.headline for a in arts] == ["地铁三号线开通运营", "新中心开门和"]
    assert len(paragraphs(arts[1])) == 3


def test_dateline_of_two_places_opens_its_article():
    opening = "本报珠海、澳门4月27日电\n（记者王立新）记者从口岸\n" + para("管理部门获悉，新口岸启用以来累计通关人数已突破一亿人次。")
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, "口岸通关突破一亿人次", opening, *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "口岸通关突破一亿人次"]
    assert arts[1].first(BlockKind.DATELINE).text == "本报珠海、澳门4月27日电"


def test_opening_lines_with_two_commas_are_running_text_not_a_headline():
    # OCR dropped characters, so no line is at the column's width; two commas say sentence
    cut = "据悉，目前全城共\n有社区食堂一百\n余家，其服务范围\n\n覆盖了全市所有街道和乡镇。"
    parsed, arts = stories(page("邻里中心开门迎客", *BODY, cut, "地铁三号线开通运营", *OTHER))
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == cut.replace("\n", "")


def test_paragraph_after_a_finished_one_without_a_blank_line_starts_at_its_short_first_line():
    # Tesseract set no blank line between two paragraphs; the second's first line holds
    # digits (one cell each), so it falls short by more than the indent's two characters
    second = "在18日晚进行的比赛\n中，她第二跳就跳出了个人\n最好成绩并最终夺得冠军。"
    first = "阅览室藏书一万余册，\n周末还会举办亲子阅读活动\n孩子放学后常来这里写作。"
    text = page("邻里中心开门迎客", *BODY[:2], first + "\n" + second, "地铁三号线开通运营", *OTHER)
    parsed, arts = stories(text)
    assert [a.headline for a in arts] == ["邻里中心开门迎客", "地铁三号线开通运营"]
    assert paragraphs(arts[0])[-1] == second.replace("\n", "")


def test_headline_of_the_article_beside_read_inside_a_headline_group_goes_to_its_text():
    # three titles between blank lines: the middle one is the headline of the article
    # beside, whose text (opening with its own dateline) holds its words
    first = "本报北京6月24日电\n（记者王立新）城东区新建\n" + para("的邻里中心今天开门迎客，食堂、阅览室和托育室同时投入使用，居民纷纷前来体验。")
    second = "本报上海6月25日电\n（记者周海燕）地铁三号线\n" + para("今天开通运营，地铁三号线全长二十八公里，沿途设站十九座，连通高铁站。")
    text = page("城东区新建的邻里中心", "地铁三号线开通运营", "邻里中心开门迎客", first, *BODY[1:],
                second, *OTHER)
    parsed, arts = stories(text)
    assert [a.headline for a in arts][1] == "地铁三号线开通运营"
    assert arts[1].first(BlockKind.DATELINE).text == "本报上海6月25日电"
    assert "地铁三号线" not in "".join(b.text for b in arts[0].blocks if b.kind != BlockKind.PARAGRAPH)
