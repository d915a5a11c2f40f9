"""Preferences: the NewsML-G2 schema to validate exports against, the autosave interval."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QSpinBox)


class PreferencesDialog(QDialog):
    def __init__(self, settings, parent=None):
        super().__init__(parent, objectName="preferences_dialog")
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.schema = QLineEdit(settings.get("export/schema_path"), objectName="pref_schema")
        self.schema.setPlaceholderText(self.tr("NewsML-G2_2.35-spec-All-Power.xsd (optional)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.schema, 1)
        row.addWidget(browse)
        self.autosave = QSpinBox(objectName="pref_autosave")
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.get("files/autosave_seconds"))
        form = QFormLayout(self)
        form.addRow(self.tr("Export schema:"), row)
        form.addRow(self.tr("Autosave every:"), self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("NewsML-G2 schema"), self.schema.text(),
                                               self.tr("XML Schema (*.xsd)"))
        if path:
            self.schema.setText(path)

    def accept(self) -> None:
        self.settings.set("export/schema_path", self.schema.text().strip())
        self.settings.set("files/autosave_seconds", self.autosave.value())
        super().accept()
