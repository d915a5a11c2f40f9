"""The question when a headline moves into an article that has one: replace the old
headline (it goes to the article the new one came from), make the moved one the
subtitle, or keep both (the rules flag the article until one goes)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox

from editor.session import HEADLINE_CHOICES


class HeadlineQuestion(QMessageBox):
    chosen = Signal(str)  # "replace", "subtitle" or "both"

    def __init__(self, parent=None):
        super().__init__(QMessageBox.Icon.Question, self.tr("This article has a headline"),
                         self.tr("The article you are moving this headline into has a headline "
                                 "already. What should become of the two?"), parent=parent)
        self.setObjectName("headline_question")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        texts = {"replace": self.tr("Replace (the old one goes back)"),
                 "subtitle": self.tr("Make It the Subtitle"),
                 "both": self.tr("Keep Both (flagged)")}
        self.choice_buttons = {}
        for choice in HEADLINE_CHOICES:
            button = self.addButton(texts[choice], QMessageBox.ButtonRole.AcceptRole)
            button.setObjectName(f"headline_{choice}")
            self.choice_buttons[choice] = button
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.choice_buttons["subtitle"])
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        for choice, mine in self.choice_buttons.items():
            if button is mine:
                self.chosen.emit(choice)
