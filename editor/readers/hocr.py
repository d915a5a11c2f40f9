"""hOCR (Tesseract's ``hocr`` output, and most archives' OCR) → SourcePage.

Lines are the ``ocr_line``-like spans (``ocr_line``, ``ocr_header``, ``ocr_caption``,
``ocr_textfloat``), their words the ``ocrx_word`` spans with ``x_wconf`` (0–100, given as
0–1); boxes come from the ``bbox`` in ``title``. The ``ocr_separator`` boxes are the rules
Tesseract found (the order cuts at the thin long ones). The blocks (``ocr_carea``) are not
trusted for order: the reading order is worked out from the geometry.
"""
from __future__ import annotations

import re

from editor.readers.ocr import OcrLine, OcrPage, OcrWord, build_page, local, number, parse_ocr_xml, read_file
from editor.source import Box, SourcePage

LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat", "ocrx_line"}
_BBOX = re.compile(r"\bbbox\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)")
_WCONF = re.compile(r"\bx_wconf\s+(\S+)")
_IMAGE = re.compile(r"\bimage\s+(?:\"([^\"]*)\"|'([^']*)'|(\S+?))\s*(?:;|$)")


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _bbox(title: str) -> Box | None:
    m = _BBOX.search(title)
    if not m:
        return None
    vals = [number(v.rstrip(";")) for v in m.groups()]
    if any(v is None for v in vals):
        return Box(float("nan"), 0, 0, 0)        # present but unreadable: mended later
    return Box(*vals)


def read_hocr(path) -> SourcePage:
    source, data = read_file(path, "hOCR")
    root = parse_ocr_xml(data, source.name)
    pages = [el for el in root.iter() if "ocr_page" in _classes(el)]
    top = pages[0] if pages else root
    title = top.get("title") or ""
    page_box = _bbox(title)
    m = _IMAGE.search(title)
    image = next((g for g in m.groups() if g), "") if m else ""
    page = OcrPage(kind="hocr", path=str(source), image=image,
                   width=page_box.x1 if page_box else None, height=page_box.y1 if page_box else None)
    block, blocks = -1, {}
    for el in top.iter():
        cls = _classes(el)
        if "ocr_carea" in cls or "ocr_par" in cls and block < 0:
            blocks[el] = len(blocks)
        if "ocr_separator" in cls:
            page.graphics.append(_bbox(el.get("title") or ""))
        if cls & LINE_CLASSES:
            words = []
            for w in el.iter():
                if "ocrx_word" in _classes(w):
                    wt = w.get("title") or ""
                    conf = _WCONF.search(wt)
                    c = number(conf.group(1)) if conf else None
                    words.append(OcrWord("".join(w.itertext()), _bbox(wt),
                                         None if c is None else max(0.0, min(1.0, c / 100))))
            if not words:         # a line without word spans: its own text
                text = "".join(el.itertext())
                page.lines.append(OcrLine([], _bbox(el.get("title") or ""), _block_of(el, blocks), text))
            else:
                page.lines.append(OcrLine(words, _bbox(el.get("title") or ""), _block_of(el, blocks)))
    return build_page(page, source)


def _block_of(el, blocks) -> int:
    for anc in el.iterancestors():
        if anc in blocks:
            return blocks[anc]
    return -1
