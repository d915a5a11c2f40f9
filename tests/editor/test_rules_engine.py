"""The engine: registry, settings, ignores, incremental checks, positions after edits, CLI."""
import json
import subprocess
import sys

import pytest

from editor.cli import main as cli_main
from editor.errors import InputError
from editor.loader import load_path
from editor.rules import RULES, RuleSettings, check_blocks, check_page
from tests.conftest import DATA, ROOT
from tests.editor.rules_helpers import body, check, of

PAGES = DATA / "pages"


def test_registry_is_complete():
    cats = {str(r.category) for r in RULES.values()}
    assert cats == {"join", "space", "punctuation", "structure", "encoding", "character"}
    for r in RULES.values():
        assert r.title_zh and r.title_en and r.description


def test_settings_select_ignore_and_severity(tmp_path, sample_path):
    page = load_path(sample_path)
    only_space = check_page(page, RuleSettings().select(["space"]))
    assert only_space and {str(f.category) for f in only_space} == {"space"}
    no_joins = check_page(page, RuleSettings().ignore(["join", "letter-spaced"]))
    assert not [f for f in no_joins if f.category == "join" or f.rule == "letter-spaced"]
    with pytest.raises(ValueError):
        RuleSettings().select(["no-such-rule"])
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"disable": ["headline-two-lines"], "severity": {"letter-spaced": "error"}}))
    settings = RuleSettings.from_file(path)
    flags = check_page(page, settings)
    assert not of(flags, "headline-two-lines")
    assert {str(f.severity) for f in of(flags, "letter-spaced")} == {"error"}
    assert RuleSettings.from_json(settings.to_json()) == settings
    path.write_text("{broken")
    with pytest.raises(InputError):
        RuleSettings.from_file(path)


def test_ignored_rules_and_flags(sample_path):
    page = load_path(sample_path)
    flags = check_page(page)
    first = flags[0]
    again = check_page(load_path(sample_path), ignored_flags=[first.key], ignored_rules=["column-break-join"])
    assert first.key not in {f.key for f in again}
    assert not of(again, "column-break-join") and len(again) == len(flags) - 1 - 12


def test_check_blocks_matches_check_page(sample_path):
    page = load_path(sample_path)
    full = [f for f in check_page(page) if f.block_id]
    ids = {f.block_id for f in full}
    part = check_blocks(page, ids)
    assert [f.key for f in part] == [f.key for f in full]


def test_flags_follow_edits(sample_path):
    page = load_path(sample_path)
    [spaced] = of(check_page(page), "spaced-number")
    block = page.block(spaced.block_id)
    # Text typed earlier in the block shifts the offset, not the raw position.
    block.text = "【按】" + block.text
    [moved] = of(check_blocks(page, [block.id]), "spaced-number")
    assert moved.offset == spaced.offset + 3 and (moved.line, moved.column) == (spaced.line, spaced.column)
    assert moved.key == spaced.key
    # Apply the fix: the flag is gone.
    block.text = block.text[:moved.offset] + moved.fix.replacement + block.text[moved.offset + moved.length:]
    assert not of(check_blocks(page, [block.id]), "spaced-number")
    # A rewritten block still gets a position within its lines; one that maps nowhere,
    # its first line.
    block.text = "完全 不同"
    [flag] = of(check_blocks(page, [block.id]), "space-between-cjk")
    first, last = block.lines
    assert first + 1 <= flag.line <= flag.end_line <= last + 1
    block.text = "ＸＹ"
    [flag] = check_blocks(page, [block.id], RuleSettings().select(["fullwidth-alnum"]))
    assert flag.line == first + 1


@pytest.mark.parametrize("name", ["clean-headline-first.txt", "no-indent.txt"])
def test_clean_pages_have_no_flags(name):
    assert check_page(load_path(PAGES / name)) == []


def test_dirty_page_flags_every_planted_problem():
    flags = check_page(load_path(PAGES / "dirty-wide.txt"))
    rules = {f.rule for f in flags}
    assert {"letter-spaced", "fullwidth-alnum", "halfwidth-punctuation", "spaced-number", "doubled-char",
            "ellipsis"} <= rules
    assert len(flags) <= 10


def test_cli_json_text_and_exit_codes(sample_path, capsys, tmp_path):
    assert cli_main(["check", str(sample_path), "--format", "json"]) == 1  # "7 . 8" is an error
    flags = json.loads(capsys.readouterr().out)
    assert isinstance(flags, list) and "path" not in flags[0]
    clean = str(PAGES / "clean-headline-first.txt")
    assert cli_main(["check", clean]) == 0
    assert cli_main(["check", str(sample_path), "--ignore", "spaced-number"]) == 0
    out = capsys.readouterr().out
    assert f"{sample_path}:1:6: letter-spaced" in out and "column-break-join" in out.splitlines()[-10:][0] + out
    missing = tmp_path / "missing.txt"
    assert cli_main(["check", str(missing), clean, "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert str(missing) in captured.err and json.loads(captured.out) == []
    assert cli_main(["check", clean, str(sample_path), "--format", "json", "--select", "join"]) == 0
    several = json.loads(capsys.readouterr().out)
    assert several and all(f["path"] == str(sample_path) and f["category"] == "join" for f in several)
    assert cli_main(["check", clean, "--select", "bogus"]) == 2
    assert "bogus" in capsys.readouterr().err


def test_rules_doc_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_rules_doc.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_rule_row_written_the_older_way_still_makes_a_rule():
    from editor.rules.base import Category, Severity
    from editor.rules.registry import RuleInfo

    old = RuleInfo("x-test", Category.SPACE, "旧式规则", "An old-style rule", Severity.WARNING, "What it finds.")
    assert (old.title_zh, old.title_en, old.default_severity) == ("旧式规则", "An old-style rule", "warning")
    assert str(old.description) == "What it finds." and old.enabled_by_default


def _naive_key(page, flag) -> str:
    """The key as the anchor promises it: ``#n`` when the context occurs n-1 times before
    the flag in the page's text (the block texts, one after the other)."""
    texts = [b.text for _a, b in page.blocks()]
    ids = [b.id for _a, b in page.blocks()]
    block = page.block(flag.block_id)
    lo = max(0, flag.offset - 8)
    context = block.text[lo:flag.offset + flag.length + 8]
    joined = "\x00".join(texts)
    start = sum(len(t) + 1 for t in texts[:ids.index(flag.block_id)]) + lo
    n = joined.count(context, 0, start + len(context) - 1)
    base = flag.anchor.split("#")[0] if "#" in flag.anchor else flag.anchor
    return f"{flag.rule}:{base}" + (f"#{n + 1}" if n else "")


def test_repeated_contexts_are_numbered_in_page_order():
    para = "　　全市去年完成投资达 7 . 8 亿元，同比增长\n两成。\n"
    page, flags = check(body(para, "\n", para, "\n", "　　另有一段不同的文字，说的是别的\n事情。\n", "\n", para))
    spaced = of(flags, "spaced-number")
    assert len(spaced) == 3 and spaced[1].key.endswith("#2") and spaced[2].key.endswith("#3")
    assert all(f.key == _naive_key(page, f) for f in flags if f.block_id)
    assert len({f.key for f in flags}) == len(flags)
    # an edit elsewhere that does not make the context keeps every key
    other = next(b for _a, b in page.blocks() if "别的" in b.text)
    other.text = other.text.replace("别的", "另外的")
    assert [f.key for f in check_page(page)] == [f.key for f in flags]


def test_a_check_run_keeps_a_bounded_number_of_char_maps(sample_path):
    from editor.rules.common import _MAPS_KEPT, Ctx

    page = load_path(sample_path)
    blocks = [b for _a, b in page.blocks()]
    assert len(blocks) > _MAPS_KEPT
    ctx = Ctx(page)
    for block in blocks:
        ctx.char_map(block)
    assert len(ctx._maps) <= _MAPS_KEPT  # memory in proportion to a few blocks, not the page
    assert ctx.char_map(blocks[0]) == blocks[0].char_map()  # an evicted one is made again, the same
