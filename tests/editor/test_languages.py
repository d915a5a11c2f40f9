"""The core speaks one language at a time: ``--lang en`` English only, ``--lang zh``
Chinese only (ids, paths and the page's own words quoted in “…” aside)."""
import json
import re
import subprocess
import sys

import pytest

from editor.i18n import Message, _, n_, normalise, set_language
from editor.rules import RULES
from tests.conftest import ROOT

HAN = re.compile(r"[\u3400-\u9fff]")
#: A page that sets off many rules: spaced numbers, tabs, half-width marks, full-width
#: digits, a long dash, an ellipsis, quotes, a lost join, a control character.
PAGE = ("城市书房让阅读触手可及\n\n□ 本 报 记 者  周敏\n\n"
        "　　本报讯　全市投入 7 . 8 亿元，新建书房２０座。读者说:\"好\"\t很好。。。\n"
        "　　书房——— 每天开放“十二小时，“全年无休”。\x07\n"
        "　　负责人表示，下一步将推出线上预约服\n务，让更多市民走进书房\n")


def run(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def pages(tmp_path_factory, sample_path):
    made = tmp_path_factory.mktemp("pages") / "rules.txt"
    made.write_text(PAGE, encoding="utf-8")
    return [str(sample_path), str(made)]


def without_ids(line: str, paths) -> str:
    """A line of ``check`` output less what is no language: paths, rule ids, severities,
    positions, and the page's own text quoted in the message."""
    for path in paths:
        line = line.replace(path, "")
    line = re.sub(r"“[^”]*”|‘[^’]*’|\[[^\]]*\]", "", line)
    return " ".join(w for w in line.split() if w not in RULES and not re.fullmatch(r"[:\d.,-]+", w))


def test_check_in_english_is_english_only(pages):
    result = run("check", *pages, "--lang", "en")
    assert result.returncode == 1, result.stderr  # the pages have error-level flags
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) > 20
    for line in lines:
        assert not HAN.search(without_ids(line, pages)), line
    assert "flags in 2 pages" in lines[-1]


def test_check_in_chinese_is_chinese_only(pages):
    result = run("check", *pages, "--lang", "zh")
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) > 20
    for line in lines:
        rest = without_ids(line, pages)
        assert not re.search(r"[A-Za-z]{2,}", rest), line
        assert HAN.search(rest), line
    assert lines[-1].startswith("共 ") and lines[-1].endswith("2 页")


def test_json_keeps_message_and_stable_ids(pages):
    english = json.loads(run("check", pages[1], "--format", "json", "--lang", "en").stdout)
    chinese = json.loads(run("check", pages[1], "--format", "json", "--lang", "zh").stdout)
    assert len(english) == len(chinese) > 5
    for en, zh in zip(english, chinese):
        assert (en["rule"], en["key"], en["message_id"]) == (zh["rule"], zh["key"], zh["message_id"])
        assert en["message"] != zh["message"] and HAN.search(zh["message"])


def test_errors_speak_the_language_too(tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    zh = run("check", missing, "--lang", "zh")
    en = run("check", missing, "--lang", "en")
    assert zh.returncode == en.returncode == 2
    assert "找不到文件" in zh.stderr and "no such file" in en.stderr
    assert "no such file" not in zh.stderr


def test_the_locale_is_the_default(tmp_path, pages, monkeypatch):
    env = dict(__import__("os").environ, LANGUAGE="zh_CN:en")
    result = subprocess.run([sys.executable, "main.py", "check", pages[1]], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.stdout.strip().splitlines()[-1].startswith("共 ")


def test_messages_render_when_read():
    message = _("Space inside a number: “{found}” → “{fixed}”", found="7 . 8", fixed="7.8")
    set_language("zh")
    try:
        assert str(message) == "数字中有空格：“7 . 8”→“7.8”"
        assert n_("{n} page", "{n} pages", 3).text() == "3 页"
    finally:
        set_language("en")
    assert str(message) == "Space inside a number: “7 . 8” → “7.8”"
    assert n_("{n} page", "{n} pages", 1).text() == "1 page" and n_("{n} page", "{n} pages", 2).text() == "2 pages"
    assert message.text("zh") == "数字中有空格：“7 . 8”→“7.8”"  # any language on demand


def test_a_message_written_the_older_way_still_renders():
    pair = Message.pair("旧式消息", "an old-style message")
    assert pair.text("zh") == "旧式消息" and pair.text("en") == "an old-style message"
    assert normalise("zh_CN") == normalise("zh-Hans") == "zh" and normalise("") == "en"
