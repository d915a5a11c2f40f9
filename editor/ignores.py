"""Ignoring a flag or a rule on this page, as operations that return their inverse.

Like :mod:`editor.edits`, but on the :class:`~editor.project.Project` (ignores are kept
beside the page, not in it), so the window can put them on the same undo stack.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import Message, _
from .project import Project


@dataclass
class SetIgnored:
    """Ignore (or stop ignoring) flags by key and rules by id; ``apply`` returns the inverse."""

    flag_keys: frozenset[str] = frozenset()
    rule_ids: frozenset[str] = frozenset()
    ignored: bool = True

    def apply(self, project: Project) -> "SetIgnored":
        flags, rules = set(self.flag_keys), set(self.rule_ids)
        if self.ignored:
            changed_flags, changed_rules = flags - project.ignored_flags, rules - project.ignored_rules
            project.ignored_flags |= changed_flags
            project.ignored_rules |= changed_rules
        else:
            changed_flags, changed_rules = flags & project.ignored_flags, rules & project.ignored_rules
            project.ignored_flags -= changed_flags
            project.ignored_rules -= changed_rules
        return SetIgnored(frozenset(changed_flags), frozenset(changed_rules), not self.ignored)

    @property
    def title(self) -> Message:
        return _("Ignore rule on this page") if self.rule_ids else _("Ignore flag")

    def label(self, lang: str | None = None) -> str:
        return self.title.text(lang)


def ignore_flag(key: str) -> SetIgnored:
    return SetIgnored(flag_keys=frozenset({key}))


def ignore_rule(rule_id: str) -> SetIgnored:
    return SetIgnored(rule_ids=frozenset({rule_id}))
