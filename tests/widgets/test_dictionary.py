"""Add to dictionary (issue 14) from the window: D on a misread flag offers the word, adds
it to the project's dictionary as one undo step, and the page is checked again with it;
a project's dictionary is honoured by the window's check after it is saved and opened."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.widgets.helpers import real_window
from tests.widgets.test_loop import f8_to, key

CTRL = Qt.KeyboardModifier.ControlModifier
PAGE = ("城市书房让阅读触手可及\n\n□ 本报记者 周敏\n\n"
        "　　全市图书馆由国冢投资建设，市民十分满意。\n"
        "　　负责人表示，下一步将推出线上预约服务，让更多市民走进书房。\n")


def misread(window):
    return [f for f in window.document.flags if f.rule == "misread-char"]


def test_d_adds_the_word_and_the_flag_goes_undo_brings_it_back(qtbot, settings, translations, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    window = real_window(qtbot, settings, translations, path=page)
    offered = []
    window.loop.ask_word = lambda guess: offered.append(guess) or guess
    f8_to(qtbot, window, "misread-char")
    key(qtbot, window.raw_view, Qt.Key.Key_D)
    assert offered == ["国冢"]  # the flagged 冢 with the character that fell apart with it
    assert window.document.project.user_words == {"国冢"} and window.undo_stack.count() == 1
    qtbot.waitUntil(lambda: window.document.flags_ready and not misread(window), timeout=20000)
    assert "国冢" in window.undo_stack.undoText()
    key(qtbot, window.raw_view, Qt.Key.Key_Z, CTRL)
    assert window.document.project.user_words == set()
    qtbot.waitUntil(lambda: window.document.flags_ready and bool(misread(window)), timeout=20000)
    key(qtbot, window.raw_view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    qtbot.waitUntil(lambda: window.document.flags_ready and not misread(window), timeout=20000)
    assert window.document.project.user_words == {"国冢"}


def test_a_saved_projects_dictionary_is_honoured_when_it_is_opened(qtbot, settings, translations, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    window = real_window(qtbot, settings, translations, path=page)
    assert misread(window)
    window.loop.ask_word = lambda guess: guess
    f8_to(qtbot, window, "misread-char")
    key(qtbot, window.raw_view, Qt.Key.Key_D)
    project = tmp_path / "page.jiaodui.json"
    assert window.files.save_to(str(project))
    again = real_window(qtbot, settings, translations, path=project)
    assert again.document.project.user_words == {"国冢"}
    assert not misread(again)


def test_nothing_happens_when_the_word_is_declined_or_no_word(qtbot, settings, translations, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    window = real_window(qtbot, settings, translations, path=page)
    f8_to(qtbot, window, "misread-char")
    window.loop.ask_word = lambda guess: ""  # Cancel
    key(qtbot, window.raw_view, Qt.Key.Key_D)
    window.loop.ask_word = lambda guess: "国 冢"  # a space: no word
    key(qtbot, window.raw_view, Qt.Key.Key_D)
    assert window.undo_stack.count() == 0 and window.document.project.user_words == set()
    assert "Not a word" in window.status.currentMessage()
