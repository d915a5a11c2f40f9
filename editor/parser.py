"""Raw page → article tree.

The steps, each in its own module:

1. :mod:`editor.lines` — the raw lines, their indents and widths (and, for a PDF or an OCR
   file, their boxes, sizes and weights).
2. :mod:`editor.layout` — what the page says about itself: indents or none, the column
   width where each line stands, blank lines at column breaks or between paragraphs.
3. :mod:`editor.segment` — one pass down the page into units: headline groups, bylines,
   paragraphs, intertitles, captions, furniture, each with the reason it is so.
4. :mod:`editor.assemble` — units into articles, by the reading of the whole page that
   gives most articles a headline over a body, consistently placed, on their own topic.
   On text without geometry, :mod:`editor.columns` then puts columns back into their own
   article and :mod:`editor.pairing` headlines back over their own text (whose words the
   columns put back complete), where the extraction printed them elsewhere (pdftotext).
5. Here: blocks from units (:mod:`editor.headings` gives a headline group its kicker,
   headline and subtitle), the dateline and credit cut from an article's first paragraph,
   and the page's furniture gathered apart.

Every non-whitespace character of the raw page ends up in exactly one block.
"""
from __future__ import annotations

from .assemble import assemble
from .blocks import build_block
from .bylines import credit_at, credit_ending, dateline_at
from .decoding import decode
from .edits import split_block
from .gcpause import without_gc
from .headings import heading_blocks
from .layout import Layout
from .lines import scan
from .merged import merged_lines, rethread
from .ocrcolumns import unweave
from .ocrtext import place_pieces
from .model import Article, Block, BlockKind, Page, new_id
from .columns import regroup
from .pairing import repair
from .intertitles import intertitles
from .segment import Segmenter, Unit, UnitKind
from .source import SourceLine, SourcePage
from .text import is_terminal

_KINDS = {UnitKind.PARAGRAPH: BlockKind.PARAGRAPH, UnitKind.INTERTITLE: BlockKind.INTERTITLE,
          UnitKind.CAPTION: BlockKind.CAPTION, UnitKind.FURNITURE: BlockKind.FURNITURE,
          UnitKind.UNPLACED: BlockKind.UNASSIGNED}


@without_gc
def parse_text(text: str, encoding: str = "utf-8", source: str = "",
               geometry: list[SourceLine | None] | None = None) -> Page:
    """Parse a decoded page (line ends already ``\\n``). ``geometry``: for each raw line,
    where it stands on the page (from a PDF or OCR file), or None."""
    page = Page(raw_text=text, encoding=encoding, source=source)
    lines = scan(page.raw_lines, geometry)
    merged: frozenset[int] = frozenset()
    woven: set[int] = set()
    if geometry is None:  # text from pdftotext may hold several columns on a line
        # Tesseract's lines read across three columns or more (pdftotext's are merged.py's)
        claimed = merged_lines(lines)
        unwoven, woven = unweave(lines, frozenset(claimed))
        lines, found = rethread(unwoven, claimed if unwoven is lines else None)
        merged = frozenset(found)
    page.merged_lines = merged
    layout = Layout(lines)
    segmenter = Segmenter(lines, layout, merged, woven)
    units = intertitles(segmenter.run())
    furniture = Article(furniture=True)
    # a headline printed amid another article's sentence stands apart from the assembly
    groups = assemble([u for u in units if not u.aside]) + [[u] for u in units if u.aside]
    if geometry is None:  # headlines and columns an extraction printed away from their text
        blanks = _blanks(lines)
        if not layout.indented:
            groups = regroup(groups, blanks)
        groups = repair(groups, blanks, layout.blank_paragraphs)
    if segmenter.pieces:
        groups = place_pieces(groups, segmenter.pieces, _blanks(lines))
    for group in groups:
        article = Article()
        _fill(article, furniture, group)
        if article.blocks:
            _split_dateline(page, article)
            page.articles.append(article)
    if furniture.blocks:
        furniture.blocks.sort(key=lambda b: b.spans[0] if b.spans else (0, 0, 0))
        page.articles.insert(0, furniture)
    return page


def parse_source(source: SourcePage) -> Page:
    """Parse a page read from a PDF or an OCR file: its lines in reading order are the raw
    page (a blank line between regions), and their boxes, sizes and weights the geometry
    the reading weighs."""
    lines = source.raw_lines()
    geometry = [source.lines[k] if k >= 0 else None for k in source.line_of_raw()]
    page = parse_text("\n".join(lines), "utf-8", source.path, geometry)
    page.source_page = source
    return page


def parse_bytes(data: bytes, source: str = "") -> Page:
    decoded = decode(data)
    return parse_text(decoded.text, decoded.encoding, source)


def _fill(article: Article, furniture: Article, group: list[Unit]) -> None:
    """The blocks of one article's units; furniture, and captions that stand at the
    article's edge rather than between its paragraphs, go to the page's furniture."""
    _addenda(group)
    body = [k for k, u in enumerate(group) if u.kind in (UnitKind.PARAGRAPH, UnitKind.INTERTITLE)]
    for k, unit in enumerate(group):
        blocks = _blocks(unit)
        inside = bool(body) and body[0] < k < body[-1]
        if unit.kind == UnitKind.FURNITURE or (unit.kind == UnitKind.CAPTION and not inside):
            furniture.blocks.extend(blocks)
        else:
            article.blocks.extend(blocks)


def _addenda(group: list[Unit]) -> None:
    """A bracketed credit closing an article that has its byline already (``（本报记者
    张文豪）``, ``（本报记者吴丹整理）`` after the text) is an addendum of the text, not
    its byline: it stays a paragraph. Alone, such a credit is the byline."""
    bylines = [k for k, u in enumerate(group) if u.kind == UnitKind.BYLINE]
    body = [k for k, u in enumerate(group) if u.kind == UnitKind.PARAGRAPH]
    if len(bylines) < 2 or not body:
        return
    for k in bylines:
        if k > body[0] and group[k].text.startswith(("（", "(")) and k != bylines[0]:
            group[k].kind = UnitKind.PARAGRAPH
            group[k].why = "addendum"


def _blocks(unit: Unit) -> list[Block]:
    if unit.kind == UnitKind.HEADING:
        blocks = heading_blocks(unit.lines, unit.blanks)
    elif unit.kind == UnitKind.BYLINE:
        blocks = [build_block(BlockKind.BYLINE, unit.lines, sep="\n")]
    else:
        blocks = [build_block(_KINDS[unit.kind], unit.lines, unit.blanks)]
    for block in blocks:
        block.why = unit.why  # shown to the proofreader: why the lines became this
    return blocks


def _split_dateline(page: Page, article: Article) -> None:
    """Move a dateline (``本报聊城讯``) opening the first paragraph into its own block, and
    a bracketed credit right after it (``（记者 王芳）``) into a byline block; a bracketed
    credit closing the article's last paragraph (``…二十六家。（记者 孙丽）``) too. A
    dateline that quotes another source (``据新华社北京5月9日电（记者周圆）``) stays in the
    text with its credit: the article's own byline names its authors."""
    index = next((i for i, b in enumerate(article.blocks) if b.kind == BlockKind.PARAGRAPH), None)
    if index is None:
        return
    dateline = dateline_at(article.blocks[index].text)
    if dateline and dateline.startswith("据"):
        return  # "据新华社……电（记者……）": a report taken from another, its credit is its own
    if dateline and _cut(page, article, index, len(dateline), BlockKind.DATELINE, head=True):
        index += 1
    credit = credit_at(article.blocks[index].text)
    if credit:
        _cut(page, article, index, len(credit), BlockKind.BYLINE, head=True)
    last = max(i for i, b in enumerate(article.blocks) if b.kind == BlockKind.PARAGRAPH)
    text = article.blocks[last].text
    credit = credit_ending(text)
    others = any(b.kind == BlockKind.BYLINE for b in article.blocks)
    if credit and not others and is_terminal(text[:-len(credit)].rstrip()):
        _cut(page, article, last, len(text) - len(credit), BlockKind.BYLINE, head=False)


def _cut(page: Page, article: Article, index: int, at: int, kind: BlockKind, head: bool) -> bool:
    """Split block ``index`` of ``article`` at text offset ``at``; the head (or the tail)
    becomes a new block of ``kind`` beside it. False, and nothing changed, if either piece
    would have no text."""
    para = article.blocks[index]
    left, right = split_block(page, para, at)
    if not left.text.strip() or not right.text.strip():
        return False
    piece, rest = (left, right) if head else (right, left)
    para.text = para.origin_text = rest.text
    para.spans, para.joins = rest.spans, rest.joins
    piece.kind = kind
    piece.why = "dateline" if kind == BlockKind.DATELINE else "credit"
    piece.id = new_id("b")
    article.blocks.insert(index if head else index + 1, piece)
    return True


def _blanks(lines: list) -> frozenset[int]:
    return frozenset(k for k, ln in enumerate(lines) if ln is None)
