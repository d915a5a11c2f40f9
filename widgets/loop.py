"""The proofreading loop: the window's current flag, the keys that act on it from
anywhere, and where the selection goes after each step and its undo.

F8 / Shift+F8 go to the next / previous open flag (from where the user is when no flag
is current); Enter applies its fix, J / K join or keep the break, A fixes all of its
rule (a preview, item by item), I / R ignore it or its rule — wherever the focus is,
except while typing in the block editor (Enter is a newline there: Ctrl+Enter). After
each, the next flag is current; after undoing it, the flag is current again, selected in
the raw view, the tree and the table. A structural edit selects the block it made or
moved (:meth:`editor.edits.Edit.focus`), and its undo the block it was about.

Every change goes through :meth:`Loop.push_operation` (on the project: the page edit and
the ignore together) or the window's :meth:`Editing.push` (page edits): one command on
the undo stack, with its places (:attr:`widgets.commands.OperationCommand.places`).
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from editor.edits import EditError

from .commands import IgnoreCommand
from .preview_dialog import PreviewDialog


class Loop(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._pending = None  # a place to go once the step just done or undone is checked
        self.keys_note = QAction(window, objectName="action_keys_note", enabled=False)
        window.flags_panel.restore_requested.connect(self.restore)
        self.retranslate()

    @property
    def session(self):
        return self.window.document.session

    def current_flag(self):
        """The window's current flag (None when none, or when it is an ignored one)."""
        panel = self.window.flags_panel
        flag = panel.current_flag()
        return None if panel.is_ignored(flag) else flag

    def _say(self, text: str, ms: int = 5000) -> None:
        self.window.status.showMessage(text, ms)

    # --- going from flag to flag --------------------------------------------------------
    def go_to_flag(self, step: int):
        raw = self.window.raw_view
        cursor = raw.textCursor()
        here = (cursor.blockNumber() + 1, cursor.positionInBlock() + 1)
        flag = self.window.flags_panel.next_flag(step, here)
        if flag is None:
            self._say(self.tr("No flags to go to"), 3000)
        return flag

    def go_after(self, flag) -> None:
        """After acting on a flag: on to the next one (the focus stays where it is)."""
        self.window.document.recheck_now()
        if self.window.flags_panel.select_flag_after(flag) is None:
            self._say(self.tr("No flags left"), 3000)
        self.window.editing.update_enabled()

    def show_match(self, match) -> None:
        """A find result: its block, and its characters on the raw page."""
        window = self.window
        window.show_block(match.block_id, select_in_tree=True)
        window.flags_panel.follow_block(match.block_id)
        if match.raw:
            raw = window.raw_view
            first, last = match.raw[0], match.raw[-1]  # (line, start, end) on the raw page
            raw.select_range(raw.position(first[0], first[1]), raw.position(last[0], last[2]), quiet=True)

    # --- places after a step and its undo ----------------------------------------------
    def remember(self, command, places) -> None:
        command.places = places
        command.placer = self._placed

    def _placed(self, place) -> None:
        self._pending = place

    def settle(self) -> None:
        """The undo stack moved (and the touched blocks were checked): go to the place
        the step or its undo names."""
        place, self._pending = self._pending, None
        if place is not None:
            self.go(place)

    def go(self, place) -> None:
        what, value = place
        window, panel = self.window, self.window.flags_panel
        if what == "after":
            if panel.select_flag_after(value) is None:
                panel.clear_current()
        elif what == "flag":
            if panel.select_key(value.key) is None and value.block_id:
                window.show_block(value.block_id, select_in_tree=True)
        elif what == "block" and value:
            window.show_block(value, select_in_tree=True)
            panel.follow_block(value)
        window.editing.update_enabled()

    # --- acting on the current flag -----------------------------------------------------
    def push_operation(self, op, places=(None, None)) -> bool:
        """Apply an operation on the project (an ignore, or an edit and an ignore) and put
        it on the undo stack; a refused one is reported."""
        session = self.session
        if session.project is None or op is None:
            return False
        self.window.block_editor.flush()
        try:
            inverse = op.apply(session.project)
        except (EditError, KeyError) as exc:
            self.window.editing._refuse(exc)
            return False
        command = IgnoreCommand(session.project, op, session.refilter, applied=inverse)
        self.window.undo_stack.push(command)
        self.remember(command, places)
        session.refilter()
        return True

    def fix_current(self, action: str = "") -> None:
        """Carry out the current flag's fix (``action`` "join" / "keep_break": that
        choice); what it means is the session's (:meth:`Session.fix_plan`). Ctrl+Enter
        in the block editor hands over the typing first, and stops there if there was any."""
        editor = self.window.block_editor
        if not action and QApplication.focusWidget() is editor.text and editor.is_dirty():
            editor.flush()
            return
        flag = self.current_flag()
        if flag is None:
            self._say(self.tr("No current flag: press F8 to go to one."), 4000)
            return
        plan = self.session.fix_plan(flag, action)
        if plan.refusal is not None:
            if plan.stale:
                self.window.editing._refuse(EditError(plan.refusal))
                self.window.document.recheck_now()
            else:
                self._say(str(plan.refusal))
            return
        if self.push_operation(plan.operation, (("after", flag), ("flag", flag))):
            self.go_after(flag)

    def fix_all_of_rule(self) -> None:
        flag = self.current_flag()
        if flag is None or self.session.page is None:
            return
        try:
            items = self.session.fix_all(flag.rule)
        except EditError as exc:
            self.window.editing._refuse(exc)
            return
        if not items:
            self._say(self.tr("Nothing to fix automatically for this rule."))
            return
        title = self.window.flags_panel.rule_title(flag.rule)
        summary = self.tr("Fix every “%1” flag: untick those to leave as they are.").replace("%1", title)
        rows = [(i.flag.block_id, i.before, i.after, str(i.effect), f"{i.flag.line}") for i in items]
        dialog = PreviewDialog(self.tr("Fix All"), summary, rows, self.window, "fix_all_dialog",
                               checkable=True)
        dialog.go_to.connect(lambda row: self.go(("flag", items[row].flag)))
        dialog.accepted.connect(lambda: self._fix_chosen([items[r] for r in dialog.chosen()]))
        dialog.open()

    def _fix_chosen(self, chosen) -> None:
        if not chosen:
            return
        op = self.session.fix_all_operation(chosen)
        first, last = chosen[0].flag, chosen[-1].flag
        if self.push_operation(op, (("after", last), ("flag", first))):
            self.go_after(last)

    def ignore_current_flag(self) -> None:
        flag = self.current_flag()
        if flag is not None and self.push_operation(self.session.ignore_flag(flag),
                                                    (("after", flag), ("flag", flag))):
            self.go_after(flag)

    def ignore_current_rule(self) -> None:
        flag = self.current_flag()
        if flag is not None and self.push_operation(self.session.ignore_rule(flag.rule),
                                                    (("after", flag), ("flag", flag))):
            self.go_after(flag)

    def restore(self, flag, why: str) -> None:
        """Show an ignored flag again (one undo step); it becomes the current flag."""
        if self.push_operation(self.session.restore_flag(flag, why), (("flag", flag), None)):
            self.window.document.recheck_now()
            self.go(("flag", flag))

    def retranslate(self) -> None:
        self.keys_note.setText(self.tr("These keys act on the current flag wherever the focus is; "
                                       "in the block editor, Ctrl+Enter applies the fix"))
