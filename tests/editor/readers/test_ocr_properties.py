"""Whatever the OCR engine made of a page — columns, heads, lines run across gutters, stray
marks in them, rules, misreadings over a head — the reading order keeps every character of
every word exactly once, and each line's words in their order."""
import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.readers.ocr import OcrLine, OcrPage, OcrWord, build_page
from editor.source import Box

EXAMPLES = int(os.environ.get("JIAODUI_PROPERTY_EXAMPLES", "150")) // 3
CONFIG = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
MARKS = "，。、“”：；（）《》"


def word_text():
    return st.text(alphabet=CHARS + MARKS, min_size=1, max_size=3)


@st.composite
def ocr_page(draw):
    """An OCR page: a head or two, columns of lines (some run across the next column's
    gutter, some with a stray mark in it), a rule or none, a misreading over a head."""
    columns = draw(st.integers(1, 4))
    rows = draw(st.integers(2, 9))
    width = draw(st.sampled_from([320, 400, 480]))
    gutter = draw(st.sampled_from([30, 48, 80]))
    lines: list[OcrLine] = []
    for h in range(draw(st.integers(0, 2))):            # heads over the first columns
        text = draw(st.text(alphabet=CHARS, min_size=2, max_size=10))
        x0 = 100 + draw(st.integers(0, 200))
        lines.append(_line(text, x0, 20 + 90 * h, 80, 76))
    top = 220
    for r in range(rows):
        y = top + 60 * r
        c = 0
        while c < columns:
            x0 = 100 + c * (width + gutter)
            text = "".join(draw(st.lists(word_text(), min_size=1, max_size=6)))
            line = _line(text, x0 + draw(st.sampled_from([0, 0, 40, 80])), y, 36, 40)
            if c + 1 < columns and draw(st.booleans()):          # run across the gutter
                mark = draw(st.sampled_from(["", "", "”", "，"]))
                if mark:
                    line.words.append(OcrWord(mark, Box(x0 + width + 8, y, x0 + width + 22, y + 36), 0.5))
                nxt = _line(draw(st.text(alphabet=CHARS, min_size=1, max_size=8)), x0 + width + gutter, y, 36, 40)
                line = OcrLine(line.words + nxt.words, None, 0)
                c += 1
            lines.append(line)
            c += 1
    if lines and draw(st.booleans()):                           # a misreading over the first line
        box = lines[0].words[0].box
        lines.append(OcrLine([OcrWord("[|二", Box(box.x0 + 5, box.y0 + 5, box.x0 + 60, box.y0 + 30), 0.05)],
                             None, 0))
    graphics = []
    if columns > 1 and draw(st.booleans()):
        x = 100 + width + gutter // 2
        graphics.append(Box(x, top - 10, x + 3, top + 60 * rows))
    draw(st.randoms()).shuffle(lines)
    return OcrPage(kind="hocr", path="p.hocr", width=100 + columns * (width + gutter) + 100,
                   height=top + 60 * rows + 100, lines=lines, graphics=graphics)


def _line(text, x0, y, h, step):
    words = [OcrWord(ch, Box(x0 + step * k, y, x0 + step * k + step - 4, y + h), 0.9) for k, ch in enumerate(text)]
    return OcrLine(words, None, 0)


@CONFIG
@given(ocr_page())
def test_every_character_of_every_word_is_read_exactly_once(tmp_path_factory, page):
    want = Counter(ch for line in page.lines for w in line.words for ch in w.text if not ch.isspace())
    words_of_lines = [[w.text for w in line.words] for line in page.lines]
    source = build_page(page, tmp_path_factory.mktemp("p") / "p.hocr")
    got = Counter(ch for ln in source.lines for ch in ln.text if not ch.isspace())
    assert got == want
    # each piece is a run of one line's words, in their order
    runs = [[ln.text[w.start:w.end] for w in ln.words] for ln in source.lines]
    for run in runs:
        assert any(_sub(run, words) for words in words_of_lines)
    # and the raw page has a line for each, in regions that do not come back
    seen, last = set(), None
    for ln in source.lines:
        if ln.region != last:
            assert ln.region not in seen
            seen.add(ln.region)
            last = ln.region


def _sub(run, words):
    return any(words[k:k + len(run)] == run for k in range(len(words) - len(run) + 1))
