"""Ignoring a flag or a rule on this page, and keeping a paragraph break, as operations
that return their inverse.

Like :mod:`editor.edits`, but on the :class:`~editor.project.Project` (ignores are kept
beside the page, not in it), so the window can put them on the same undo stack.

A *kept break* is the proofreader's "K": a paragraph break that belongs where it is.
It is remembered by its place on the raw page — the pair of raw lines it stands
between — like an ignore, and saved with the project; no flag is raised on that place
again (:func:`break_place`), whichever rule would raise it (a column break kept as a
break must not come back as a ``lost-join``).

:class:`Decide` is an edit of the page and an ignore together, one step: "keep this
break" splits the paragraph *and* remembers the break; "fix all" fixes some flags and
settles the others.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import Message, _
from .project import Project


def break_place(flag) -> str:
    """The raw-page place of a flag about a break ("22>24": from line 22 to line 24,
    1-based), or "" for a flag within one line."""
    if flag.end_line <= flag.line:
        return ""
    return f"{flag.line}>{flag.end_line}"


@dataclass
class SetIgnored:
    """Ignore (or stop ignoring) flags by key, rules by id and breaks by place;
    ``apply`` returns the inverse."""

    flag_keys: frozenset[str] = frozenset()
    rule_ids: frozenset[str] = frozenset()
    ignored: bool = True
    break_keys: frozenset[str] = frozenset()

    def apply(self, project: Project) -> "SetIgnored":
        wanted = (set(self.flag_keys), set(self.rule_ids), set(self.break_keys))
        sets = (project.ignored_flags, project.ignored_rules, project.kept_breaks)
        changed = []
        for want, held in zip(wanted, sets):
            delta = want - held if self.ignored else want & held
            if self.ignored:
                held |= delta
            else:
                held -= delta
            changed.append(frozenset(delta))
        return SetIgnored(changed[0], changed[1], not self.ignored, changed[2])

    @property
    def empty(self) -> bool:
        return not (self.flag_keys or self.rule_ids or self.break_keys)

    @property
    def title(self) -> Message:
        if not self.ignored:
            return _("Restore ignored flags")
        if self.rule_ids:
            return _("Ignore rule on this page")
        return _("Keep paragraph break") if self.break_keys else _("Ignore flag")

    def label(self, lang: str | None = None) -> str:
        return self.title.text(lang)


@dataclass
class Decide:
    """An edit of the page (or none) and an ignore (or none) as one operation on the
    project; ``apply`` returns the inverse (the edit is undone after the ignore)."""

    edit: object = None          # an editor.edits.Edit
    ignore: SetIgnored | None = None
    title: Message | None = None

    def apply(self, project: Project) -> "Decide":
        undo_edit = self.edit.apply(project.page) if self.edit is not None else None
        undo_ignore = self.ignore.apply(project) if self.ignore is not None else None
        return Decide(undo_edit, undo_ignore, self.title)

    def focus(self) -> tuple[str, str]:
        return self.edit.focus() if self.edit is not None else ("", "")

    def label(self, lang: str | None = None) -> str:
        if self.title is not None:
            return self.title.text(lang)
        if self.edit is not None:
            return self.edit.label(lang)
        return self.ignore.label(lang) if self.ignore is not None else ""


def ignore_flag(key: str) -> SetIgnored:
    return SetIgnored(flag_keys=frozenset({key}))


def ignore_rule(rule_id: str) -> SetIgnored:
    return SetIgnored(rule_ids=frozenset({rule_id}))


def keep_break(flag) -> SetIgnored:
    """Settle ``flag`` and keep the break at its place: no flag there again."""
    place = break_place(flag)
    return SetIgnored(flag_keys=frozenset({flag.key}),
                      break_keys=frozenset({place}) if place else frozenset())


def restore(flag_keys=(), rule_ids=(), break_keys=()) -> SetIgnored:
    """Stop ignoring these flags, rules and kept breaks."""
    return SetIgnored(frozenset(flag_keys), frozenset(rule_ids), False, frozenset(break_keys))
