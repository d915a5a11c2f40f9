"""The window's checks, run with the user's rule settings (Preferences → Rules).

The same :class:`~editor.rules.registry.RuleSettings` the CLI reads with
``check --settings FILE``: which rules run and at what severity. ``rules()`` is called
on the worker thread at each check; it returns the window's current (immutable)
settings, so a change in Preferences applies from the next check on.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from editor.rules.registry import RULES, RuleSettings

from .workers import default_check

Rules = Callable[[], RuleSettings]


def with_rule_settings(check, rules: Rules):
    """(check, check_blocks) for a :class:`Document`, both honouring ``rules()``.

    The real engine is given the settings, so switched-off rules do not run; any other
    check (a test's) has its flags filtered and re-graded the same way.
    """
    if check is default_check:
        return _engine_check(rules), _engine_check_blocks(rules)

    def filtered(page):
        flags, info = check(page)
        return apply_rule_settings(flags, rules()), info

    return filtered, None


def _engine_check(rules: Rules):
    def check(page):
        from editor.rules import check_page

        return list(check_page(page, rules())), dict(RULES)

    return check


def _engine_check_blocks(rules: Rules):
    def check_blocks(page, block_ids):
        from editor.rules import check_blocks

        return list(check_blocks(page, block_ids, rules()))

    return check_blocks


def apply_rule_settings(flags, settings: RuleSettings) -> list:
    """Flags of rules that are on, at the severity the settings give (unknown rules kept)."""
    out = []
    for flag in flags:
        if flag.rule not in RULES:
            out.append(flag)
        elif settings.is_enabled(flag.rule):
            severity = settings.severity_of(flag.rule)
            out.append(flag if flag.severity == severity else replace(flag, severity=severity))
    return out
