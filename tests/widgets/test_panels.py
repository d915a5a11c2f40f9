"""The panels on their own (the window tests reach them only through the window): the
flags table, the block editor, the status bar, the raw view's gutter."""
from PySide6.QtCore import Qt

from editor.i18n import Message
from editor.model import Block, BlockKind, Span
from editor.rules.base import Category, Fix, Flag, Severity
from widgets.block_editor import BlockEditor
from widgets.flags_panel import FlagsPanel
from widgets.raw_view import RawView
from widgets.status_bar import StatusBar


def flag(rule, severity, line, block_id="b1", offset=0, length=2, message="msg"):
    return Flag(rule, Category.SPACE, Severity(severity), line, 1, line, 3, Message.pair(message, message),
                Fix("replace", "x"), 0.8, block_id, offset, length)


RULES = {"a": {"title_zh": "甲", "title_en": "Rule A"}, "b": {"title_zh": "乙", "title_en": "Rule B"}}


def test_flags_panel_sorts_filters_counts_and_steps(qtbot, translations):
    panel = FlagsPanel()
    qtbot.addWidget(panel)
    panel.set_rules(RULES)
    flags = [flag("a", "info", 3, message="third"), flag("b", "error", 1, message="first"),
             flag("a", "warning", 2, message="second")]
    panel.set_flags(flags)
    assert [f.line for f in panel.visible_flags()] == [1, 2, 3]  # by line
    assert panel.proxy.index(0, 1).data() == "Rule B" and panel.proxy.index(0, 0).data() == "Error"
    assert "3 flag" in panel.counts.text() and "Rule A 2" in panel.counts.text()
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by severity: the worst first
    assert [str(f.severity) for f in panel.visible_flags()] == ["error", "warning", "info"]
    panel.select_filter(rule="a")
    assert {f.rule for f in panel.visible_flags()} == {"a"}
    panel.select_filter()
    panel.errors_only.setChecked(True)
    assert [f.rule for f in panel.visible_flags()] == ["b"]
    panel.errors_only.setChecked(False)
    seen = []
    panel.flag_activated.connect(seen.append)
    panel.next_flag(1)
    panel.next_flag(1)
    panel.next_flag(-1)
    assert [str(f.severity) for f in seen] == ["error", "warning", "error"]
    assert panel.current_flag() is seen[-1]


def test_block_editor_hands_over_typing_and_highlights_its_flags(qtbot, translations):
    editor = BlockEditor()
    editor.editable = True
    qtbot.addWidget(editor)
    block = Block(BlockKind.PARAGRAPH, "全市投入 7 . 8 亿元。", [Span(0, 0, 14)], id="b1")
    editor.show_block(block, {"b1": [flag("a", "error", 1, offset=5, length=5)], "b2": [flag("a", "info", 9, "b2")]})
    assert len(editor.highlighter.layer("flags")) == 1  # only the block's own flag
    assert "Paragraph" in editor.title.text() and "14 character" in editor.title.text()
    handed = []
    editor.edit_requested.connect(lambda bid, text: handed.append((bid, text)))
    editor.text.setPlainText("全市投入7.8亿元。")
    assert editor.is_dirty() and editor.apply_button.isEnabled()
    editor.flush()
    assert handed == [("b1", "全市投入7.8亿元。")]
    editor.show_block(None)
    assert editor.text.isReadOnly() and editor.block_id() == ""


def test_status_bar_tells_counts_and_flags(qtbot, translations):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_page("/x/page.txt", "gb18030", 3, 12)
    bar.set_flags(None)
    assert bar.file_label.text() == "page.txt" and "gb18030" in bar.encoding_label.text()
    assert bar.counts_label.text() == "3 articles · 12 paragraphs" and bar.flags_label.text() == "Flags: pending"
    bar.set_flags({"error": 1, "warning": 2, "info": 0})
    assert bar.flags_text() == "1 error · 2 warnings · 0 notes"
    bar.set_busy("check")
    assert bar.busy_label.text() == "Checking…"


def test_raw_view_marks_the_worst_severity_of_each_line(qtbot, translations):
    view = RawView()
    qtbot.addWidget(view)
    view.set_text("第一行\n第二行\n第三行")
    flags = [flag("a", "info", 2), flag("b", "error", 2), flag("a", "warning", 3)]
    view.set_flags(flags, {1: "error", 2: "warning"})
    assert view.gutter.markers() == {1: "error", 2: "warning"}
    assert len(view.flags_drawn()) == 3
    view.select_flag(flags[1])
    assert view.textCursor().blockNumber() == 1
