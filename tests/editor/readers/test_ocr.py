"""hOCR, ALTO and PAGE XML read into the same lines-with-words shape, whatever the file's
boxes look like, and never fetching anything."""
import pytest

from editor.decoding import InputError
from editor.readers import read_alto, read_hocr, read_pagexml

COL1 = ["第一栏第一行", "第一栏第二行", "第一栏末行。"]
COL2 = ["第二栏第一行", "第二栏第二行", "第二栏末行。"]


def layout():
    """Two columns 600 px wide, 100 px gutter, lines 40 px high every 60 px: (line, x0, y0, x1)."""
    out = []
    for k, (a, b) in enumerate(zip(COL1, COL2)):
        out.append(((a, 100, 200 + 60 * k, 700), (b, 800, 200 + 60 * k, 1400)))
    return out


def _hocr_words(text, x0, y, x1, conf=90):
    step = (x1 - x0) / len(text)
    return "".join(f"<span class='ocrx_word' title='bbox {x0 + k * step:.0f} {y} {x0 + (k + 1) * step - 4:.0f} "
                   f"{y + 40}; x_wconf {conf}'>{ch}</span>" for k, ch in enumerate(text))


def hocr(merged=False, image="scan.png", words=None):
    lines = []
    for left, right in layout():
        if merged:       # Tesseract ran the line across the gutter
            lines.append(f"<span class='ocr_line' title='bbox {left[1]} {left[2]} {right[3]} {left[2] + 40}'>"
                         + _hocr_words(*left[:3], left[3]) + _hocr_words(*right[:3], right[3]) + "</span>")
        else:
            for t, x0, y, x1 in (left, right):
                lines.append(f"<span class='ocr_line' title='bbox {x0} {y} {x1} {y + 40}'>"
                             + _hocr_words(t, x0, y, x1) + "</span>")
    body = words if words is not None else "".join(lines)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
            '    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            f"<div class='ocr_page' title='image \"{image}\"; bbox 0 0 1500 1000; ppageno 0'>"
            f"<div class='ocr_carea'><p class='ocr_par'>{body}</p></div></div></body></html>")


def alto(image="scan.png"):
    lines = []
    for left, right in layout():
        for t, x0, y, x1 in (left, right):
            step = (x1 - x0) / len(t)
            strings = "".join(f'<String HPOS="{x0 + k * step:.0f}" VPOS="{y}" WIDTH="{step - 4:.0f}" HEIGHT="40" '
                              f'WC="0.90" CONTENT="{ch}"/><SP/>' for k, ch in enumerate(t))
            lines.append(f'<TextBlock><TextLine HPOS="{x0}" VPOS="{y}" WIDTH="{x1 - x0}" HEIGHT="40">'
                         f'{strings}</TextLine></TextBlock>')
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description>'
            '<MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation>'
            f'<fileName>{image}</fileName></sourceImageInformation></Description>'
            '<Layout><Page WIDTH="1500" HEIGHT="1000"><PrintSpace>' + "".join(lines)
            + '</PrintSpace></Page></Layout></alto>')


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_hocr_lines_words_confidence_and_reading_order(tmp_path):
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    page = read_hocr(write(tmp_path, "p.hocr", hocr()))
    assert [ln.text for ln in page.lines] == COL1 + COL2
    assert page.raw_lines() == COL1 + [""] + COL2
    first = page.lines[0]
    assert len(first.words) == len(COL1[0]) and first.words[0].confidence == pytest.approx(0.9)
    assert first.text[first.words[1].start:first.words[1].end] == COL1[0][1]
    assert page.image == str(tmp_path / "scan.png") and "image_problem" not in page.meta


def test_a_line_run_across_the_gutter_is_cut_at_it(tmp_path):
    page = read_hocr(write(tmp_path, "merged.hocr", hocr(merged=True)))
    assert [ln.text for ln in page.lines] == COL1 + COL2


def test_alto_of_the_same_run_gives_the_same_page(tmp_path):
    h = read_hocr(write(tmp_path, "p.hocr", hocr()))
    a = read_alto(write(tmp_path, "p.xml", alto()))
    assert a.raw_lines() == h.raw_lines()
    assert [ln.region for ln in a.lines] == [ln.region for ln in h.lines]
    assert a.lines[0].words[0].confidence == pytest.approx(0.9) and a.kind == "alto"


def test_missing_image_is_not_an_error_and_urls_are_never_fetched(tmp_path):
    page = read_alto(write(tmp_path, "p.xml", alto(image="gone.png")))
    assert page.image == "" and "gone.png" in page.meta["image_problem"]
    assert [ln.text for ln in page.lines] == COL1 + COL2
    page = read_hocr(write(tmp_path, "u.hocr", hocr(image="http://127.0.0.1:9/scan.png")))
    assert page.image == "" and "not fetched" in page.meta["image_problem"]


@pytest.mark.parametrize("bbox", ["nan 0 10 10", "-50 -50 -10 -10", "0 0 1e300 1e300",
                                  "900000 900000 900100 900100", "10 40 0 0", None])
def test_absurd_or_missing_word_boxes_keep_the_text(tmp_path, bbox):
    title = f" title='bbox {bbox}; x_wconf 50'" if bbox else ""
    words = ("<span class='ocr_line' title='bbox 100 100 700 140'>"
             + _hocr_words("正常的字", 100, 100, 400) + f"<span class='ocrx_word'{title}>怪框</span></span>"
             + "<span class='ocr_line' title='bbox 100 160 700 200'>" + _hocr_words("下一行", 100, 160, 400)
             + "</span>")
    page = read_hocr(write(tmp_path, "odd.hocr", hocr(words=words)))
    assert "".join(ln.text for ln in page.lines).replace(" ", "") == "正常的字怪框下一行"
    for ln in page.lines:
        for w in ln.words:
            assert 0 <= w.box.x0 <= w.box.x1 <= page.width and 0 <= w.box.y0 <= w.box.y1 <= page.height
    if bbox not in ("10 40 0 0",):
        assert int(page.meta["bad_boxes"]) >= 1


def test_a_line_without_any_box_keeps_its_text(tmp_path):
    words = ("<span class='ocr_line' title='bbox 100 100 700 140'>" + _hocr_words("有框", 100, 100, 300)
             + "</span><span class='ocr_line'><span class='ocrx_word'>无框</span></span>")
    page = read_hocr(write(tmp_path, "nobox.hocr", hocr(words=words)))
    assert sorted(ln.text for ln in page.lines) == ["无框", "有框"]


def test_pagexml_words_lines_and_confidence(tmp_path):
    ns = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="{ns}"><Page imageFilename="scan.png" '
           'imageWidth="1500" imageHeight="1000"><TextRegion id="r1"><Coords points="100,100 700,100 700,300 100,300"/>'
           '<TextLine id="l1"><Coords points="100,100 700,100 700,140 100,140"/>'
           '<Word id="w1"><Coords points="100,100 300,100 300,140 100,140"/><TextEquiv conf="0.42"><Unicode>第一</Unicode></TextEquiv></Word>'
           '<Word id="w2"><Coords points="302,100 500,100 500,140 302,140"/><TextEquiv conf="0.97"><Unicode>行字</Unicode></TextEquiv></Word>'
           '<TextEquiv><Unicode>第一行字</Unicode></TextEquiv></TextLine>'
           '<TextLine id="l2"><Coords points="100,160 700,160 700,200 100,200"/>'
           '<TextEquiv><Unicode>没有词的行</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>')
    page = read_pagexml(write(tmp_path, "p.xml", xml))
    assert [ln.text for ln in page.lines] == ["第一行字", "没有词的行"]
    assert [w.confidence for w in page.lines[0].words] == [0.42, 0.97]
    assert page.kind == "page" and page.meta["image_problem"].endswith("scan.png")


def test_entity_declarations_are_refused_nothing_expanded(tmp_path):
    evil = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            "<html><body><div class='ocr_page' title='bbox 0 0 10 10'>&e;</div></body></html>")
    with pytest.raises(InputError, match="DTD"):
        read_hocr(write(tmp_path, "evil.hocr", evil))


def test_unreadable_and_empty_files_say_so(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_alto(tmp_path / "missing.xml")
    with pytest.raises(InputError, match="malformed"):
        read_alto(write(tmp_path, "broken.xml", "<alto><Layout>"))
    with pytest.raises(InputError, match="no recognised text"):
        read_hocr(write(tmp_path, "empty.hocr", hocr(words="")))


def _row(texts_at, y, h=36):
    """One hOCR line of words (text, x0), each character 40 px wide, glyphs ``h`` high."""
    words = "".join(f"<span class='ocrx_word' title='bbox {x0} {y} {x0 + 40 * len(t) - 4} {y + h}; "
                    f"x_wconf 90'>{t}</span>" for t, x0 in texts_at)
    x1 = max(x0 + 40 * len(t) - 4 for t, x0 in texts_at)
    return f"<span class='ocr_line' title='bbox {texts_at[0][1]} {y} {x1} {y + h}'>{words}</span>"


def test_a_line_run_across_a_narrow_gutter_with_a_stray_mark_in_it_is_cut(tmp_path):
    # a 1.2 em gutter: Tesseract runs rows 1 and 3 across it and "reads" a quote in the
    # empty gutter; the gaps beside the quote are narrow, the band the rows around leave
    # empty is not
    left = [f"左栏第{k}行的文字内容" for k in range(6)]
    right = [f"右栏第{k}行的文字内容" for k in range(6)]
    rows = []
    for k in range(6):
        y = 100 + 60 * k
        if k in (1, 3):
            rows.append(_row([(left[k], 100), ("”", 512), (right[k], 548)], y))
        else:
            rows.append(_row([(left[k], 100)], y) + _row([(right[k], 548)], y))
    page = read_hocr(write(tmp_path, "narrow.hocr", hocr(words="".join(rows))))
    text = [ln.text for ln in page.lines]
    # nothing lost; a closing mark never starts a line, so the stray one ends the left line
    assert [t.rstrip("”") for t in text] == left + right
    assert text[1].endswith("”") and text[3].endswith("”") and "".join(text).count("”") == 2
    # and the mark in the gutter makes no line stick out of its column (or look indented)
    assert {ln.box.x1 for ln in page.lines[:6]} == {496} and {ln.box.x0 for ln in page.lines[6:]} == {548}


def _two_articles():
    """Two articles side by side, all gutters 48 px, heads level and close: geometry alone
    cannot tell them from one article under a broken head. (text, x0, y0, x1, y1) lines."""
    out = [("甲文章的标题", 150, 100, 890, 180), ("乙文章的标题", 1000, 100, 1750, 180)]
    for k in range(6):
        y = 240 + 60 * k
        for tag, x0 in (("甲一", 100), ("甲二", 548), ("乙一", 996), ("乙二", 1444)):
            out.append((f"{tag}栏第{k}行的字", x0, y, x0 + 396, y + 36))
    return out


def _hocr_page(lines, extra="", width=1900):
    """An hOCR page of (text, x0, y0, x1, y1) lines, a word per character; ``extra`` goes
    before the text block (separators)."""
    spans = []
    for t, x0, y0, x1, y1 in lines:
        step = (x1 - x0) / len(t)
        words = "".join(f"<span class='ocrx_word' title='bbox {x0 + k * step:.0f} {y0} "
                        f"{x0 + (k + 1) * step - 4:.0f} {y1}; x_wconf 90'>{ch}</span>" for k, ch in enumerate(t))
        spans.append(f"<span class='ocr_line' title='bbox {x0} {y0} {x1} {y1}'>{words}</span>")
    return ('<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            f"<div class='ocr_page' title='bbox 0 0 {width} 1000'>{extra}"
            f"<div class='ocr_carea'><p class='ocr_par'>{''.join(spans)}</p></div></div></body></html>")


def _expected(lines):
    texts = [t for t, *_ in lines]
    a = [texts[0]] + sorted(t for t in texts if t.startswith("甲一")) + sorted(t for t in texts if t.startswith("甲二"))
    b = [texts[1]] + sorted(t for t in texts if t.startswith("乙一")) + sorted(t for t in texts if t.startswith("乙二"))
    return a + b


def test_the_rules_the_ocr_engine_found_separate_articles_in_every_format(tmp_path):
    lines = _two_articles()
    rule = (970, 90, 973, 600)           # a vertical rule in the gutter between the articles
    photo = (100, 190, 1844, 232)        # a band of picture under the heads is no rule
    sep = (f"<div class='ocr_separator' title='bbox {rule[0]} {rule[1]} {rule[2]} {rule[3]}'></div>"
           f"<div class='ocr_separator' title='bbox {photo[0]} {photo[1]} {photo[2]} {photo[3]}'></div>")
    page = read_hocr(write(tmp_path, "p.hocr", _hocr_page(lines, sep)))
    assert [ln.text for ln in page.lines] == _expected(lines)

    def alto_box(x0, y0, x1, y1):
        return f'HPOS="{x0}" VPOS="{y0}" WIDTH="{x1 - x0}" HEIGHT="{y1 - y0}"'
    blocks = "".join(f'<TextBlock><TextLine {alto_box(x0, y0, x1, y1)}><String {alto_box(x0, y0, x1, y1)} '
                     f'CONTENT="{t}" WC="0.9"/></TextLine></TextBlock>' for t, x0, y0, x1, y1 in lines)
    xml = ('<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page WIDTH="1900" HEIGHT="1000">'
           f'<PrintSpace><GraphicalElement {alto_box(*rule)}/><GraphicalElement {alto_box(*photo)}/>'
           f'{blocks}</PrintSpace></Page></Layout></alto>')
    assert [ln.text for ln in read_alto(write(tmp_path, "p.xml", xml)).lines] == _expected(lines)

    def points(x0, y0, x1, y1):
        return f'<Coords points="{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"/>'
    regions = "".join(f'<TextRegion>{points(x0, y0, x1, y1)}<TextLine>{points(x0, y0, x1, y1)}'
                      f'<TextEquiv><Unicode>{t}</Unicode></TextEquiv></TextLine></TextRegion>'
                      for t, x0, y0, x1, y1 in lines)
    ns = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
    xml = (f'<PcGts xmlns="{ns}"><Page imageWidth="1900" imageHeight="1000">'
           f'<SeparatorRegion>{points(*rule)}</SeparatorRegion><SeparatorRegion>{points(*photo)}'
           f'</SeparatorRegion>{regions}</Page></PcGts>')
    assert [ln.text for ln in read_pagexml(write(tmp_path, "p.page.xml", xml)).lines] == _expected(lines)


def test_a_misreading_inside_a_head_is_read_after_the_page_not_inside_the_head(tmp_path):
    # Tesseract "reads" the strokes of a big head a second time as a low-confidence line
    # inside the head's box; it must not break the head (or the text) in two
    lines = [("两行标题的第一行", 100, 100, 900, 180), ("第二行", 400, 200, 640, 280)]
    for k in range(4):
        lines.append((f"正文第{k}行的文字", 100, 320 + 60 * k, 900, 356 + 60 * k))
    ghost = ("<span class='ocr_line' title='bbox 150 110 850 150'><span class='ocrx_word' "
             "title='bbox 150 110 850 150; x_wconf 3'>[| 二 一思一</span></span>")
    page = read_hocr(write(tmp_path, "g.hocr", _hocr_page(lines).replace("</p>", ghost + "</p>")))
    texts = [ln.text for ln in page.lines]
    assert texts == [t for t, *_ in lines] + ["[| 二 一思一"]
    assert page.lines[-1].region != page.lines[-2].region


def test_a_line_the_engine_ran_across_a_printed_rule_is_cut_at_the_rule(tmp_path):
    # the two articles' heads are level and close: the OCR engine made one line of them,
    # right across the rule between the articles (no text line is near enough to say there
    # is a gutter there)
    body = [(t, x0, y0 + 200, x1, y1 + 200) for t, x0, y0, x1, y1 in _two_articles()[2:]]
    words = "".join(f"<span class='ocrx_word' title='bbox {x0 + 120 * k} 100 {x0 + 120 * k + 110} 180; "
                    f"x_wconf 90'>{ch}</span>" for text, x0 in (("甲文章的标题", 150), ("乙文章的标题", 1030))
                    for k, ch in enumerate(text))
    merged = f"<span class='ocr_line' title='bbox 150 100 1740 180'>{words}</span>"
    rule = "<div class='ocr_separator' title='bbox 970 90 973 800'></div>"
    page = read_hocr(write(tmp_path, "r.hocr", _hocr_page(body, rule).replace(
        "<p class='ocr_par'>", "<p class='ocr_par'>" + merged)))
    heads = [("甲文章的标题", 0, 0, 0, 0), ("乙文章的标题", 0, 0, 0, 0)]
    assert [ln.text for ln in page.lines] == _expected(heads + body)


def test_the_rows_above_a_wide_gap_do_not_judge_the_gutters_under_it(tmp_path):
    # no rules. Above: an article whose merged lines run over where the row below has its
    # gutter; below: two articles whose level heads the engine made one line. The text of
    # the row above is no evidence about that line: it is cut, and each head leads its own
    # article
    top = "".join(f"<span class='ocrx_word' title='bbox {100 + 160 * k} 0 {250 + 160 * k} 80; x_wconf 90'>"
                  f"{ch}</span>" for k, ch in enumerate("上面文章的横贯全版的标题"))
    rows = [f"<span class='ocr_line' title='bbox 100 0 2010 80'>{top}</span>"]
    for k in range(5):                  # the article above: its rows run across its gutters
        rows.append(_row([(f"上文第{k}行第{c}栏文字", 100 + 500 * c) for c in range(4)], 120 + 60 * k))
    heads = [("甲文章的标题", 700), ("乙文章的标题", 1010)]
    rows.append(_row(heads, 470, h=80))
    a = [(f"甲{c}栏第{k}行的字符串", 100 + 440 * c, 595 + 60 * k) for k in range(4) for c in range(2)]
    b = [(f"乙{c}栏第{k}行的字符串", 1010 + 440 * c, 595 + 60 * k) for k in range(4) for c in range(2)]
    rows += [_row([(t, x)], y) for t, x, y in a + b]
    page = read_hocr(write(tmp_path, "w.hocr", _hocr_page([], width=2100).replace(
        "<p class='ocr_par'>", "<p class='ocr_par'>" + "".join(rows))))
    texts = [ln.text for ln in page.lines]
    below = texts[texts.index("甲文章的标题"):]
    assert below == (["甲文章的标题"] + [t for t, *_ in sorted(a, key=lambda r: (r[1], r[2]))]
                     + ["乙文章的标题"] + [t for t, *_ in sorted(b, key=lambda r: (r[1], r[2]))])


def test_a_comma_under_a_comma_is_no_gutter_the_line_stays_whole(tmp_path):
    # a column where five lines running have a mark in their second cell (as wrapped
    # Chinese text often has): without the marks their ink has a gap there, and the lines
    # around leave it empty too, but for the one that crosses it. The reading order finds
    # no column boundary there, so each line is read whole (no line break in mid-line)
    lines = [(f"{k}，后面还有很多的字", 100, 100 + 60 * k, 500, 136 + 60 * k) for k in range(5)]
    lines.append(("这一行的第二格是字", 100, 400, 460, 436))
    page = read_hocr(write(tmp_path, "c.hocr", _hocr_page(lines)))
    assert [ln.text for ln in page.lines] == [t for t, *_ in lines]
    assert len({ln.region for ln in page.lines}) == 1
