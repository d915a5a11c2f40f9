"""NewsML-G2 2.35 (power conformance): write a page, and read back what we wrote.

One ``newsMessage`` per page: a ``packageItem`` for the page (a group of ``itemRef``s in
reading order) and one ``newsItem`` per article. Each article's metadata goes in
``contentMeta`` (headlines with kicker/subtitle roles, creators, ``by``, ``dateline``,
``located``, keywords); its body goes in NITF inside ``inlineXML``: ``body.head`` holds the
headline group, bylines and datelines, ``body.content`` one ``<p>`` per paragraph.

Round trip. The NITF body carries every block of the article with its exact text (the
byline as the proofreader left it, with its line breaks; the cleaned form is in
``contentMeta/by``); captions, intertitles (小标题) and unplaced text are
``<p class="caption">``, ``<p class="intertitle">`` and ``<p class="unassigned">``. The order of the blocks is kept in a
``contentMetaExtProperty rel="jdx:blockorder"``. The dateline is its own element and is
*not* repeated at the start of the first ``<p>``, so paragraph and dateline come back as
the blocks they were. Reading such a file gives back the articles, their block kinds and
texts; the raw page is not in the XML, so the reader makes one up, one raw line per text
line, with every block's spans pointing into it.

Identity. An article's ``guid`` is ``urn:newsml:jiaodui:<page>:<where>``: ``<page>`` is a
hash of the page's raw text, ``<where>`` the raw line the article starts on (``L12``), or
its position (``a3``) for an article made by hand. The same page parsed again gives the
same guids; editing the text of an article keeps its guid. A guid/version in
``Article.meta`` / ``Page.meta`` (from an imported file) wins, so re-exporting an imported
file keeps its identity. Each item records a fingerprint of its content
(``contentMetaExtProperty rel="jdx:content"``); when an imported article is exported again
with other content, its ``version`` goes up by one.

Which element each block kind goes to is the kinds table's (editor/kinds.py). Reading
the XML back is :mod:`editor.newsml_read`.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from lxml import etree

from . import tool_version
from .bylines import byline_names, clean_byline, dateline_place
from .model import Article, Block, BlockKind, Page

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGE = "zh-CN"
STANDARD_VERSION = "2.35"
GENERATOR = "jiaodui"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
NITF_TYPE = "application/nitf+xml"

#: Our own controlled vocabularies, declared in each item's inline catalog.
SCHEMES = {
    "jdhl": ("urn:jiaodui:cv:headline-role:", "标题角色 / headline roles"),
    "jdrole": ("urn:jiaodui:cv:creator-role:", "署名角色 / creator roles"),
    "jdx": ("urn:jiaodui:cv:property:", "jiaodui 扩展属性 / jiaodui properties"),
    "jdpart": ("urn:jiaodui:cv:page-part:", "版面信息 / page furniture"),
}
KICKER_ROLE = "jdhl:kicker"
SUBTITLE_ROLE = "jdhl:subtitle"
REPORTER_ROLE = "jdrole:reporter"
CORRESPONDENT_ROLE = "jdrole:correspondent"
BLOCK_ORDER = "jdx:blockorder"
#: A furniture block (masthead, date, editors' line, a caption of no article) in the
#: packageItem: ``<description role="jdpart:<kind>">``.
PART_ROLE = "jdpart:"
CONTENT_HASH = "jdx:content"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _nar(tag: str) -> str:
    return f"{{{NAR}}}{tag}"


def _nitf(tag: str) -> str:
    return f"{{{NITF}}}{tag}"


def _sub(parent, element: str, content: str | None = None, /, **attrs) -> etree._Element:
    el = etree.SubElement(parent, element, {k: v for k, v in attrs.items() if v is not None})
    if content is not None:
        el.text = xml_text(content)
    return el


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (C0 controls from OCR noise)."""
    return _NOT_XML.sub("", text)


# --- identity -----------------------------------------------------------------------------

def page_key(page: Page) -> str:
    return hashlib.sha256(page.raw_text.encode("utf-8")).hexdigest()[:16]


def page_guid(page: Page) -> str:
    return page.meta.get("guid") or f"urn:newsml:jiaodui:{page_key(page)}"


def article_guids(page: Page) -> list[str]:
    """A stable guid per article (see the module docstring), unique within the page."""
    base = f"urn:newsml:jiaodui:{page_key(page)}"
    guids: list[str] = []
    for n, article in enumerate(page.stories, 1):
        guid = article.meta.get("guid")
        if not guid:
            lines = [b.lines[0] for b in article.blocks if b.lines is not None]
            guid = f"{base}:L{min(lines) + 1}" if lines else f"{base}:a{n}"
        candidate, k = guid, 2
        while candidate in guids:
            candidate, k = f"{guid}-{k}", k + 1
        guids.append(candidate)
    return guids


#: A version as the schema has it (a positive integer), in ASCII digits and of a size a
#: count of exports can have: ``"²"`` and ``"٣"`` pass ``str.isdigit`` but are neither.
VERSION_RE = re.compile(r"0*([1-9][0-9]{0,17})")


def _version(meta: dict) -> str:
    """The version to write: the one in ``meta`` when it is one, else 1 (never raises)."""
    match = VERSION_RE.fullmatch(str(meta.get("version", "1")).strip())
    return match.group(1) if match else "1"


def content_hash(article: Article) -> str:
    """A fingerprint of what an article says: its blocks' kinds and texts, in order."""
    digest = hashlib.sha256()
    for block in _kept(article):
        digest.update(f"{block.kind}\x1f{_clean(block.text)}\x1e".encode("utf-8"))
    return digest.hexdigest()[:16]


def article_version(article: Article) -> str:
    """The article's version: as imported, one more if its content changed since."""
    version = _version(article.meta)
    known = article.meta.get("content")
    return str(int(version) + 1) if known and known != content_hash(article) else version


def timestamp(when: datetime | str | None = None) -> str:
    """An ISO 8601 date-time with its UTC offset, to the second."""
    if isinstance(when, str):
        return when
    when = when or datetime.now(timezone.utc).astimezone()
    if when.tzinfo is None:
        when = when.astimezone()
    return when.replace(microsecond=0).isoformat()


# --- writing ------------------------------------------------------------------------------

def write_newsml(page: Page, *, sent: datetime | str | None = None, flags=None) -> bytes:
    """The page as a NewsML-G2 ``newsMessage`` (UTF-8 bytes).

    ``sent`` (default: now) is used for ``header/sent`` and every ``versionCreated``.
    ``flags`` (from ``editor.rules.check_page``): error-level flags still open are listed
    in an ``edNote`` on the item of the article they fall in.
    """
    return b"".join(newsml_chunks(page, sent=sent, flags=flags))


def newsml_chunks(page: Page, *, sent: datetime | str | None = None, flags=None) -> Iterator[bytes]:
    """:func:`write_newsml`'s bytes in pieces, an article at a time, made as they are asked
    for: written to a file as they come, a page's message is never whole in memory."""
    sent_at = timestamp(sent)
    guids = article_guids(page)
    open_errors = _errors_by_block(flags)
    head = _message(_package_item(page, guids, sent_at), sent_at)
    cut = head.rindex(_ITEMS_END)
    yield head[:cut]
    for article, guid in zip(page.stories, guids):
        notes = [msg for b in article.blocks for msg in open_errors.get(b.id, ())]
        yield _items_of(_message(_news_item(article, guid, sent_at, notes)))
    yield head[cut:]


#: How the itemSet of a pretty-printed newsMessage opens and closes.
_ITEMS_START, _ITEMS_END = b"<itemSet>\n", b"  </itemSet>\n</newsMessage>\n"


def _message(item, sent_at: str | None = None) -> bytes:
    """A pretty-printed newsMessage holding ``item`` (with the header and the XML
    declaration when ``sent_at`` is given). The page's message is written an item at a
    time: each item is serialized in a message of its own and cut out of it, so that only
    one article's elements are ever in memory (a 16 MB page's whole tree took 200 MB) and
    the bytes are those the whole message gives, indentation and namespaces alike."""
    root = etree.Element(_nar("newsMessage"), nsmap={None: NAR})
    if sent_at is not None:
        _sub(_sub(root, _nar("header")), _nar("sent"), sent_at)
    _sub(root, _nar("itemSet")).append(item)
    return etree.tostring(root, xml_declaration=sent_at is not None, encoding="UTF-8", pretty_print=True)


def _items_of(message: bytes) -> bytes:
    return message[message.index(_ITEMS_START) + len(_ITEMS_START):message.rindex(_ITEMS_END)]


def _errors_by_block(flags) -> dict[str, list[str]]:
    """The notes of open error flags: rule and message (which quotes the text), not the raw
    line, which a page read back from this file has not (its raw lines are made up), so
    that export → import → export writes the same notes."""
    out: dict[str, list[str]] = {}
    for flag in flags or ():
        if str(flag.severity) == "error" and getattr(flag, "block_id", ""):
            out.setdefault(flag.block_id, []).append(f"[{flag.rule}] {flag.message_zh} / {flag.message_en}")
    return out


def _item(tag: str, guid: str, meta: dict, item_class: str, sent_at: str, catalog: bool):
    item = etree.Element(_nar(tag), {
        "guid": guid, "version": _version(meta), "standard": "NewsML-G2",
        "standardversion": STANDARD_VERSION, "conformance": "power", XML_LANG: LANGUAGE})
    _sub(item, _nar("catalogRef"), href=IPTC_CATALOG)
    if catalog:
        cat = _sub(item, _nar("catalog"))
        for alias, (uri, title) in SCHEMES.items():
            scheme = _sub(cat, _nar("scheme"), alias=alias, uri=uri)
            _sub(scheme, _nar("name"), title)
    item_meta = _sub(item, _nar("itemMeta"))
    _sub(item_meta, _nar("itemClass"), qcode=item_class)
    provider = meta.get("provider", GENERATOR)
    _sub(item_meta, _nar("provider"), literal=provider)
    _sub(item_meta, _nar("versionCreated"), sent_at)
    _sub(item_meta, _nar("pubStatus"), qcode="stat:usable")
    _sub(item_meta, _nar("generator"), GENERATOR, versioninfo=tool_version())
    return item, item_meta


def _package_item(page: Page, guids: list[str], sent_at: str):
    furniture = [b for a in page.articles if a.furniture for b in _kept(a)]
    item, _ = _item("packageItem", page_guid(page), page.meta, "ninat:composite", sent_at,
                    bool(furniture))
    content = _sub(item, _nar("contentMeta"))
    _sub(content, _nar("language"), tag=LANGUAGE)
    for block in furniture:  # the page's own text: masthead, date, editors, loose captions
        _sub(content, _nar("description"), block.text.strip(), role=PART_ROLE + str(block.kind))
    group_set = _sub(item, _nar("groupSet"), root="G1")
    group = _sub(group_set, _nar("group"), id="G1", role="group:main", mode="pgrmod:seq")
    for article, guid in zip(page.stories, guids):
        ref = _sub(group, _nar("itemRef"), residref=guid, version=article_version(article),
                   contenttype="application/vnd.iptc.g2.newsitem+xml")
        if article.title:
            _sub(ref, _nar("title"), article.title)
    return item


def _news_item(article: Article, guid: str, sent_at: str, notes: list[str]):
    item, item_meta = _item("newsItem", guid, {"version": article_version(article)}, "ninat:text",
                            sent_at, True)
    for note in notes:  # after generator, as the schema orders itemMeta
        _sub(item_meta, _nar("edNote"), note)
    content = _sub(item, _nar("contentMeta"))
    _content_meta(content, article)
    content_set = _sub(item, _nar("contentSet"))
    inline = _sub(content_set, _nar("inlineXML"), contenttype=NITF_TYPE)
    inline.append(_nitf_body(article))
    return item


def _clean(text: str) -> str:
    return xml_text(text).strip()


def _kept(article: Article, kind: BlockKind | None = None) -> list[Block]:
    """The blocks that go into the XML: all but the empty ones (nothing to write)."""
    return [b for b in article.blocks if xml_text(b.text).strip() and (kind is None or b.kind == kind)]


def _content_meta(content, article: Article) -> None:
    datelines = [_clean(b.text) for b in _kept(article, BlockKind.DATELINE)]
    bylines = [b.text for b in _kept(article, BlockKind.BYLINE)]
    for place in dict.fromkeys(dateline_place(d) for d in datelines):
        if place:
            located = _sub(content, _nar("located"))
            _sub(located, _nar("name"), place)
    for text in bylines:
        byline = byline_names(text)
        if byline is None:
            continue
        for names, role in ((byline.reporters, REPORTER_ROLE),
                            (byline.correspondents, CORRESPONDENT_ROLE)):
            for name in names:
                creator = _sub(content, _nar("creator"), role=role)
                _sub(creator, _nar("name"), name)
    _sub(content, _nar("language"), tag=LANGUAGE)
    for word in article_keywords(article):
        _sub(content, _nar("keyword"), word)
    for block in _kept(article, BlockKind.KICKER):
        _sub(content, _nar("headline"), _clean(block.text), role=KICKER_ROLE)
    if _clean(article.headline):
        _sub(content, _nar("headline"), _clean(article.headline))
    for block in _kept(article, BlockKind.SUBTITLE):
        _sub(content, _nar("headline"), _clean(block.text), role=SUBTITLE_ROLE)
    for text in datelines:
        _sub(content, _nar("dateline"), text)
    for text in bylines:
        _sub(content, _nar("by"), clean_byline(text))
    _sub(content, _nar("contentMetaExtProperty"), rel=BLOCK_ORDER,
         value=block_order([b.kind for b in _kept(article)]))
    _sub(content, _nar("contentMetaExtProperty"), rel=CONTENT_HASH, value=content_hash(article))


def article_keywords(article: Article, low: int = 3, high: int = 8) -> list[str]:
    """3–8 keywords by jieba's TF-IDF over the article's headlines and text (fewer for a
    text too short to have three). Deterministic for the same text."""
    text = "\n".join(xml_text(b.text) for b in article.blocks
                     if b.kind not in (BlockKind.BYLINE, BlockKind.DATELINE))
    if not text.strip():
        return []
    from .words import keywords

    found = [xml_text(w) for w in keywords(text, top=high)]
    found = [w for w in found if w.strip()]
    return found[:high] if len(found) >= low else found


def _nitf_body(article: Article):
    nitf = etree.Element(_nitf("nitf"), nsmap={None: NITF})
    body = _sub(nitf, _nitf("body"))
    head = _sub(body, _nitf("body.head"))
    heads = [b for b in _kept(article) if b.kind.is_heading]
    if heads:
        hedline = _sub(head, _nitf("hedline"))
        for block in sorted(heads, key=lambda b: b.kind != BlockKind.HEADLINE):
            if block.kind == BlockKind.HEADLINE:
                _sub(hedline, _nitf("hl1"), _clean(block.text))
            else:
                _sub(hedline, _nitf("hl2"), _clean(block.text), **{"class": block.kind.info.nitf_class})
    for block in _kept(article, BlockKind.BYLINE):
        _sub(head, _nitf("byline"), xml_text(block.text).strip(" \t\u3000\n"))
    for block in _kept(article, BlockKind.DATELINE):
        _sub(head, _nitf("dateline"), _clean(block.text))
    content = _sub(body, _nitf("body.content"))
    for block in _kept(article):
        info = block.kind.info
        if info.nitf == "p":
            _sub(content, _nitf("p"), _clean(block.text), **{"class": info.nitf_class or None})
    return nitf


def block_order(kinds: list[BlockKind]) -> str:
    """``byline paragraph*8 kicker headline``: the kinds in order, runs counted."""
    out: list[str] = []
    k = 0
    while k < len(kinds):
        j = k
        while j < len(kinds) and kinds[j] == kinds[k]:
            j += 1
        out.append(str(kinds[k]) if j - k == 1 else f"{kinds[k]}*{j - k}")
        k = j
    return " ".join(out)


def parse_block_order(value: str, blocks: int) -> list[BlockKind] | None:
    """The kinds :func:`block_order` wrote, or None when ``value`` is no such order or
    counts more than the ``blocks`` it orders (so that a small file cannot ask for a
    long list: ``paragraph*100000`` 3,000 times once took 4.6 GB)."""
    kinds: list[BlockKind] = []
    try:
        for token in value.split():
            name, _, count = token.partition("*")
            n = int(count) if count.isascii() and count.isdigit() and len(count) <= 9 else (
                -1 if count else 1)
            if not 0 < n <= blocks - len(kinds):
                return None
            kinds.extend([BlockKind(name)] * n)
    except ValueError:
        return None
    return kinds


# --- schema validation --------------------------------------------------------------------

def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_pis=False)


@lru_cache(maxsize=4)
def load_schema(xsd_path: str) -> etree.XMLSchema:
    """The XSD at ``xsd_path`` (read offline; its local imports such as xml.xsd are fine)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(xsd_path), parser))


def validate_schema(xml: bytes, xsd_path: str | Path) -> list[str]:
    """Schema errors of ``xml`` as ``line N: message``; empty when valid."""
    schema = load_schema(str(Path(xsd_path).resolve()))
    try:
        doc = etree.fromstring(xml, safe_parser())
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed: {exc}"]
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]

