"""The user dictionary (per project and global) and the CLI's --dict and --report."""
import json

import pytest

from editor.cli import main as cli_main
from editor.decoding import InputError
from editor.loader import load_document
from editor.parser import parse_text
from editor.project import Project, load_project, read_word_list, save_project, write_word_list
from editor.rules import check_page
from tests.editor.rules_helpers import body, of

#: A constructed page: 国冢 is the kind of thing OCR writes for 国家; here it stands for a
#: term of the paper that the proofreader adds to the dictionary.
PAGE = body("　　全市图书馆由国冢投资建设，市民十分满意。记者张佰山报道，张佰山说，\n"
            "张伯山也来了。\n")


def test_project_keeps_its_words_and_the_check_leaves_them_alone(tmp_path):
    project = Project(parse_text(PAGE))
    assert of(check_page(project.page, user_words=project.dictionary()), "misread-char")
    assert project.add_word(" 国冢 ") and not project.add_word("国冢")
    assert not of(check_page(project.page, user_words=project.dictionary()), "misread-char")
    path = tmp_path / "page.jiaodui.json"
    save_project(project, path)
    again = load_project(path)
    assert again.user_words == {"国冢"}
    assert again.remove_word("国冢") and not again.remove_word("国冢")
    with pytest.raises(ValueError):
        project.add_word("两个 词")


def test_project_without_words_reads_and_writes_as_before(tmp_path):
    project = Project(parse_text(PAGE))
    assert "user_words" not in project.to_json()
    data = project.to_json()
    data["user_words"] = "国冢"  # a hand edit of the wrong shape
    with pytest.raises(InputError, match="damaged"):
        Project.from_json(data)


def test_global_word_list_plain_text_round_trip(tmp_path):
    path = tmp_path / "words.txt"
    write_word_list(path, ["张佰山", "国冢", "张佰山"])
    assert path.read_text(encoding="utf-8") == "国冢\n张佰山\n"
    path.write_text("# 本报人名\n\n张佰山\n国冢\n张佰山\n", encoding="utf-8")
    assert read_word_list(path) == ["张佰山", "国冢"]
    path.write_bytes("国冢\r\n".encode("gb18030"))
    assert read_word_list(path) == ["国冢"]
    project = Project(parse_text(PAGE))
    assert "国冢" in project.dictionary(read_word_list(path))


def test_bad_word_lists_are_refused_clearly(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_word_list(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("国冢 张佰山\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_word_list(bad)
    bad.write_bytes(b"\x00\x01\xff\xfe\x00")
    with pytest.raises(InputError):
        read_word_list(bad)


def test_cli_dict_option(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    cli_main(["check", str(page), "--format", "json", "--select", "misread-char"])
    [flag] = json.loads(capsys.readouterr().out)
    assert flag["fix"]["replacement"] == "家" and isinstance(flag["fix"]["others"], list)
    words = tmp_path / "words.txt"
    words.write_text("国冢\n", encoding="utf-8")
    assert cli_main(["check", str(page), "--format", "json", "--select", "misread-char", "--dict", str(words)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli_main(["check", str(page), "--dict", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt" in err


def test_cli_dict_adds_to_a_project_files_words(tmp_path, capsys):
    project = Project(parse_text(PAGE))
    project.add_word("国冢")
    path = tmp_path / "page.jiaodui.json"
    save_project(project, path)
    assert load_document(path).user_words == {"国冢"}
    cli_main(["check", str(path), "--format", "json", "--select", "misread-char"])
    assert json.loads(capsys.readouterr().out) == []


def test_cli_report_words_names_and_variants(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert cli_main(["check", str(page), "--report", "--format", "json"]) == 0
    [report] = json.loads(capsys.readouterr().out)
    names = {e["text"]: e["count"] for e in report["names"]}
    assert names["张佰山"] == 2 and names["张伯山"] == 1
    [variant] = [v for v in report["variants"] if v["differ"] == "佰/伯"]
    assert variant["a"]["text"] == "张佰山" and variant["b"]["places"] == [[6, 1]]
    assert report["de_hints"] == []
    assert {e["text"] for e in report["words"]} >= {"图书馆", "投资", "建设", "市民"}
    assert cli_main(["check", str(page), "--report", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Look-alike variants (1)" in out and "张佰山 ×2 / 张伯山 ×1" in out


def test_de_hints_are_off_by_default(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(body("　　读者们认真的学习，孩子们高兴的跳了起来。\n"), encoding="utf-8")
    cli_main(["check", str(page), "--report", "--format", "json"])
    assert json.loads(capsys.readouterr().out)[0]["de_hints"] == []
    cli_main(["check", str(page), "--report", "--format", "json", "--de-hints"])
    hints = json.loads(capsys.readouterr().out)[0]["de_hints"]
    assert [h["suggest"] for h in hints] == ["地", "地"] and hints[0]["text"] == "认真的学习"
