"""Startup: which page opens, and that settings are typed with defaults."""
from __future__ import annotations

from widgets.app import SAMPLE, page_to_open, parse_args


def test_first_run_opens_the_sample(settings):
    assert page_to_open(parse_args([]), settings) == str(SAMPLE)


def test_a_given_page_wins_then_the_most_recent(settings, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("今天", encoding="utf-8")
    assert page_to_open(parse_args([str(page)]), settings) == str(page)
    settings.add_recent(str(page))
    settings.add_recent(str(tmp_path / "gone.txt"))  # missing files are skipped
    assert page_to_open(parse_args([]), settings) == str(page)


def test_settings_defaults_and_types(settings):
    assert settings.get("view/font_size") == 13
    settings.set("view/font_size", "15")
    assert settings.get("view/font_size") == 15
    settings.set("view/font_size", 13)  # back to the default: nothing stored
    assert settings._store.value("view/font_size") is None
    settings.set("window/splitter", [1, 2])
    assert settings.get("window/splitter") == [1, 2]
