"""Type 3 fonts (how Chromium and Skia print every font): weights from the fonts'
descriptors, and PDFium given the file without the glyph outlines, with the same text,
boxes and weights as from the file itself, the slow way."""
import zlib

import pikepdf

from editor.readers import pdf as pdfreader
from editor.readers import type3
from editor.readers.pdf import open_pdf
from tests.editor.readers.pdfkit import raw_pdf, stream

HEAD = "校对工具"   # drawn in a bold Type 3 font (FontWeight 700)
BODY = "报纸版面文字"  # in a regular one


def _cmap(text: str) -> bytes:
    pairs = b"".join(b"<%02X> <%04X>\n" % (k + 1, ord(ch)) for k, ch in enumerate(text))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
            b"1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar\n%sendbfchar endcmap "
            b"CMapName currentdict /CMap defineresource pop end end" % (len(text), pairs))


def _font(first: int, text: str, weight: int, name: bytes) -> list[bytes]:
    """A Type 3 font (objects first, first+1, ...): font, ToUnicode, descriptor, procedures."""
    n = len(text)
    procs = b" ".join(b"/g%d %d 0 R" % (k + 1, first + 3 + k) for k in range(n))
    names = b" ".join(b"/g%d" % (k + 1) for k in range(n))
    font = (b"<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] /FontBBox [0 -120 1000 880]"
            b" /FirstChar 1 /LastChar %d /Widths [%s] /Encoding << /Type /Encoding /Differences [1 %s] >>"
            b" /CharProcs << %s >> /ToUnicode %d 0 R /FontDescriptor %d 0 R /Resources << >> >>"
            % (n, b" ".join([b"1000"] * n), names, procs, first + 1, first + 2))
    desc = (b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontWeight %d /ItalicAngle 0"
            b" /FontBBox [0 -120 1000 880] /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>" % (name, weight))
    glyph = b"1000 0 40 -100 960 860 d1\n40 -100 m 960 -100 l 960 860 l 40 860 l h 100 0 m 900 0 l 900 800 l h f\n"
    return [font, stream(_cmap(text)), desc] + [stream(glyph, compress=True) for _ in range(n)]


def type3_pdf(path):
    lines = [(b"/F1", 24, 250, HEAD)] + [(b"/F2", 12, 200 - 16 * k, BODY) for k in range(4)]
    content = b"".join(b"BT %s %d Tf 40 %d Td <%s> Tj ET\n" % (f, size, y, b"".join(b"%02X" % (k + 1) for k in range(len(t))))
                       for f, size, y, t in lines)
    head_font = _font(6, HEAD, 700, b"AAAAAA+TestSans")
    body_font = _font(6 + len(head_font), BODY, 400, b"BAAAAA+TestSerif-Regular")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 6 0 R /F2 %d 0 R >> >>"
        b" /Contents 4 0 R >>" % (6 + len(head_font)),
        stream(content),
        b"<< /Producer (test) >>",
        *head_font, *body_font,
    ]
    path.write_bytes(raw_pdf(objects))
    return path


def _lines(page):
    return [(ln.text, ln.bold, round(ln.size, 2), (round(ln.box.x0, 2), round(ln.box.y0, 2),
             round(ln.box.x1, 2), round(ln.box.y1, 2)), ln.char_x) for ln in page.lines]


def test_type3_weights_from_their_descriptors(tmp_path):
    with open_pdf(type3_pdf(tmp_path / "t3.pdf")) as pdf:
        page = pdf.page(1)
    assert [(ln.text, ln.bold) for ln in page.lines] == [(HEAD, True)] + [(BODY, False)] * 4


def test_pdfium_reads_the_glyph_procedures_cut_to_their_d1(tmp_path):
    path = type3_pdf(tmp_path / "t3.pdf")
    with open_pdf(path) as pdf:
        fonts = type3.page_fonts(pdf._raw, pdf._qpdf.pages[0].obj.objgen)
        update = type3.outline_free(pdf._raw, fonts)
        fast = _lines(pdf.page(1))
    assert update is not None
    with pikepdf.open(__import__("io").BytesIO(path.read_bytes() + update)) as cut:
        procs = cut.pages[0].obj.Resources.Font.F1.CharProcs
        assert {bytes(p.read_bytes()).strip() for _, p in procs.items()} == {b"1000 0 40 -100 960 860 d1"}
    with pikepdf.open(path) as whole:          # the file itself keeps its outlines
        assert b" l " in whole.pages[0].obj.Resources.Font.F1.CharProcs.g1.read_bytes()
    # the same lines as from the file as it is, its fonts read by qpdf
    slow = pdfreader.PdfFile(path)
    slow._raw = None
    with slow:
        assert _lines(slow.page(1)) == fast


def test_type3_fonts_of_a_file_with_object_streams_the_slow_way(tmp_path):
    # cross-reference streams and object streams: rawpdf does not read them, qpdf does
    src = type3_pdf(tmp_path / "t3.pdf")
    with pikepdf.open(src) as pdf:
        pdf.save(tmp_path / "objstm.pdf", object_stream_mode=pikepdf.ObjectStreamMode.generate)
    with open_pdf(tmp_path / "objstm.pdf") as pdf:
        assert pdf._raw is None
        page = pdf.page(1)
    assert [(ln.text, ln.bold) for ln in page.lines] == [(HEAD, True)] + [(BODY, False)] * 4


def test_a_damaged_glyph_procedure_keeps_its_outline_and_the_text(tmp_path):
    path = type3_pdf(tmp_path / "t3.pdf")
    data = path.read_bytes()
    glyph = zlib.compress(b"1000 0 40 -100 960 860 d1\n40 -100 m 960 -100 l 960 860 l 40 860 l h 100 0 m 900 0 l 900 800 l h f\n", 9)
    at = data.index(glyph)
    path.write_bytes(data[:at] + b"\x00" * 8 + data[at + 8:])     # not inflatable any more
    with open_pdf(path) as pdf:
        update = type3.outline_free(pdf._raw, type3.page_fonts(pdf._raw, pdf._qpdf.pages[0].obj.objgen))
        page = pdf.page(1)
    assert update.count(b" obj") == len(HEAD) + len(BODY) - 1
    assert [ln.text for ln in page.lines] == [HEAD] + [BODY] * 4
