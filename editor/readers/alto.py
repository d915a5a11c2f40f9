"""ALTO (v2–v4; Tesseract's ``alto`` output, most library archives) → SourcePage.

Lines are ``TextLine``, words ``String`` (``CONTENT``, confidence ``WC`` 0–1, box from
``HPOS VPOS WIDTH HEIGHT``); ``HYP`` adds its hyphen. ``SP`` is ignored: whether two
words need a space is decided from the gap, the same way as for hOCR, so that the hOCR
and the ALTO of one OCR run give the same text. The image is
``sourceImageInformation/fileName``. ``GraphicalElement`` boxes are the graphics the
engine found (Tesseract's rules; the order cuts at the thin long ones).
"""
from __future__ import annotations

from editor.readers.ocr import OcrLine, OcrPage, OcrWord, build_page, local, number, parse_ocr_xml, read_file
from editor.source import Box, SourcePage


def _box(el) -> Box | None:
    vals = [el.get(k) for k in ("HPOS", "VPOS", "WIDTH", "HEIGHT")]
    if all(v is None for v in vals):
        return None
    x, y, w, h = (number(v, float("nan")) for v in vals)
    return Box(x, y, x + w, y + h)


def read_alto(path) -> SourcePage:
    source, data = read_file(path, "ALTO")
    root = parse_ocr_xml(data, source.name)
    image, unit = "", "px"
    page_el = None
    for el in root.iter():
        name = local(el)
        if name == "fileName" and not image:
            image = (el.text or "").strip()
        elif name == "MeasurementUnit":
            unit = {"pixel": "px"}.get((el.text or "").strip(), (el.text or "").strip() or "px")
        elif name == "Page" and page_el is None:
            page_el = el
    top = page_el if page_el is not None else root
    page = OcrPage(kind="alto", path=str(source), image=image, unit=unit,
                   width=number(top.get("WIDTH")), height=number(top.get("HEIGHT")))
    blocks = 0
    for block in top.iter():
        if local(block) == "GraphicalElement":
            page.graphics.append(_box(block))
        if local(block) != "TextBlock":
            continue
        for line in block.iter():
            if local(line) != "TextLine":
                continue
            words = []
            for w in line:
                name = local(w)
                if name == "String":
                    wc = number(w.get("WC"))
                    words.append(OcrWord(w.get("CONTENT") or "", _box(w),
                                         None if wc is None else max(0.0, min(1.0, wc))))
                elif name == "HYP" and words:
                    words[-1].text += w.get("CONTENT") or "-"
            page.lines.append(OcrLine(words, _box(line), blocks))
        blocks += 1
    return build_page(page, source)
