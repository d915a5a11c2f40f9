"""The command line tells a new user what it does: the window, the exit codes, every
option, the rules; summaries that read at a glance."""
import re

from editor.cli import build_parser
from editor.cli import main as cli_main


def test_help_names_the_window_and_the_exit_codes(capsys):
    try:
        cli_main(["--help"])
    except SystemExit as exit_:
        assert exit_.code == 0
    out = capsys.readouterr().out
    assert "main.py [FILE]" in out and "opens the window" in out
    assert "exit codes" in out and "2 bad usage" in out


def test_every_option_of_every_command_has_a_description():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, command in sub.choices.items():
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no description"
        assert "exit codes" in (command.epilog or ""), name


def test_list_rules(capsys):
    from editor.rules import RULES

    assert cli_main(["check", "--list-rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    first = lines[0].split()
    assert first[:3] == ["column-break-join", "join", "warning"]
    starts = {m.start() for line in lines for m in [re.search(r"  (join|space|punctuation|structure|"
                                                               r"encoding|character)  ", line)] if m}
    assert len(starts) == 1  # the columns are aligned


def test_check_without_pages_is_bad_usage(capsys):
    assert cli_main(["check"]) == 2
    assert "--list-rules" in capsys.readouterr().err


def test_the_summary_is_sorted_by_count_and_aligned(sample_path, capsys):
    cli_main(["check", str(sample_path), "--lang", "en"])
    out = capsys.readouterr().out.split("\n\n")[-1].splitlines()
    rows = [line for line in out if re.match(r"\s+\d+  ", line)]
    counts = [int(line.split()[0]) for line in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 12
    titles = {line.index(line.split()[2]) for line in rows}
    assert len(titles) == 1  # titles start in one column


def test_export_says_one_line_a_page_and_more_with_verbose(tmp_path, capsys):
    page = tmp_path / "two.txt"
    page.write_text("    只有一段正文，没有标题，总量达7 . 8亿元。\n", encoding="utf-8")
    assert cli_main(["export", str(page), "-o", str(tmp_path / "x.xml"), "--quiet"]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(err) == 1 and "content problems" in err[0] and "--verbose" in err[0]
    assert cli_main(["export", str(page), "-o", str(tmp_path / "x.xml"), "--quiet", "--verbose"]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(err) >= 2 and all("warning" in line for line in err)
