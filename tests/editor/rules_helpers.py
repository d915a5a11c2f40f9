"""Helpers for the rule tests: parse a page from text and check it."""
from editor.parser import parse_text
from editor.rules import check_page


def check(text: str, **kw):
    page = parse_text(text)
    return page, check_page(page, **kw)


def of(flags, rule):
    return [f for f in flags if f.rule == rule]


def apply_fix(page, flag):
    """Apply a replace fix the way the window does; returns the block's new text."""
    block = page.block(flag.block_id)
    assert flag.fix.action == "replace"
    return block.text[:flag.offset] + flag.fix.replacement + block.text[flag.offset + flag.length:]


def raw_text_at(page, flag):
    """The raw-page text a single-line flag covers."""
    assert flag.line == flag.end_line
    return page.raw_lines[flag.line - 1][flag.column - 1:flag.end_column - 1]
