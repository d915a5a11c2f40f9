"""The window in Chinese speaks Chinese: flags, the undo history, refusals and the export
check come from the core in the window's language (no English beside them)."""
import re

from PySide6.QtCore import Qt

from editor.model import BlockKind
from tests.widgets.helpers import press, real_window, select_flag

ENGLISH = re.compile(r"[A-Za-z]{3,}")


def chinese_only(text: str) -> bool:
    """No English words outside the page's own text quoted in the message, rule ids and
    format names."""
    rest = re.sub(r"“[^”]*”|‘[^’]*’|\[[^\]]*\]|NewsML-G2|U\+[0-9A-F]+", "", text)
    return not ENGLISH.search(rest) and bool(re.search(r"[\u4e00-\u9fff]", rest))


def test_flags_undo_history_refusals_and_export_check_in_chinese(qtbot, settings, translations, tmp_path):
    window = real_window(qtbot, settings, translations)
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    panel = window.flags_panel
    messages = [panel.proxy.index(row, 3).data() for row in range(panel.proxy.rowCount())]
    assert len(messages) > 10 and all(chinese_only(m) for m in messages), messages
    rules = {panel.proxy.index(row, 1).data() for row in range(panel.proxy.rowCount())}
    assert all(chinese_only(r) for r in rules)

    # the export check (the open error flag)
    dialog = window.files.export()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems and all(chinese_only(p) for p in problems), problems
    dialog.reject()

    # a fix and an ignore: the undo history names them in Chinese
    select_flag(window, "spaced-number")
    press(qtbot, panel.table, Qt.Key.Key_Return)
    select_flag(window, "letter-spaced")
    press(qtbot, panel.table, Qt.Key.Key_I)
    steps = [window.undo_stack.text(n) for n in range(window.undo_stack.count())]
    assert steps == ["修正", "忽略此标记"]

    # a refused edit says why in Chinese
    page = window.document.page
    first = page.articles[1].blocks[0]
    window.show_block(first.id, select_in_tree=True)
    window.editing.split_article.trigger()
    assert chinese_only(window.status.currentMessage()), window.status.currentMessage()

    # switching back renames what is already there
    window.set_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert [window.undo_stack.text(n) for n in range(window.undo_stack.count())] == ["Apply fix", "Ignore flag"]
    assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"“[^”]*”", "", panel.proxy.index(0, 3).data()))
    assert window.editing.kind_actions[BlockKind.HEADLINE].text() == "Headline"
