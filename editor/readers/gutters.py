"""OCR lines the engine ran across a column gutter, cut at it.

Tesseract (page segmentation 3) often reads two columns' lines as one where the gutter is
narrow, and it often "reads" a quote or a comma in the empty gutter too (``开“”育``,
``习”介``). A line is cut at a gap in its ink when the lines near it (a few line heights
up and down, reaching that far across) leave the gap's middle empty: a letter-spaced
byline's gaps are crossed by the body lines around it, a gutter by none.

The lines that judge a gap are those reaching it within the block the line is in (up and
down to an empty band of more than :data:`BLOCK_GAP` text heights, or a printed rule);
no line runs across a vertical rule, whatever its neighbours say.

A line's ink here is its characters (each word's box spread over its characters, as
``SourceLine.char_x`` has them) without the punctuation marks — a stray mark in the gutter
must not hide it — merged over gaps narrower than :data:`GUTTER_SHARE` of the line height.
"""
from __future__ import annotations

from statistics import median

from editor.source import Box, SourceLine, Word

#: A gap in a line's ink this many line heights wide may be a gutter the OCR engine ran the
#: line across ...
GUTTER_SHARE = 0.8
#: ... and is one when at most this share of the lines near it cross it (one always may) ...
GUTTER_CROSSED = 0.2
#: ... as long as a stretch of it at least this many line heights wide stays that empty ...
BAND_SHARE = 0.5
#: ... among at least this many lines reaching it.
MIN_JUDGES = 2
#: How far up and down (in text heights) the lines that judge a gap are looked for.
NEAR = 4.0
#: An empty band this many text heights tall ends the block whose lines judge a gap.
BLOCK_GAP = 1.5
#: A line this much taller than the text is a head, and no judge of a line of text.
HEAD_RATIO = 1.5
_CLOSING = set("，。、；：？！）》〉」』”’〕】…,.;:?!)]")
_OPENING = set("（《〈「『“‘〔【([")
_MARKS = set("，。、；：？！（）《》〈〉「」『』“”‘’〔〕【】…—·,.;:?!()[]\"'-_|")


def split_at_gutters(lines: list[SourceLine], rules: list[Box] | tuple = (),
                     origin: dict | None = None) -> list[SourceLine]:
    """The lines, each one run across a gutter (or a printed rule) cut into its pieces;
    ``origin`` (if given) gets, by each piece's id, the line it was cut from and the range
    of that line's words it holds."""
    if len(lines) < 3:
        return lines
    ink = {id(ln): _ink(ln) for ln in lines}
    text = median(ln.box.height for ln in lines)
    across = [r for r in rules if r.width >= r.height]
    down = [r for r in rules if r.width < r.height]
    out: list[SourceLine] = []
    for line in lines:
        pieces = _split_line(line, lines, ink, text, (across, down), origin)
        out.extend(pieces)
    return out


def rejoin(ordered: list[SourceLine], origin: dict) -> list[SourceLine]:
    """The lines in reading order, the pieces of one line that the reading order left next
    to each other in one region joined again: that cut was no gutter after all (a mark's
    cell in a column whose neighbouring lines have marks there too)."""
    out: list[SourceLine] = []
    for line in ordered:
        last = out[-1] if out else None
        if last is not None and last.region == line.region and id(line) in origin and id(last) in origin:
            (src_a, lo, hi_a), (src_b, lo_b, hi) = origin[id(last)], origin[id(line)]
            if src_a is src_b and hi_a == lo_b:
                whole = _slice(src_a, lo, hi, [])
                whole.region, whole.group = line.region, line.group
                origin[id(whole)] = (src_a, lo, hi)
                out[-1] = whole
                continue
        out.append(line)
    return out


def _chars(line: SourceLine) -> list[tuple[float, float]] | None:
    """Each character's x extent (its word's box spread over its characters; a space
    between words has none), or None when the line has no character positions."""
    text, xs = line.text, line.char_x
    if not line.words or len(xs) != len(text):
        return None
    ends = list(xs)              # a space between words: no width
    for w in line.words:
        for k in range(w.start, w.end):
            ends[k] = xs[k + 1] if k + 1 < w.end else w.box.x1
    return list(zip(xs, ends))


def _ink(line: SourceLine, marks: bool = False) -> list[tuple[float, float]]:
    """The x spans of the line's ink: its characters but (unless ``marks``) the
    punctuation marks, merged over gaps narrower than GUTTER_SHARE of the line height (the
    whole box when the line has no character positions)."""
    extents = _chars(line)
    if extents is None:
        return [(line.box.x0, line.box.x1)]
    chars = sorted(extents[k] for k, ch in enumerate(line.text)
                   if not ch.isspace() and (marks or ch not in _MARKS))
    if not chars:
        return [(line.box.x0, line.box.x1)]
    wide = GUTTER_SHARE * max(line.box.height, 1e-6)
    spans = [list(chars[0])]
    for x0, x1 in chars[1:]:
        if x0 - spans[-1][1] < wide:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    return [(a, b) for a, b in spans]


def _split_line(line: SourceLine, lines: list[SourceLine], ink: dict, text: float,
                rules: tuple[list[Box], list[Box]] = ([], []), origin: dict | None = None) -> list[SourceLine]:
    h = max(line.box.height, 1e-6)
    head = h >= HEAD_RATIO * text
    # a head is cut only where a gap with its marks in it is wide and no line crosses it:
    # heads are big and clearly printed, and often run over the columns' gutters
    spans = _ink(line, marks=True) if head else ink[id(line)]
    if len(spans) < 2 or len(line.words) < 2:
        return [line]
    # the lines around it, but for heads when it is text: a head across the columns says
    # nothing about whether a line of text may cross their gutter
    big = float("inf") if head else HEAD_RATIO * text
    near = [o for o in lines if o is not line and o.box.height < big
            and o.box.y1 > line.box.y0 - NEAR * text and o.box.y0 < line.box.y1 + NEAR * text]
    # only the lines of its block: those under and over it reached without crossing a wide
    # empty band (the rows of another article above say nothing about this one's gutters)
    near = _block(line, [o for o in near if o.box.x0 < line.box.x1 and o.box.x1 > line.box.x0], text)
    cuts: list[int] = []
    gaps: list[tuple[float, float]] = []
    for (_, lo), (hi, _) in zip(spans, spans[1:]):
        k = _cut_at(line, lo, hi, near, ink, rules, head)
        if k and (not cuts or k > cuts[-1]):
            cuts.append(k)
            gaps.append((lo, hi))
    if not cuts:
        return [line]
    pieces = _pieces(line, cuts, gaps)
    if origin is not None:
        for piece, lo, hi in zip(pieces, [0] + cuts, cuts + [len(line.words)]):
            origin[id(piece)] = (line, lo, hi)
    return pieces


def _cut_at(line: SourceLine, lo: float, hi: float, near: list[SourceLine], ink: dict,
            rules: tuple[list[Box], list[Box]], head: bool) -> int:
    """Where (the word to cut before) the gap lo..hi of the line is a gutter; 0 if it is not."""
    h = max(line.box.height, 1e-6)
    across, down = rules
    if any(lo <= (r.x0 + r.x1) / 2 <= hi and r.y0 < line.box.y1 and r.y1 > line.box.y0 for r in down):
        return _boundary(line.words, lo, hi)          # no line runs across a printed rule
    # the lines that reach the gap (a gutter's two columns, and lines run across it) on
    # this side of any rule across
    judges = [ink[id(o)] for o in near if o.box.x0 - h < hi and o.box.x1 + h > lo
              and not _ruled_off(line.box, o.box, across, (lo + hi) / 2)]
    if len(judges) < MIN_JUDGES:
        return 0
    # one line may always cross (a head or a caption over the columns) if two others leave
    # the band empty
    limit = GUTTER_CROSSED * len(judges)
    if len(judges) > MIN_JUDGES and not head:
        limit = max(1.0, limit)
    band = _free_band(lo, hi, judges, limit)
    if band is None or band[1] - band[0] < BAND_SHARE * h:
        return 0
    k = _boundary(line.words, *band) or _boundary(line.words, lo, hi)
    return _by_the_marks(line, k, lo, hi)


def _block(line: SourceLine, others: list[SourceLine], text: float) -> list[SourceLine]:
    """The lines of ``others`` reached from ``line`` up and down without crossing an empty
    band taller than :data:`BLOCK_GAP` text heights."""
    out = [o for o in others if o.box.y0 < line.box.y1 and o.box.y1 > line.box.y0]
    for up in (True, False):
        side = [o for o in others if (o.box.y1 <= line.box.y0 if up else o.box.y0 >= line.box.y1)]
        side.sort(key=lambda o: -o.box.y1 if up else o.box.y0)
        edge = line.box.y0 if up else line.box.y1
        for o in side:
            if (edge - o.box.y1 if up else o.box.y0 - edge) > BLOCK_GAP * text:
                break
            out.append(o)
            edge = min(edge, o.box.y0) if up else max(edge, o.box.y1)
    return out


def _ruled_off(a: Box, b: Box, across: list[Box], x: float) -> bool:
    """Is there a rule across between boxes a and b (one above the other) at x?"""
    top, bottom = (a, b) if a.y0 <= b.y0 else (b, a)
    return any(r.x0 <= x <= r.x1 and top.y1 <= (r.y0 + r.y1) / 2 <= bottom.y0 for r in across)


def _by_the_marks(line: SourceLine, k: int, lo: float, hi: float) -> int:
    """The cut moved past stray marks in the gap as a typesetter breaks a line: a closing
    mark (，。”) never starts a line, an opening one (“《) never ends it."""
    words, text = line.words, line.text
    if not k:
        return k

    def marks(w: Word, kind: str) -> bool:
        chars = text[w.start:w.end]
        return bool(chars) and all(c in kind for c in chars) and lo <= (w.box.x0 + w.box.x1) / 2 <= hi

    while k < len(words) - 1 and marks(words[k], _CLOSING):
        k += 1
    while k > 1 and marks(words[k - 1], _OPENING):
        k -= 1
    return k


def _free_band(lo: float, hi: float, judges: list, limit: float) -> tuple[float, float] | None:
    """The widest stretch of lo..hi that the ink of at most ``limit`` judges covers."""
    events = [(lo, 0)]
    for spans in judges:
        for a, b in spans:
            if b > lo and a < hi:
                events += [(max(a, lo), 1), (min(b, hi), -1)]
    events.sort()
    best, count, start = None, 0, None
    for (x, step), (nxt, _) in zip(events, events[1:] + [(hi, 0)]):
        count += step
        if count <= limit and start is None:
            start = x
        elif count > limit and start is not None:
            best = _wider(best, (start, x))
            start = None
    if start is not None:
        best = _wider(best, (start, hi))
    return best


def _wider(a, b):
    return b if a is None or b[1] - b[0] > a[1] - a[0] else a


def _boundary(words: tuple[Word, ...], lo: float, hi: float) -> int:
    """The word boundary (the middle between two words) inside the gap lo..hi nearest the
    gap's middle; 0 when there is none."""
    mid = (lo + hi) / 2
    best, dist = 0, None
    for k in range(1, len(words)):
        at = (words[k - 1].box.x1 + words[k].box.x0) / 2
        if lo <= at <= hi:
            d = abs(at - mid)
            if dist is None or d < dist:
                best, dist = k, d
    return best


def _pieces(line: SourceLine, cuts: list[int], gaps: list[tuple[float, float]]) -> list[SourceLine]:
    """The line cut before each word ``cuts[i]``."""
    bounds = list(zip([0] + cuts, cuts + [len(line.words)]))
    return [_slice(line, lo, hi, gaps) for lo, hi in bounds]


def _slice(line: SourceLine, lo: int, hi: int, gaps: list[tuple[float, float]]) -> SourceLine:
    """Words ``lo:hi`` of the line as a line of their own. Its box leaves out the stray
    marks in ``gaps`` (so that a mark in the gutter does not make a line look indented)."""
    ws = line.words[lo:hi]
    start, end = ws[0].start, ws[-1].end
    box = ws[0].box
    for w in ws[1:]:
        box = box.union(w.box)
    extents = _chars(line)
    inked = [extents[k] for k in range(start, end) if extents and not _stray(line.text[k], extents[k], gaps)]
    x0 = min((e[0] for e in inked), default=box.x0)
    x1 = max((e[1] for e in inked), default=box.x1)
    return SourceLine(text=line.text[start:end], box=Box(x0, line.box.y0, x1, line.box.y1),
                      size=line.size, region=line.region, char_x=line.char_x[start:end],
                      words=tuple(Word(w.start - start, w.end - start, w.box, w.confidence) for w in ws))


def _stray(ch: str, extent: tuple[float, float], gaps: list[tuple[float, float]]) -> bool:
    mid = (extent[0] + extent[1]) / 2
    return (ch in _MARKS or ch.isspace()) and any(lo <= mid <= hi for lo, hi in gaps)
