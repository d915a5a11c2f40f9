"""NewsML-G2 2.35: read a file back into a page (ours gives back its model; others what
they have). The writer and the mapping are in :mod:`editor.newsml`.

Reading is safe: no DTD is accepted (so no entity can be declared, let alone expanded),
no network or file access, libxml2's size limits stay on.
"""
from __future__ import annotations

from lxml import etree

from . import errors
from .errors import InputError
from .i18n import _
from .kinds import kind_of_class
from .model import Article, Block, BlockKind, Join, Page, Span
from .newsml import (BLOCK_ORDER, CONTENT_HASH, GENERATOR, NAR, NITF_TYPE, PART_ROLE, VERSION_RE, _nar,
                     parse_block_order, safe_parser)

# --- reading ------------------------------------------------------------------------------

_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")


def _has_dtd(data: bytes) -> bool:
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        if any(m.encode(codec) in data for m in _DTD_MARKERS):
            return True
    return False


def parse_xml(data: bytes) -> etree._Element:
    """Parse untrusted XML: no DTD at all, no entities, no network. Raises InputError."""
    if len(data) > errors.MAX_BYTES:
        raise errors.too_large(len(data), errors.MAX_BYTES)
    if _has_dtd(data):
        raise InputError(_("refused: the XML has a DTD or entity declarations (not allowed in "
                           "NewsML-G2; nothing was expanded)"))
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:  # libxml2's reason may hold a line break: one line
        raise InputError(_("malformed XML: {reason}", reason=" ".join(str(exc).split()))) from None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        raise InputError(_("unreadable XML: {reason}", reason=" ".join(str(exc).split()))) from None
    if root.getroottree().docinfo.doctype:
        raise InputError(_("refused: the XML has a DTD"))
    return root


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el) -> str:
    return "".join(el.itertext())


def _flow(text: str) -> str:
    """Text from a file someone pretty-printed: line breaks and their indentation go."""
    lines = [ln.strip() for ln in text.split("\n")]
    out = ""
    for line in lines:
        if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() \
                and line[0].isalnum():
            out += " "
        out += line
    return out


def read_newsml(data: bytes) -> Page:
    """A page from a NewsML-G2 file (ours gives back its model; others what they have)."""
    root = parse_xml(data)
    qname = etree.QName(root)
    if qname.namespace != NAR or qname.localname not in ("newsMessage", "newsItem", "packageItem"):
        raise InputError(_("not a NewsML-G2 file: the root element is <{root}> in namespace {namespace}",
                           root=qname.localname, namespace=qname.namespace) if qname.namespace else
                         _("not a NewsML-G2 file: the root element is <{root}>", root=qname.localname))
    items = [root] if qname.localname == "newsItem" else list(root.iter(_nar("newsItem")))
    packages = [root] if qname.localname == "packageItem" else list(root.iter(_nar("packageItem")))
    if not items and not packages:
        raise InputError(_("the NewsML-G2 file holds no items"))
    page = Page(raw_text="", encoding="utf-8")
    furniture: list[tuple[BlockKind, str]] = []
    if packages:
        page.meta["guid"] = packages[0].get("guid", "")
        page.meta["version"] = _read_version(packages[0])
        if not page.meta["guid"]:
            del page.meta["guid"]
        furniture = _furniture_blocks(packages[0])
    articles = [_read_item(item) for item in items]
    if furniture:
        articles.insert(0, ({}, furniture))
    _synthesise_raw(page, articles)
    if furniture:
        page.articles[0].furniture = True
    return page


def _read_version(item) -> str:
    """An item's ``version`` (1 when it has none); InputError when it is no positive whole
    number in ASCII digits (``"²"`` once raised, ``"٣"`` was written back, schema-invalid)."""
    value = item.get("version")
    if value is None:
        return "1"
    match = VERSION_RE.fullmatch(value.strip())
    if not match:
        raise InputError(_("the version of an item is not a positive whole number: “{value}”",
                           value=value[:40]))
    return match.group(1)


def _furniture_blocks(package) -> list[tuple[BlockKind, str]]:
    """The furniture blocks a packageItem of ours carries (``description role="jdpart:…"``)."""
    out: list[tuple[BlockKind, str]] = []
    for meta in package.findall(_nar("contentMeta")):
        for desc in meta.findall(_nar("description")):
            role = desc.get("role") or ""
            if not role.startswith(PART_ROLE):
                continue
            try:
                kind = BlockKind(role[len(PART_ROLE):])
            except ValueError:
                kind = BlockKind.FURNITURE
            text = _text(desc).strip()
            if text:
                out.append((kind, text))
    return out


def _ours(item) -> bool:
    return any(_text(g).strip() == GENERATOR for g in item.iter(_nar("generator")))


def _read_item(item) -> tuple[dict, list[tuple[BlockKind, str]]]:
    meta = {"guid": item.get("guid", ""), "version": _read_version(item)}
    meta = {k: v for k, v in meta.items() if v}
    ours = _ours(item)
    flow = (lambda s: s.strip()) if ours else (lambda s: _flow(s).strip())
    nitf = _nitf_root(item)
    blocks: list[tuple[BlockKind, str]] = []
    if nitf is not None:
        blocks = _nitf_blocks(nitf, flow, ours)
    if not any(kind.is_heading for kind, _ in blocks):
        blocks = _meta_headlines(item, flow) + blocks
    if nitf is None:
        blocks += _other_paragraphs(item, flow)
    order = None
    for prop in item.iter(_nar("contentMetaExtProperty")):
        if prop.get("rel") == BLOCK_ORDER:
            order = parse_block_order(prop.get("value", ""), len(blocks))
        elif prop.get("rel") == CONTENT_HASH and prop.get("value"):
            meta["content"] = prop.get("value")
    return meta, _reorder(blocks, order)


def _nitf_root(item):
    for inline in item.iter(_nar("inlineXML")):
        if (inline.get("contenttype") or "").startswith(NITF_TYPE):
            child = next((c for c in inline if _local(c) == "nitf"), None)
            if child is not None:
                return child
    return None


def _nitf_blocks(nitf, flow, ours: bool) -> list[tuple[BlockKind, str]]:
    blocks: list[tuple[BlockKind, str]] = []
    for el in nitf.iter():
        name = _local(el)
        if name == "hl1":
            blocks.append((BlockKind.HEADLINE, flow(_text(el))))
        elif name == "hl2" and _local(el.getparent()) == "hedline":
            kind = kind_of_class("hl2", el.get("class")) or BlockKind.SUBTITLE
            blocks.append((kind, flow(_text(el))))
        elif name == "byline":
            text = _text(el).strip(" \t\u3000\n")
            if not ours:  # pretty-printed by someone else: keep its lines, drop the indents
                text = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
            blocks.append((BlockKind.BYLINE, text))
        elif name == "dateline":
            blocks.append((BlockKind.DATELINE, flow(_text(el))))
        elif name == "p":
            kind = kind_of_class("p", el.get("class")) or BlockKind.PARAGRAPH
            blocks.append((kind, flow(_text(el))))
    return [(k, t) for k, t in blocks if t]


def _meta_headlines(item, flow) -> list[tuple[BlockKind, str]]:
    out: list[tuple[BlockKind, str]] = []
    for meta in item.findall(_nar("contentMeta")):
        for h in meta.findall(_nar("headline")):
            role = (h.get("role") or "").lower()
            kind = (BlockKind.KICKER if "kicker" in role else
                    BlockKind.SUBTITLE if "sub" in role else BlockKind.HEADLINE)
            text = flow(_text(h))
            if text:
                out.append((kind, text))
    order = {BlockKind.KICKER: 0, BlockKind.HEADLINE: 1, BlockKind.SUBTITLE: 2}
    return sorted(out, key=lambda kt: order[kt[0]])


def _other_paragraphs(item, flow) -> list[tuple[BlockKind, str]]:
    """Paragraphs of a body that is not NITF (XHTML, say) or plain inline text."""
    out: list[tuple[BlockKind, str]] = []
    for inline in item.iter(_nar("inlineXML")):
        out += [(BlockKind.PARAGRAPH, flow(_text(p))) for p in inline.iter() if _local(p) == "p"]
    for inline in item.iter(_nar("inlineData")):
        out += [(BlockKind.PARAGRAPH, p.strip()) for p in _text(inline).split("\n")]
    return [(k, t) for k, t in out if t]


def _reorder(blocks, order: list[BlockKind] | None):
    """Put the blocks in the order recorded at export, when it fits what is there."""
    if order is None or sorted(order) != sorted(k for k, _ in blocks):
        return blocks
    queues: dict[BlockKind, list[str]] = {}
    for kind, text in blocks:
        queues.setdefault(kind, []).append(text)
    return [(kind, queues[kind].pop(0)) for kind in order]


def _synthesise_raw(page: Page, articles) -> None:
    """Make up the raw page: one raw line per text line, a blank line between articles."""
    lines: list[str] = []
    for meta, blocks in articles:
        if lines:
            lines.append("")
        article = Article(meta=meta)
        for kind, text in blocks:
            article.blocks.append(_block_on_lines(kind, text, lines))
        page.articles.append(article)
    page.raw_text = "\n".join(lines)


def _block_on_lines(kind: BlockKind, text: str, lines: list[str]) -> Block:
    spans: list[Span] = []
    joins: list[Join] = []
    offset = 0
    for k, piece in enumerate(text.split("\n")):
        if k:
            offset += 1  # the "\n" between the lines
            joins.append(Join(offset, len(lines) - 1, len(lines), (), "\n"))
        spans.append(Span(len(lines), 0, len(piece)))
        lines.append(piece)
        offset += len(piece)
    return Block(kind=kind, text=text, spans=spans, joins=joins)
