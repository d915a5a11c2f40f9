"""`main.py parse`: the tree as text or JSON; bad input is one clear line and exit 2."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_parse_text_tree(sample_path):
    result = run("parse", str(sample_path), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "10 篇文章" in result.stdout
    assert "kicker     L93       政企同心 暖企解难 助企提效" in result.stdout
    assert "[记者 胡磊 薛良诚; 通讯员 马翼]" in result.stdout
    english = run("parse", str(sample_path), "--lang", "en").stdout
    assert "10 articles" in english and "[reporters 胡磊 薛良诚; correspondents 马翼]" in english


def test_parse_json_is_the_project_form(sample_path):
    result = run("parse", str(sample_path), "--format", "json")
    data = json.loads(result.stdout)
    assert data["format"] == "jiaodui-project"
    assert len(data["page"]["articles"]) == 10


@pytest.mark.parametrize("content,words", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"\x80\x81\x20" * 10, "encoding"),
])
def test_bad_input_exit_2_one_line(tmp_path, content, words):
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr


def test_missing_file_and_folder(tmp_path):
    for target, words in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "folder")):
        result = run("parse", str(target))
        assert result.returncode == 2 and words in result.stderr


def test_bad_usage_exit_2():
    result = run("parse")
    assert result.returncode == 2 and "usage" in result.stderr
