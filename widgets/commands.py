"""QUndoCommands around ``editor.edits``: the window's only way to change the page.

``redo`` applies the edit and keeps the inverse it returns; ``undo`` applies that
inverse. The model's events then update every view.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from editor.edits import Edit
from editor.model import Page

from . import i18n


class EditCommand(QUndoCommand):
    def __init__(self, page: Page, edit: Edit):
        super().__init__(edit.label("zh" if i18n.is_chinese() else "en"))
        self._page = page
        self._edit = edit
        self._inverse: Edit | None = None

    def redo(self) -> None:
        self._inverse = self._edit.apply(self._page)

    def undo(self) -> None:
        if self._inverse is not None:
            self._edit = self._inverse.apply(self._page)
