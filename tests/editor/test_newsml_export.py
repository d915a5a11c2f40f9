"""NewsML-G2 export: structure, schema validity, the acceptance score, identity, checks."""
import re

import pytest
from lxml import etree

from editor.model import Article, Block, BlockKind, Page
from editor.exporters import export_check
from editor.i18n import Message
from editor.newsml import NAR, NITF, article_guids, validate_schema, write_newsml
from editor.parser import parse_bytes, parse_text
from tests.editor.newsml_scoring import score

N = {"n": NAR, "t": NITF}
SENT = "2024-08-15T10:00:00+08:00"

HEADLINE_FIRST = """\
政企同心 暖企解难 助企提效
聊城持续擦亮助企服务金字名片
——上半年工业投资同比增长23.4%

本报记者  龚  鸣  关皓宇

    本报北京6月20日电  记者从有关部门获悉，今年上半年，全市工业投资同比增长23.4%。
    这是第二段，说明了更多的情况。

露天葡萄采摘忙

    8月12日，在聊城市茌平区洪官屯小马村葡萄种植基地，一串串晶莹剔透的葡萄缀满枝头。
    近年来，聊城市茌平区按照“一村一品”产业发展方向推进特色农业。
"""


@pytest.fixture(scope="module")
def page(sample_bytes):
    return parse_bytes(sample_bytes, source="liaocheng-page.txt")


@pytest.fixture(scope="module")
def xml(page):
    return write_newsml(page, sent=SENT)


@pytest.fixture(scope="module")
def root(xml):
    return etree.fromstring(xml)


def no_headline_page() -> Page:
    return Page("本报记者 张三\n正文一段，没有标题。\n图为现场。\n■", articles=[Article(blocks=[
        Block(BlockKind.BYLINE, "本报记者 张三"),
        Block(BlockKind.PARAGRAPH, "正文一段，没有标题。"),
        Block(BlockKind.CAPTION, "图为现场。"),
        Block(BlockKind.UNASSIGNED, "■"),
    ])])


def constructed_pages() -> dict[str, Page]:
    return {
        "headline_first": parse_text(HEADLINE_FIRST),
        "no_byline": parse_text("露天葡萄采摘忙\n\n    葡萄缀满枝头，果农们忙着采摘。\n    游客前来品尝。\n"),
        "empty": parse_text(""),
        "no_headline": no_headline_page(),
        "padded_names": parse_text("本报记者  龚  鸣  关皓宇\n\n    正文第一段。\n    正文第二段。\n\n题目在此\n"),
    }


# --- structure ------------------------------------------------------------------------------

def test_one_message_package_then_items_in_reading_order(root, page):
    assert etree.QName(root).localname == "newsMessage"
    assert root.findtext("n:header/n:sent", namespaces=N) == SENT
    items = root.find("n:itemSet", N)
    package, *news = list(items)
    assert etree.QName(package).localname == "packageItem"
    assert [etree.QName(i).localname for i in news] == ["newsItem"] * 10
    refs = package.findall("n:groupSet/n:group/n:itemRef", N)
    assert [r.get("residref") for r in refs] == [i.get("guid") for i in news]
    for item in [package, *news]:
        assert item.get("standardversion") == "2.35" and item.get("conformance") == "power"
    titles = [n.xpath("string(n:contentMeta/n:headline[not(@role)])", namespaces=N) for n in news]
    assert titles == [a.headline for a in page.articles]


def test_item_meta(root):
    item = root.find("n:itemSet/n:newsItem", N)
    meta = item.find("n:itemMeta", N)
    assert meta.find("n:itemClass", N).get("qcode") == "ninat:text"
    assert meta.find("n:provider", N) is not None
    assert meta.findtext("n:versionCreated", namespaces=N) == SENT
    assert meta.find("n:pubStatus", N).get("qcode") == "stat:usable"
    assert item.get("version") == "1"


def test_first_article_content_meta(root):
    item = root.find("n:itemSet/n:newsItem", N)
    cm = item.find("n:contentMeta", N)
    assert cm.find("n:language", N).get("tag") == "zh-CN"
    heads = {h.get("role"): h.text for h in cm.findall("n:headline", N)}
    assert heads == {"jdhl:kicker": "政企同心 暖企解难 助企提效", None: "聊城持续擦亮助企服务金字名片"}
    aliases = {s.get("alias") for s in item.findall("n:catalog/n:scheme", N)}
    assert {"jdhl", "jdrole"} <= aliases
    creators = [(c.get("role"), c.findtext("n:name", namespaces=N)) for c in cm.findall("n:creator", N)]
    assert creators == [("jdrole:reporter", "胡磊"), ("jdrole:reporter", "薛良诚"),
                        ("jdrole:correspondent", "马翼")]
    assert cm.findtext("n:by", namespaces=N) == "本报记者 胡磊 薛良诚 本报通讯员 马翼"
    keywords = [k.text for k in cm.findall("n:keyword", N)]
    assert 3 <= len(keywords) <= 8 and len(set(keywords)) == len(keywords)


def test_dateline_and_located(root):
    item = root.findall("n:itemSet/n:newsItem", N)[2]
    cm = item.find("n:contentMeta", N)
    assert cm.findtext("n:dateline", namespaces=N) == "本报聊城讯"
    assert cm.findtext("n:located/n:name", namespaces=N) == "聊城"
    head = item.find(".//t:body.head", N)
    assert head.findtext("t:dateline", namespaces=N) == "本报聊城讯"
    first_p = item.find(".//t:body.content/t:p", N).text
    assert first_p.startswith("“教书育人") and "本报聊城讯" not in first_p


def test_nitf_body_is_the_proofread_text(root, page):
    for item, article in zip(root.findall("n:itemSet/n:newsItem", N), page.articles):
        inline = item.find("n:contentSet/n:inlineXML", N)
        assert inline.get("contenttype") == "application/nitf+xml" and len(inline) == 1
        paras = [p.text for p in inline.findall(".//t:body.content/t:p", N)]
        assert paras == [b.text for b in article.all(BlockKind.PARAGRAPH)]
        assert all(p == p.strip() and p for p in paras)
        assert inline.findtext(".//t:hedline/t:hl1", namespaces=N) == article.headline
        assert inline.find(".//t:body.head/t:byline", N).text == article.first(BlockKind.BYLINE).text


def test_keywords_are_deterministic(page):
    assert write_newsml(page, sent=SENT) == write_newsml(page, sent=SENT)


def test_c0_controls_do_not_break_the_xml():
    page = parse_text("标题\n\n    正文\x07一段。\x01\n")
    xml = write_newsml(page, sent=SENT)
    assert b"\x07" not in xml and "正文一段。".encode() in xml


# --- identity -------------------------------------------------------------------------------

def test_guid_stable_across_runs_and_edits(sample_bytes):
    first, second = parse_bytes(sample_bytes), parse_bytes(sample_bytes)
    guids = article_guids(first)
    assert guids == article_guids(second)
    assert len(set(guids)) == 10 and all(g.startswith("urn:newsml:jiaodui:") for g in guids)
    second.articles[3].blocks[-1].text += "（修订）"
    assert article_guids(second) == guids
    other = parse_text(sample_bytes.decode("utf-8") + "\n另一页\n")
    assert not set(article_guids(other)) & set(guids)


def test_guid_and_version_from_meta_win(page):
    copy = page.copy()
    copy.articles[0].meta.update(guid="urn:newsml:example.com:1", version="4")
    root = etree.fromstring(write_newsml(copy, sent=SENT))
    item = root.find("n:itemSet/n:newsItem", N)
    assert (item.get("guid"), item.get("version")) == ("urn:newsml:example.com:1", "4")
    ref = root.find(".//n:itemRef", N)
    assert (ref.get("residref"), ref.get("version")) == ("urn:newsml:example.com:1", "4")


# --- schema ---------------------------------------------------------------------------------

@pytest.mark.schema
def test_sample_export_is_valid(xml, schema_path):
    assert validate_schema(xml, schema_path) == []


@pytest.mark.schema
@pytest.mark.parametrize("name", sorted(constructed_pages()))
def test_constructed_pages_are_valid(name, schema_path):
    page = constructed_pages()[name]
    assert validate_schema(write_newsml(page, sent=SENT), schema_path) == []
    assert validate_schema(write_newsml(page), schema_path) == []  # the default timestamp too


@pytest.mark.schema
def test_validate_schema_reports_errors(schema_path):
    errors = validate_schema(b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', schema_path)
    assert errors and errors[0].startswith("line 1:")


def test_headline_first_layout_exports_its_headline_group():
    root = etree.fromstring(write_newsml(constructed_pages()["headline_first"], sent=SENT))
    cm = root.find("n:itemSet/n:newsItem/n:contentMeta", N)
    heads = [(h.get("role"), h.text) for h in cm.findall("n:headline", N)]
    assert heads == [("jdhl:kicker", "政企同心 暖企解难 助企提效"), (None, "聊城持续擦亮助企服务金字名片"),
                     ("jdhl:subtitle", "——上半年工业投资同比增长23.4%")]
    assert [c.findtext("n:name", namespaces=N) for c in cm.findall("n:creator", N)] == ["龚鸣", "关皓宇"]
    assert cm.findtext("n:by", namespaces=N) == "本报记者 龚鸣 关皓宇"
    assert cm.findtext("n:dateline", namespaces=N) == "本报北京6月20日电"
    assert cm.findtext("n:located/n:name", namespaces=N) == "北京"


def test_empty_page_has_only_the_package():
    root = etree.fromstring(write_newsml(parse_text(""), sent=SENT))
    assert [etree.QName(i).localname for i in root.find("n:itemSet", N)] == ["packageItem"]


def test_captions_and_unplaced_text_are_marked():
    root = etree.fromstring(write_newsml(no_headline_page(), sent=SENT))
    ps = [(p.get("class"), p.text) for p in root.iterfind(".//t:p", N)]
    assert ps == [(None, "正文一段，没有标题。"), ("caption", "图为现场。"), ("unassigned", "■")]
    assert root.find("n:itemSet/n:newsItem/n:contentMeta/n:headline", N) is None


# --- the acceptance score -------------------------------------------------------------------

def test_score_of_the_sample_export(xml, gold, sample_bytes):
    result = score(gold, xml, sample_bytes.decode("utf-8"))
    assert result["articles"] == result["gold_articles"] == 10
    assert result["headline_ok"] == 10 and result["body_ok"] == 10
    assert result["paragraph_exact"] == 1.0
    assert (result["kicker_ok"], result["kickers"]) == (1, 1)
    assert (result["dateline_ok"], result["datelines"]) == (8, 8)
    assert result["names_f1"] == 1.0
    assert result["conservation"] >= 0.99


# --- content checks -------------------------------------------------------------------------

class FakeFlag:
    def __init__(self, severity, block_id="", line=3):
        self.severity, self.rule, self.line, self.block_id = severity, "join.break", line, block_id
        self.message_zh, self.message_en = "断行未处理", "unresolved line break"
        self.message = Message.pair(self.message_zh, self.message_en)


def content_problems(page, flags=None, lang="en") -> list[str]:
    return [p.text(lang) for p in export_check(page, flags)]


def test_content_problems(page):
    assert content_problems(page, []) == []
    problems = content_problems(no_headline_page(), [FakeFlag("error"), FakeFlag("warning")])
    assert any("no headline" in p for p in problems)
    assert any("unassigned" in p for p in problems)
    assert [p for p in problems if "join.break" in p] == ["line 3 [join.break]: unresolved line break"]
    zh = content_problems(no_headline_page(), [FakeFlag("error")], "zh")
    assert [p for p in zh if "join.break" in p] == ["第 3 行 [join.break] 断行未处理"]
    assert content_problems(parse_text(""), None) == ["the page has no articles"]
    assert content_problems(parse_text(""), None, "zh") == ["页面没有文章"]
    text_less = Page("标题", articles=[Article(blocks=[Block(BlockKind.HEADLINE, "标题")])])
    assert any("no text" in p for p in content_problems(text_less))


def test_open_error_flags_become_ed_notes(page):
    block = page.articles[1].blocks[1]
    xml = write_newsml(page, sent=SENT, flags=[FakeFlag("error", block.id), FakeFlag("info", block.id)])
    items = etree.fromstring(xml).findall("n:itemSet/n:newsItem", N)
    notes = [[e.text for e in i.findall("n:itemMeta/n:edNote", N)] for i in items]
    assert notes[1] == ["[join.break] 断行未处理 / unresolved line break"]
    assert not any(notes[:1] + notes[2:])


def test_no_stray_whitespace_in_paragraphs(xml):
    for p in re.findall(rb"<p>(.*?)</p>", xml, re.S):
        assert p == p.strip() and b"\n" not in p


# --- page furniture -------------------------------------------------------------------------

def _with_furniture() -> Page:
    page = parse_text("消息标题在此\n\n  本报北京电 正文一句。\n  第二段。\n\n人民日报\n")
    furniture = Article(furniture=True)
    for article in list(page.articles):
        for block in list(article.blocks):
            if block.text == "人民日报":
                article.blocks.remove(block)
                block.kind = BlockKind.FURNITURE
                furniture.blocks.append(block)
        if not article.blocks:
            page.articles.remove(article)
    page.articles.insert(0, furniture)
    return page


@pytest.mark.schema
def test_furniture_goes_with_the_page_not_into_an_item(schema_path):
    page = _with_furniture()
    xml = write_newsml(page, sent=SENT)
    assert validate_schema(xml, schema_path) == []
    root = etree.fromstring(xml)
    items = root.findall(".//n:newsItem", N)
    assert len(items) == 1  # the masthead is no story
    assert "人民日报" not in "".join(items[0].itertext())
    parts = root.findall(".//n:packageItem/n:contentMeta/n:description", N)
    assert [(d.get("role"), d.text) for d in parts] == [("jdpart:furniture", "人民日报")]


def test_furniture_comes_back_as_furniture():
    from editor.newsml_read import read_newsml

    page = read_newsml(write_newsml(_with_furniture(), sent=SENT))
    assert [a.furniture for a in page.articles] == [True, False]
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [(BlockKind.FURNITURE, "人民日报")]
    assert page.articles[1].headline == "消息标题在此"
