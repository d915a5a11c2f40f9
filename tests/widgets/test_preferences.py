"""Preferences as a user meets them: rules on/off and severity, fonts, language, remembered."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox

from editor.rules.registry import RULES, RuleSettings
from tests.widgets.helpers import real_window

OK, CANCEL = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


def panel_rules(window) -> list[str]:
    return [f.rule for f in window.flags_panel.flags()]


def press_ok(dialog) -> None:
    dialog.buttons.button(OK).click()


def test_every_rule_of_the_registry_is_in_the_table(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations, path=None)
    dialog = window.ask_preferences()
    table = dialog.rules
    assert table.rowCount() == len(RULES)
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == list(RULES)
    assert table.item(0, 0).text() == next(iter(RULES.values())).title_en
    assert dialog.rules.rule_settings() == RuleSettings()  # the defaults, nothing stored
    press_ok(dialog)
    assert settings._store.value("rules/settings") is None


def test_a_rule_switched_off_leaves_the_flags_panel(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    assert panel_rules(window).count("letter-spaced") == 5
    dialog = window.ask_preferences()
    dialog.tabs.setCurrentIndex(1)
    dialog.rules.set_enabled("letter-spaced", False)
    press_ok(dialog)
    qtbot.waitUntil(lambda: "letter-spaced" not in panel_rules(window), timeout=20000)
    assert "column-break-join" in panel_rules(window)  # the others stay
    assert window.rule_settings.disabled == {"letter-spaced"}
    # the re-check after an edit (block by block) honours it too
    block = next(b for a in window.document.page.articles for b in a.blocks if "本 报 记 者" in b.text)
    window.editing.commit_text(block.id, block.text + "。")
    qtbot.waitUntil(lambda: not window.document.is_busy(), timeout=20000)
    assert "letter-spaced" not in panel_rules(window)


def test_a_severity_changed_shows_in_the_flags_panel(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    assert [str(f.severity) for f in window.flags_panel.flags() if f.rule == "dash-run"] == ["warning"]
    dialog = window.ask_preferences()
    dialog.rules.set_severity("dash-run", "error")
    press_ok(dialog)

    def shown():
        panel = window.flags_panel
        return [panel.proxy.index(r, 0).data() for r, f in enumerate(panel.visible_flags())
                if f.rule == "dash-run"]

    qtbot.waitUntil(lambda: shown() == ["Error"], timeout=20000)
    assert json.loads(settings.get("rules/settings")) == {"severity": {"dash-run": "error"}}


def test_rule_settings_are_the_clis_file_format(qtbot, settings, translations, tmp_path):
    window = real_window(qtbot, settings, translations, path=None)
    dialog = window.ask_preferences()
    dialog.rules.set_enabled("tab", False)
    dialog.rules.set_severity("ellipsis", "info")
    press_ok(dialog)
    path = tmp_path / "rules.json"
    path.write_text(settings.get("rules/settings"), encoding="utf-8")
    assert RuleSettings.from_file(path) == window.rule_settings


def test_font_size_and_family_apply_live_and_cancel_puts_them_back(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations, path=None)
    assert window.raw_view.font().pointSize() == 13
    dialog = window.ask_preferences()
    dialog.font_size.setValue(20)
    assert window.raw_view.font().pointSize() == 20
    assert window.block_editor.text.font().pointSize() == 21
    dialog.buttons.button(CANCEL).click()
    assert window.raw_view.font().pointSize() == 13
    assert settings._store.value("view/font_size") is None

    dialog = window.ask_preferences()
    dialog.default_font.setChecked(False)
    dialog.font_family.setCurrentText("DejaVu Serif")
    family = dialog.font_family.currentFont().family()
    dialog.font_size.setValue(18)
    press_ok(dialog)
    assert window.raw_view.font().pointSize() == 18
    assert window.raw_view.font().families()[0] == family
    assert settings.get("view/font_family") == family


def test_language_applies_live(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations, path=None)
    dialog = window.ask_preferences()
    assert dialog.language.currentData() == ""  # follows the system
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    qtbot.waitUntil(lambda: dialog.tabs.tabText(1) == "检查规则")
    assert dialog.rules.item(0, 0).text() == next(iter(RULES.values())).title_zh
    dialog.buttons.button(CANCEL).click()  # back to what it was
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")

    dialog = window.ask_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    press_ok(dialog)
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert settings.get("ui/language") == "zh_CN"
    assert window.actions.lang_zh.isChecked()


def test_preferences_survive_a_restart(qtbot, settings, translations):
    window = real_window(qtbot, settings, translations)
    dialog = window.ask_preferences()
    dialog.rules.set_enabled("letter-spaced", False)
    dialog.rules.set_severity("dash-run", "info")
    dialog.font_size.setValue(16)
    dialog.autosave.setValue(120)
    press_ok(dialog)
    window.close()

    again = real_window(qtbot, settings, translations)
    assert again.rule_settings == RuleSettings(disabled=frozenset({"letter-spaced"}),
                                               severity=(("dash-run", "info"),))
    assert "letter-spaced" not in panel_rules(again)
    assert [str(f.severity) for f in again.flags_panel.flags() if f.rule == "dash-run"] == ["info"]
    assert again.raw_view.font().pointSize() == 16
    assert again.files.autosave_timer.interval() == 120_000
    dialog = again.ask_preferences()
    assert dialog.rules.item(list(RULES).index("letter-spaced"), 0).checkState().name == "Unchecked"
    assert dialog.rules.severity_box("dash-run").currentData() == "info"
    assert dialog.font_size.value() == 16


def test_unreadable_rule_settings_fall_back_to_the_defaults(settings):
    settings.set("rules/settings", '{"disable": ["no-such-rule"]}')
    assert settings.rule_settings() == RuleSettings()
