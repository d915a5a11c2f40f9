"""Reading NewsML-G2 back: the same model, the same XML again, and no hostile XML expanded."""
import re
import subprocess
import sys

import pytest

from editor.bylines import parse_byline
from editor.errors import InputError
from editor.invariants import coverage, text_matches_sources
from editor.loader import load_path
from editor.model import BlockKind
from editor.newsml import write_newsml
from editor.newsml_read import read_newsml
from editor.parser import parse_bytes
from tests.conftest import ROOT
from tests.editor.test_newsml_export import SENT, constructed_pages

TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def shape(page):
    return [[(b.kind, b.text) for b in a.blocks] for a in page.articles]


def names(page):
    out = []
    for article in page.articles:
        for block in article.all(BlockKind.BYLINE):
            byline = parse_byline(block.text.replace("\n", " "))
            out.append((byline.reporters, byline.correspondents) if byline else None)
    return out


@pytest.fixture(scope="module")
def page(sample_bytes):
    return parse_bytes(sample_bytes)


def test_import_gives_back_the_model(page):
    back = read_newsml(write_newsml(page, sent=SENT))
    assert len(back.articles) == 10
    assert shape(back) == shape(page)
    assert names(back) == names(page)
    assert [a.headline for a in back.articles] == [a.headline for a in page.articles]


@pytest.mark.parametrize("name", ["sample", *sorted(constructed_pages())])
def test_round_trip_gives_the_same_xml(name, page):
    original = page if name == "sample" else constructed_pages()[name]
    first = write_newsml(original)
    back = read_newsml(first)
    assert shape(back) == [[(k, t.strip()) for k, t in a] for a in shape(original)]
    second = write_newsml(back, sent="2030-01-01T00:00:00+00:00")
    assert TIMESTAMP.sub(b"T", first) == TIMESTAMP.sub(b"T", second)
    assert first != second  # only the timestamps differ


def test_imported_page_keeps_identity_in_meta(page):
    xml = write_newsml(page, sent=SENT)
    back = read_newsml(xml)
    assert back.articles[0].meta["guid"].startswith("urn:newsml:jiaodui:")
    assert back.articles[0].meta["version"] == "1"
    assert back.meta["guid"] in xml.decode()


def test_imported_page_has_a_raw_page_its_blocks_cover(page):
    back = read_newsml(write_newsml(page, sent=SENT))
    missing, duplicated = coverage(back)
    assert missing == [] and duplicated == []
    assert text_matches_sources(back) == []
    assert not any(b.edited for _a, b in back.blocks())
    byline = back.articles[0].blocks[0]
    assert byline.kind == BlockKind.BYLINE and byline.lines[1] - byline.lines[0] == 1


def test_load_path_and_cli_parse_accept_an_export(page, tmp_path):
    path = tmp_path / "page.xml"
    path.write_bytes(write_newsml(page, sent=SENT))
    loaded = load_path(path)
    assert shape(loaded) == shape(page) and loaded.source == str(path)
    result = subprocess.run([sys.executable, "main.py", "parse", str(path), "--lang", "zh"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "10 篇文章" in result.stdout and "[记者 胡磊 薛良诚; 通讯员 马翼]" in result.stdout


def test_foreign_newsml_is_read_as_well_as_it_can():
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="3"
  standard="NewsML-G2" standardversion="2.24">
  <itemMeta><itemClass qcode="ninat:text"/><provider uri="http://x/"/>
  <versionCreated>2018-11-21T16:25:32-05:00</versionCreated></itemMeta>
  <contentMeta><headline> Fed to halt QE</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body><p>One
      line and
      another.</p><p>第二
      段。</p></body></html></inlineXML></contentSet>
</newsItem>""".encode()
    back = read_newsml(xml)
    assert shape(back) == [[(BlockKind.HEADLINE, "Fed to halt QE"),
                            (BlockKind.PARAGRAPH, "One line and another."),
                            (BlockKind.PARAGRAPH, "第二段。")]]
    assert back.articles[0].meta == {"guid": "urn:x:1", "version": "3"}


# --- refusing what we should not read -------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" standard="NewsML-G2"
 standardversion="2.35"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>"""


def external_entity(target: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM "{target}"> ]>\n'
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" standard="NewsML-G2" '
            'standardversion="2.35"><contentMeta><headline>&xxe;</headline></contentMeta>'
            '</newsItem>').encode()


NETWORK_DTD = (b'<?xml version="1.0"?>\n<!DOCTYPE newsItem SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
               b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>')


@pytest.mark.parametrize("data", [
    BILLION_LAUGHS,
    external_entity("file:///etc/passwd"),
    external_entity("/etc/hostname"),
    NETWORK_DTD,
    BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    .encode("utf-16"),
], ids=["billion-laughs", "xxe-file-url", "xxe-path", "network-dtd", "utf16-billion-laughs"])
def test_hostile_xml_is_refused_unexpanded(data):
    with pytest.raises(InputError) as info:
        read_newsml(data)
    message = str(info.value)
    assert "DTD" in message and "refused" in message
    assert "lollol" not in message and "root:" not in message


def test_hostile_file_through_load_path(tmp_path):
    path = tmp_path / "evil.xml"
    path.write_bytes(external_entity("file:///etc/passwd"))
    with pytest.raises(InputError, match="DTD"):
        load_path(path)


def test_a_dtd_hidden_from_the_byte_scan_is_still_refused(monkeypatch):
    import editor.newsml_read as newsml_read

    monkeypatch.setattr(newsml_read, "_has_dtd", lambda data: False)
    with pytest.raises(InputError, match="DTD"):
        read_newsml(external_entity("file:///etc/passwd"))
    with pytest.raises(InputError):
        read_newsml(BILLION_LAUGHS)


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>t</title><description>d</description></item></channel></rss>"""


@pytest.mark.parametrize("data,words", [
    (RSS, "not a NewsML-G2 file: the root element is <rss>"),
    (b'<newsMessage xmlns="http://example.com/other"/>', "in namespace http://example.com/other"),
    (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/></newsMessage>', "holds no items"),
    (b"<newsMessage><itemSet>", "malformed XML"),
    (b"<a>\xff\xfe</a>", "malformed XML"),
    (b"<?xml version='1.0'?><a>x</b>", "malformed XML"),
])
def test_foreign_and_malformed_xml_are_clear_errors(data, words):
    with pytest.raises(InputError) as info:
        read_newsml(data)
    assert words in str(info.value)


def test_cli_parse_reports_hostile_xml_in_one_line(tmp_path):
    path = tmp_path / "evil.xml"
    path.write_bytes(BILLION_LAUGHS)
    result = subprocess.run([sys.executable, "main.py", "parse", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "DTD" in result.stderr


def test_nothing_is_fetched_or_read_even_past_the_byte_scan(monkeypatch, tmp_path):
    """With the DTD pre-check switched off, the parser itself must still neither fetch a
    network DTD nor read a local file named by an external entity."""
    import http.server
    import threading

    import editor.newsml_read as newsml_read

    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "FETCHED">')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    monkeypatch.setattr(newsml_read, "_has_dtd", lambda data: False)
    try:
        url = f"http://127.0.0.1:{server.server_port}/evil.dtd"
        for data in (NETWORK_DTD.replace(b"http://127.0.0.1:9/evil.dtd", url.encode()),
                     external_entity(url), external_entity(secret.as_uri())):
            with pytest.raises(InputError) as info:
                read_newsml(data)
            assert "TOP-SECRET" not in str(info.value) and "FETCHED" not in str(info.value)
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []



def test_version_goes_up_when_an_imported_article_changes(page):
    from lxml import etree

    from editor import edits

    def versions(xml):
        root = etree.fromstring(xml)
        return [i.get("version") for i in root.iter("{http://iptc.org/std/nar/2006-10-01/}newsItem")]

    first = write_newsml(page, sent=SENT)
    assert set(versions(first)) == {"1"}
    again = read_newsml(first)
    assert write_newsml(again, sent=SENT) == first  # nothing changed: same versions
    para = again.articles[1].first(BlockKind.PARAGRAPH)
    edits.SetText(para.id, para.text.replace("7 . 8", "7.8")).apply(again)
    changed = versions(write_newsml(again, sent=SENT))
    assert changed[1] == "2" and changed[0] == changed[2] == "1"
