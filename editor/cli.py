"""The command line: ``parse``, ``check`` and ``export``.

Exit codes: 0 fine, 1 error-level flags (check) or failed pages (export), 2 bad usage or
unreadable input, with one line per problem on stderr.
"""
from __future__ import annotations

import argparse
import json
import sys

from .bylines import byline_names
from .errors import InputError
from .i18n import LANGUAGES, _, n_, set_language
from .model import BlockKind, Page

COMMANDS = ("parse", "check", "export")
WINDOW_AND_EXIT_CODES = _("{usage} with no command opens the window ({file}: a raw page, a\n"
                          "project or a NewsML-G2 file; none: the last one opened).\n\n"
                          "exit codes: 0 fine, 1 error-level flags ({check}) or failed pages ({export}),\n"
                          "2 bad usage or unreadable input (one line per problem on stderr)",
                          usage="main.py [FILE]", file="FILE", check="check", export="export")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with one clear line, as argparse does, minus the noise
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _lang_option(parser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=str(_("language of messages (default: the locale)")))


def _dask_option(parser) -> None:
    parser.add_argument("--dask", default=None, metavar="SCHEDULER",
                        help=str(_("run on a Dask cluster: a scheduler address, or {local} for N worker "
                                   "processes on this machine (needs the {extra} extra)",
                                   local="local:N", extra="cluster")))


def _input_options(parser) -> None:
    from .loader import AS_CHOICES

    parser.add_argument("--as", dest="as_", choices=AS_CHOICES, default=None, metavar="KIND",
                        help=str(_("read the files as this kind, whatever their content says: {kinds}",
                                   kinds="|".join(AS_CHOICES))))
    parser.add_argument("--pages", dest="pages_range", default=None, metavar="RANGE",
                        help=str(_("which pages of a PDF (or of a project of several pages): 3, 3-5 or "
                                   "1,3,5-7; FILE.pdf#3 names one page")))


def _codec(name: str) -> str:
    import codecs

    try:
        if getattr(codecs.lookup(name), "_is_text_encoding", True):
            return name
    except LookupError:
        pass
    raise argparse.ArgumentTypeError(str(_("unknown encoding: {name}", name=name)))


def _page_options(parser) -> None:
    """``--encoding`` and ``--lang``, which every command takes."""
    parser.add_argument("--encoding", type=_codec, default=None, metavar="CODEC",
                        help=str(_("the raw pages' encoding (default: detected), e.g. utf-16-le")))
    _lang_option(parser)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="jiaodui", description=str(_("jiaodui: proofread Chinese newspaper pages")),
                 usage=str(_("{window}  |  {cli} … (-h for each)", window="main.py [FILE]",
                             cli="main.py {parse,check,export}")),
                 epilog=str(WINDOW_AND_EXIT_CODES), formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser, prog="jiaodui",
                            title=str(_("commands")), metavar="{parse,check,export}")

    p = sub.add_parser("parse", help=str(_("print the article tree of a page")),
                       epilog=str(_("exit codes: 0 printed, 2 unreadable input or bad usage")))
    p.add_argument("page", metavar="PAGE", help=str(_("a page file: text, PDF (FILE.pdf#3), hOCR, ALTO, PAGE XML, project or NewsML-G2")))
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=str(_("{text}: a line a block; {json}: the project-file form (default: {text})",
                             text="text", json="json")))
    _input_options(p)
    _page_options(p)

    c = sub.add_parser("check", help=str(_("list the flags of pages, like a linter")),
                       epilog=str(_("exit codes: 0 no error-level flags, 1 error-level flags, 2 unreadable "
                                    "input, unknown rule id, bad settings file or bad usage")))
    c.add_argument("pages", nargs="*", metavar="PAGE", help=str(_("pages, project files or folders of pages to check")))
    c.add_argument("--list-rules", action="store_true",
                   help=str(_("list every rule: id, category, default severity, title")))
    c.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                   help=str(_("{text}: {form}; {json}: a list of flags; {jsonl}: a flag a line (the form "
                              "{dask} writes)", text="text", json="json", jsonl="jsonl", dask="--dask",
                              form="path:line:col: RULE [severity] message")))
    c.add_argument("--select", default="", help=str(_("comma-separated rule ids or categories to run")))
    c.add_argument("--ignore", default="", help=str(_("comma-separated rule ids or categories to skip")))
    c.add_argument("--settings", default=None, help=str(_("rule settings file (JSON)")))
    _page_options(c)
    c.add_argument("--dict", action="append", default=[], metavar="FILE",
                   help=str(_("user dictionary: words never flagged as misread, one a line (repeatable)")))
    c.add_argument("--report", action="store_true",
                   help=str(_("print the words, names and look-alike variants of each page instead of the flags")))
    c.add_argument("--de-hints", action="store_true", help=str(_("with --report: hints on 的/地/得")))
    _input_options(c)
    _dask_option(c)
    _export_parser(sub)
    return ap


def _export_parser(sub) -> None:
    from .exporters import DEFAULT, EXPORTERS

    e = sub.add_parser("export", help=str(_("write NewsML-G2 XML (or plain text, or JSON)")),
                       epilog=str(_("exit codes: 0 all pages exported, 1 some page failed (the others are "
                                    "still written), 2 bad usage or no page could be read")))
    e.add_argument("pages", nargs="+", metavar="PAGE", help=str(_("pages, or folders of pages")))
    e.add_argument("-o", "--output", required=True, help=str(_("file (one page) or folder (several)")))
    e.add_argument("--format", choices=tuple(EXPORTERS), default=DEFAULT,
                   help=str(_("what to write (default: {default})", default=DEFAULT)))
    e.add_argument("--jobs", type=int, default=0, help=str(_("worker processes (default: all cores)")))
    e.add_argument("--strict", action="store_true", help=str(_("fail a page with content problems")))
    e.add_argument("--schema", default=None, help=str(_("validate against this NewsML-G2 XSD")))
    e.add_argument("--quiet", action="store_true", help=str(_("no progress bar")))
    e.add_argument("--verbose", action="store_true",
                   help=str(_("every content problem on its own line (default: one line a page)")))
    e.add_argument("--changes", metavar="FILE", default=None,
                   help=str(_("also write a change report: every edit of each page, with its line")))
    e.add_argument("--sent", default=None, metavar="DATETIME",
                   help=str(_("the timestamp every page carries, ISO 8601 (default: now)")))
    _dask_option(e)
    _input_options(e)
    _page_options(e)


def _early_language(argv: list[str]) -> None:
    """``--lang`` before the parser is built, so that its help speaks it too."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            set_language(argv[n + 1])
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _early_language(argv)
    args = build_parser().parse_args(argv)
    set_language(args.lang)
    try:
        return _run(args)
    except BrokenPipeError:  # `… | head`: the reader left; that is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args) -> int:
    if args.command == "parse":
        return cmd_parse(args)
    if getattr(args, "dask", None) and not getattr(args, "list_rules", False):  # on a Dask cluster
        from .cluster.commands import run

        return run(args)
    if args.command == "check":
        from .check import cmd_check

        return cmd_check(args)
    from .export import cmd_export

    return cmd_export(args)


def cmd_parse(args) -> int:
    from .loader import iter_documents, pages_option

    try:
        projects = iter_documents(args.page, args.as_, pages_option(args.pages_range), args.encoding)
        if args.format == "json":
            from .project import Project
            from .workset import projects_to_json

            data = projects_to_json([Project(p.page) for p in projects])
            json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
            return 0
        for n, project in enumerate(projects):  # page after page, as they are read
            several = n or project.ref != args.page
            sys.stdout.write(("\n" if n else "") + format_tree(project.page, project.ref if several else ""))
    except InputError as exc:
        print(f"{args.page}: {exc}", file=sys.stderr)
        return 2
    return 0


def _lines_label(block) -> str:
    lines = block.lines
    if lines is None:
        return "-"
    first, last = lines[0] + 1, lines[1] + 1
    return f"L{first}" if first == last else f"L{first}-{last}"


def format_tree(page: Page, label: str = "") -> str:
    """The article tree for people: one line a block (kind id, raw lines, text)."""
    count = n_("{n} article", "{n} articles", len(page.stories))
    out = [f"{label or page.source or '(page)'}  [{page.encoding}]  {count}"]
    n = 0
    for article in page.articles:
        if article.furniture:
            out.append("\n" + str(_("Page furniture")))
        else:
            n += 1
            out.append("\n" + str(_("Article {n}: {title}", n=n, title=article.title)))
        for block in article.blocks:
            text = block.text.replace("\n", " / ")
            extra = ""
            if block.kind == BlockKind.BYLINE:
                byline = byline_names(block.text)
                if byline:
                    extra = "  " + str(_("[reporters {reporters}; correspondents {correspondents}]",
                                         reporters=" ".join(byline.reporters) or "-",
                                         correspondents=" ".join(byline.correspondents) or "-"))
            out.append(f"  {block.kind.value:<10} {_lines_label(block):<9} {text}{extra}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
