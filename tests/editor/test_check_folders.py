"""`check FOLDER` as `export FOLDER`: the folder's pages, each named in the flags; the
files that are no pages skipped with one line; an empty folder one clear refusal."""
from __future__ import annotations

import json

from editor.cli import main

PAGE = ("城市书房让阅读触手可及\n\n□ 本报记者 周敏\n\n"
        "　　全市已建成城市 书房86家，市民十分 满意。\n")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_folder_is_checked_page_by_page(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.replace("86", "90"), encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    code, out, err = run(capsys, "check", tmp_path, "--format", "json")
    flags = json.loads(out)
    assert code in (0, 1) and {f["path"] for f in flags} == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}
    assert err.strip().splitlines() == ["skipped 1 file that is no page: photo.png"]
    code, out, _err = run(capsys, "check", tmp_path / "a.txt", "--format", "json")
    assert len(json.loads(out)) * 2 == len(flags)  # the same flags as checked one by one


def test_an_empty_folder_is_refused_in_one_line(tmp_path, capsys):
    code, out, err = run(capsys, "check", tmp_path)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "no pages" in err
