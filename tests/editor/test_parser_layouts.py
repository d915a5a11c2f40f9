"""Layouts the sample does not have: the parser decides from each page's own evidence."""
import codecs

import pytest

from editor.bylines import parse_byline
from editor.decoding import decode
from editor.errors import InputError
from editor.invariants import coverage
from editor.model import BlockKind
from editor.parser import parse_bytes, parse_text

HEADLINE_FIRST = """绿色发展 惠及民生
我市新增城市公园十二处

　　本报记者  龚  鸣  关皓宇

　　本报北京6月20日电　记者从市园林局获悉，今年上半年我市新建城市公园
十二处，新增绿地面积三百余公顷，市民出门见绿的愿望正在变为现实。
　　据介绍，这些公园大多建在老旧城区，利用边角地、闲置地改造而成，
方便周边居民就近休闲健身。

园林建设要让群众得实惠
——访市园林局局长王明

　　本报记者　张　伟

　　“公园建设不能只看面积，更要看群众是否用得上。”王明说，下一步
将继续推进口袋公园建设。
"""

NO_INDENT = """小麦收购进度过半
今年我省小麦收购工作进展顺利，截至6月底，全省累计收购小麦一千二百万
吨，收购进度已经过半，市场价格总体平稳。
粮食部门介绍，今年小麦品质普遍较好，容重高、不完善粒少，受到加工企
业欢迎。各地收购网点延长营业时间，方便农民售粮。

夏播进展顺利
截至目前，全省夏播已完成计划面积的九成以上，玉米、大豆等作物出苗情
况良好。农业部门组织技术人员深入田间地头，指导农民科学管理。
"""

WIDE_COLUMNS_TABS = ("\t本报讯 市图书馆昨日起延长开放时间，周一至周日每天开放至晚上九点，读者可凭\n"
                     "借阅证入馆。图书馆还新增自助借还设备二十台。\n"
                     "\t此外，少儿阅览区将在暑期开展系列阅读活动。\n"
                     "\n"
                     "图书馆延长开放时间\n")


def kinds(article):
    return [b.kind for b in article.blocks]


def texts(article, kind):
    return [b.text for b in article.all(kind)]


def test_headline_first_page_with_full_width_indents():
    page = parse_text(HEADLINE_FIRST)
    assert len(page.articles) == 2
    first, second = page.articles
    assert texts(first, BlockKind.KICKER) == ["绿色发展 惠及民生"]
    assert texts(first, BlockKind.HEADLINE) == ["我市新增城市公园十二处"]
    assert texts(first, BlockKind.DATELINE) == ["本报北京6月20日电"]
    assert len(first.all(BlockKind.PARAGRAPH)) == 2
    assert first.all(BlockKind.PARAGRAPH)[0].text.startswith("记者从市园林局获悉")
    assert texts(second, BlockKind.HEADLINE) == ["园林建设要让群众得实惠"]
    assert texts(second, BlockKind.SUBTITLE) == ["——访市园林局局长王明"]


def test_padded_two_character_names():
    page = parse_text(HEADLINE_FIRST)
    bylines = [parse_byline(a.first(BlockKind.BYLINE).text) for a in page.articles]
    assert bylines[0].reporters == ["龚鸣", "关皓宇"]
    assert bylines[1].reporters == ["张伟"]


def test_page_without_indents_uses_line_length_and_punctuation():
    page = parse_text(NO_INDENT)
    assert [a.headline for a in page.articles] == ["小麦收购进度过半", "夏播进展顺利"]
    paras = [b.text for b in page.articles[0].all(BlockKind.PARAGRAPH)]
    assert len(paras) == 2
    assert paras[0].endswith("市场价格总体平稳。") and paras[1].startswith("粮食部门介绍")
    assert "一千二百万吨" in paras[0]  # joined across the wrap, no space between CJK


def test_tab_indents_and_headline_after_body():
    page = parse_text(WIDE_COLUMNS_TABS)
    assert len(page.articles) == 1
    art = page.articles[0]
    assert texts(art, BlockKind.HEADLINE) == ["图书馆延长开放时间"]
    assert texts(art, BlockKind.DATELINE) == ["本报讯"]
    assert len(art.all(BlockKind.PARAGRAPH)) == 2


def test_latin_words_joined_with_a_space():
    page = parse_text("  The proofreaders said the OCR\noutput was clean, and 5G\n网络覆盖全市。\n")
    text = page.articles[0].all(BlockKind.PARAGRAPH)[0].text
    assert "OCR output" in text and "5G网络" in text


@pytest.mark.parametrize("codec,expected", [
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16-le"),
])
def test_encodings_detected_and_reported(codec, expected):
    data = HEADLINE_FIRST.encode(codec)
    page = parse_bytes(data)
    assert page.encoding == expected
    assert page.articles[0].headline == "我市新增城市公园十二处"


def test_crlf_and_cr_line_ends():
    for newline in ("\r\n", "\r"):
        page = parse_bytes(HEADLINE_FIRST.replace("\n", newline).encode("utf-8"))
        assert "\r" not in page.raw_text
        assert len(page.articles) == 2
        assert coverage(page) == ([], [])


def test_utf16_big_endian_bom():
    data = codecs.BOM_UTF16_BE + NO_INDENT.encode("utf-16-be")
    assert decode(data).encoding == "utf-16-be"


@pytest.mark.parametrize("data,words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\x00\x01\x02binary\x00", "binary"),
    ("新闻".encode("utf-8") + b"\xff\xfe\xfa" + "新闻".encode("gbk") * 40, "encoding"),
])
def test_bad_input_clear_error(data, words):
    with pytest.raises(InputError) as info:
        decode(data)
    assert words in str(info.value)


def test_mixed_encodings_refused():
    data = ("第一行是UTF-8编码的新闻。\n" * 5).encode("utf-8") + ("第二部分是GBK编码。\n" * 5).encode("gbk")
    with pytest.raises(InputError) as info:
        decode(data)
    assert "mixed" in str(info.value)


def test_huge_page_refused_without_reading_it_all():
    with pytest.raises(InputError) as info:
        decode(b"a" * 100, max_bytes=50)
    assert "too large" in str(info.value)


def test_empty_and_blank_pages_give_an_empty_page():
    for text in ("", "\n\n   \n\u3000\n"):
        page = parse_text(text)
        assert page.articles == []
        assert coverage(page) == ([], [])


def test_unplaceable_text_is_kept_as_unassigned():
    page = parse_text("  正文第一段。\n\n※※※\n\n  正文第二段。\n")
    kinds_seen = [b.kind for _a, b in page.blocks()]
    assert BlockKind.UNASSIGNED in kinds_seen
    assert coverage(page) == ([], [])

CAPTION_PAGE = """坚持创新驱动 厚植发展优势
我省高新技术企业突破两万家
——上半年科技创新工作综述

　　本报记者　李明华　通讯员　赵　强

　　本报济南7月2日电　记者从省科技厅获悉，截至6月底，全省高新技术企
业数量突破两万家，较去年同期增长18.6%，科技型中小企业入库数量居全国
前列。
　　省科技厅有关负责人介绍，今年以来，全省持续加大研发投入，规模以上工
业企业研发机构覆盖率达到

45%以上。下一步，将围绕产业链部署创新链，推动更多科技成果就地转化。

　　图为工作人员在实验室调试设备。本报记者　王刚　摄

暑期文化惠民活动启幕

　　本报讯（记者　陈静）7月1日，全市暑期文化惠民活动在市文化中心启
幕。活动期间，各级公共文化场馆将推出展览、演出、讲座等活动三百余场。
　　“希望孩子们在假期里走进剧场、走进博物馆。”市文旅局相关负责人说。
"""


def test_caption_then_next_headline_first_article():
    page = parse_text(CAPTION_PAGE)
    assert [a.headline for a in page.stories] == ["我省高新技术企业突破两万家", "暑期文化惠民活动启幕"]
    first, second = page.stories
    assert [b.text for b in first.all(BlockKind.SUBTITLE)] == ["——上半年科技创新工作综述"]
    # the picture note between two articles is the page's, not a paragraph of either
    [furniture] = [a for a in page.articles if a.furniture]
    assert [(b.kind, b.text) for b in furniture.blocks] == [
        (BlockKind.CAPTION, "图为工作人员在实验室调试设备。本报记者　王刚　摄")]
    paras = [b.text for b in first.all(BlockKind.PARAGRAPH)]
    assert len(paras) == 2 and "覆盖率达到45%以上" in paras[1]  # joined over the column break
    assert [b.text for b in second.all(BlockKind.DATELINE)] == ["本报讯"]
    assert parse_byline(first.first(BlockKind.BYLINE).text).correspondents == ["赵强"]


def test_page_furniture_kept_apart_not_headlines():
    page = parse_text("2024年8月15日 星期四\n\n  正文第一段说明情况。\n\n责任编辑：张三  美术编辑：李四\n")
    [art] = page.stories
    assert art.all(BlockKind.HEADLINE) == [] and art.all(BlockKind.UNASSIGNED) == []
    [furniture] = [a for a in page.articles if a.furniture]
    assert [(b.kind, b.text) for b in furniture.blocks] == [
        (BlockKind.FURNITURE, "2024年8月15日 星期四"), (BlockKind.FURNITURE, "责任编辑：张三  美术编辑：李四")]


def test_headline_ending_with_a_question_mark_before_a_byline():
    page = parse_text("  正文第一段说明情况。\n\n如何让老人吃上放心饭？\n\n  本报记者 张三\n\n"
                      "  本报讯 今年以来，我市老年食堂建设进展顺利。\n\n  前几天，记者走访发现，\n\n"
                      "“怎么办？”\n\n  新的一段。\n")
    assert [a.headline for a in page.articles] == ["", "如何让老人吃上放心饭？"]
    paras = [b.text for b in page.articles[1].all(BlockKind.PARAGRAPH)]
    # a question after a column break, inside an article, stays text
    assert paras == ["今年以来，我市老年食堂建设进展顺利。", "前几天，记者走访发现，“怎么办？”", "新的一段。"]
