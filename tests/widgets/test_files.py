"""Files as a proofreader meets them: save and reopen, unsaved work, crash recovery, export."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor.model import BlockKind
from tests.conftest import ROOT, SAMPLE
from tests.widgets.helpers import press, real_window, rules_of, select_flag, snapshot

CTRL = Qt.KeyboardModifier.ControlModifier


def answer_save_dialog(monkeypatch, path) -> list:
    """Answer the "Save Project" file dialog with ``path``; returns the calls made."""
    from widgets import files

    calls = []

    def dialog(*args, **kwargs):
        calls.append(args)
        return str(path), ""
    monkeypatch.setattr(files.QFileDialog, "getSaveFileName", dialog)
    return calls


def make_edits(window, qtbot):
    """A fix, an ignored flag, an ignored rule, a reviewed article, a moved headline."""
    select_flag(window, "spaced-number")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_Return)
    select_flag(window, "dash-run")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_I)
    select_flag(window, "headline-two-lines")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_R)
    page = window.document.page
    window.tree.setCurrentIndex(window.tree.model().index(0, 0))
    window.editing.mark_reviewed.trigger()
    headline = page.articles[2].first(BlockKind.HEADLINE)
    window.editing.move_block_to(headline.id, page.articles[3].id)
    answer_headline_question(window, "both")  # the fourth article has a headline: keep both


def answer_headline_question(window, choice: str) -> None:
    from widgets.headline_question import HeadlineQuestion

    box = window.findChild(HeadlineQuestion, "headline_question")
    assert box is not None and box.isVisible()
    box.choice_buttons[choice].click()


def test_save_close_reopen_finds_everything_as_left(qtbot, settings, translations, tmp_path, monkeypatch):
    window = real_window(qtbot, settings, translations)
    make_edits(window, qtbot)
    assert window.isWindowModified()
    left = snapshot(window)
    open_rules = sorted(rules_of(window))
    project = tmp_path / "page.jiaodui.json"
    calls = answer_save_dialog(monkeypatch, project)
    press(qtbot, window.raw_view, Qt.Key.Key_S, CTRL)
    assert project.is_file() and len(calls) == 1
    assert not window.isWindowModified()
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # no temp file left over
    press(qtbot, window.raw_view, Qt.Key.Key_S, CTRL)  # again: to the same file, no dialog
    assert len(calls) == 1
    window.close()
    assert not window.isVisible()

    again = real_window(qtbot, settings, translations, path=project)
    assert snapshot(again) == left
    assert sorted(rules_of(again)) == open_rules
    assert "headline-two-lines" not in rules_of(again) and "dash-run" not in rules_of(again)
    assert again.document.project_path == str(project)
    assert again.tree.model().index(0, 0).data().startswith("1. ✓")
    assert again.status.reviewed_label.text() == "Reviewed 1 of 10"
    assert "page.jiaodui.json" in again.windowTitle()
    assert not again.isWindowModified() and again.undo_stack.count() == 0
    assert again.findChild(QMessageBox, "raw_changed") is None


def test_a_changed_raw_page_is_detected(qtbot, settings, translations, tmp_path, monkeypatch):
    raw = tmp_path / "page.txt"
    shutil.copy(SAMPLE, raw)
    window = real_window(qtbot, settings, translations, path=raw)
    answer_save_dialog(monkeypatch, tmp_path / "p.json")
    window.files.save()
    raw.write_bytes(raw.read_bytes().replace("聊城".encode(), "德州".encode(), 1))
    again = real_window(qtbot, settings, translations, path=tmp_path / "p.json")
    qtbot.waitUntil(lambda: again.findChild(QMessageBox, "raw_changed") is not None)
    assert again.document.raw_changed is True


def test_closing_with_unsaved_changes_asks(qtbot, settings, translations, tmp_path, monkeypatch):
    window = real_window(qtbot, settings, translations)
    select_flag(window, "spaced-number")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_Return)
    asked = []
    window.files.ask_unsaved = lambda: asked.append(1) or "cancel"
    assert not window.close()
    assert window.isVisible() and asked
    project = tmp_path / "saved.json"
    answer_save_dialog(monkeypatch, project)
    window.files.ask_unsaved = lambda: "save"
    assert window.close()
    assert project.is_file()


def test_closing_a_saved_page_asks_nothing(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    window.files.ask_unsaved = lambda: pytest.fail("asked although nothing changed")
    assert window.close()


def test_autosave_on_its_interval_and_discarded_after_save(qtbot, settings, translations, tmp_path,
                                                           monkeypatch):
    settings.set("files/autosave_seconds", 1)
    window = real_window(qtbot, settings, translations)
    store = window.document.session.recovery
    assert window.files.autosave_timer.interval() == 1000
    qtbot.wait(1200)
    assert not store.pending()  # nothing unsaved, nothing written
    select_flag(window, "spaced-number")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(store.pending()), timeout=3000)
    assert "7.8亿元" in store.pending()[0].load().page.to_json().__str__()
    answer_save_dialog(monkeypatch, tmp_path / "p.json")
    window.files.save()
    assert not store.pending()


CRASHING = r"""
import sys, time
from widgets.pyside_fix import keep_none_alive
keep_none_alive()
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.loader import load_document
from widgets.main_window import MainWindow
from widgets.settings import Settings
settings, recovery, page = sys.argv[1:4]
window = MainWindow(Settings(QSettings(settings, QSettings.Format.IniFormat)), recovery_dir=recovery)
window.document.set_project(load_document(page), path=page)
block = window.document.page.articles[1].blocks[1]
window.editing.commit_text(block.id, "崩溃前的修改")
window.loop.push_operation(__import__("editor.ignores").ignores.ignore_rule("dash-run"))
window.files.autosave()
print(block.id, flush=True)
time.sleep(120)
"""


def test_recovery_after_a_kill_restores_unsaved_work(qtbot, settings, translations, tmp_path, monkeypatch):
    recovery = tmp_path / "recovery"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", CRASHING, str(tmp_path / "other.ini"), str(recovery),
                             str(SAMPLE)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        block_id = proc.stdout.readline().strip()
        assert block_id, "the editing process did not get to its autosave"
    finally:
        proc.send_signal(signal.SIGKILL)  # a crash: nothing gets cleaned up
        proc.wait(10)

    window = real_window(qtbot, settings, translations, path=None, recovery_dir=recovery)
    offered = []
    window.files.ask_restore = lambda r: offered.append(r.source) or True
    assert window.files.offer_recovery()
    qtbot.waitUntil(lambda: window.document.flags_ready, timeout=30000)
    assert offered == [str(SAMPLE)]
    page = window.document.page
    assert page.block(block_id).text == "崩溃前的修改"
    assert window.document.project.ignored_rules == {"dash-run"}
    assert "dash-run" not in rules_of(window)
    assert window.isWindowModified()
    project = tmp_path / "rescued.json"
    answer_save_dialog(monkeypatch, project)
    assert window.files.save()
    assert not window.document.session.recovery.pending() and not window.isWindowModified()


def test_declining_recovery_discards_it(qtbot, settings, translations, tmp_path):
    window = real_window(qtbot, settings, translations)
    select_flag(window, "spaced-number")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_Return)
    window.files.autosave()
    fresh = real_window(qtbot, settings, translations, path=None)
    fresh.files.ask_restore = lambda r: False
    assert not fresh.files.offer_recovery()
    assert not fresh.document.session.recovery.pending()


def test_export_shows_the_check_then_writes_valid_newsml(qtbot, settings, translations, tmp_path,
                                                         schema_path):
    from editor.newsml import validate_schema
    from widgets.export_dialog import ExportDialog

    settings.set("export/schema_path", str(schema_path))
    window = real_window(qtbot, settings, translations)
    press(qtbot, window.raw_view, Qt.Key.Key_E, CTRL)
    dialog = window.findChild(ExportDialog, "export_dialog")
    assert dialog is not None and dialog.isVisible()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("Space inside a number" in p for p in problems)  # the open error flag, by its rule's title
    assert schema_path.name in dialog.schema_label.text()
    target = tmp_path / "page.newsml.xml"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    assert not dialog.isVisible()
    xml = target.read_bytes()
    assert validate_schema(xml, schema_path) == []
    assert b"spaced-number" in xml  # the open error is noted in the file
    assert "Exported" in window.status.currentMessage()

    # a fixed page exports without the note; re-opening the export shows the articles
    window.activateWindow()  # the dialog has closed: the window is the user's again
    qtbot.waitUntil(window.isActiveWindow)
    select_flag(window, "spaced-number")
    press(qtbot, window.flags_panel.table, Qt.Key.Key_Return)
    window.files.export()
    dialog = [d for d in window.findChildren(ExportDialog) if d.isVisible()][0]
    dialog.path.setText(str(target))
    asked = []
    dialog.ask_overwrite = lambda path: asked.append(path) or False  # "No": nothing written
    assert not dialog.export() and asked == [str(target)] and b"spaced-number" in target.read_bytes()
    dialog.ask_overwrite = lambda path: True
    assert dialog.export()
    xml = target.read_bytes()
    assert validate_schema(xml, schema_path) == [] and b"spaced-number" not in xml
    window.files.ask_unsaved = lambda: "discard"
    window.open_path(target)
    qtbot.waitUntil(lambda: window.document.path == str(target), timeout=10000)
    assert window.tree.model().rowCount() == 10
    assert "7.8亿元" in str(window.document.page.to_json())


def test_export_refuses_an_invalid_file(qtbot, settings, translations, tmp_path, monkeypatch):
    from widgets import export_dialog

    window = real_window(qtbot, settings, translations)
    settings.set("export/schema_path", "schema.xsd")
    monkeypatch.setattr("editor.newsml.validate_schema", lambda xml, xsd: ["line 3: bad"])
    dialog = window.files.export()
    target = tmp_path / "bad.xml"
    dialog.path.setText(str(target))
    assert not dialog.export()
    assert not target.exists() and "line 3: bad" in dialog.result.text()
    assert isinstance(dialog, export_dialog.ExportDialog)
