"""The model: blocks remember where they came from; pages copy, index and serialise."""
from editor.model import Article, Block, BlockKind, Join, Page, Span, new_id


def page_of(lines: list[str]) -> Page:
    raw = "\n".join(lines)
    blocks = [Block(BlockKind.PARAGRAPH, line, [Span(n, 0, len(line))]) for n, line in enumerate(lines)]
    return Page(raw, [Article(blocks)])


def test_a_block_maps_its_characters_to_the_raw_page():
    block = Block(BlockKind.PARAGRAPH, "甲乙丙丁", [Span(0, 2, 4), Span(1, 0, 2)], [Join(2, 0, 1)])
    assert block.char_map() == [(0, 2), (0, 3), (1, 0), (1, 1)]
    assert block.lines == (0, 1) and not block.edited
    block.text = "甲乙新丙丁"  # an edit: the old characters stay anchored, the typed one maps nowhere
    assert block.edited and block.char_map() == [(0, 2), (0, 3), None, (1, 0), (1, 1)]


def test_separators_the_parser_inserted_map_nowhere():
    block = Block(BlockKind.PARAGRAPH, "ab cd", [Span(0, 0, 2), Span(1, 0, 2)], [Join(2, 0, 1, (), " ")])
    assert block.char_map() == [(0, 0), (0, 1), None, (1, 0), (1, 1)]


def test_a_typed_block_has_no_source():
    block = Block(BlockKind.HEADLINE, "手打的标题")
    assert block.lines is None and block.origin_text is None and block.char_map() == [None] * 5


def test_find_block_survives_structural_edits():
    page = page_of(["一", "二", "三"])
    third = page.articles[0].blocks[2]
    assert page.find_block(third.id) == (0, 2)
    page.articles[0].blocks.pop(0)
    assert page.find_block(third.id) == (0, 1)  # a stale index is rebuilt, never wrong
    try:
        page.find_block("nope")
    except KeyError:
        pass
    else:
        raise AssertionError("a missing id must raise KeyError")


def test_stories_leave_out_the_furniture_and_titles_are_clean():
    page = page_of(["标题", "正文"])
    page.articles[0].blocks[0].kind = BlockKind.HEADLINE
    page.articles.append(Article([Block(BlockKind.FURNITURE, "责任编辑：王丽")], furniture=True))
    assert page.stories == page.articles[:1]
    untitled = Article([Block(BlockKind.PARAGRAPH, "\x07一段很长很长很长很长很长很长很长的正文")])
    assert untitled.title == "一段很长很长很长很长很长很长很长…"  # no control character, cut at 16


def test_json_round_trip_and_copies_are_independent():
    page = page_of(["一行", "二行"])
    page.articles[0].reviewed = True
    again = Page.from_json(page.to_json())
    assert again.to_json() == page.to_json()
    copy = page.copy()
    copy.articles[0].blocks[0].text = "改了"
    copy.articles[0].blocks.append(Block(BlockKind.PARAGRAPH, "加的"))
    assert page.articles[0].blocks[0].text == "一行" and len(page.articles[0].blocks) == 2


def test_ids_read_from_a_file_are_not_handed_out_again():
    page = page_of(["一"])
    data = page.to_json()
    data["articles"][0]["blocks"][0]["id"] = "b999999"
    Page.from_json(data)
    assert int(new_id("b")[1:]) > 999999


def test_listeners_hear_events():
    page = page_of(["一"])
    heard = []
    listener = lambda event, info: heard.append((event, info))  # noqa: E731
    page.subscribe(listener)
    page.emit("block_changed", block_id="b1")
    page.unsubscribe(listener)
    page.emit("block_changed", block_id="b2")
    assert heard == [("block_changed", {"block_id": "b1"})]
