"""Hostile and odd input (issue 19): each file that once gave a traceback, a blow-up or a
hang is now one clear line on stderr and exit 2; nothing is lost on the way."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from editor.cli import main
from editor.errors import InputError, read_page_bytes
from editor.parser import parse_text
from editor.project import Project, load_project_bytes
from tests.conftest import ROOT

PAGE = ("聊城召开全市工作会议\n\n"
        "  本报讯 会议要求，全市上下要把握机遇，增长7.8％。\n"
        "各部门要加强协作，推动工作落实。\n\n"
        "新闻标题第二篇\n\n"
        "  本报记者 张三\n\n"
        "  正文第一段，讲述了一件事。\n")


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, *args, words: str) -> str:
    """Run the command: exit 2, one line on stderr holding ``words`` (and for ``parse``
    nothing on stdout; ``check`` still prints its count of flags)."""
    code, out, err = cli(capsys, *args)
    lines = err.strip().splitlines()
    assert code == 2 and (out == "" or args[0] == "check"), err
    assert len(lines) == 1 and words in lines[0], err
    return lines[0]


def project_json() -> dict:
    return Project(parse_text(PAGE), raw_path="page.txt").to_json()


def write_json(tmp_path, data, name="page.jiaodui.json", text: str | None = None):
    path = tmp_path / name
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- project files: numbers, nesting, surrogates, ids ----------------------------------------

def test_a_project_nested_100000_deep_is_one_line(tmp_path, capsys):
    text = json.dumps(project_json())[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    refused(capsys, "parse", write_json(tmp_path, None, text=text), words="nested more than 32 levels")


def test_a_project_nested_a_little_less_deep_too(tmp_path, capsys):
    data = project_json()
    data["page"]["articles"][0]["meta"] = {"note": json.loads("[" * 500 + "]" * 500)}
    refused(capsys, "parse", write_json(tmp_path, data), words="nested more than 32 levels")


@pytest.mark.parametrize("number,words", [("9" * 5000, "number too long"), ("1e400", "too large to hold"),
                                          ("Infinity", "not a number"), ("NaN", "not a number"),
                                          ("-Infinity", "not a number")])
def test_numbers_json_spells_but_python_cannot_hold(tmp_path, capsys, number, words):
    text = json.dumps(project_json())
    first_span = text.index('"spans": [[') + len('"spans": [[')
    text = text[:first_span] + number + text[text.index(",", first_span):]
    refused(capsys, "parse", write_json(tmp_path, None, text=text), words=words)


@pytest.mark.parametrize("where", ["text", "raw_text", "id", "meta key"])
@pytest.mark.parametrize("command", [("parse",), ("parse", "--format", "json"), ("check",)])
def test_a_lone_surrogate_is_refused_at_the_door(tmp_path, capsys, where, command):
    data = project_json()
    block = data["page"]["articles"][0]["blocks"][0]
    if where == "text":
        block["text"] += "\ud800"
    elif where == "raw_text":
        data["page"]["raw_text"] += "\udfff"
    elif where == "id":
        block["id"] = "b\ud800"
    else:
        data["page"]["articles"][0]["meta"] = {"\udc00": "x"}
    path = write_json(tmp_path, None, text=json.dumps(data))  # ASCII: the surrogate as an escape
    refused(capsys, command[0], path, *command[1:], words="lone surrogate")


def test_a_surrogate_pair_is_a_character_and_stays(tmp_path, capsys):
    data = project_json()
    data["page"]["articles"][0]["blocks"][0]["text"] += "\U0001F600"
    code, out, err = cli(capsys, "parse", write_json(tmp_path, None, text=json.dumps(data)))
    assert code == 0 and "\U0001F600" in out, err


def test_export_of_a_surrogate_project_is_refused_not_a_traceback(tmp_path, capsys):
    data = project_json()
    data["page"]["articles"][0]["blocks"][0]["text"] += "\ud800"
    path = write_json(tmp_path, None, text=json.dumps(data))
    code, _out, err = cli(capsys, "export", path, "-o", tmp_path / "out.xml", "--quiet")
    assert code == 2 and "lone surrogate" in err and "Traceback" not in err
    assert not (tmp_path / "out.xml").exists()


@pytest.mark.parametrize("kind", ["block", "article"])
def test_duplicate_ids_are_refused_and_named(tmp_path, capsys, kind):
    data = project_json()
    articles = data["page"]["articles"]
    if kind == "block":
        blocks = [b for a in articles for b in a["blocks"]]
        blocks[-1]["id"] = blocks[0]["id"]
        twice = blocks[0]["id"]
    else:
        articles[-1]["id"] = twice = articles[0]["id"]
    line = refused(capsys, "parse", write_json(tmp_path, data), words="is used twice")
    assert f"the id {twice} " in line


def test_a_join_pointing_off_the_page_is_damage(tmp_path, capsys):
    data = project_json()
    block = next(b for a in data["page"]["articles"] for b in a["blocks"] if len(b["spans"]) > 1)
    block["joins"][0]["prev_line"] = 10 ** 17
    refused(capsys, "parse", write_json(tmp_path, data), words="points outside the raw page")


def test_giant_ids_are_not_reserved_and_new_ids_stay_small(tmp_path):
    data = project_json()
    data["page"]["articles"][0]["blocks"][0]["id"] = "b" + "9" * 4000
    project = load_project_bytes(json.dumps(data).encode())
    from editor.model import new_id

    assert len(new_id("b")) < 20 and project.page.articles[0].blocks[0].id == "b" + "9" * 4000


@pytest.mark.parametrize("version", [True, 0, -1, "1", 1.5])
def test_a_project_version_must_be_a_whole_number(version):
    data = project_json()
    data["version"] = version
    with pytest.raises(InputError, match="no version"):
        load_project_bytes(json.dumps(data).encode())


# --- rule settings --------------------------------------------------------------------------

@pytest.mark.parametrize("body,words", [
    ('{"severity": {"space": ' + "[" * 100_000 + "]" * 100_000 + "}}", "nested more than"),
    ('{"severity": {"space": ' + "[" * 900 + "]" * 900 + "}}", "nested more than"),
    ('{"severity": {"space": ["error"]}}', "must be error, warning or info"),
    ('{"disable": ["\\ud800"]}', "lone surrogate"),
    ('{"disable": [' + "9" * 5000 + "]}", "number too long"),
])
def test_check_settings_files_that_once_raised(tmp_path, capsys, body, words):
    settings = tmp_path / "rules.json"
    settings.write_text(body, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    refused(capsys, "check", "--settings", settings, page, words=words)


# --- files that are not files ---------------------------------------------------------------

def run(*args, timeout=120):
    """main.py in its own process (a hang guard, not a speed test: the timeout only turns a
    hang into a failure)."""
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device, capsys):
    refused(capsys, "parse", device, words="not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_without_writer_does_not_block(tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    result = run("parse", fifo)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "not a regular file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_settings_and_word_lists_are_held_to_regular_files_too(tmp_path, capsys):
    fifo = tmp_path / "list"
    os.mkfifo(fifo)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    refused(capsys, "check", "--settings", fifo, page, words="not a regular file")
    refused(capsys, "check", "--dict", fifo, page, words="not a regular file")


def test_a_file_that_grows_past_the_limit_while_read_is_cut_at_limit_plus_one(tmp_path, monkeypatch):
    """The size is looked at first (and only that much memory set aside); a file that grew
    since is read on to the limit + 1 bytes, never further."""
    import editor.errors as errors

    page = tmp_path / "page.txt"
    page.write_bytes(b"x" * 100)
    monkeypatch.setattr(errors, "MAX_BYTES", 50)
    real_stat, real_fstat = os.stat, os.fstat

    def small(st):  # what stat said before the file grew: 10 bytes
        return os.stat_result((*st[:6], 10, *st[7:10])) if st.st_size == 100 else st
    monkeypatch.setattr(errors.os, "stat", lambda *a, **k: small(real_stat(*a, **k)))
    monkeypatch.setattr(errors.os, "fstat", lambda *a, **k: small(real_fstat(*a, **k)))
    asked = []
    real_fdopen = os.fdopen

    def spy(fd, *args, **kwargs):
        fh = real_fdopen(fd, *args, **kwargs)
        read = fh.read
        fh.read = lambda n=-1: asked.append(n) or read(n)
        return fh
    monkeypatch.setattr(errors.os, "fdopen", spy)
    with pytest.raises(InputError, match="too large"):
        read_page_bytes(page)
    assert asked == [11, 40] and sum(asked) == 51


# --- NewsML exports: versions and counts ----------------------------------------------------

def export_xml(tmp_path, capsys) -> str:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _out, err = cli(capsys, "export", page, "-o", tmp_path / "page.xml", "--quiet")
    assert code == 0, err
    return (tmp_path / "page.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("version", ["²", "٣", "1.0", "-1", "0", "9" * 5000, ""])
@pytest.mark.parametrize("command", ["parse", "export"])
def test_a_version_that_is_no_whole_number_is_refused(tmp_path, capsys, version, command):
    xml = export_xml(tmp_path, capsys).replace('version="1"', f'version="{version}"')
    path = tmp_path / "odd.xml"
    path.write_text(xml, encoding="utf-8")
    target = tmp_path / "again.xml"
    args = ("export", path, "-o", target, "--quiet") if command == "export" else ("parse", path)
    code, out, err = cli(capsys, *args)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert "not a positive whole number" in err and not target.exists()


def test_a_version_with_leading_zeros_or_spaces_is_read_as_the_number(tmp_path, capsys):
    from editor.newsml_read import read_newsml

    xml = export_xml(tmp_path, capsys).replace('version="1"', 'version=" 007 "')
    page = read_newsml(xml.encode("utf-8"))
    assert {a.meta["version"] for a in page.stories} == {"7"}


def test_a_version_in_a_project_is_written_only_when_it_is_one(tmp_path):
    from editor.newsml import write_newsml

    page = parse_text(PAGE)
    page.articles[0].meta["version"] = "٣"
    page.articles[-1].meta["version"] = "12"
    xml = write_newsml(page, sent="2026-01-01T00:00:00+00:00").decode("utf-8")
    assert 'version="٣"' not in xml and 'version="12"' in xml


def test_block_order_counts_are_bounded_by_the_blocks_they_order(tmp_path, capsys):
    """``paragraph*100000`` 3,000 times (51 KB) once made parse take 17 s and 4.6 GB; an
    order longer than the item's blocks is read as no order at all."""
    import re

    from editor.newsml import parse_block_order
    from editor.newsml_read import read_newsml

    xml = export_xml(tmp_path, capsys)
    good = read_newsml(xml.encode("utf-8"))
    bomb = re.sub(r'(rel="jdx:blockorder" value=")[^"]*', lambda m: m.group(1) + "paragraph*100000 " * 3000,
                  xml, count=1)
    assert bomb.count("paragraph*100000") == 3000
    page = read_newsml(bomb.encode("utf-8"))
    assert [b.text for _a, b in page.blocks()] == [b.text for _a, b in good.blocks()]
    assert parse_block_order("paragraph*100000 " * 3000, 5) is None
    assert parse_block_order("headline paragraph*2", 3) == ["headline", "paragraph", "paragraph"]
    assert parse_block_order("headline paragraph*2", 2) is None
    assert parse_block_order("paragraph*²", 5) is None and parse_block_order("paragraph*" + "9" * 5000, 5) is None


# --- export over its own input --------------------------------------------------------------

def test_export_over_its_own_input_is_refused_and_the_page_stays(tmp_path, capsys):
    page = tmp_path / "self.txt"
    page.write_text(PAGE, encoding="utf-8")
    refused(capsys, "export", page, "-o", page, words="is one of the pages to export")
    assert page.read_text(encoding="utf-8") == PAGE
    link = tmp_path / "link.txt"
    os.link(page, link)  # the same file by another name
    refused(capsys, "export", page, "-o", link, "--format", "text", words="is one of the pages")
    assert page.read_text(encoding="utf-8") == PAGE


def test_a_folder_exported_into_itself_would_overwrite_a_page(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE, encoding="utf-8")
    refused(capsys, "export", folder, "-o", folder, "--format", "text", words="a.txt is one of the pages")
    code, _out, err = cli(capsys, "export", folder / "a.txt", "-o", tmp_path / "b.xml", "--quiet")
    assert code == 0, err
    (folder / "a.txt").rename(tmp_path / "a.txt")
    (tmp_path / "b.xml").rename(folder / "b.xml")  # an export, which opens as a page like any other
    before = (folder / "b.xml").read_bytes()
    refused(capsys, "export", folder, "-o", folder, words="b.xml is one of the pages")
    assert (folder / "b.xml").read_bytes() == before
    (tmp_path / "a.txt").rename(folder / "a.txt")
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.xml"]


def test_an_export_beside_its_input_is_fine(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, _out, err = cli(capsys, "export", page, "-o", tmp_path / "page.xml", "--quiet")
    assert code == 0 and (tmp_path / "page.xml").is_file(), err


# --- encodings: UTF-16 without a byte-order mark, UTF-16 or UTF-32 ----------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named_and_encoding_reads_it(tmp_path, capsys, codec):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode(codec))
    line = refused(capsys, "parse", path, words=f"looks like {codec.upper()} text without a byte-order mark")
    assert f"--encoding {codec}" in line
    code, out, err = cli(capsys, "parse", path, "--encoding", codec, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["page"]["raw_text"] == PAGE and json.loads(out)["page"]["encoding"] == codec
    code, _out, err = cli(capsys, "check", path, "--encoding", codec)
    assert code in (0, 1) and err == ""
    code, _out, err = cli(capsys, "export", path, "-o", tmp_path / "page.xml", "--encoding", codec, "--quiet")
    assert code == 0 and "会议要求" in (tmp_path / "page.xml").read_text(encoding="utf-8"), err


def test_an_encoding_that_does_not_fit_or_does_not_exist(tmp_path, capsys):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode("utf-8"))
    refused(capsys, "parse", path, "--encoding", "utf-16-le", words="not valid utf-16-le")
    with pytest.raises(SystemExit) as info:
        main(["parse", str(path), "--encoding", "no-such-codec"])
    assert info.value.code == 2 and "unknown encoding: no-such-codec" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["parse", str(path), "--encoding", "rot13"])  # a codec, but not of text


def test_utf16_le_with_bom_whose_first_character_is_nul_is_not_utf32():
    from editor.decoding import decode

    text = "\x00" + PAGE
    decoded = decode(b"\xff\xfe" + text.encode("utf-16-le"))  # starts FF FE 00 00, as UTF-32-LE does
    assert (decoded.text, decoded.encoding) == (text, "utf-16-le")
    real32 = decode(b"\xff\xfe\x00\x00" + PAGE.encode("utf-32-le"))
    assert (real32.text, real32.encoding) == (PAGE, "utf-32-le")


def test_a_utf8_page_with_a_few_stray_nuls_is_still_utf8():
    from editor.decoding import decode

    data = (PAGE * 20).encode("utf-8").replace("。".encode(), "。\x00".encode(), 3)
    assert decode(data).encoding == "utf-8"


def test_boms_are_signatures_and_a_feff_after_one_is_text():
    from editor.decoding import decode

    gb_bom = "\ufeff".encode("gb18030")
    assert decode(gb_bom + PAGE.encode("gb18030")).text == PAGE
    assert decode(gb_bom + PAGE.encode("gb18030")).encoding == "gb18030-sig"
    assert decode(b"\xef\xbb\xbf" + ("\ufeff" + PAGE).encode("utf-8")).text == "\ufeff" + PAGE
    assert decode(gb_bom + ("\ufeff" + PAGE).encode("gb18030")).text == "\ufeff" + PAGE


def test_separators_at_line_ends_stay_in_blocks_and_are_flagged():
    """U+001C–U+001F at a line's start or end were stripped (``str.isspace`` takes them)
    and nothing was flagged: now they are text, in a block, and flagged."""
    from editor.invariants import coverage
    from editor.rules import check_page

    page = parse_text("\x1c聊城召开全市工作会议\x1d\n\n  本报讯 会议要求，全市上下要把握机遇。\x1f\n\x1e  各部门要加强协作。\n")
    assert coverage(page) == ([], [])
    texts = "".join(b.text for _a, b in page.blocks())
    assert all(ch in texts for ch in "\x1c\x1d\x1e\x1f")
    flagged = {ch for f in check_page(page) if f.rule == "bad-character"
               for ch in page.block(f.block_id).text[f.offset:f.offset + f.length]}
    assert set("\x1c\x1d\x1e\x1f") <= flagged


# --- export → import → export --------------------------------------------------------------

def _without_times(xml: str) -> str:
    import re

    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", "T", xml)


def test_export_import_export_is_the_same_xml_notes_and_all(tmp_path, capsys):
    """The notes of open errors said ``L108 …`` of the raw page and ``L17 …`` of the page
    read back (its raw lines are made up): 219 of 365 pages differed. They name the rule
    and quote the text now."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("7.8", "7 . 8"), encoding="utf-8")  # an error-level flag
    first, second, third = (tmp_path / f"{n}.xml" for n in ("first", "second", "third"))
    for source, target in ((page, first), (first, second), (second, third)):
        code, _out, err = cli(capsys, "export", source, "-o", target, "--quiet")
        assert code == 0, err
    assert "<edNote>[spaced-number] " in first.read_text(encoding="utf-8")
    assert _without_times(first.read_text(encoding="utf-8")) == _without_times(second.read_text(encoding="utf-8"))
    assert second.read_bytes() == third.read_bytes() or \
        _without_times(second.read_text(encoding="utf-8")) == _without_times(third.read_text(encoding="utf-8"))


def test_control_characters_xml_cannot_hold_are_said_to_be_left_out(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("会议要求", "会议\x01要求\x02"), encoding="utf-8")
    code, _out, err = cli(capsys, "export", page, "-o", tmp_path / "page.xml", "--quiet")
    assert code == 0 and "2 control characters XML cannot hold are left out of NewsML-G2" in err
    assert "\x01" not in (tmp_path / "page.xml").read_text(encoding="utf-8")


def test_a_project_of_ours_opens_again_though_a_join_names_lines_past_the_page():
    """Found by the property test: the parser can record a join over blank lines past the
    page's last line; the check that joins stay on the page must not refuse our own file.
    (The lines read as merged columns open blocks of four lines: in a shorter block such a
    line must run on into its columns, and these do not.)"""
    text = ("  新华社北京6月20日电\u3000一一 一一。\n  一一一一。\n  一一一一。\n  一一一一。\n\n  一一一一。\n\n\n一一一\n\n"
            "  □本报记者 一一\n\n  一一一一。\n\n  一一一一。\n  一一一一。\n\n一一一\n\n一一一\n\n  □本报记者 一一\n\n"
            "  本报\x85聊城讯 一一一一。\n  一一一一。\n  一一一一。\n  一一一一。\n\n\n  一一一一。\n\n\n一一一\n\n一一一\n\n"
            "一一一\n")
    page = parse_text(text)
    assert any(n >= len(page.raw_lines) for _a, b in page.blocks() for j in b.joins for n in j.blank_lines)
    again = load_project_bytes(json.dumps(Project(page).to_json(), ensure_ascii=False).encode("utf-8"))
    assert again.page.to_json() == page.to_json()


def test_json_of_tiny_lists_is_refused_before_it_takes_50_times_its_size(tmp_path, capsys):
    """``[[],[],…]`` costs Python 56 bytes or more per 3 characters; a file of ours holds
    one list or object per 75–110 characters."""
    data = project_json()
    data["page"]["articles"][0]["meta"] = {"x": "see below"}
    text = json.dumps(data, ensure_ascii=False).replace('"see below"', "[" + ",".join(["[]"] * 300_000) + "]")
    refused(capsys, "parse", write_json(tmp_path, None, text=text), words="lists and objects in")
    many = project_json()
    many["ignored_flags"] = [f"rule@{n}:1" for n in range(20_000)]  # many, but each with its text
    code, _out, err = cli(capsys, "parse", write_json(tmp_path, many, name="many.jiaodui.json"))
    assert code == 0, err


def test_a_libxml2_reason_with_a_line_break_is_still_one_line(tmp_path, capsys):
    xml = export_xml(tmp_path, capsys).replace("<p>", "<p>\x00", 1)
    path = tmp_path / "nul.xml"
    path.write_bytes(xml.encode("utf-8"))
    refused(capsys, "parse", path, words="malformed XML")


# --- a page of one long line ----------------------------------------------------------------

def test_one_long_line_costs_memory_in_proportion():
    """A page that is one 1 MB line took check 2 GB (and a 10 MB line more than 15 GB): the
    word lookup across each stray space was cached under the whole text before and after
    it. It is keyed by the four characters each side now."""
    import tracemalloc

    from editor.rules import check_page

    sentence = "会议研究部署下一阶段工作 要求各部门加强协作，推动任务落实。"  # a stray space each
    check_page(parse_text(sentence * 10))  # what a first check builds, built
    text = "".join(f"{sentence}第{n}项" for n in range(4000))  # ~130,000 characters, 4,000 spaces
    page = parse_text(text)
    assert len(page.raw_lines) == 1
    tracemalloc.start()
    try:
        flags = check_page(page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sum(f.rule == "space-between-cjk" for f in flags) >= 4000
    assert peak < 150 * len(text)  # was over 1,000 times (the texts either side of each space)


def test_a_settings_key_with_a_line_break_is_named_on_one_line(tmp_path, capsys):
    # found by tools/fuzz_inputs.py: a damaged key ("seve\nity") split the message in two
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    settings = tmp_path / "rules.json"
    settings.write_text('{"seve\\nity": {}}', encoding="utf-8")
    line = refused(capsys, "check", page, "--settings", settings, words="unknown keys in rule settings")
    assert "'seve\\nity'" in line
