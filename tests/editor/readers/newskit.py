"""Small newspaper pages as PDF and hOCR files for the tests of opening them: a headline
over an article of indented paragraphs, drawn with reportlab (pdfkit) or written as hOCR
with a low-confidence word where asked."""
from __future__ import annotations

from tests.editor.readers import pdfkit

HEADLINE = "城市书房让阅读触手可及"
PARAGRAPHS = [
    ["　　本报讯　全市新建城市书房二十", "座，市民步行十五分钟即可到达。"],
    ["　　书房全天开放，图书可以通借通", "还，借阅人数比去年增加三成。"],
]


def page_items(n: int = 1, y0: float = 80):
    """One page: a headline (20 pt) over two paragraphs of 10 pt text (2 em indents)."""
    items = [(60, y0, f"{HEADLINE}{'' if n == 1 else n}", 20.0, "STSong-Light", 0)]
    y = y0 + 40
    for para in PARAGRAPHS:
        for k, text in enumerate(para):
            indent = 20 if k == 0 else 0
            items.append((60 + indent, y, text.lstrip("　"), 10.0, "STSong-Light", 0))
            y += 15
    return items


def news_pdf(path, pages: int = 1):
    return pdfkit.text_pdf(path, [page_items(n + 1) for n in range(pages)])


def page_text() -> str:
    return HEADLINE + "".join("".join(p) for p in PARAGRAPHS)


def hocr_page(image="scan.png", low_word="书房", low_conf=20) -> str:
    """An hOCR page: the headline, then the paragraphs, a word a character (the word
    ``low_word`` on the first paragraph's line with confidence ``low_conf``)."""
    lines, y = [], 100
    texts = [(HEADLINE, 60, 80, 0)] + [(t.lstrip("　"), 40, 40, 80 * (k == 0)) for p in PARAGRAPHS
                                       for k, t in enumerate(p)]
    for n, (text, height, step, indent) in enumerate(texts):
        x, words = 100 + indent, []
        chars = list(text)
        k = 0
        while k < len(chars):
            if n == 1 and text.startswith(low_word, k):
                word, conf = low_word, low_conf
            else:
                word, conf = chars[k], 95
            width = height * len(word)
            words.append(f"<span class='ocrx_word' title='bbox {x} {y} {x + width - 4} {y + height}; "
                         f"x_wconf {conf}'>{word}</span>")
            x += width
            k += len(word)
        lines.append(f"<span class='ocr_line' title='bbox {100 + indent} {y} {x} {y + height}'>"
                     f"{''.join(words)}</span>")
        y += height + step // 2
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            f"<div class='ocr_page' title='image \"{image}\"; bbox 0 0 1500 1200; ppageno 0'>"
            f"<div class='ocr_carea'><p class='ocr_par'>{''.join(lines)}</p></div></div></body></html>")
