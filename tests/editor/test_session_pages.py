"""A day's work is many pages: a folder (or a multi-page PDF) opens as one project whose
pages keep their own flags, ignores and edits; it saves, autosaves, restores and exports
as one."""
import json

import pytest

from editor import edits
from editor.session import Session, load
from tests.editor.readers import newskit
from tests.editor.rules_helpers import body


@pytest.fixture
def folder(tmp_path):
    day = tmp_path / "day"
    day.mkdir()
    (day / "a-text.txt").write_text(body("　　本报讯　全市新建城市书房二十座。\n"), encoding="utf-8")
    newskit.news_pdf(day / "b-paper.pdf", pages=2)
    (day / "c-scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))   # no page: left out
    (day / "notes.json").write_text('{"not": "a project"}', encoding="utf-8")
    return day


@pytest.fixture
def session(folder, tmp_path):
    s = Session(recovery_dir=tmp_path / "recovery")
    s.events = []
    s.subscribe(lambda event, info: s.events.append((event, info)))
    s.show(load(folder))
    return s


def test_a_folder_opens_as_one_project_of_its_page_files(session):
    states = session.page_states()
    assert [s.label for s in states] == ["a-text.txt", "b-paper.pdf #1", "b-paper.pdf #2"]
    assert session.index == 0 and all(s.open_flags is None for s in states)
    assert states[1].articles == 1 and states[1].reviewed == 0


def test_each_page_keeps_its_own_flags_and_edits(session):
    session.take_flags(*session.check_copy(session.snapshot()))
    first_flags = list(session.flags)
    shown = session.show_page(2)
    assert session.index == 2 and ("page_shown", {"index": 2}) in session.events
    assert not session.flags_ready and session.page is shown.page
    block = next(b for _a, b in session.page.blocks() if b.kind.value == "paragraph")
    edits.SetText(block.id, block.text + "改").apply(session.page)
    session.take_flags(*session.check_copy(session.page.copy()), page=session.pages[1])
    assert session.page_states()[1].open_flags is not None and session.page_states()[2].open_flags is None
    session.show_page(0)
    assert session.flags == first_flags and "改" not in "".join(b.text for _a, b in session.page.blocks())
    assert "改" in session.pages[2].page.block(block.id).text


def test_save_reopen_autosave_and_restore_all_pages(session, tmp_path):
    session.show_page(1)
    article = session.page.stories[0]
    edits.SetReviewed(article.id, True).apply(session.page)
    saved = tmp_path / "day.jiaodui.json"
    session.save(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["version"] == 2 and len(data["pages"]) == 3 and data["pages"][1]["source"]["number"] == 1
    again = Session()
    again.show(load(saved))
    assert again.index == 1  # the page that was shown
    assert [s.reviewed for s in again.page_states()] == [0, 1, 0]
    assert again.current.project_path == str(saved) and again.pages[1].page.source_page is not None
    assert session.autosave() is not None
    restored = Session(recovery_dir=tmp_path / "recovery")
    restored.restore(restored.pending_recovery())
    assert len(restored.pages) == 3 and restored.page_states()[1].reviewed == 1


def test_exporting_every_page_names_each_after_its_file_and_page(session, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    steps = list(session.export_pages(out, "newsml"))
    assert [(n, total) for n, total, _file, _errors in steps] == [(1, 3), (2, 3), (3, 3)]
    assert all(errors == [] for *_x, errors in steps)
    assert sorted(p.name for p in out.iterdir()) == ["a-text.xml", "b-paper-p1.xml", "b-paper-p2.xml"]
    assert all(s.open_flags is not None for s in session.page_states())  # checked on the way


def test_a_single_page_stays_a_version_1_project(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(body("　　本报讯　全市新建城市书房二十座。\n"), encoding="utf-8")
    s = Session()
    s.show(load(page))
    s.save(tmp_path / "p.json")
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["version"] == 1
