"""PDF pages read as a proofreader needs them: the text in reading order, lines with their
geometry, and a clear message for every file that cannot be read."""
import subprocess
import sys

import pytest

from editor.decoding import InputError
from editor.readers.pdf import open_pdf, read_pdf
from tests.conftest import ROOT
from tests.editor.readers import pdfkit
from tests.editor.readers.pdfkit import HELLO, bomb, column, one_page, raw_pdf, stream

COL1 = ["第一栏第一行文字内容", "第一栏第二行文字内容", "第一栏第三行结束。"]
COL2 = ["第二栏第一行文字内容", "第二栏第二行文字内容", "第二栏第三行结束。"]


def two_columns(tmp_path, gutter_em=1.0, name="cols.pdf"):
    size = 10.0
    width = 10 * size                       # ten characters a column
    head = [(60, 60, "两栏之上的主标题", 20.0, "STSong-Light", 0)]
    body = column(60, 100, COL1, size) + column(60 + width + gutter_em * size, 100, COL2, size)
    return pdfkit.text_pdf(tmp_path / name, [head + body])


def test_chinese_text_comes_back_in_reading_order(tmp_path):
    with open_pdf(two_columns(tmp_path)) as pdf:
        page = pdf.page(1)
    texts = [ln.text for ln in page.lines]
    assert texts == ["两栏之上的主标题"] + COL1 + COL2
    assert page.kind == "pdf" and page.count == 1 and page.width == pytest.approx(595.28, abs=0.1)
    # the headline is bigger than the text, and each column is a region of its own
    assert page.lines[0].size == pytest.approx(20.0, abs=0.1) and page.lines[1].size == pytest.approx(10.0, abs=0.1)
    assert len({ln.region for ln in page.lines}) == 3


def test_a_one_em_gutter_does_not_merge_the_columns(tmp_path):
    # pdftotext reads such a page as 第一栏第一行文字内容 第二栏第一行文字内容
    with open_pdf(two_columns(tmp_path, gutter_em=1.0)) as pdf:
        raw = pdf.page(1).raw_lines()
    assert raw == ["两栏之上的主标题", ""] + COL1 + [""] + COL2


def test_raw_text_has_one_blank_line_between_regions_and_maps_back_to_lines(tmp_path):
    with open_pdf(two_columns(tmp_path)) as pdf:
        page = pdf.page(1)
    raw = page.raw_lines()
    index = page.line_of_raw()
    assert len(raw) == len(index)
    for text, i in zip(raw, index):
        assert text == ("" if i < 0 else page.lines[i].text)
    assert page.raw_text().count("\n\n") == 2


def test_letter_spaced_byline_is_one_line_with_spaces_and_its_geometry(tmp_path):
    size = 10.0
    items = [(60, 60, "本报记者", size, "STSong-Light", size)]         # 1 em letter-spacing
    items += column(60, 80, ["正文第一行的文字内容"], size)
    path = pdfkit.text_pdf(tmp_path / "byline.pdf", [items])
    with open_pdf(path) as pdf:
        byline = pdf.page(1).lines[0]
    assert byline.text == "本 报 记 者"
    # each character keeps its x: the parser can measure the letter-spacing itself
    xs = [x for ch, x in zip(byline.text, byline.char_x) if ch != " "]
    assert [round(b - a) for a, b in zip(xs, xs[1:])] == [20, 20, 20]


def test_bold_from_the_font_and_style_runs_within_a_line(tmp_path):
    items = [(60, 60, "Dateline", 12, "Helvetica-Bold", 0), (113, 60, "and the text", 12, "Helvetica", 0)]
    path = pdfkit.text_pdf(tmp_path / "bold.pdf", [items])
    with open_pdf(path) as pdf:
        line = pdf.page(1).lines[0]
    bold = "".join(line.text[r.start:r.end] for r in line.runs if r.bold)
    assert bold.strip() == "Dateline" and "text" in line.text
    assert any(not r.bold and "text" in line.text[r.start:r.end] for r in line.runs)


def test_pages_are_read_lazily_one_at_a_time(tmp_path):
    pages = [column(60, 60, [f"第{n}页的文字"]) for n in range(1, 4)]
    path = pdfkit.text_pdf(tmp_path / "three.pdf", pages)
    with open_pdf(path) as pdf:
        assert pdf.count == 3
        assert pdf.page(2).lines[0].text == "第2页的文字"
        with pytest.raises(InputError, match="page 4"):
            pdf.page(4)
    assert [p.lines[0].text for p in read_pdf(path)] == ["第1页的文字", "第2页的文字", "第3页的文字"]


def test_five_hundred_pages_open_without_reading_the_others(tmp_path):
    # page 1 is fine; the 499 others share one content stream that inflates to 200 MB:
    # opening the file and reading page 1 never touches it, reading page 250 is refused
    kids = b" ".join(b"%d 0 R" % (10 + k) for k in range(500))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count 500 >>",
               stream(HELLO), bomb(200), pdfkit.FONT]
    objects += [b""] * 4
    res = b"/Resources << /Font << /F1 5 0 R >> >>"
    for k in range(500):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + res
                       + b" /Contents %d 0 R >>" % (3 if k == 0 else 4))
    objects[5:9] = [b"null"] * 4
    path = tmp_path / "big.pdf"
    path.write_bytes(raw_pdf(objects))
    with open_pdf(path) as pdf:
        assert pdf.count == 500
        assert pdf.page(1).lines[0].text == "Hello world"
        with pytest.raises(InputError, match="bomb"):
            pdf.page(250)


def test_encrypted_with_a_user_password_is_refused_with_a_clear_message(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    enc = StandardEncryption("secret", ownerPassword="owner")
    path = pdfkit.text_pdf(tmp_path / "locked.pdf", [column(60, 60, ["加密的文字"])], encrypt=enc)
    with pytest.raises(InputError, match="password"):
        open_pdf(path)


def test_encrypted_without_user_password(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    # permissions allow copying: it opens like any PDF
    ok = pdfkit.text_pdf(tmp_path / "open.pdf", [column(60, 60, ["可以复制的文字"])],
                         encrypt=StandardEncryption("", ownerPassword="owner", canCopy=1))
    with open_pdf(ok) as pdf:
        assert pdf.page(1).lines[0].text == "可以复制的文字"
    # permissions forbid extracting the text: refused, as pdftotext does
    no = pdfkit.text_pdf(tmp_path / "nocopy.pdf", [column(60, 60, ["不许复制的文字"])],
                         encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    with pytest.raises(InputError, match="forbid"):
        open_pdf(no)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n" + bytes(range(256)) * 40,                   # garbage after the header
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",   # nothing else
    b"this is not a pdf at all\n" * 20,
    b"",
])
def test_damaged_files_are_refused_with_a_clear_message(tmp_path, data):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        with open_pdf(path) as pdf:
            pdf.page(1)
    assert "/" in str(err.value) and "bad.pdf" in str(err.value)     # Chinese / English


def test_truncated_pdf_gives_its_text_or_a_clear_message(tmp_path):
    good = two_columns(tmp_path).read_bytes()
    for cut in (len(good) // 3, len(good) * 2 // 3, len(good) - 40):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(good[:cut])
        try:
            with open_pdf(path) as pdf:
                page = pdf.page(1)
        except InputError:
            continue
        assert all(ln.text for ln in page.lines)


def test_image_only_page_says_it_needs_ocr_and_how(tmp_path):
    img = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray " \
          b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    data = raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"), img])
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    with open_pdf(path) as pdf, pytest.raises(InputError) as err:
        pdf.page(1)
    assert "OCR" in str(err.value) and "ocrmypdf --language chi_sim" in str(err.value)
    assert "tesseract" in str(err.value)


def test_decompression_bomb_is_refused_with_memory_bounded(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(one_page(bomb(1024)))          # 1 MB on disk, 1 GB inflated
    script = ("import sys\n"
              "from editor.readers.pdf import open_pdf\n"
              "from editor.decoding import InputError\n"
              "try:\n"
              "    with open_pdf(sys.argv[1]) as pdf: pdf.page(1)\n"
              "    print('read')\n"
              "except InputError as exc:\n"
              "    print('refused', exc)\n"
              # VmHWM, the peak of this process's own memory: ru_maxrss after a vfork + exec
              # can be the parent's peak (pytest's, after tests that loaded jieba or a cluster)
              "print(next(int(ln.split()[1]) for ln in open('/proc/self/status') if ln.startswith('VmHWM')) // 1024)\n")
    out = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("refused") and "bomb" in lines[0], out.stdout + out.stderr
    # PDFium itself would take ~2 GB; the check inflates in 1 MB chunks and stops at 64 MB
    assert int(lines[-1]) < 400, f"peak RSS {lines[-1]} MB"


def test_hostile_actions_are_never_run_or_followed(tmp_path):
    marker = tmp_path / "ran"
    js = b"<< /S /JavaScript /JS (app.alert\\('x'\\);) >>"
    launch = b"<< /S /Launch /F (/bin/touch) /Win << /F (touch) /P (" + str(marker).encode() + b") >> >>"
    uri = b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (http://127.0.0.1:9/x) >> >>"
    data = raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /AA << /WC 7 0 R >>"
        b" /Names << /JavaScript << /Names [(a) 6 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R /Annots [8 0 R] /AA << /O 7 0 R >> >>",
        stream(HELLO), pdfkit.FONT, js, launch, uri])
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    with open_pdf(path) as pdf:
        page = pdf.page(1)
    assert page.lines[0].text == "Hello world"
    assert "JavaScript" in page.meta["ignored"] and "launch action" in page.meta["ignored"]
    assert not marker.exists()


def test_external_stream_data_is_never_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"BT /F1 24 Tf 72 600 Td (SECRET) Tj ET")
    content = b"<< /Length 0 /F (" + str(secret).encode() + b") >>\nstream\n\nendstream"
    data = raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents [4 0 R 6 0 R] >>",
        content, pdfkit.FONT, stream(HELLO)])
    path = tmp_path / "external.pdf"
    path.write_bytes(data)
    with open_pdf(path) as pdf:
        text = pdf.page(1).raw_text()
    assert "Hello world" in text and "SECRET" not in text


def test_pages_drawn_while_others_are_read_on_another_thread(tmp_path):
    # the window draws a page (page view thread) while its loader reads the next ones:
    # PDFium is not thread-safe, and once crashed the whole window doing this. Run in a
    # process of its own, so that a crash fails this test instead of the test run.
    pages = [column(60, 60, [f"第{n}页的文字"] * 30) for n in range(1, 7)]
    path = pdfkit.text_pdf(tmp_path / "six.pdf", pages)
    script = f"""
import threading
from editor.readers.pdf import open_pdf
from editor.readers.render import render_pdf_page
path, out, errors = {str(path)!r}, {{}}, []
def draw(k):
    try:
        out[k] = [render_pdf_page(path, 1 + n % 6, 300)[:2] for n in range(40)]
    except Exception as exc:
        errors.append(exc)
def read(k):
    try:
        for _ in range(8):
            with open_pdf(path) as pdf:
                out[k] = [pdf.page(n).lines[0].text for n in range(1, 7)]
    except Exception as exc:
        errors.append(exc)
threads = [threading.Thread(target=f, args=(k,)) for k, f in enumerate((draw, draw, read, read))]
[t.start() for t in threads]
[t.join() for t in threads]
assert not errors, errors
assert out[0] == out[1] and out[2] == out[3] == [f"第{{n}}页的文字" for n in range(1, 7)], out
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
