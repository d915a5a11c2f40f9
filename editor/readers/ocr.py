"""What the OCR readers (hOCR, ALTO, PAGE XML) share: safe XML, sane boxes, words → lines.

Each format reader only finds the page, its image, and the lines with their words (text,
box, confidence) in the file; this module makes SourceLines of them the same way for all
three, so that the hOCR and the ALTO of one OCR run give the same page.

Boxes from OCR files can be missing or absurd (negative, NaN, outside the page, huge): a
word keeps its text whatever its box says — an unusable box is replaced (by its line's,
or clamped to the page) and counted in ``meta["bad_boxes"]``, never a reason to drop text.

Then the page's reading order: the printed rules the engine found (thin long graphics,
:func:`printed_rules`), lines run across a gutter or a rule cut (:mod:`.gutters`),
misreadings inside another line's box set aside (:func:`ghost_lines`, read after the
page), and the recursive XY cut of :mod:`.order`; pieces of a line it leaves side by side
in one region are joined again.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from editor.decoding import InputError
from editor.newsml_read import parse_xml
from editor.readers.order import order_lines
from editor.readers.gutters import rejoin, split_at_gutters
from editor.source import Box, SourceLine, SourcePage, Word

#: A gap between two OCR words wider than this share of the line's height reads as a space
#: (glyph boxes are ink boxes: normal Chinese text leaves gaps up to ~0.4 of the height).
SPACE_SHARE = 0.6
SPACE_SHARE_HAN = 1.0


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"

_CLOSING = set("，。、；：？！）》」』”’〕】…,.;:?!)")
#: A graphic at most this share of the text height thick and ...
RULE_THICKNESS = 0.35
#: ... at least this many text heights long is a printed rule.
RULE_LENGTH = 4.0
#: A line at least this share of which lies inside a taller line's box ...
GHOST_INSIDE = 0.8
#: ... and whose words' mean confidence is below this is a misreading of that line's ink.
GHOST_CONFIDENCE = 0.6
#: Coordinates beyond this are nonsense whatever the resolution (a 2 m wide scan at 1200 dpi).
MAX_COORD = 100_000.0

_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^>\[]*>", re.I)


def parse_ocr_xml(data: bytes, what: str):
    """An OCR file's XML root. A bare DOCTYPE (XHTML's, as Tesseract writes in hOCR) is
    dropped — nothing is loaded or expanded from it; one with an internal subset (entity
    declarations) is refused, as all DTDs are by :func:`editor.newsml.parse_xml`."""
    head = data[:4096]
    m = _DOCTYPE.search(head)
    if m:
        data = data[: m.start()] + b" " * (m.end() - m.start()) + data[m.end():]
    try:
        return parse_xml(data)
    except InputError as exc:
        raise InputError(f"{what}: {exc}") from None


def local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def number(text, default: float | None = None) -> float | None:
    try:
        v = float(text)
    except (TypeError, ValueError):
        return default
    return v if math.isfinite(v) else default


@dataclass
class OcrWord:
    text: str
    box: Box | None
    confidence: float | None = None


@dataclass
class OcrLine:
    words: list[OcrWord]
    box: Box | None
    block: int = -1
    text: str | None = None        # the line's own text when it has no words (PAGE XML)


@dataclass
class OcrPage:
    kind: str
    path: str
    width: float | None
    height: float | None
    image: str = ""                # as the file names it
    lines: list[OcrLine] = field(default_factory=list)
    unit: str = "px"
    # boxes of the graphics the engine found (hOCR ocr_separator, ALTO GraphicalElement,
    # PAGE SeparatorRegion); the thin long ones are the page's printed rules
    graphics: list[Box | None] = field(default_factory=list)


def resolve_image(name: str, source: Path) -> tuple[str, str]:
    """(resolved path or "", why not): next to the OCR file, never fetched from a URL."""
    if not name:
        return "", ""
    if re.match(r"^[a-z][a-z0-9+.-]*://", name, re.I) and not name.lower().startswith("file://"):
        return "", f"图像是网址，不会下载 / the image is a URL and is not fetched: {name}"
    if name.lower().startswith("file://"):
        name = name[7:]
    candidate = Path(name)
    if not candidate.is_absolute():
        candidate = source.parent / candidate
    if not candidate.is_file():
        alt = source.parent / Path(name).name
        if alt.is_file():
            candidate = alt
        else:
            return "", f"找不到图像 / image not found: {name}"
    return str(candidate), ""


def _clean(box: Box | None, width: float, height: float) -> tuple[Box | None, bool]:
    """A usable box (clamped to the page), or None; and whether the box needed mending."""
    if box is None:
        return None, True
    vals = (box.x0, box.y0, box.x1, box.y1)
    if not all(math.isfinite(v) and abs(v) <= MAX_COORD for v in vals):
        return None, True
    x0, x1 = sorted((box.x0, box.x1))
    y0, y1 = sorted((box.y0, box.y1))
    mended = (x0, y0, x1, y1) != vals
    cx0, cy0 = min(max(x0, 0.0), width), min(max(y0, 0.0), height)
    cx1, cy1 = min(max(x1, 0.0), width), min(max(y1, 0.0), height)
    if (cx0, cy0, cx1, cy1) != (x0, y0, x1, y1):
        mended = True
    if cx1 - cx0 <= 0 or cy1 - cy0 <= 0:
        return None, True
    return Box(cx0, cy0, cx1, cy1), mended


def _page_size(page: OcrPage) -> tuple[float, float]:
    w, h = page.width, page.height
    if w and h and 0 < w <= MAX_COORD and 0 < h <= MAX_COORD:
        return w, h
    xs, ys = [1.0], [1.0]
    for line in page.lines:
        for b in [line.box] + [wd.box for wd in line.words]:
            if b is not None and all(math.isfinite(v) and 0 <= v <= MAX_COORD
                                     for v in (b.x0, b.y0, b.x1, b.y1)):
                xs.append(max(b.x0, b.x1))
                ys.append(max(b.y0, b.y1))
    return max(xs), max(ys)


def build_page(page: OcrPage, source: Path) -> SourcePage:
    """OcrPage → SourcePage: lines with words, in reading order."""
    width, height = _page_size(page)
    bad = 0
    lines: list[SourceLine] = []
    previous: Box | None = None
    for ocr_line in page.lines:
        words = [w for w in ocr_line.words if w.text and not w.text.isspace()]
        if not words and not (ocr_line.text and ocr_line.text.strip()):
            continue
        line_box, mended = _clean(ocr_line.box, width, height)
        bad += mended and ocr_line.box is not None
        boxes = []
        for w in words:
            b, m = _clean(w.box, width, height)
            bad += m
            boxes.append(b)
        known = [b for b in boxes if b is not None]
        if line_box is None and known:
            line_box = known[0]
            for b in known[1:]:
                line_box = line_box.union(b)
        if line_box is None:          # no usable box at all: keep the text under the last line
            bad += ocr_line.box is None
            top = previous.y1 if previous else 0.0
            line_box = Box(0.0, min(top, height - 1), min(width, max(1.0, width / 4)),
                           min(top + max(1.0, height / 100), height))
        boxes = [b if b is not None else line_box for b in boxes]
        lines.append(_line(words, boxes, line_box, ocr_line))
        previous = line_box
    if not lines:
        raise InputError(f"{source.name}：文件中没有识别出的文字 / the file holds no recognised text")
    image, why = resolve_image(page.image, source)
    meta = {}
    if why:
        meta["image_problem"] = why
    if bad:
        meta["bad_boxes"] = str(bad)
    rules = printed_rules(page.graphics, lines, width, height)
    origin: dict = {}
    lines = split_at_gutters(lines, rules, origin)
    ghosts = ghost_lines(lines)
    ordered = order_lines([ln for k, ln in enumerate(lines) if k not in ghosts], width, height, rules)
    ordered = rejoin(ordered, origin)
    return SourcePage(lines=after_hosts(ordered, lines, ghosts), width=width, height=height,
                      kind=page.kind, path=str(source), image=image, unit=page.unit, meta=meta)


def ghost_lines(lines: list[SourceLine]) -> dict[int, int]:
    """Lines that are a misreading of another line's ink: lying (almost) wholly inside the
    box of a taller line and read with little confidence — what Tesseract makes of the
    strokes of a big headline or a graphic behind it (``[| 二 一思一`` over a head). As
    ``{ghost: host}``: they are kept, but read after the page, so that they do not break a
    headline (or a column) in two."""
    out: dict[int, int] = {}
    for k, line in enumerate(lines):
        known = [w.confidence for w in line.words if w.confidence is not None]
        if not known or sum(known) / len(known) >= GHOST_CONFIDENCE:
            continue
        a = line.box
        area = max(a.width * a.height, 1e-6)
        for j, other in enumerate(lines):
            b = other.box
            if j == k or j in out or b.height <= a.height:
                continue
            inside = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
            if inside >= GHOST_INSIDE * area:
                out[k] = j
                break
    return out


def after_hosts(ordered: list[SourceLine], lines: list[SourceLine],
                ghosts: dict[int, int]) -> list[SourceLine]:
    """The ghost lines put back after all the others, each its own region (in the order
    of their hosts): kept for the proofreader, but out of the articles' way."""
    if not ghosts:
        return ordered
    rank = {id(ln): k for k, ln in enumerate(ordered)}
    region = max((ln.region for ln in ordered), default=-1)
    out = list(ordered)
    for k in sorted(ghosts, key=lambda k: (rank.get(id(lines[ghosts[k]]), len(ordered)), k)):
        region += 1
        lines[k].region, lines[k].group = region, -1
        out.append(lines[k])
    return out


def printed_rules(graphics: list[Box | None], lines: list[SourceLine], width: float,
                  height: float) -> list[Box]:
    """The graphics that are printed rules: at most :data:`RULE_THICKNESS` of the text
    height thick and at least :data:`RULE_LENGTH` text heights long. The reading order
    cuts the page at them as it does at a PDF's rules (a photo or a logo is no rule)."""
    if not graphics or not lines:
        return []
    text = median(ln.box.height for ln in lines)
    out = []
    for g in graphics:
        box, _ = _clean(g, width, height)
        if box is None:
            continue
        thin, long = min(box.width, box.height), max(box.width, box.height)
        if thin <= RULE_THICKNESS * text and long >= RULE_LENGTH * text:
            out.append(box)
    return out


def _line(words: list[OcrWord], boxes: list[Box], line_box: Box, ocr_line: OcrLine) -> SourceLine:
    h = max(line_box.height, 1e-6)
    if not words:     # text without words: characters spread over the line's box
        text = " ".join(ocr_line.text.split())
        step = line_box.width / max(len(text), 1)
        return SourceLine(text=text, box=line_box, size=h, region=ocr_line.block,
                          char_x=tuple(round(line_box.x0 + k * step, 2) for k in range(len(text))))
    parts: list[str] = []
    xs: list[float] = []
    out_words: list[Word] = []
    pos = 0
    prev_box, prev_text = None, ""
    for w, b in zip(words, boxes):
        text = " ".join(w.text.split())
        # between two Chinese words a space needs a gap of a whole character (Tesseract's
        # own text prints none where the words of one phrase are spaced a little apart)
        share = SPACE_SHARE_HAN if prev_text and _han(prev_text[-1]) and _han(text[0]) else SPACE_SHARE
        if prev_box is not None and (
                (b.x0 - prev_box.x1 > share * h and prev_text[-1] not in _CLOSING) or (
                prev_text[-1].isascii() and prev_text[-1].isalnum()
                and text[0].isascii() and text[0].isalnum())):
            parts.append(" ")
            xs.append(round(prev_box.x1, 2))
            pos += 1
        step = b.width / max(len(text), 1)
        xs.extend(round(b.x0 + k * step, 2) for k in range(len(text)))
        parts.append(text)
        out_words.append(Word(pos, pos + len(text), b, w.confidence))
        pos += len(text)
        prev_box, prev_text = b, text
    return SourceLine(text="".join(parts), box=line_box, size=h, region=ocr_line.block,
                      words=tuple(out_words), char_x=tuple(xs))


def read_file(path, what: str) -> tuple[Path, bytes]:
    source = Path(path)
    try:
        return source, source.read_bytes()
    except OSError as exc:
        raise InputError(f"{source.name}：无法读取 / cannot read the {what} file "
                         f"({exc.strerror or exc})") from None
