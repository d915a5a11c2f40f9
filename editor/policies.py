"""What the proofreader's actions mean, without Qt: the policies of the open project.

:class:`Policies` is part of :class:`editor.session.Session` (its base class): what a
flag's fix means (:meth:`Policies.fix_plan`), "fix all" with a preview of each flag,
ignoring and restoring flags, keeping a break, find and replace as the reader sees the
text, where a moved block goes and what moving a headline into an article that has one
asks. Each answer is an operation (``editor.edits`` on the page, ``editor.ignores`` on
the project) for the window to push, or a reason why not.
"""
from __future__ import annotations

from dataclasses import dataclass

from .edits import Edit, EditError, MoveBlock
from .i18n import Message, _
from .ignores import Decide, SetIgnored, SetWords, break_place, ignore_flag, ignore_rule, keep_break
from .ignores import restore as restore_ignored
from .rules.base import Flag


@dataclass
class FixPlan:
    """What acting on a flag means: an edit to push, or an ignore to push (a choice that
    changes nothing settles the flag), or both (keeping a break splits the paragraph and
    remembers the break), or a reason why nothing can be done."""

    edit: Edit | None = None
    ignore: SetIgnored | None = None
    refusal: Message | None = None
    stale: bool = False  # the flag no longer fits the text: check again

    @property
    def operation(self) -> Decide:
        """The edit and the ignore as one undoable operation on the project."""
        return Decide(self.edit, self.ignore)


class Policies:
    """The session's answers to "what does this action mean?" (see the module text)."""

    def fix_plan(self, flag: Flag, action: str = "") -> FixPlan:
        """Carry out the flag's fix, or with ``action`` "join" / "keep_break" that choice
        (the fix or its alternative). A choice that changes nothing (accepting a join the
        parser made) settles the flag: it is ignored from now on."""
        from .fixes import edit_for_flag

        fix = flag.fix
        if action and action not in (fix.action, fix.alternative):
            return FixPlan(refusal=_("This flag offers no such choice."))
        alternative = bool(action) and action != fix.action
        if (fix.alternative if alternative else fix.action) in ("", "none"):
            return FixPlan(refusal=_("No automatic fix: edit the text, or ignore the flag."))
        try:
            edit = edit_for_flag(self.page, flag, alternative=alternative)
        except EditError as exc:
            return FixPlan(refusal=exc.message, stale=True)
        chosen = fix.alternative if alternative else fix.action
        if chosen == "keep_break":  # remembered: no flag on this break again
            return FixPlan(edit=edit, ignore=keep_break(flag))
        return FixPlan(edit=edit) if edit is not None else FixPlan(ignore=ignore_flag(flag.key))

    def dictionary_word(self, flag: Flag) -> str:
        """The word a flag is about, to offer for "add to dictionary": the flagged text with
        the Chinese characters around it that no dictionary word takes in (国冢 for a
        misread 冢, 张佰山 for a name); "" when the flag is on no text."""
        from .dictionary_guess import word_at

        try:
            text = self.page.block(flag.block_id).text
        except (KeyError, AttributeError):
            return ""
        return word_at(text, flag.offset, flag.length)

    @staticmethod
    def add_words(words) -> SetWords:
        """"Add to dictionary" as an undoable operation on the project (ValueError for
        something that is no word)."""
        from .project import clean_word

        return SetWords(frozenset(clean_word(w) for w in words))

    def fix_all(self, rule_id: str):
        """The preview of fixing every open flag of the rule: one
        :class:`~editor.fixes.FixItem` per flag, in page order ([] if none has an
        automatic fix); EditError when a flag no longer fits."""
        from .fixes import fix_all_items

        return fix_all_items(self.page, [f for f in self.flags if f.rule == rule_id])

    def fix_all_operation(self, items) -> Decide | None:
        """The chosen items of :meth:`fix_all` as one undoable operation on the project."""
        from .fixes import fix_all_decision

        return fix_all_decision(self.page, list(items))

    def ignored_flags(self) -> list[tuple[Flag, str]]:
        """The flags not shown, each with why: "flag" (ignored), "rule" (its rule is
        ignored on this page) or "break" (on a break the proofreader kept)."""
        return list(self.flag_book.ignored) if self.current else []

    def restore_flag(self, flag: Flag, why: str) -> SetIgnored:
        """Show an ignored flag again: stop ignoring it, its rule or its kept break."""
        if why == "rule":
            return restore_ignored(rule_ids=[flag.rule])
        if why == "break":
            return restore_ignored(flag_keys=[flag.key], break_keys=[break_place(flag)])
        return restore_ignored(flag_keys=[flag.key])

    @staticmethod
    def ignore_flag(flag: Flag) -> SetIgnored:
        return ignore_flag(flag.key)

    @staticmethod
    def ignore_rule(rule_id: str) -> SetIgnored:
        return ignore_rule(rule_id)

    # --- moving blocks --------------------------------------------------------------
    def move_block(self, block_id: str, article_id: str, index: int | None = None) -> MoveBlock:
        """Moving a block into an article: at ``index`` (of its blocks), or where its kind
        belongs (the headline group before the body, anything else at the end)."""
        from .arrange import place_in

        if index is None:
            return place_in(self.page, block_id, article_id)
        return MoveBlock(block_id, article_id, index)

    def move_step(self, block_id: str, direction: int):
        """Alt+Up (-1) / Alt+Down (+1): an :class:`~editor.arrange.Step` (a move in the
        tree's order, into this article or the one before or after, or why not)."""
        from .arrange import step

        return step(self.page, block_id, direction)

    def move_needs_choice(self, block_id: str, article_id: str) -> bool:
        """A headline into an article that has one: ask "replace", "subtitle" or "both"."""
        from .arrange import needs_choice

        return needs_choice(self.page, block_id, article_id)

    def headline_move(self, move: MoveBlock, choice: str) -> Edit:
        from .arrange import headline_move

        return headline_move(self.page, move, choice)

    def report(self, de_hints: bool = False):
        """The frequency / variants report of the page (:mod:`editor.rules.report`), or None."""
        from .rules.report import page_report

        return page_report(self.page, de_hints=de_hints) if self.page else None

    # --- find and replace: the reader's text -------------------------------------
    def find(self, pattern: str, regex: bool = False, case: bool = True, whole_word: bool = False):
        """Every match in the page's blocks (the text as the reader reads it: a word
        broken over two raw lines is one match), in page order; FindError for a bad
        pattern. Each :class:`~editor.find.Match` knows its raw-page ranges."""
        from .find import find_all

        return find_all(self.page, pattern, regex, case, whole_word) if self.page else []

    def replacements(self, pattern: str, replacement: str, regex: bool = False, case: bool = True,
                     whole_word: bool = False):
        """Each match with the text it would become (one preview row a match)."""
        from .find import plan_replacements

        return plan_replacements(self.page, pattern, replacement, regex, case, whole_word) if self.page else []

    def replace_operation(self, chosen) -> Edit | None:
        """The chosen replacements as one undoable edit (None for none)."""
        from .find import replace_edit

        return replace_edit(self.page, list(chosen))

    def replace_all(self, pattern: str, replacement: str, regex: bool, case: bool):
        """(one edit, count, preview by block) replacing every match; FindError."""
        from .find import replace_all, replace_preview

        changes = replace_preview(self.page, pattern, replacement, regex, case)
        edit, count = replace_all(self.page, pattern, replacement, regex, case)
        return edit, count, [(bid, before, after) for bid, before, after, _n in changes]

    # --- what changed -----------------------------------------------------------------
    def changes(self) -> list:
        """Every change since the page was read (:class:`editor.changes.Change`), by line."""
        from .changes import changes

        return changes(self.page, self.project.origin) if self.page is not None else []

    def block_diff(self, block_id: str) -> list[tuple[str, str]]:
        """A block's text against the raw text it was made from: ("=" / "-" / "+", text)
        runs (all "+" for a block typed by hand)."""
        from .changes import segments

        block = self.page.block(block_id)
        return segments(block.origin_text or "", block.text)

    def change_report(self) -> str:
        from .changes import report

        name = self.current.path or self.page.source
        return report(name, self.page, self.project.origin) if self.page is not None else ""

    def save_change_report(self, path) -> None:
        """Write :meth:`change_report` to ``path`` atomically (OSError if that fails)."""
        from .fileio import atomic_write_text

        atomic_write_text(path, self.change_report())
