"""Tesseract's lines read across three columns (editor.ocrcolumns): where the lines of
neighbouring columns stand on one baseline, Tesseract prints them as one line, the pieces
parted by spaces and by the marks it read in the gutters. The reading gives each column
back its lines, one column after the other, and every character stays where it was."""
from editor.invariants import coverage
from editor.model import BlockKind
from editor.parser import parse_text
from tests.editor.test_parser_ocr import BODY, page, para

#: Three paragraphs of the article set in three columns.
TEXT = ("新线全长二十八公里，沿途设站十九座，连通高铁站、大学城和两个工业园区，全程只需四十分钟左右。",
        "运营公司表示，开通初期行车间隔为六分钟，早晚高峰还将加开区间列车，方便市民通勤出行和换乘。",
        "沿线各站都配建了非机动车停车场和公交接驳站，乘客出站后步行不到五分钟就能换乘公交车或单车。",
        "据介绍，三号线是全市第一条全自动驾驶线路，列车可以自动唤醒、自动出库、自动运行和自动回库。",
        "下一步，相关部门将根据客流变化及时调整运营方案，并加快推进四号线和五号线的建设工作。")


def woven(columns: int, gutter: tuple[str, ...] = (" ", " 。 ", "  ", " ” ")) -> str:
    """The paragraphs in ``columns`` columns as Tesseract reads them across: line n of each
    column side by side; the last column runs short (its lines end first)."""
    lines = "\n".join(para(t) for t in TEXT).split("\n")
    size = -(-len(lines) // columns)
    cols = [lines[k * size:(k + 1) * size] for k in range(columns)]
    rows = []
    for n in range(size):
        pieces = [col[n] for col in cols if n < len(col)]
        row = pieces[0]
        for k, piece in enumerate(pieces[1:]):
            row += gutter[(n + k) % len(gutter)] + piece
        rows.append(row)
    return "\n".join(rows)


def test_three_columns_read_across_come_back_as_their_paragraphs():
    parsed = parse_text(page("邻里中心开门迎客", *BODY, "地铁三号线开通运营", woven(3)))
    assert coverage(parsed) == ([], [])
    article = parsed.stories[-1]
    assert article.headline == "地铁三号线开通运营"
    got = ["".join(b.text.split()) for b in article.all(BlockKind.PARAGRAPH)]
    # a gutter's mark stays, with the column line after it
    assert ["".join(ch for ch in p if ch not in "。”") for p in got] == \
        ["".join(ch for ch in p if ch not in "。”") for p in TEXT]


def test_four_columns_read_across_keep_their_order():
    parsed = parse_text(page("邻里中心开门迎客", *BODY, "地铁三号线开通运营", woven(4)))
    assert coverage(parsed) == ([], [])
    got = "".join(b.text for b in parsed.stories[-1].all(BlockKind.PARAGRAPH))
    plain = "".join(ch for ch in got if ch not in " 。”")
    assert plain == "".join(ch for ch in "".join(TEXT) if ch != "。")

