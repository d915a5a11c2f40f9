"""Export formats from one registry, written through one path: NewsML-G2, plain
corrected text, JSON of the tree with roles — from the CLI and from a script alike."""
import json
import subprocess
import sys

import pytest

from editor import exporters
from editor.exporters.base import Exporter
from editor.i18n import _
from editor.kinds import BlockKind
from editor.parser import parse_text
from editor.rules import check_page
from tests.conftest import ROOT
from tests.editor.rules_helpers import body

PAGE = body("　　本报讯　全市新建城市书房二十座，市民在家门口就能读书。\n",
            "　　书房每天开放十二小时，全年无休。\n")


@pytest.fixture
def page():
    return parse_text(PAGE, source="page.txt")


def test_the_registry_names_each_format_once():
    assert list(exporters.EXPORTERS) == ["newsml", "text", "json"]
    assert {e.suffix for e in exporters.EXPORTERS.values()} == {".xml", ".txt", ".json"}
    assert exporters.get(exporters.DEFAULT).id == "newsml"
    with pytest.raises(KeyError):
        exporters.get("docx")


def test_plain_text_is_the_corrected_articles_a_paragraph_a_line(page):
    text = exporters.get("text").write(page).decode("utf-8")
    lines = text.split("\n")
    assert lines[0] == "城市书房让阅读触手可及"
    assert lines[1] == "□ 本报记者 周敏"
    # the dateline opens its paragraph, as printed
    assert lines[2] == "本报讯\u3000全市新建城市书房二十座，市民在家门口就能读书。"
    assert lines[3] == "书房每天开放十二小时，全年无休。"
    assert lines[4] == "负责人表示，下一步将推出线上预约服务，让更多市民走进书房。"  # a hard wrap joined
    assert text.endswith("\n") and "\n\n\n" not in text


def test_plain_text_separates_articles_and_leaves_out_furniture(page):
    page.articles[0].blocks[0].text = "改过的标题"  # what the proofreader corrected is what is written
    second = parse_text("第二篇的标题\n\n　　第二篇的正文。\n")
    second.articles[0].furniture = False
    page.articles.extend(second.articles)
    furniture = parse_text("责任编辑：王丽\n").articles[0]
    furniture.furniture = True
    page.articles.append(furniture)
    text = exporters.get("text").write(page).decode("utf-8")
    assert text.startswith("改过的标题\n") and "\n\n第二篇的标题\n第二篇的正文。\n" in text
    assert "王丽" not in text


def test_json_is_the_tree_with_roles(page):
    flags = check_page(page)
    data = json.loads(exporters.get("json").write(page, flags=flags))
    assert data["format"] == "jiaodui-tree" and data["source"] == "page.txt"
    blocks = data["articles"][0]["blocks"]
    assert [b["role"] for b in blocks][:4] == ["headline", "byline", "dateline", "paragraph"]
    assert blocks[0]["lines"] == [1, 1] and blocks[0]["text"] == "城市书房让阅读触手可及"
    assert blocks[1]["reporters"] == ["周敏"]
    assert {b["role"] for b in blocks} <= {str(k) for k in BlockKind}
    assert all(e["severity"] == "error" for e in data["open_errors"])


def test_one_path_validates_before_it_writes(page, tmp_path, monkeypatch):
    target = tmp_path / "page.txt"
    assert exporters.export(page, target, "text") == []
    assert target.read_text(encoding="utf-8").startswith("城市书房")
    refusing = Exporter("bad", _("Plain text"), ".txt", lambda page, **kw: b"x",
                        lambda data, schema: ["no good"])
    monkeypatch.setitem(exporters.EXPORTERS, "bad", refusing)
    other = tmp_path / "other.txt"
    assert exporters.export(page, other, "bad") == ["no good"]
    assert not other.exists()  # nothing written when the check fails


def test_newsml_is_written_as_it_is_made_and_whole_or_not_at_all(page, tmp_path, monkeypatch):
    """With no schema to validate against, NewsML-G2 goes to the file an article at a time
    (a big page's message is never whole in memory); the file is the same bytes as the
    whole message, and a failure halfway leaves the file as it was."""
    from editor import newsml

    target = tmp_path / "page.xml"
    sent = "2026-01-01T00:00:00+00:00"
    assert exporters.export(page, target, flags=[], sent=sent) == []
    assert target.read_bytes() == newsml.write_newsml(page, sent=sent, flags=[])
    made = []

    def breaking(page, **kw):
        for piece in newsml.newsml_chunks(page, **kw):
            made.append(piece)
            if len(made) == 2:
                raise OSError(28, "No space left on device")
            yield piece

    monkeypatch.setitem(exporters.EXPORTERS, "newsml",
                        Exporter("newsml", _("NewsML-G2"), ".xml", exporters.get("newsml").write,
                                 exporters.get("newsml").validate, True, breaking))
    before = target.read_bytes()
    with pytest.raises(OSError):
        exporters.export(page, target, flags=[], sent="2030-01-01T00:00:00+00:00")
    assert len(made) == 2  # it was writing piece by piece when it failed
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["page.xml"]  # no temp file left


def test_a_new_format_is_one_registry_entry(page, tmp_path, monkeypatch):
    """What docs/architecture.md promises: a writer plus its line in the registry is all
    the CLI needs to offer a format."""
    upper = Exporter("shout", _("Plain text"), ".up", lambda page, **kw: page.articles[0].title.encode(),
                     lambda data, schema: [])
    monkeypatch.setitem(exporters.EXPORTERS, "shout", upper)
    from editor.cli import main

    source = tmp_path / "page.txt"
    source.write_text(PAGE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    assert main(["export", str(source), "-o", str(tmp_path / "out"), "--format", "shout", "--quiet",
                 "--jobs", "1"]) == 0
    assert (tmp_path / "out" / "page.up").read_text() == "城市书房让阅读触手可及"


@pytest.mark.parametrize("fmt,suffix,starts", [("text", ".txt", "城市书房"), ("json", ".json", "{")])
def test_cli_export_format(tmp_path, fmt, suffix, starts):
    source = tmp_path / "page.txt"
    source.write_text(PAGE, encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    result = subprocess.run([sys.executable, "main.py", "export", str(source), "-o", str(folder),
                             "--format", fmt], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    written = folder / f"page{suffix}"
    assert written.read_text(encoding="utf-8").startswith(starts)
