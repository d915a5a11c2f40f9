"""The sample page against its gold file (the scoring of ../shared/tools/score_flags.py,
re-done here), flag count, speed, and every replace fix applied as the window would."""
import json
import time

import pytest

from editor import words
from editor.loader import load_path
from editor.rules import check_page
from editor.check import flag_json
from tests.editor.rules_helpers import apply_fix


@pytest.fixture(scope="module")
def sample(sample_path):
    page = load_path(sample_path)
    return page, [flag_json(f) for f in check_page(page)]


def covers(flag, line, col_from, col_to):
    l0, c0, l1, c1 = flag["line"], flag["column"], flag["end_line"], flag["end_column"]
    if line < l0 or line > l1:
        return False
    start = c0 if line == l0 else 1
    end = c1 if line == l1 else 10 ** 9
    return start < col_to and col_from < end


def find(lines, line, text):
    col = lines[line - 1].find(text)
    assert col >= 0, (line, text)
    return col + 1, col + 1 + len(text)


def test_sample_scores_pass(sample, gold, sample_path):
    _page, flags = sample
    gold = gold["flags"]
    lines = sample_path.read_text(encoding="utf-8").split("\n")
    joins = [f for f in flags if f["category"] == "join"]
    spaces = [f for f in flags if f["category"] == "space"]
    for n in gold["column_break_blank_lines"]["lines"]:
        assert any(f["line"] <= n + 1 and f["end_line"] >= n - 1 for f in joins), f"column break {n}"
    for s in gold["stray_spaces"] + gold["letter_spaced_words"]:
        assert any(covers(f, s["line"], *find(lines, s["line"], s["text"])) for f in spaces), s
    for q in gold["nested_double_quotes"]:
        assert any(covers(f, q["line"], *find(lines, q["line"], q["text"])) for f in flags), q
    for ex in gold["spaces_that_are_not_stray"]["examples"]:
        c0, _ = find(lines, ex["line"], ex["text"])
        for i, ch in enumerate(ex["text"]):
            if ch == " ":
                hits = [f for f in spaces if covers(f, ex["line"], c0 + i, c0 + i + 1)]
                assert not hits, (ex, hits)


def test_sample_flags_are_few_and_json_shaped(sample):
    _page, flags = sample
    assert len(flags) < 40
    for f in flags:
        assert {"rule", "category", "severity", "line", "column", "end_line", "end_column",
                "message", "fix", "confidence"} <= set(f)
    json.dumps(flags, ensure_ascii=False)
    # The true paragraph break across blank line 233 is not flagged as a join.
    assert not [f for f in flags if f["category"] == "join" and f["line"] <= 234 <= f["end_line"]]


def test_column_break_flags_are_structural(sample):
    page, _ = sample
    flags = [f for f in check_page(page) if f.rule == "column-break-join"]
    assert len(flags) == 12
    for f in flags:
        block = page.block(f.block_id)
        assert f.length == 0 and f.offset in {j.offset for j in block.joins if j.is_column_break}
        assert (f.fix.action, f.fix.alternative) == ("join", "keep_break")


def test_replace_fixes_give_the_gold_text(sample):
    page, _ = sample
    texts = "\n".join(apply_fix(page, f) for f in check_page(page) if f.fix.action == "replace")
    assert "达7.8亿元" in texts and "壮大‘美丽经济’。”" in texts and "□ 本报记者  胡磊" in texts
    assert "身份—— 阳谷" in texts and "身份———阳谷" in texts


def test_keys_are_stable_across_parses(sample_path):
    a = [f.key for f in check_page(load_path(sample_path))]
    b = [f.key for f in check_page(load_path(sample_path))]
    assert a == b and len(set(a)) == len(a)


def test_whole_analysis_costs_little_more_than_segmenting_the_page(sample_bytes):
    """Speed as a ratio to jieba's own cut of the same text, measured in the same run (no
    wall-clock limit: CI is a busy machine; bench/analyse.py has the figures)."""
    import jieba

    from editor.parser import parse_bytes

    words.load()
    page = parse_bytes(sample_bytes)
    check_page(page)  # warm caches (and the misread rule's completion index)
    text = "\n".join(b.text for _a, b in page.blocks())

    def best(fn):
        times = []
        for _ in range(5):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    analysis = best(lambda: check_page(parse_bytes(sample_bytes)))
    cut = best(lambda: jieba.lcut(text))
    assert analysis < 3 * cut, (analysis, cut)
