"""Export NewsML-G2: the content check first, then the file.

The dialog lists what is still wrong with the content (articles without headline or
text, error flags still open) so the proofreader can go back or export anyway. The file
is written atomically, with the open error flags noted in it; with a schema set in the
preferences it is validated first, and an invalid file is not written.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout)

from editor.decoding import InputError


class ExportDialog(QDialog):
    exported = Signal(str)  # the path written

    def __init__(self, document, schema_path: str, suggested: str, parent=None):
        super().__init__(parent, objectName="export_dialog")
        self.document = document
        self.schema_path = schema_path
        self.written = ""
        self.setWindowTitle(self.tr("Export NewsML-G2"))
        problems = document.content_problems()
        self.summary = QLabel(objectName="export_summary")
        self.summary.setWordWrap(True)
        self.summary.setText(self.tr("%n problem(s) in the content. You can go back and fix them, "
                                     "or export anyway (open errors are noted in the file).", "",
                                     len(problems)) if problems else
                             self.tr("The content check found no problems."))
        self.problems = QListWidget(objectName="export_problems")
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))
        self.path = QLineEdit(suggested, objectName="export_path")
        browse = QPushButton(self.tr("Browse…"), objectName="export_browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("File:")))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.schema_label = QLabel(objectName="export_schema")
        self.schema_label.setWordWrap(True)
        self.schema_label.setText(
            self.tr("Validated against %1 before writing.").replace("%1", Path(schema_path).name)
            if schema_path else self.tr("No schema set (Preferences): the file is not validated."))
        self.result = QLabel(objectName="export_result")
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.problems):
            layout.addWidget(widget)
        layout.addLayout(row)
        for widget in (self.schema_label, self.result, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 420 if problems else 200)

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export NewsML-G2"), self.path.text(),
                                               self.tr("NewsML-G2 (*.xml)"))
        if path:
            self.path.setText(path)

    def export(self) -> bool:
        path = self.path.text().strip()
        if not path:
            self.result.setText(self.tr("Choose a file to write."))
            return False
        try:
            errors = self.document.export_newsml(path, self.schema_path or None)
        except (OSError, InputError) as exc:
            self.result.setText(self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", str(exc)))
            return False
        if errors:
            self.result.setText(self.tr("Not written: the file would not be valid NewsML-G2 "
                                        "(%n error(s)).", "", len(errors)) + "\n" + "\n".join(errors[:5]))
            return False
        self.written = path
        self.exported.emit(path)
        self.accept()
        return True
