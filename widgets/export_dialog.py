"""Export: the content check first, then the file, in any of the registry's formats.

The dialog lists what is still wrong with the content (articles without headline or
text, error flags still open) so the proofreader can go back or export anyway. The
format (NewsML-G2, plain text, JSON: ``editor.exporters``) is chosen in the dialog; the
session writes the file atomically, with the open error flags noted where the format
can; with a schema set in the preferences a NewsML-G2 file is validated first, and an
invalid file is not written.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton,
                               QVBoxLayout)

from editor.session import EXPORTERS, InputError


class ExportDialog(QDialog):
    exported = Signal(str)  # the path written
    go_to = Signal(object)  # a content problem (editor.exporters.Problem) to go to

    def __init__(self, session, schema_path: str, suggested: str, parent=None):
        super().__init__(parent, objectName="export_dialog")
        self.session = session
        self.schema_path = schema_path
        self.written = ""
        self.setWindowTitle(self.tr("Export"))
        self.found = session.export_problems()
        problems = [str(p.message) for p in self.found]
        self.summary = QLabel(objectName="export_summary")
        self.summary.setWordWrap(True)
        self.summary.setText(self.tr("%n problem(s) in the content. You can go back and fix them, "
                                     "or export anyway (open errors are noted in the file).", "",
                                     len(problems)) if problems else
                             self.tr("The content check found no problems."))
        self.problems = QListWidget(objectName="export_problems")
        self.problems.addItems(problems)
        for row, text in enumerate(problems):
            self.problems.item(row).setToolTip(text + "\n" + self.tr("Double-click or Enter: go there"))
        self.problems.setVisible(bool(problems))
        self.problems.setWordWrap(True)
        self.problems.itemActivated.connect(self._go)
        self.problems.itemDoubleClicked.connect(self._go)
        self.format = QComboBox(objectName="export_format")
        for exporter in EXPORTERS.values():
            self.format.addItem(f"{exporter.title} (*{exporter.suffix})", exporter.id)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path = QLineEdit(suggested, objectName="export_path")
        browse = QPushButton(self.tr("Browse…"), objectName="export_browse")
        browse.clicked.connect(self._browse)
        format_row = QHBoxLayout()
        format_row.addWidget(QLabel(self.tr("Format:")))
        format_row.addWidget(self.format, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("File:")))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.schema_label = QLabel(objectName="export_schema")
        self.schema_label.setWordWrap(True)
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
        layout.addLayout(format_row)
        layout.addLayout(row)
        for widget in (self.schema_label, self.result, self.buttons):
            layout.addWidget(widget)
        self._fit(parent, bool(problems))
        self._format_changed()

    def _fit(self, parent, problems: bool) -> None:
        """Wide enough for a problem's line (most of the window's width)."""
        width = max(720, int(parent.width() * 0.6)) if parent is not None else 720
        self.resize(width, 480 if problems else 240)

    def _go(self, item) -> None:
        problem = self.found[self.problems.row(item)]
        if problem.block_id or problem.flag is not None:
            self.go_to.emit(problem)

    def ask_overwrite(self, path: str) -> bool:
        """The file is there: replace it? (A method, so that tests can answer.)"""
        answer = QMessageBox.question(
            self, self.tr("Replace the file?"),
            self.tr("%1 exists already. Replace it?").replace("%1", Path(path).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def format_id(self) -> str:
        return self.format.currentData()

    def _format_changed(self, *_args) -> None:
        """The path takes the format's suffix; the schema note says what is validated."""
        exporter = EXPORTERS[self.format_id()]
        path = self.path.text().strip()
        if path:
            current = Path(path)
            if current.suffix in {e.suffix for e in EXPORTERS.values()} and current.suffix != exporter.suffix:
                self.path.setText(str(current.with_suffix(exporter.suffix)))
        if not exporter.uses_schema:
            self.schema_label.setText(self.tr("Checked before writing."))
        elif self.schema_path:
            self.schema_label.setText(self.tr("Validated against %1 before writing.")
                                      .replace("%1", Path(self.schema_path).name))
        else:
            self.schema_label.setText(self.tr("No schema set (Preferences): the file is not validated."))

    def _browse(self) -> None:
        exporter = EXPORTERS[self.format_id()]
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export"), self.path.text(),
                                               f"{exporter.title} (*{exporter.suffix})")
        if path:
            self.path.setText(path)

    def export(self) -> bool:
        path = self.path.text().strip()
        if not path:
            self.result.setText(self.tr("Choose a file to write."))
            return False
        try:
            self.session.check_target(path)  # never "replace it?" for the page's own file
        except InputError as exc:
            self.result.setText(self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", str(exc)))
            return False
        if Path(path).exists() and not self.ask_overwrite(path):
            return False
        self.result.setText(self.tr("Writing %1…").replace("%1", Path(path).name))
        self.export_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()  # say so before the work starts
        try:
            errors = self.session.export(path, self.format_id(), self.schema_path or None)
        except (OSError, InputError) as exc:
            self.result.setText(self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", str(exc)))
            return False
        finally:
            QApplication.restoreOverrideCursor()
            self.export_button.setEnabled(True)
        if errors:
            self.result.setText(self.tr("Not written: the file would not be valid NewsML-G2 "
                                        "(%n error(s)).", "", len(errors)) + "\n" + "\n".join(errors[:5]))
            return False
        self.written = path
        self.exported.emit(path)
        self.accept()
        return True
