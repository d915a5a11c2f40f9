"""Bad input in the real window (issue 7): each file is refused with a message that names
the problem, and the page that was open stays as it was — its model, its ignores and its
undo history — so that no work is lost to a bad file."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from tests.widgets.helpers import snapshot

SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"


@pytest.fixture
def problems(window):
    """What the window told the user (recorded instead of shown)."""
    told = []
    window.files.show_problem = lambda name, title, text, detail="": told.append(
        {"name": name, "title": title, "text": text, "detail": detail})
    return told


@pytest.fixture
def edited(window, qtbot):
    """The window with unsaved work: one typing step on the undo stack."""
    page = window.document.page
    block = next(b for a in page.articles for b in a.blocks if b.kind == "paragraph")
    window.editing.commit_text(block.id, block.text + "（补）")
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    return window


def state(window) -> tuple:
    stack = window.undo_stack
    return (snapshot(window), window.document.path, window.document.project_path,
            stack.count(), stack.index(), [stack.text(i) for i in range(stack.count())],
            window.windowTitle())


def refused(window, qtbot, problems, path, opener=None) -> dict:
    """Open ``path`` (or call ``opener``); return the message once it is told, after checking
    that the page is just as it was."""
    before = state(window)
    (opener or (lambda: window.open_path(path)))()
    qtbot.waitUntil(lambda: bool(problems), timeout=10000)
    qtbot.wait(50)  # anything that would follow the refusal has had its chance
    assert state(window) == before
    assert not window.document._loading
    window.undo()  # the undo history still works on the page
    assert window.undo_stack.index() == before[4] - 1
    window.redo()
    assert state(window) == before
    told = problems[-1]
    assert told["name"] == "open_error" and told["title"] == "Cannot open the file"
    assert Path(path).name in told["text"]
    return told


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sample_project(tmp_path: Path) -> dict:
    from editor.loader import load_document

    return load_document(SAMPLE).to_json()


# --- raw pages -------------------------------------------------------------------------
def test_empty_file(edited, qtbot, problems, tmp_path):
    told = refused(edited, qtbot, problems, write(tmp_path, "empty.txt", b""))
    assert "empty" in told["detail"]


def test_png_renamed_txt(edited, qtbot, problems, tmp_path):
    told = refused(edited, qtbot, problems, write(tmp_path, "scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)))
    assert "PNG image" in told["detail"]


def test_undecodable_bytes(edited, qtbot, problems, tmp_path):
    data = "第一行".encode("utf-8") + b"\n\x81\x20\xff\x80\x80 \x81\x20\n" * 3
    told = refused(edited, qtbot, problems, write(tmp_path, "garbled.txt", data))
    assert "unknown encoding" in told["detail"]


def test_mixed_utf8_and_gbk(edited, qtbot, problems, tmp_path):
    data = ("聊城市应急管理局召开会议\n".encode("gbk")
            + "全市规模以上工业增加值同比增长\n".encode("utf-8") * 4)
    told = refused(edited, qtbot, problems, write(tmp_path, "mixed.txt", data))
    assert "mixed encodings" in told["detail"]


def test_file_over_the_size_limit(edited, qtbot, problems, tmp_path, monkeypatch):
    monkeypatch.setattr("editor.errors.MAX_BYTES", 10_000)  # the sample is 21 kB
    big = tmp_path / "big.txt"
    shutil.copy(SAMPLE, big)
    told = refused(edited, qtbot, problems, big)
    assert "too large" in told["detail"]


# --- project files ---------------------------------------------------------------------
def test_truncated_project(edited, qtbot, problems, tmp_path):
    text = json.dumps(sample_project(tmp_path), ensure_ascii=False, indent=1).encode("utf-8")
    told = refused(edited, qtbot, problems, write(tmp_path, "cut.jiaodui.json", text[:len(text) // 2]))
    assert "truncated" in told["detail"]


def test_project_from_a_future_version(edited, qtbot, problems, tmp_path):
    data = sample_project(tmp_path)
    data["version"] = 99
    told = refused(edited, qtbot, problems,
                   write(tmp_path, "future.jiaodui.json", json.dumps(data).encode("utf-8")))
    assert "newer jiaodui" in told["detail"] and "99" in told["detail"]


@pytest.mark.parametrize("damage", ["articles not a list", "text not a string", "span off the page",
                                    "block not an object", "page missing"])
def test_hand_edited_project(edited, qtbot, problems, tmp_path, damage):
    data = sample_project(tmp_path)
    block = data["page"]["articles"][0]["blocks"][0]
    if damage == "articles not a list":
        data["page"]["articles"] = "see the raw page"
    elif damage == "text not a string":
        block["text"] = 42
    elif damage == "span off the page":
        block["spans"] = [[99999, 0, 3]]
    elif damage == "block not an object":
        data["page"]["articles"][0]["blocks"][0] = ["headline", "text"]
    else:
        del data["page"]
    told = refused(edited, qtbot, problems,
                   write(tmp_path, "edited.jiaodui.json", json.dumps(data, ensure_ascii=False).encode("utf-8")))
    assert "project file is damaged" in told["detail"]


# --- NewsML ----------------------------------------------------------------------------
def test_malformed_newsml(edited, qtbot, problems, tmp_path):
    data = b'<?xml version="1.0"?>\n<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
    told = refused(edited, qtbot, problems, write(tmp_path, "cut.xml", data))
    assert "malformed XML" in told["detail"]


def test_foreign_xml_rss(edited, qtbot, problems, tmp_path):
    data = (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>News</title>'
            b'<item><title>A</title><description>B</description></item></channel></rss>')
    told = refused(edited, qtbot, problems, write(tmp_path, "feed.xml", data))
    assert "not a NewsML-G2 file" in told["detail"] and "<rss>" in told["detail"]


def test_billion_laughs(edited, qtbot, problems, tmp_path):
    entities = "".join(f'<!ENTITY lol{n} "{"&lol%d;" % (n - 1) * 10}">' for n in range(1, 10))
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE newsMessage [<!ENTITY lol0 "lol">{entities}]>\n'
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">&lol9;</newsMessage>').encode()
    told = refused(edited, qtbot, problems, write(tmp_path, "laughs.xml", data))
    assert "DTD" in told["detail"] and "nothing was expanded" in told["detail"]


def test_external_entity_to_a_local_file(edited, qtbot, problems, tmp_path):
    secret = write(tmp_path, "secret.txt", SECRET.encode())
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE newsItem [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML>'
            '<p>&x;</p></inlineXML></contentSet></newsItem>').encode()
    told = refused(edited, qtbot, problems, write(tmp_path, "xxe.xml", data))
    assert "DTD" in told["detail"]
    assert SECRET not in json.dumps(told) and SECRET not in json.dumps(edited.document.page.to_json())


# --- the file system -------------------------------------------------------------------
def test_path_gone_between_choosing_and_opening(edited, qtbot, problems, tmp_path, monkeypatch):
    from widgets import pages

    chosen = tmp_path / "gone.txt"
    shutil.copy(SAMPLE, chosen)

    def choose(*_args, **_kwargs):
        chosen.unlink()  # another program moves it away as the dialog closes
        return [str(chosen)], ""
    monkeypatch.setattr(pages.QFileDialog, "getOpenFileNames", staticmethod(choose))
    edited.settings.add_recent(str(chosen))
    told = refused(edited, qtbot, problems, chosen, opener=edited.ask_open)
    assert "no such file" in told["detail"]
    assert str(chosen) not in edited.settings.recent_files()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading "
                           "(the simulated case below covers it)")
def test_unreadable_file_chmod(edited, qtbot, problems, tmp_path):
    locked = tmp_path / "locked.txt"
    shutil.copy(SAMPLE, locked)
    locked.chmod(0)
    try:
        told = refused(edited, qtbot, problems, locked)
    finally:
        locked.chmod(0o644)
    assert "permission denied" in told["detail"]


def test_unreadable_file_simulated(edited, qtbot, problems, tmp_path, monkeypatch):
    from editor import errors

    locked = tmp_path / "locked.txt"
    shutil.copy(SAMPLE, locked)
    real_open = os.open

    def no_entry(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(errors.os, "open", no_entry)  # what read_page_bytes calls
    told = refused(edited, qtbot, problems, locked)
    assert "permission denied" in told["detail"]


def test_raw_page_deleted_while_open_then_save_and_export(qtbot, settings, translations, tmp_path):
    from editor.project import load_project
    from tests.widgets.conftest import make_window

    raw = tmp_path / "page.txt"
    shutil.copy(SAMPLE, raw)
    window = make_window(qtbot, settings, translations)
    told = []
    window.files.show_problem = lambda *args, **kwargs: told.append(args)
    window.open_path(raw)
    qtbot.waitUntil(lambda: window.document.flags_ready, timeout=20000)
    page = window.document.page
    block = next(b for a in page.articles for b in a.blocks if b.kind == "paragraph")
    window.editing.commit_text(block.id, block.text + "（补）")
    raw.unlink()
    before = window.document.page.to_json()

    project = tmp_path / "page.jiaodui.json"
    assert window.files.save_to(str(project))
    assert not told and window.undo_stack.isClean()
    assert load_project(project).page.to_json() == before

    dialog = window.files.export()
    target = tmp_path / "page.newsml.xml"
    dialog.path.setText(str(target))
    assert dialog.export()
    assert target.is_file() and "（补）" in target.read_text(encoding="utf-8")
    assert window.document.page.to_json() == before and window.undo_stack.count() == 1

    # and the project opens again although its raw page is gone (said, not refused)
    window.open_path(project)
    qtbot.waitUntil(lambda: window.document.project_path == str(project), timeout=10000)
    assert window.document.page.to_json() == before and window.document.raw_changed is None
