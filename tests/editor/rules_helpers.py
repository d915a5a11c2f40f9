"""Helpers for the rule tests: parse a page from text and check it."""
from editor.parser import parse_text
from editor.rules import check_page


HEAD = "城市书房让阅读触手可及\n\n□ 本报记者 周敏\n\n"
TAIL = "　　负责人表示，下一步将推出线上预约服\n务，让更多市民走进书房。\n"


def body(*lines, head: str = HEAD) -> str:
    """A small page: a headline and byline, the given raw lines, a closing paragraph."""
    return head + "".join(lines) + TAIL


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
