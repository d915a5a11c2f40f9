"""PAGE XML (PRImA; Transkribus, OCR-D, eScriptorium) → SourcePage.

Lines are ``TextLine``; where they hold ``Word`` elements those give the words (text from
``TextEquiv/Unicode``, confidence ``TextEquiv@conf``, box from ``Coords@points``),
otherwise the line's own ``TextEquiv``. The image is ``Page@imageFilename``. The file's
``ReadingOrder`` is not trusted: the order is worked out from the geometry, which includes
the ``SeparatorRegion`` boxes (printed rules).
"""
from __future__ import annotations

from editor.readers.ocr import OcrLine, OcrPage, OcrWord, build_page, local, number, parse_ocr_xml, read_file
from editor.source import Box, SourcePage


def _coords(el) -> Box | None:
    for child in el:
        if local(child) == "Coords":
            pts = child.get("points")
            if not pts:
                return None
            xs, ys = [], []
            for pair in pts.split():
                x, _, y = pair.partition(",")
                xs.append(number(x, float("nan")))
                ys.append(number(y, float("nan")))
            if not xs:
                return None
            if any(v != v for v in xs + ys):
                return Box(float("nan"), 0, 0, 0)
            return Box(min(xs), min(ys), max(xs), max(ys))
    return None


def _equiv(el) -> tuple[str | None, float | None]:
    """The first TextEquiv of the element itself (not of its children)."""
    for child in el:
        if local(child) == "TextEquiv":
            text = None
            for u in child:
                if local(u) == "Unicode":
                    text = "".join(u.itertext())
            return text, number(child.get("conf"))
    return None, None


def read_pagexml(path) -> SourcePage:
    source, data = read_file(path, "PAGE XML")
    root = parse_ocr_xml(data, source.name)
    top = next((el for el in root.iter() if local(el) == "Page"), root)
    page = OcrPage(kind="page", path=str(source), image=top.get("imageFilename") or "",
                   width=number(top.get("imageWidth")), height=number(top.get("imageHeight")))
    blocks = 0
    for region in top.iter():
        if local(region) == "SeparatorRegion":
            page.graphics.append(_coords(region))
        if local(region) != "TextRegion":
            continue
        for line in region:
            if local(line) != "TextLine":
                continue
            words = []
            for w in line:
                if local(w) == "Word":
                    text, conf = _equiv(w)
                    words.append(OcrWord(text or "", _coords(w),
                                         None if conf is None else max(0.0, min(1.0, conf))))
            text, _ = _equiv(line)
            page.lines.append(OcrLine(words, _coords(line), blocks, None if words else (text or "")))
        blocks += 1
    return build_page(page, source)
