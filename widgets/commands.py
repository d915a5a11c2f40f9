"""QUndoCommands around ``editor.edits`` (and ``editor.ignores``): the window's only way
to change the page or its ignores.

``redo`` applies the operation and keeps the inverse it returns; ``undo`` applies that
inverse and keeps *its* inverse for the next redo. The model's events then update every
view. The window applies an edit before pushing it (``applied=``), so that an edit which
no longer fits the page is refused before it reaches the stack; the first ``redo`` then
has nothing to do. Typed text arrives as :class:`TextCommand`\\ s, which merge while the
typing goes on.
"""
from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from editor.edits import Edit, SetText
from editor.model import Page

TEXT_COMMAND_ID = 1001
#: Text commits to one block closer together than this (seconds) are one undo step.
MERGE_SECONDS = 3.0
clock = time.monotonic  # tests replace it


class OperationCommand(QUndoCommand):
    """An operation ``op.apply(target) -> inverse`` on the undo stack."""

    def __init__(self, target, op, applied=None, text: str = ""):
        super().__init__(text or op.label())  # the core speaks the window's language
        self._named = not text
        self._op = op
        self._target = target
        self._todo = None if applied is not None else op  # what the next redo applies
        self._undo = applied                                # what the next undo applies
        #: Where the window's selection goes after a redo and after an undo (see
        #: widgets/loop.py), and who takes it there; set once the command is pushed.
        self.places: tuple = (None, None)
        self.placer = None

    def redo(self) -> None:
        if self._todo is not None:
            self._undo, self._todo = self._todo.apply(self._target), None
        self.changed()
        self._place(0)

    def undo(self) -> None:
        if self._undo is not None:
            self._todo, self._undo = self._undo.apply(self._target), None
        self.changed()
        self._place(1)

    def _place(self, which: int) -> None:
        if self.placer is not None and self.places[which] is not None:
            self.placer(self.places[which])

    def changed(self) -> None:
        """Hook for what the model's events do not announce (ignores)."""

    def retranslate(self) -> None:
        """Name the step again, in the language the window speaks now."""
        if self._named:
            self.setText(self._op.label())


class EditCommand(OperationCommand):
    """One ``editor.edits`` operation (a Compound for "fix all", "replace all")."""

    def __init__(self, page: Page, edit: Edit, applied: Edit | None = None, text: str = ""):
        super().__init__(page, edit, applied, text)


class TextCommand(EditCommand):
    """The block editor's text: consecutive commits to the same block while the user keeps
    typing (pauses under :data:`MERGE_SECONDS`) merge into one undo step."""

    def __init__(self, page: Page, block_id: str, text: str, applied: Edit | None = None):
        super().__init__(page, SetText(block_id, text), applied)
        self.block_id = block_id
        self.at = clock()

    def id(self) -> int:
        return TEXT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextCommand) or other.block_id != self.block_id \
                or other.at - self.at > MERGE_SECONDS or self._undo is None:
            return False
        self.at = other.at  # our inverse still restores the text from before the first commit
        return True


class IgnoreCommand(OperationCommand):
    """An operation on the project: ignore a flag or a rule, or an edit and an ignore
    together (``editor.ignores``); ``changed`` refilters."""

    def __init__(self, project, op, changed, applied=None):
        self._changed = changed
        super().__init__(project, op, applied)

    def changed(self) -> None:
        self._changed()
