"""Flags on pages the rules were not tuned on: few on a clean page, and every planted
problem found."""
from collections import Counter
from pathlib import Path

import pytest

from editor.parser import parse_bytes
from editor.rules import check_page

LAYOUTS = Path(__file__).resolve().parent.parent / "data" / "pages" / "layouts"
CLEAN = ["wire-headline-first.txt", "bylines-at-end.txt", "web-no-indent.txt", "narrow-columns.txt",
         "briefs.txt", "continued.txt", "intertitles-lists.txt", "captions-furniture.txt",
         "gb18030-crlf.txt", "headline-between.txt"]


def flags_of(name):
    page = parse_bytes((LAYOUTS / name).read_bytes(), source=name)
    return page, check_page(page)


@pytest.mark.parametrize("name", CLEAN)
def test_clean_pages_raise_no_flags(name):
    _page, flags = flags_of(name)
    assert [(f.rule, f.line, f.message_en) for f in flags] == []


def test_two_line_headline_is_asked_about_once():
    _page, flags = flags_of("wide-tabs.txt")
    assert [(f.rule, f.line) for f in flags] == [("headline-two-lines", 1)]


def test_planted_problems_are_flagged_and_nothing_else():
    page, flags = flags_of("dirty-latin-numbers.txt")
    found = Counter(f.rule for f in flags)
    assert found == Counter({"spaced-number": 3, "split-across-break": 1, "column-break-join": 1,
                             "letter-spaced": 1, "space-around-punctuation": 1, "doubled-char": 1,
                             "lost-join": 1})
    by_rule = {f.rule: f for f in flags}
    numbers = sorted(f.fix.replacement for f in flags if f.rule == "spaced-number")
    assert numbers == ["15.6%", "6%", "7.8"]
    assert by_rule["split-across-break"].line == 6 and by_rule["split-across-break"].fix.replacement == ""
    assert by_rule["column-break-join"].confidence >= 0.9  # "当地还将|加快": runs on
    assert by_rule["doubled-char"].fix.replacement == "的"
    assert by_rule["lost-join"].line == 15
    assert by_rule["letter-spaced"].fix.replacement.startswith("我们将")
