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

Reading is safe: no DTD is accepted (so no entity can be declared, let alone expanded),
no network or file access, libxml2's size limits stay on.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .bylines import byline_names, clean_byline, dateline_place
from .decoding import MAX_BYTES, InputError
from .model import Article, Block, BlockKind, Join, Page, Span

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

_BODY_CLASSES = {BlockKind.CAPTION: "caption", BlockKind.UNASSIGNED: "unassigned",
                 BlockKind.INTERTITLE: "intertitle"}
_HL2_CLASSES = {BlockKind.KICKER: "kicker", BlockKind.SUBTITLE: "subtitle"}
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


def _version(meta: dict) -> str:
    value = str(meta.get("version", "1"))
    return value if value.isdigit() and int(value) > 0 else "1"


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
    sent_at = timestamp(sent)
    guids = article_guids(page)
    open_errors = _errors_by_block(flags)
    root = etree.Element(_nar("newsMessage"), nsmap={None: NAR})
    header = _sub(root, _nar("header"))
    _sub(header, _nar("sent"), sent_at)
    item_set = _sub(root, _nar("itemSet"))
    item_set.append(_package_item(page, guids, sent_at))
    for article, guid in zip(page.stories, guids):
        notes = [msg for b in article.blocks for msg in open_errors.get(b.id, ())]
        item_set.append(_news_item(article, guid, sent_at, notes))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _errors_by_block(flags) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for flag in flags or ():
        if str(flag.severity) == "error" and getattr(flag, "block_id", ""):
            out.setdefault(flag.block_id, []).append(
                f"L{flag.line} [{flag.rule}] {flag.message_zh} / {flag.message_en}")
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
    _sub(item_meta, _nar("generator"), GENERATOR, versioninfo=_tool_version())
    return item, item_meta


@lru_cache(maxsize=1)
def _tool_version() -> str:
    try:
        from importlib.metadata import version

        return version("jiaodui")
    except Exception:  # not installed as a package: running from the source tree
        return "0.1.0"


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
                _sub(hedline, _nitf("hl2"), _clean(block.text), **{"class": _HL2_CLASSES[block.kind]})
    for block in _kept(article, BlockKind.BYLINE):
        _sub(head, _nitf("byline"), xml_text(block.text).strip(" \t\u3000\n"))
    for block in _kept(article, BlockKind.DATELINE):
        _sub(head, _nitf("dateline"), _clean(block.text))
    content = _sub(body, _nitf("body.content"))
    for block in _kept(article):
        if block.kind == BlockKind.PARAGRAPH:
            _sub(content, _nitf("p"), _clean(block.text))
        elif block.kind in _BODY_CLASSES:
            _sub(content, _nitf("p"), _clean(block.text), **{"class": _BODY_CLASSES[block.kind]})
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


def parse_block_order(value: str) -> list[BlockKind] | None:
    kinds: list[BlockKind] = []
    try:
        for token in value.split():
            name, _, count = token.partition("*")
            n = int(count) if count else 1
            if not 0 < n <= 100_000:
                return None
            kinds.extend([BlockKind(name)] * n)
    except ValueError:
        return None
    return kinds


# --- checks before writing ----------------------------------------------------------------

def content_problems(page: Page, flags=None) -> list[str]:
    """What is still wrong with the content, one line (Chinese / English) per problem:
    articles without headline or text, unplaced text, error-level flags still open."""
    problems: list[str] = []
    if not page.stories:
        problems.append("页面没有文章 / the page has no articles")
    for n, article in enumerate(page.stories, 1):
        if not article.headline.strip():
            problems.append(f"文章 {n} 没有标题 / article {n} has no headline")
        if not any(b.text.strip() for b in article.all(BlockKind.PARAGRAPH)):
            problems.append(f"文章 {n}（{article.title or '无题'}）没有正文 / article {n} has no text")
        if any(b.text.strip() for b in article.all(BlockKind.UNASSIGNED)):
            problems.append(f"文章 {n} 有未归类的文字 / article {n} has unassigned text")
    for flag in flags or ():
        if str(flag.severity) == "error":
            problems.append(f"第 {flag.line} 行 [{flag.rule}] {flag.message_zh} / "
                            f"line {flag.line}: {flag.message_en}")
    return problems


# --- schema validation --------------------------------------------------------------------

def _safe_parser() -> etree.XMLParser:
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
        doc = etree.fromstring(xml, _safe_parser())
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed: {exc}"]
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


# --- reading ------------------------------------------------------------------------------

_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")


def _has_dtd(data: bytes) -> bool:
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        if any(m.encode(codec) in data for m in _DTD_MARKERS):
            return True
    return False


def parse_xml(data: bytes) -> etree._Element:
    """Parse untrusted XML: no DTD at all, no entities, no network. Raises InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(f"文件过大 / file too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if _has_dtd(data):
        raise InputError("XML 含有 DTD 或实体声明，出于安全原因拒绝读取 / refused: the XML has a DTD "
                         "or entity declarations (not allowed in NewsML-G2; nothing was expanded)")
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"XML 格式错误 / malformed XML: {exc}") from None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        raise InputError(f"XML 无法读取 / unreadable XML: {exc}") from None
    if root.getroottree().docinfo.doctype:
        raise InputError("XML 含有 DTD，出于安全原因拒绝读取 / refused: the XML has a DTD")
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
        raise InputError(f"不是 NewsML-G2 文件（根元素是 <{qname.localname}>）/ not a NewsML-G2 file: "
                         f"the root element is <{qname.localname}>"
                         + (f" in namespace {qname.namespace}" if qname.namespace else ""))
    items = [root] if qname.localname == "newsItem" else list(root.iter(_nar("newsItem")))
    packages = [root] if qname.localname == "packageItem" else list(root.iter(_nar("packageItem")))
    if not items and not packages:
        raise InputError("NewsML-G2 文件中没有任何条目 / the NewsML-G2 file holds no items")
    page = Page(raw_text="", encoding="utf-8")
    furniture: list[tuple[BlockKind, str]] = []
    if packages:
        page.meta["guid"] = packages[0].get("guid", "")
        page.meta["version"] = _version(packages[0].attrib)
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
    meta = {"guid": item.get("guid", ""), "version": _version(item.attrib)}
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
            order = parse_block_order(prop.get("value", ""))
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
            kind = BlockKind.KICKER if el.get("class") == "kicker" else BlockKind.SUBTITLE
            blocks.append((kind, flow(_text(el))))
        elif name == "byline":
            text = _text(el).strip(" \t\u3000\n")
            if not ours:  # pretty-printed by someone else: keep its lines, drop the indents
                text = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
            blocks.append((BlockKind.BYLINE, text))
        elif name == "dateline":
            blocks.append((BlockKind.DATELINE, flow(_text(el))))
        elif name == "p":
            cls = el.get("class")
            kind = next((k for k, c in _BODY_CLASSES.items() if c == cls), BlockKind.PARAGRAPH)
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
