"""``jiaodui check``: list the flags of pages, like a linter.

Text: ``path:line:col: RULE [severity] message`` per flag, then a count per rule.
JSON: a flat list of flag objects (each with ``path`` when several pages are checked):
stable ids (``rule``, ``category``, ``severity``, ``key``, ``message_id``) and the
``message`` in the chosen language (``--lang``, else the locale). JSON lines (``jsonl``):
the same objects one a line, each with its ``path``; with ``--dask`` the pages are checked
on a Dask cluster (:mod:`editor.cluster.check`) and come in the order they finish.
Exit 0 with no error-level flag, 1 with some, 2 on bad usage or an unreadable page (the
other pages are still checked).

``--dict FILE`` adds a user dictionary (one word a line) to a project file's own; ``--report``
prints the frequency / variants report of each page instead (text, or JSON: a list of
``{"path", "words", "names", "variants", "de_hints"}``), exit 0.
"""
from __future__ import annotations

import json
import sys
from collections import Counter

from .errors import InputError
from .i18n import _, n_
from .loader import iter_documents
from .geometry import confidence_source
from .project import read_word_list
from .rules import RULES, RuleSettings, Severity, check_page


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def settings_from_args(args) -> RuleSettings:
    """RuleSettings from ``--settings``, ``--select`` and ``--ignore``; ValueError/InputError."""
    settings = RuleSettings.from_file(args.settings) if getattr(args, "settings", None) else RuleSettings()
    if _split(getattr(args, "select", "")):
        settings = settings.select(_split(args.select))
    if _split(getattr(args, "ignore", "")):
        settings = settings.ignore(_split(args.ignore))
    return settings


def flag_json(flag, path: str | None = None) -> dict:
    data = flag.to_json()
    if path is not None:
        data["path"] = path
    return data


def flag_line(flag, path: str) -> str:
    """One line of ``--format jsonl``."""
    return json.dumps(flag_json(flag, path), ensure_ascii=False) + "\n"


def flags_of(project, settings: RuleSettings, extra_words=()) -> list:
    """The flags of an opened page, with its own dictionary and the ``--dict`` words."""
    return check_page(project.page, settings, user_words=project.dictionary(extra_words),
                      confidence=confidence_source(project.page))


def options_from_args(args) -> tuple[RuleSettings, list[str], object] | int:
    """The rule settings, the ``--dict`` words and the ``--pages`` ranges; an exit code (2)
    after one line on a bad one."""
    try:
        from .loader import pages_option

        settings = settings_from_args(args)
        extra_words = [w for f in getattr(args, "dict", None) or [] for w in read_word_list(f)]
        return settings, extra_words, pages_option(getattr(args, "pages_range", None))
    except (ValueError, InputError) as exc:
        print(f"jiaodui check: {exc}", file=sys.stderr)
        return 2


def list_rules() -> str:
    """Every rule, aligned: id, category, default severity, title (current language)."""
    rows = [(r.id, str(r.category), str(r.default_severity), str(r.title)) for r in RULES.values()]
    widths = [max(len(row[k]) for row in rows) for k in range(3)]
    return "".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:<{widths[2]}}  {d}\n" for a, b, c, d in rows)


def cmd_check(args) -> int:
    if getattr(args, "list_rules", False):
        sys.stdout.write(list_rules())
        return 0
    if not args.pages:
        print(str(_("{command}: give one or more pages (or {option})", command="jiaodui check",
                    option="--list-rules")), file=sys.stderr)
        return 2
    options = options_from_args(args)
    if isinstance(options, int):
        return options
    settings, extra_words, pages = options
    lang = getattr(args, "lang", "") or ""
    report = getattr(args, "report", False)
    unreadable = False
    results = []
    from .export import expand_inputs, say_skipped

    skipped: list = []
    names, folder = expand_inputs(args.pages, skipped)  # a folder: its pages, as export takes them
    say_skipped(skipped, quiet=False)
    if not names:
        print(f"jiaodui check: {_('no pages to check (empty folder?)')}", file=sys.stderr)
        return 2
    for name in map(str, names):
        try:  # a PDF's pages one after the other: their flags are kept, not the pages
            for project in iter_documents(name, getattr(args, "as_", None), pages, getattr(args, "encoding", None)):
                results.append((project.ref, _page_result(project, args) if report
                                else flags_of(project, settings, extra_words)))
        except InputError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            unreadable = True
    if report:
        _print_reports(results, args.format, lang)
        return 2 if unreadable else 0
    several = folder or len(names) > 1 or len(results) > 1
    if args.format == "json":
        out = [flag_json(f, path if several else None) for path, flags in results for f in flags]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "jsonl":
        sys.stdout.writelines(flag_line(f, path) for path, flags in results for f in flags)
    else:
        sys.stdout.write(format_text(results))
    if unreadable:
        return 2
    return 1 if any(f.severity == Severity.ERROR for _p, flags in results for f in flags) else 0


def _page_result(project, args):
    from .rules.report import page_report

    return page_report(project.page, de_hints=getattr(args, "de_hints", False))


def format_text(results) -> str:
    """The linter lines, a count per rule and a total, in the current language."""
    out: list[str] = []
    counts: Counter = Counter()
    for path, flags in results:
        for f in flags:
            out.append(f"{path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}")
            counts[f.rule] += 1
    total = sum(counts.values())
    if total:  # by count, most first, aligned
        out.append("")
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        digits = len(str(ranked[0][1]))
        width = max(len(rule_id) for rule_id, _n in ranked)
        for rule_id, n in ranked:
            title = RULES[rule_id].title if rule_id in RULES else ""
            out.append(f"{n:>{digits + 2}}  {rule_id:<{width}}  {title}".rstrip())
    pages = n_("{n} page", "{n} pages", len(results))
    out.append(str(n_("{n} flag in {pages}", "{n} flags in {pages}", total, pages=pages)))
    return "\n".join(out) + "\n"


def _print_reports(reports, fmt: str, lang: str) -> None:
    from .rules.report import format_text as report_text

    if fmt == "jsonl":
        for path, report in reports:
            sys.stdout.write(json.dumps({"path": path, **report.to_json()}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        out = [{"path": path, **report.to_json()} for path, report in reports]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(report_text(path, report, lang) for path, report in reports))
