"""Bytes → text: a BOM decides, then strict UTF-8, then strict GB18030; anything else is
refused with a message, never decoded with replacement characters."""
import codecs

import pytest

from editor import errors
from editor.decoding import decode, normalise_newlines
from editor.errors import InputError, read_page_bytes

TEXT = "本报聊城讯　全市投入7.8亿元。\n第二行"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    ("\ufeff".encode("gb18030") + TEXT.encode("gb18030"), "gb18030-sig"),
])
def test_each_encoding_is_read_and_named(data, encoding):
    decoded = decode(data)
    assert decoded.text == TEXT and decoded.encoding == encoding


def test_line_ends_become_newlines_and_the_bom_alone_goes():
    assert decode("a\r\nb\rc".encode("utf-8")).text == "a\nb\nc"
    assert normalise_newlines("x\r\n") == "x\n"
    # the signature goes; a U+FEFF after it is a character of the page (issue 19)
    assert decode(codecs.BOM_UTF8 + "\ufeff正文".encode("utf-8")).text == "\ufeff正文"
    assert decode(codecs.BOM_UTF16_LE + "\ufeff正文".encode("utf-16-le")).text == "\ufeff正文"


def test_a_stray_control_byte_is_kept_for_the_rules_to_flag():
    assert "\x07" in decode("正文\x07正文".encode("utf-8")).text


@pytest.mark.parametrize("data,words", [
    (b"%PDF-1.7 binary", "PDF"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),
    (b"\x81\x30" * 3 + b"\xff" * 20, "unknown encoding"),
])
def test_what_cannot_be_read_is_refused_clearly(data, words):
    with pytest.raises(InputError) as info:
        decode(data)
    assert words in str(info.value)


def test_the_size_limit_applies_to_files_and_bytes(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="no such file"):
        read_page_bytes(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="folder"):
        read_page_bytes(tmp_path)
    monkeypatch.setattr(errors, "MAX_BYTES", 10)
    page = tmp_path / "page.txt"
    page.write_bytes(b"x" * 11)
    with pytest.raises(InputError, match="too large"):
        read_page_bytes(page)
    with pytest.raises(InputError, match="too large"):
        decode(b"x" * 11)


def test_refusals_speak_chinese_too():
    with pytest.raises(InputError) as info:
        decode(b"%PDF-1.7")
    assert info.value.message.text("zh") == "这不是文本文件，而是PDF 文档"
