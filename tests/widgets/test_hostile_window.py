"""Hostile and odd input in the real window (issue 19): each file is refused with a
message and the work that was open stays; saves that cannot be written say so and leave
the old file; Recent remembers the file the user opened, never a path read from it."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from editor.loader import load_document
from tests.conftest import SAMPLE
from tests.widgets.test_bad_input import edited, problems, refused, write  # noqa: F401 (fixtures)


def sample_project() -> dict:
    return load_document(SAMPLE).to_json()


def project_file(tmp_path, data, name="page.jiaodui.json", ascii_only=False) -> Path:
    return write(tmp_path, name, json.dumps(data, ensure_ascii=ascii_only).encode("utf-8"))


# --- refused, work kept ------------------------------------------------------------------------

def test_project_nested_too_deep(edited, qtbot, problems, tmp_path):
    text = json.dumps(sample_project(), ensure_ascii=False)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    told = refused(edited, qtbot, problems, write(tmp_path, "deep.jiaodui.json", text.encode("utf-8")))
    assert "nested more than" in told["detail"]


def test_project_with_a_lone_surrogate(edited, qtbot, problems, tmp_path):
    data = sample_project()
    data["page"]["articles"][1]["blocks"][1]["text"] += "\ud800"
    told = refused(edited, qtbot, problems, project_file(tmp_path, data, ascii_only=True))
    assert "lone surrogate" in told["detail"]


def test_project_with_a_duplicate_id(edited, qtbot, problems, tmp_path):
    data = sample_project()
    blocks = data["page"]["articles"][2]["blocks"]
    blocks[1]["id"] = blocks[0]["id"]
    told = refused(edited, qtbot, problems, project_file(tmp_path, data))
    assert "used twice" in told["detail"]


def test_export_with_a_version_that_is_no_number(edited, qtbot, problems, tmp_path):
    from editor.newsml import write_newsml

    xml = write_newsml(load_document(SAMPLE).page, sent="2026-01-01T00:00:00+00:00")
    told = refused(edited, qtbot, problems, write(tmp_path, "odd.xml", xml.replace(b'version="1"', 'version="²"'.encode())))
    assert "not a positive whole number" in told["detail"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_and_the_worker_stays_free(edited, qtbot, problems, tmp_path):
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    told = refused(edited, qtbot, problems, fifo)
    assert "not a regular file" in told["detail"]
    other = tmp_path / "other.txt"
    shutil.copy(SAMPLE, other)
    edited.files.ask_unsaved = lambda: "discard"
    edited.open_path(other)  # the worker thread is not stuck reading the pipe
    qtbot.waitUntil(lambda: edited.document.path == str(other), timeout=10000)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_is_refused(edited, qtbot, problems):
    told = refused(edited, qtbot, problems, "/dev/zero")
    assert "not a regular file" in told["detail"]


# --- Recent and the window's paths -------------------------------------------------------------

def test_recent_holds_the_project_opened_not_its_raw_page(qtbot, settings, translations, tmp_path):
    from tests.widgets.conftest import make_window
    from widgets.app import page_to_open, parse_args

    raw = tmp_path / "raw" / "page.txt"
    raw.parent.mkdir()
    shutil.copy(SAMPLE, raw)
    data = load_document(raw).to_json()
    data["page"]["articles"][1]["blocks"][1]["text"] += "（项目里的修改）"
    project = project_file(tmp_path, data)
    window = make_window(qtbot, settings, translations)
    window.open_path(project)
    qtbot.waitUntil(lambda: window.document.project_path == str(project), timeout=10000)
    assert settings.recent_files()[0] == str(project.resolve())
    assert settings.get("files/last_dir") == str(tmp_path.resolve())
    # a bare `python main.py` opens the project again, edits and all
    assert page_to_open(parse_args([]), settings) == str(project.resolve())


@pytest.mark.parametrize("source", ["/dev/zero", "/etc/hostname", "fifo"])
def test_a_crafted_source_is_never_recorded_or_read_as_a_page(qtbot, settings, translations, tmp_path, source):
    from tests.widgets.conftest import make_window

    if source == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        source = str(tmp_path / "fifo")
        os.mkfifo(source)
    data = sample_project()
    data["page"]["source"] = source
    data["raw_page"]["path"] = source
    project = project_file(tmp_path, data, name="crafted.jiaodui.json")
    window = make_window(qtbot, settings, translations)
    window.open_path(project)
    qtbot.waitUntil(lambda: window.document.project_path == str(project), timeout=10000)
    assert source not in settings.recent_files() and settings.recent_files()[0] == str(project.resolve())
    assert settings.get("files/last_dir") == str(tmp_path.resolve())
    assert window.document.path == str(project)


# --- saves that cannot be written ---------------------------------------------------------------

def test_save_of_text_utf8_cannot_hold_says_so_and_keeps_the_old_file(edited, qtbot, problems, tmp_path):
    target = tmp_path / "page.jiaodui.json"
    assert edited.files.save_to(str(target))
    before = target.read_bytes()
    page = edited.document.page
    block = next(b for _a, b in page.blocks() if b.kind == "paragraph")
    edited.editing.commit_text(block.id, block.text + "\ud800")  # however it came in
    assert not edited.files.save_to(str(target))
    assert problems[-1]["name"] == "save_error" and "U+D800" in problems[-1]["detail"]
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    messages = []
    edited.status.showMessage = lambda text, timeout=0: messages.append(text)
    edited.files.restored = True  # unsaved work, whatever the stack says
    assert edited.files.autosave() is None
    assert messages and "Autosave failed" in messages[-1] and "U+D800" in messages[-1]


def test_export_over_the_raw_page_is_refused_and_the_page_stays(qtbot, settings, translations, tmp_path):
    from tests.widgets.conftest import make_window

    raw = tmp_path / "page.txt"
    shutil.copy(SAMPLE, raw)
    window = make_window(qtbot, settings, translations)
    window.open_path(raw)
    qtbot.waitUntil(lambda: window.document.flags_ready, timeout=20000)
    dialog = window.files.export()
    dialog.path.setText(str(raw))
    assert not dialog.export()
    assert "opened from" in dialog.result.text()
    assert raw.read_bytes() == SAMPLE.read_bytes()


def test_utf16_without_a_bom_is_named(edited, qtbot, problems, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    told = refused(edited, qtbot, problems, write(tmp_path, "wide.txt", text.encode("utf-16-le")))
    assert "UTF-16-LE text without a byte-order mark" in told["detail"]


def test_export_over_its_own_input_from_a_project(qtbot, settings, translations, tmp_path):
    from tests.widgets.conftest import make_window

    data = sample_project()
    project = project_file(tmp_path, data)
    before = project.read_bytes()
    window = make_window(qtbot, settings, translations)
    window.open_path(project)
    qtbot.waitUntil(lambda: window.document.project_path == str(project), timeout=10000)
    dialog = window.files.export()
    dialog.path.setText(str(project))
    assert not dialog.export() and project.read_bytes() == before
