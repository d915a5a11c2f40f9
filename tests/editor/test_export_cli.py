"""`main.py export`: one page to a file, pages and folders to a folder, failures reported."""
import subprocess
import sys

import pytest
from lxml import etree

from editor.cli import main as cli_main
from editor.newsml import NAR
from editor.newsml_read import read_newsml
from tests.conftest import ROOT
from tests.editor.test_newsml_export import HEADLINE_FIRST


def run(*args):
    return subprocess.run([sys.executable, "main.py", "export", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def news_items(path):
    return etree.parse(str(path)).getroot().findall(f"{{{NAR}}}itemSet/{{{NAR}}}newsItem")


@pytest.fixture
def pages(tmp_path, sample_bytes):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sample_bytes)
    (folder / "b.txt").write_text(HEADLINE_FIRST, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\xff\xfe\x00\xd8" * 8)  # a page that cannot be read
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # no page: skipped
    (folder / ".hidden").write_text("ignored", encoding="utf-8")
    return folder


def test_one_page_to_a_file(tmp_path, sample_path, schema_path):
    out = tmp_path / "p.xml"
    result = run(sample_path, "-o", out, "--schema", schema_path)
    assert result.returncode == 0, result.stderr
    assert len(news_items(out)) == 10
    assert "exported 1 of 1" in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.glob(".p.xml.*"))  # no temp file left behind


def test_folder_to_a_folder_a_bad_page_does_not_stop_the_others(tmp_path, pages, schema_path):
    out = tmp_path / "out"
    result = run(pages, "-o", out, "--jobs", 2, "--schema", schema_path)
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.xml", "b.xml"]
    assert len(news_items(out / "a.xml")) == 10 and len(news_items(out / "b.xml")) == 2
    failures = [ln for ln in result.stderr.splitlines() if "failed" in ln and "exported" not in ln]
    assert len(failures) == 1 and "c.txt" in failures[0]
    assert "skipped 1 file that is no page: scan.png" in result.stderr
    assert "Traceback" not in result.stderr


def test_several_pages_same_stem_get_distinct_files(tmp_path, sample_path, pages):
    out = tmp_path / "out"
    code = cli_main(["export", str(sample_path), str(pages / "a.txt"), str(pages / "b.txt"),
                     "-o", str(out), "--jobs", "1", "--quiet"])
    assert code == 0
    assert {p.name for p in out.iterdir()} == {"liaocheng-page.xml", "a.xml", "b.xml"}


def test_same_stems_from_two_folders(tmp_path, sample_bytes):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.txt").write_bytes(sample_bytes)
    out = tmp_path / "out"
    assert cli_main(["export", str(tmp_path / "one"), str(tmp_path / "two"), "-o", str(out),
                     "--quiet", "--jobs", "1"]) == 0
    assert {p.name for p in out.iterdir()} == {"page.xml", "page-2.xml"}


def test_strict_fails_a_page_with_content_problems(tmp_path, capsys):
    page = tmp_path / "nohead.txt"
    page.write_text("    只有一段正文，没有标题。\n", encoding="utf-8")
    out = tmp_path / "x.xml"
    assert cli_main(["export", str(page), "-o", str(out), "--quiet"]) == 0
    assert out.exists() and "no headline" in capsys.readouterr().err
    out.unlink()
    assert cli_main(["export", str(page), "-o", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert not out.exists() and "--strict" in err and "no headline" in err


def test_export_of_an_export_reopens_finished_work(tmp_path, sample_path):
    first, second = tmp_path / "first.xml", tmp_path / "second.xml"
    assert cli_main(["export", str(sample_path), "-o", str(first), "--quiet"]) == 0
    assert cli_main(["export", str(first), "-o", str(second), "--quiet"]) == 0
    a, b = read_newsml(first.read_bytes()), read_newsml(second.read_bytes())
    assert [[(x.kind, x.text) for x in art.blocks] for art in a.articles] == \
           [[(x.kind, x.text) for x in art.blocks] for art in b.articles]
    assert [art.meta["guid"] for art in a.articles] == [art.meta["guid"] for art in b.articles]


@pytest.mark.parametrize("argv,words", [
    (["missing.txt", "-o", "{tmp}/x.xml"], "no such file"),
    (["{tmp}/empty", "-o", "{tmp}/out"], "no pages to export"),
    (["{sample}", "{sample}", "-o", "{tmp}/file.xml"], "is a file"),
    (["{sample}", "-o", "{tmp}/nowhere/x.xml"], "no such folder"),
    (["{sample}", "-o", "{tmp}/x.xml", "--schema", "{tmp}/none.xsd"], "cannot load the schema"),
    (["{sample}", "-o", "{tmp}/x.xml", "--jobs", "-1"], "--jobs"),
    (["-o", "{tmp}/x.xml"], "usage"),
])
def test_bad_usage_and_unreadable_input_exit_2(tmp_path, sample_path, argv, words):
    (tmp_path / "empty").mkdir()
    (tmp_path / "file.xml").write_text("x", encoding="utf-8")
    args = [a.format(tmp=tmp_path, sample=sample_path) for a in argv]
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr


def test_progress_bar_only_on_a_terminal(tmp_path, pages):
    result = run(pages / "a.txt", pages / "b.txt", "-o", tmp_path / "out")
    assert result.returncode == 0 and "\r" not in result.stderr and "[#" not in result.stderr


def test_progress_bar_drawn_on_a_tty(tmp_path, pages, monkeypatch, capsys):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code = cli_main(["export", str(pages / "a.txt"), str(pages / "b.txt"), "-o", str(tmp_path / "o"),
                     "--jobs", "1"])
    assert code == 0
    assert "[" + "#" * 30 + "] 2/2" in capsys.readouterr().err


def test_folder_of_unreadable_pages_exits_2(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    result = run(folder, "-o", tmp_path / "o")
    assert result.returncode == 2 and result.stderr.count("failed") == 1  # b.txt; c.txt is binary: no page
    assert "skipped 2 files that are no pages: a.png, c.txt" in result.stderr


def test_sent_fixes_the_timestamp_so_two_runs_write_the_same_bytes(tmp_path, sample_path):
    first, second = tmp_path / "1.xml", tmp_path / "2.xml"
    for out in (first, second):
        assert cli_main(["export", str(sample_path), "-o", str(out), "--quiet", "--sent", "2024-05-01T08:00:00+08:00"]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert b"<sent>2024-05-01T08:00:00+08:00</sent>" in first.read_bytes()


def test_a_sent_that_is_no_date_time_is_one_line_exit_2(tmp_path, sample_path, capsys):
    assert cli_main(["export", str(sample_path), "-o", str(tmp_path / "x.xml"), "--sent", "yesterday"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--sent" in err[0] and not (tmp_path / "x.xml").exists()
