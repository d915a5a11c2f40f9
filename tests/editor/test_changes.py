"""What changed: the change report and the diff of a block, read off the page."""
import subprocess
import sys

from editor import edits
from editor.changes import changes, origin_of, report, segments
from editor.kinds import BlockKind
from editor.session import Session, load
from tests.conftest import ROOT


def open_sample(sample_path):
    session = Session()
    session.show(load(sample_path))
    return session


def test_nothing_changed_nothing_reported(sample_path):
    session = open_sample(sample_path)
    assert session.changes() == []
    assert "0 changes" in session.change_report()


def test_every_kind_of_edit_is_listed_with_its_line(sample_path):
    session = open_sample(sample_path)
    page = session.page
    [m] = session.find("7 . 8")
    edits.ReplaceText(m.block_id, m.start, m.end - m.start, "7.8").apply(page)
    second = page.articles[1].blocks[2]
    edits.SplitBlock(second.id, 10).apply(page)
    edits.SetKind(page.articles[1].blocks[1].id, BlockKind.INTERTITLE).apply(page)
    third = page.articles[2]
    joined = third.blocks[3]
    edits.MergeWithNext(third.blocks[2].id).apply(page)
    gone = page.articles[3].blocks[3]
    gone_lines = gone.lines
    edits.DeleteBlock(gone.id).apply(page)
    edits.InsertBlock(page.articles[0].id, 1, edits.Block(BlockKind.PARAGRAPH, "编者按：新加的一段。")).apply(page)
    found = {c.kind: c for c in session.changes()}
    assert set(found) == {"text", "break", "kind", "join", "removed", "added"}
    assert found["text"].line == 108 and "7 . 8" in found["text"].before and "7.8" in found["text"].after
    assert found["break"].line == second.spans[0].line + 1
    assert found["kind"].before == "Paragraph" and found["kind"].after == "Intertitle"
    assert found["join"].line == joined.spans[0].line + 1
    assert (found["removed"].line, found["removed"].last_line) == (gone_lines[0] + 1, gone_lines[1] + 1)
    text = session.change_report()
    assert "L108" in text and "“量达7 . 8亿元” → “量达7.8亿元”" in text
    lines = [c.line for c in session.changes()]
    assert lines == sorted(lines)


def test_a_saved_project_remembers_what_it_was(sample_path, tmp_path):
    session = open_sample(sample_path)
    block = session.page.articles[0].blocks[1]
    edits.SplitBlock(block.id, 5).apply(session.page)
    path = tmp_path / "p.json"
    session.save(path)
    again = open_sample(path)
    assert [c.kind for c in again.changes()] == ["break"]


def test_segments_mark_additions_and_removals():
    assert segments("三级林长制", "三级林长责任制") == [("=", "三级林长"), ("+", "责任"), ("=", "制")]
    assert segments("7 . 8", "7.8") == [("=", "7"), ("-", " "), ("=", "."), ("-", " "), ("=", "8")]


def test_export_changes_writes_the_report_of_each_page(sample_path, tmp_path):
    session = open_sample(sample_path)
    [m] = session.find("7 . 8")
    edits.ReplaceText(m.block_id, m.start, m.end - m.start, "7.8").apply(session.page)
    project = tmp_path / "edited.json"
    session.save(project)
    report_file = tmp_path / "changes.txt"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(project), str(sample_path),
                           "-o", str(tmp_path / "out"), "--changes", str(report_file), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    text = report_file.read_text(encoding="utf-8")
    assert f"{project}: 1 change" in text and "L108" in text
    assert f"{sample_path}: 0 changes" in text


def test_report_of_a_page_read_now_is_empty(sample_path):
    page = load(sample_path).project.page
    assert changes(page, origin_of(page)) == []
    assert report("x", page, None).startswith("x: 0 changes")
