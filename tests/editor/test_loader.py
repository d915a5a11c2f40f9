"""Opening whatever the user hands us: a raw page, a project file or a NewsML export,
told apart by content, not by name."""
import pytest

from editor.errors import InputError
from editor.loader import load_document, load_path, sniff, sniff_path
from editor.newsml import write_newsml
from editor.project import Project, save_project
from tests.editor.rules_helpers import body

PAGE = body("　　本报讯　全市新建城市书房二十座。\n")


def test_sniff_by_content():
    assert sniff(b"  <?xml version='1.0'?><x/>") == "newsml"  # declared XML: refused as no NewsML-G2
    assert sniff(b'{"format": "jiaodui-project"}') == "project"
    assert sniff(b'{"other": 1}') == "page" and sniff("正文".encode()) == "page"


def test_each_kind_opens_as_a_project(tmp_path):
    raw = tmp_path / "page.dat"  # the name says nothing
    raw.write_text(PAGE, encoding="utf-8")
    opened = load_document(raw)
    assert opened.opened_as == "page" and opened.raw_path == str(raw) and opened.page.source == str(raw)
    opened.ignored_rules.add("tab")
    project = tmp_path / "page.json"
    save_project(opened, project)
    again = load_document(project)
    assert again.opened_as == "project" and again.ignored_rules == {"tab"}
    xml = tmp_path / "page.bin"
    xml.write_bytes(write_newsml(opened.page))
    exported = load_document(xml)
    assert exported.opened_as == "newsml" and exported.page.articles[0].title == "城市书房让阅读触手可及"
    assert sniff_path(xml) == "newsml" and sniff_path(tmp_path / "gone") == "page"
    assert isinstance(again, Project) and load_path(raw).source == str(raw)


def test_an_empty_or_missing_file_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        load_document(empty)
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "gone.txt")
