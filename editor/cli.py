"""The command line: ``parse``, ``check`` and ``export``.

Exit codes: 0 fine, 1 error-level flags (check) or failed pages (export), 2 bad usage or
unreadable input, with one line per problem on stderr.
"""
from __future__ import annotations

import argparse
import json
import sys

from .bylines import parse_byline
from .decoding import InputError
from .loader import load_path
from .model import BlockKind, Page

COMMANDS = ("parse", "check", "export")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with one clear line, as argparse does, minus the noise
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="jiaodui", description="校对 jiaodui — proofread Chinese newspaper pages")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("parse", help="print the article tree of a page / 输出文章结构")
    p.add_argument("page")
    p.add_argument("--format", choices=("text", "json"), default="text")

    c = sub.add_parser("check", help="list the flags of pages, like a linter / 检查")
    c.add_argument("pages", nargs="+", metavar="PAGE")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--select", default="", help="comma-separated rule ids or categories to run")
    c.add_argument("--ignore", default="", help="comma-separated rule ids or categories to skip")
    c.add_argument("--settings", default=None, help="rule settings file (JSON)")
    c.add_argument("--lang", choices=("zh", "en"), default="zh")
    c.add_argument("--dict", action="append", default=[], metavar="FILE",
                   help="user dictionary: words never flagged as misread, one a line (repeatable)")
    c.add_argument("--report", action="store_true",
                   help="print the words, names and look-alike variants of each page instead of the flags")
    c.add_argument("--de-hints", action="store_true", help="with --report: hints on 的/地/得")

    e = sub.add_parser("export", help="write NewsML-G2 XML / 导出 NewsML-G2")
    e.add_argument("pages", nargs="+", metavar="PAGE", help="pages, or folders of pages")
    e.add_argument("-o", "--output", required=True, help="file (one page) or folder (several)")
    e.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    e.add_argument("--strict", action="store_true", help="fail a page with content problems")
    e.add_argument("--schema", default=None, help="validate against this NewsML-G2 XSD")
    e.add_argument("--quiet", action="store_true", help="no progress bar")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # `… | head`: the reader left; that is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args) -> int:
    if args.command == "parse":
        return cmd_parse(args)
    if args.command == "check":
        from .check import cmd_check

        return cmd_check(args)
    from .export import cmd_export

    return cmd_export(args)


def cmd_parse(args) -> int:
    try:
        page = load_path(args.page)
    except InputError as exc:
        print(f"{args.page}: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        from .project import Project

        json.dump(Project(page).to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_tree(page))
    return 0


def _lines_label(block) -> str:
    lines = block.lines
    if lines is None:
        return "-"
    first, last = lines[0] + 1, lines[1] + 1
    return f"L{first}" if first == last else f"L{first}-{last}"


def format_tree(page: Page) -> str:
    out = [f"{page.source or '(page)'}  [{page.encoding}]  {len(page.stories)} articles"]
    n = 0
    for article in page.articles:
        if article.furniture:
            out.append("\n版面信息 Page furniture")
        else:
            n += 1
            out.append(f"\n文章 Article {n}: {article.title}")
        for block in article.blocks:
            text = block.text.replace("\n", " / ")
            extra = ""
            if block.kind == BlockKind.BYLINE:
                byline = parse_byline(block.text.replace("\n", " "))
                if byline:
                    extra = f"  [记者 {' '.join(byline.reporters) or '-'}; 通讯员 {' '.join(byline.correspondents) or '-'}]"
            out.append(f"  {block.kind.value:<10} {_lines_label(block):<9} {text}{extra}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
