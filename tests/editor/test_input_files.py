"""PDF and OCR files as pages: the readers table and its sniffing, the CLI forms
(``FILE.pdf#3``, ``--pages``, ``--as``), the source kept in the project, the page's
geometry and the OCR's confidence reaching the rules."""
import json
import subprocess
import sys

import pytest

from editor.errors import InputError
from editor.geometry import confidence_source, geometry_of
from editor.images import page_image
from editor.loader import load_documents, page_kind, parse_pages, sniff
from editor.project import load_project, save_project
from tests.conftest import ROOT
from tests.editor.readers import newskit, pdfkit
from tests.editor.readers.pdfkit import one_page, raw_pdf, stream


def run(*args):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def pdf3(tmp_path):
    return newskit.news_pdf(tmp_path / "day.pdf", pages=3)


@pytest.fixture
def hocr(tmp_path):
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    path = tmp_path / "scan.hocr"
    path.write_text(newskit.hocr_page(), encoding="utf-8")
    return path


# --- sniffing: by content, carefully ------------------------------------------------------

@pytest.mark.parametrize("text", ["‹摘要>本报讯　全市新建城市书房。", "<摘要>本报讯　全市新建城市书房。",
                                  "<b>本报讯</b>　全市新建城市书房。", '{"jiaodui": 全市新建城市书房。',
                                  '{"format": "jiaodui-project" 全市新建城市书房。'])
def test_a_text_page_starting_with_markup_or_a_brace_is_a_text_page(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text + "\n", encoding="utf-8")
    assert sniff(path.read_bytes(), str(path)) == "page"
    [project] = load_documents(path)
    assert project.opened_as == "page" and "全市新建城市书房" in "".join(b.text for _a, b in project.page.blocks())


def test_known_roots_and_magic_numbers(tmp_path, pdf3, hocr):
    assert sniff(pdf3.read_bytes()) == "pdf" and sniff(hocr.read_bytes()) == "hocr"
    alto = b'<?xml version="1.0"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout/></alto>'
    page = b'<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page/></PcGts>'
    news = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>'
    assert (sniff(alto), sniff(page), sniff(news)) == ("alto", "pagexml", "newsml")
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "image"
    assert page_kind(tmp_path / "scan.png") is None and page_kind(hocr) == "hocr"


def test_as_overrides_the_sniffing(tmp_path):
    path = tmp_path / "note.xml"
    path.write_text('<?xml version="1.0"?>\n<note>本报讯　全市新建城市书房。</note>\n', encoding="utf-8")
    refused = run("parse", path)
    assert refused.returncode == 2 and "NewsML-G2" in refused.stderr and len(refused.stderr.splitlines()) == 1
    read = run("parse", path, "--as", "page")
    assert read.returncode == 0 and "全市新建城市书房" in read.stdout


# --- the CLI forms -------------------------------------------------------------------------

def test_a_multi_page_pdf_is_pages_and_each_can_be_named(pdf3, tmp_path):
    assert [p.ref for p in load_documents(pdf3)] == [f"{pdf3}#1", f"{pdf3}#2", f"{pdf3}#3"]
    one = run("parse", f"{pdf3}#2")
    assert one.returncode == 0 and "城市书房让阅读触手可及2" in one.stdout and "可及3" not in one.stdout
    some = run("parse", pdf3, "--pages", "2-3")
    assert "可及2" in some.stdout and "可及3" in some.stdout and f"{pdf3}#1" not in some.stdout
    out = tmp_path / "out"
    result = run("export", pdf3, "-o", out, "--quiet")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["day-p1.xml", "day-p2.xml", "day-p3.xml"]


def test_a_one_page_pdf_exports_under_its_own_stem(tmp_path):
    pdf = newskit.news_pdf(tmp_path / "page007.pdf")
    out = tmp_path / "out"
    assert run("export", pdf, pdf3_copy(tmp_path), "-o", out, "--quiet").returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["page007.xml", "two-p1.xml", "two-p2.xml"]


def pdf3_copy(tmp_path):
    return newskit.news_pdf(tmp_path / "two.pdf", pages=2)


@pytest.mark.parametrize("args, words", [(["#9"], "no page 9"), (["", "--pages", "2-x"], "not a page range"),
                                         (["", "--pages", "4"], "no page 4")])
def test_pages_that_are_not_there_are_one_clear_line(pdf3, args, words):
    result = run("parse", f"{pdf3}{args[0]}", *args[1:])
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and words in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_pdfs_are_one_line_each_and_the_batch_goes_on(tmp_path):
    good = newskit.news_pdf(tmp_path / "good.pdf")
    image_only = tmp_path / "scan.pdf"
    image_only.write_bytes(raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", stream(b"")]))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
    encrypted = pdfkit.text_pdf(tmp_path / "locked.pdf", [pdfkit.column(60, 60, ["加密的页面"])], encrypt="pw")
    for bad, words in ((image_only, "OCR"), (damaged, "PDF"), (encrypted, "encrypted")):
        result = run("check", bad)
        assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and words in result.stderr
        assert "Traceback" not in result.stderr
    out = tmp_path / "out"
    result = run("export", good, image_only, damaged, encrypted, "-o", out)
    assert result.returncode == 1 and [p.name for p in out.iterdir()] == ["good.xml"]
    assert result.stderr.count("failed") == 3 and "Traceback" not in result.stderr


def test_a_folder_exports_its_ocr_files_and_leaves_the_images(hocr, tmp_path):
    out = tmp_path / "out"
    result = run("export", hocr.parent, "-o", out)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["scan.xml"] and "scan.png" in result.stderr


# --- the project keeps the source --------------------------------------------------------

def test_a_saved_pdf_page_reopens_with_its_boxes_without_the_pdf(pdf3, tmp_path):
    project = load_documents(f"{pdf3}#2")[0]
    boxes = {b.id: [x.to_json() for x in geometry_of(project.page).block_boxes(b)] for _a, b in project.page.blocks()}
    saved = tmp_path / "p.jiaodui.json"
    save_project(project, saved)
    data = json.loads(saved.read_text(encoding="utf-8"))["source"]
    assert data["kind"] == "pdf" and data["number"] == 2 and len(data["sha256"]) == 64
    assert page_image(project).kind == "pdf"
    pdf3.unlink()
    again = load_project(saved)
    assert {b.id: [x.to_json() for x in geometry_of(again.page).block_boxes(b)]
            for _a, b in again.page.blocks()} == boxes
    assert all(boxes.values())
    image = page_image(again)
    assert image.kind == "" and "not there any more" in str(image.problem)
    assert again.raw_page_changed() is None


def test_damaged_geometry_in_a_project_keeps_the_text_and_says_why(pdf3, tmp_path):
    project = load_documents(f"{pdf3}#1")[0]
    saved = tmp_path / "p.json"
    save_project(project, saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["source"]["lines"][0]["raw"] = 10_000
    saved.write_text(json.dumps(data), encoding="utf-8")
    again = load_project(saved)
    assert again.page.source_page is None and again.page.raw_text == project.page.raw_text
    assert "geometry" in str(page_image(again).problem)


# --- geometry and confidence --------------------------------------------------------------

def test_blocks_have_boxes_and_a_point_finds_its_line(pdf3):
    page = load_documents(f"{pdf3}#1")[0].page
    geometry = geometry_of(page)
    headline = next(b for _a, b in page.blocks() if b.kind.value == "headline")
    [box] = geometry.block_boxes(headline)
    assert 55 < box.x0 < 65 and box.height == pytest.approx(20, abs=6) and box.width > 150
    raw = geometry.line_at((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
    assert raw == headline.spans[0].line
    paragraphs = [b for _a, b in page.blocks() if b.kind.value == "paragraph"]
    assert all(geometry.block_boxes(b)[0].y0 > box.y1 for b in paragraphs)


def test_the_rules_get_the_ocr_confidence_of_each_character(hocr):
    page = load_documents(hocr)[0].page
    confidence = confidence_source(page)
    block = next(b for _a, b in page.blocks() if "书房二十" in b.text)
    at = block.text.index("书房二十")
    assert confidence(block, at) == pytest.approx(0.2) and confidence(block, at + 2) == pytest.approx(0.95)
    result = run("check", hocr, "--format", "json")
    low = [f for f in json.loads(result.stdout) if f["rule"] == "low-confidence-word"]
    assert len(low) == 1 and "书房" in low[0]["message"]
    geometry = geometry_of(page)
    assert len(geometry.low_confidence_words()) == 1


def test_a_text_page_has_no_geometry(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("　　本报讯　全市新建城市书房。\n", encoding="utf-8")
    page = load_documents(path)[0].page
    assert geometry_of(page) is None and confidence_source(page) is None
    assert "text" in str(page_image(load_documents(path)[0]).problem)


def test_page_ranges():
    assert parse_pages("3") == ((3, 3),) and parse_pages("1,3-5") == ((1, 1), (3, 5))
    for bad in ("0", "5-3", "x", "1,,2"):
        with pytest.raises(InputError):
            parse_pages(bad)


def test_a_hostile_pdf_page_is_refused_in_one_line(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(one_page(pdfkit.bomb(80)))
    result = run("parse", path)
    assert result.returncode == 2 and "bomb" in result.stderr and len(result.stderr.splitlines()) == 1
