"""My dictionary: the proofreader's own words (names, places, terms of the paper) that the
misread rule never flags on any page — beside each project's dictionary (key **D** adds
to that one).

The list is a plain-text file, one word a line, in the app's data folder
(:func:`dictionary_path`); it is read when the window starts (a damaged file is said in
the status bar, never a crash) and written atomically when the dialog is saved. The
dialog edits the list as text, and imports or exports it as a plain-text file. Saving
checks the page again with the new list.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout)

from editor.session import InputError, parse_word_list, read_word_list, write_word_list


def dictionary_path(settings=None) -> Path:
    """Beside the settings file (so each set of settings, a test's too, has its own), else
    in the app's data folder."""
    folder = settings.folder() if settings is not None else None
    if folder is None:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    return folder / "dictionary.txt"


def install(window) -> None:
    """The Flags menu's "My Dictionary…" and the list read into the session."""
    window.my_dictionary_action = window.flags_menu.addAction("")
    window.my_dictionary_action.setObjectName("my_dictionary_action")
    window.my_dictionary_action.triggered.connect(lambda: edit(window))
    load(window)


def load(window, path: Path | None = None) -> None:
    """Read my dictionary into the window's session (nothing there: no words)."""
    path = path or dictionary_path(window.settings)
    if not path.exists():
        return
    try:
        window.document.session.global_words = frozenset(read_word_list(path))
    except InputError as exc:
        window.status.showMessage(QCoreApplication.translate("MainWindow", "My dictionary was not read: %1").replace("%1", str(exc)), 15000)


class MyDictionaryDialog(QDialog):
    def __init__(self, words, parent=None):
        super().__init__(parent)
        self.setObjectName("my_dictionary")
        self.setWindowTitle(self.tr("My Dictionary"))
        self.note = QLabel(self.tr("Words never flagged as misread on any page, one a line "
                                   "(a project's own words are added with D):"))
        self.note.setWordWrap(True)
        self.text = QPlainTextEdit(objectName="my_dictionary_words")
        self.text.setPlainText("".join(f"{w}\n" for w in sorted(words)))
        self.error = QLabel(objectName="my_dictionary_error")
        self.error.setStyleSheet("color: palette(link)")
        self.import_button = QPushButton(self.tr("&Import…"), objectName="my_dictionary_import")
        self.export_button = QPushButton(self.tr("&Export…"), objectName="my_dictionary_export")
        self.import_button.clicked.connect(self.ask_import)
        self.export_button.clicked.connect(self.ask_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.text)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(420, 480)

    def words(self) -> list[str]:
        """The words of the list as typed; InputError says the first line that is no word."""
        return parse_word_list(self.text.toPlainText())

    def accept(self) -> None:
        try:
            self.words()
        except InputError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

    def import_from(self, path: str) -> None:
        """Add the words of a plain-text list to those shown."""
        try:
            extra = read_word_list(path)
        except InputError as exc:
            self.error.setText(str(exc))
            return
        try:
            have = self.words()
        except InputError:
            have = []
        merged = sorted(set(have) | set(extra))
        self.text.setPlainText("".join(f"{w}\n" for w in merged))
        self.error.setText(self.tr("%1 words added").replace("%1", str(len(set(extra) - set(have)))))

    def export_to(self, path: str) -> None:
        try:
            write_word_list(path, self.words())
        except (InputError, ValueError, OSError) as exc:
            self.error.setText(str(exc))
            return
        self.error.setText(self.tr("Written to %1").replace("%1", path))

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Words"), "", self.tr("Word lists (*.txt);;All files (*)"))
        if path:
            self.import_from(path)

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Words"), "dictionary.txt",
                                              self.tr("Word lists (*.txt)"))
        if path:
            self.export_to(path)


def edit(window, path: Path | None = None) -> MyDictionaryDialog:
    """Open the dialog (not blocking); on Save the list is written and the page checked again."""
    path = path or dictionary_path(window.settings)
    session = window.document.session
    dialog = MyDictionaryDialog(session.global_words, window)

    def save() -> None:
        words = dialog.words()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_word_list(path, words)
        except OSError as exc:
            window.status.showMessage(QCoreApplication.translate("MainWindow", "My dictionary was not saved: %1").replace("%1", str(exc)), 15000)
            return
        session.global_words = frozenset(words)
        window.status.showMessage(QCoreApplication.translate("MainWindow", "My dictionary: %1 words").replace("%1", str(len(words))), 5000)
        window.document.check()

    dialog.accepted.connect(save)
    dialog.open()
    return dialog
