"""Preferences: language, fonts, rules, the NewsML-G2 schema, the autosave interval.

Language and font are tried out live (``language_chosen``, ``font_chosen``; Cancel puts
the old ones back). The rules tab lists every rule of the registry — the same
:class:`~editor.rules.registry.RuleSettings` the CLI reads with ``check --settings FILE`` —
with on/off and severity; OK stores what differs from the defaults, and the window
checks the page again.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFontComboBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from editor.session import InputError
from editor.rules.base import Severity, category_label
from editor.rules.registry import RULES, RuleSettings

from . import i18n
from .flags_panel import severity_label
from .settings import MAX_FONT, MIN_FONT

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
TITLE, RULE_ID, CATEGORY, SEVERITY = range(4)


class RulesTable(QTableWidget):
    """One row per rule: on/off (with its title), id, category, severity."""

    def __init__(self, rules: RuleSettings, parent=None):
        super().__init__(len(RULES), 4, parent, objectName="pref_rules")
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in (RULE_ID, CATEGORY, SEVERITY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._row = {rule_id: row for row, rule_id in enumerate(RULES)}
        for row, info in enumerate(RULES.values()):
            title = QTableWidgetItem()
            title.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                           | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, TITLE, title)
            ident = QTableWidgetItem(info.id)
            ident.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, RULE_ID, ident)
            category = QTableWidgetItem()
            category.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, CATEGORY, category)
            combo = QComboBox(objectName=f"severity_{info.id}")
            combo.addItems([""] * len(SEVERITIES))
            for i, severity in enumerate(SEVERITIES):
                combo.setItemData(i, str(severity))
            self.setCellWidget(row, SEVERITY, combo)
        self.set_rule_settings(rules)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Id"), self.tr("Category"),
                                        self.tr("Severity")])
        for row, info in enumerate(RULES.values()):
            self.item(row, TITLE).setText(str(info.title))
            self.item(row, TITLE).setToolTip(str(info.description))
            self.item(row, CATEGORY).setText(category_label(info.category))
            combo = self.severity_box(info.id)
            for i, severity in enumerate(SEVERITIES):
                combo.setItemText(i, severity_label(severity))

    def severity_box(self, rule_id: str) -> QComboBox:
        return self.cellWidget(self._row[rule_id], SEVERITY)

    def set_rule_settings(self, rules: RuleSettings) -> None:
        for rule_id, row in self._row.items():
            on = rules.is_enabled(rule_id)
            self.item(row, TITLE).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.severity_box(rule_id).setCurrentIndex(SEVERITIES.index(rules.severity_of(rule_id)))

    def set_enabled(self, rule_id: str, on: bool) -> None:
        self.item(self._row[rule_id], TITLE).setCheckState(
            Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_severity(self, rule_id: str, severity: str) -> None:
        self.severity_box(rule_id).setCurrentIndex(SEVERITIES.index(Severity(severity)))

    def rule_settings(self) -> RuleSettings:
        """What the table shows, as the differences from the registry's defaults."""
        enabled, disabled, severity = set(), set(), []
        for rule_id, row in self._row.items():
            info = RULES[rule_id]
            on = self.item(row, TITLE).checkState() == Qt.CheckState.Checked
            if on and not info.enabled_by_default:
                enabled.add(rule_id)
            elif not on and info.enabled_by_default:
                disabled.add(rule_id)
            level = Severity(self.severity_box(rule_id).currentData())
            if level != info.default_severity:
                severity.append((rule_id, level))
        return RuleSettings(frozenset(enabled), frozenset(disabled), tuple(severity))


class PreferencesDialog(QDialog):
    language_chosen = Signal(str)   # "" follows the system
    font_chosen = Signal(str, int)  # family ("" the built-in CJK fonts), point size

    def __init__(self, settings, parent=None):
        super().__init__(parent, objectName="preferences_dialog")
        self.settings = settings
        self._initial_language = settings.get("ui/language")
        self._initial_font = (settings.get("view/font_family"), settings.get("view/font_size"))
        self.tabs = QTabWidget(objectName="pref_tabs")
        self.tabs.addTab(self._general_tab(), "")
        self.tabs.addTab(self._rules_tab(), "")
        self.tabs.addTab(self._export_tab(), "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        fm = self.fontMetrics()  # text units: right at any scale and in either language
        self.resize(fm.height() * 56, fm.height() * 36)

    # --- tabs -----------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox(objectName="pref_language")
        self.language.addItems(["", "中文", "English"])  # each language named in itself
        for i, code in enumerate(("", "zh_CN", "en")):
            self.language.setItemData(i, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._initial_language)))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData()))
        family, size = self._initial_font
        self.default_font = QCheckBox(objectName="pref_default_font")
        self.default_font.setChecked(not family)
        self.font_family = QFontComboBox(objectName="pref_font_family")
        if family:
            self.font_family.setCurrentFont(QFont(family))
        self.font_family.setEnabled(bool(family))
        self.font_size = QSpinBox(objectName="pref_font_size")
        self.font_size.setRange(MIN_FONT, MAX_FONT)
        self.font_size.setValue(size)
        self.default_font.toggled.connect(self.font_family.setDisabled)
        self.default_font.toggled.connect(self._font_changed)
        self.font_family.currentFontChanged.connect(self._font_changed)
        self.font_size.valueChanged.connect(self._font_changed)
        self.autosave = QSpinBox(objectName="pref_autosave")
        self.autosave.setRange(5, 3600)
        self.autosave.setValue(self.settings.get("files/autosave_seconds"))
        self.labels = {name: QLabel() for name in ("language", "font", "font_size", "autosave",
                                                  "schema")}
        form = QFormLayout(page)
        font_row = QHBoxLayout()
        font_row.addWidget(self.default_font)
        font_row.addWidget(self.font_family, 1)
        form.addRow(self.labels["language"], self.language)
        form.addRow(self.labels["font"], font_row)
        form.addRow(self.labels["font_size"], self.font_size)
        form.addRow(self.labels["autosave"], self.autosave)
        self.theme_note = QLabel(objectName="pref_theme_note")
        self.theme_note.setWordWrap(True)
        form.addRow(self.theme_note)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget()
        self.rules = RulesTable(self.settings.rule_settings())
        self.rules_note = QLabel(objectName="pref_rules_note")
        self.rules_note.setWordWrap(True)
        self.rules_defaults = QPushButton(objectName="pref_rules_defaults")
        self.rules_defaults.clicked.connect(lambda: self.rules.set_rule_settings(RuleSettings()))
        self.rules_import = QPushButton(objectName="pref_rules_import")
        self.rules_import.clicked.connect(self._import_rules)
        self.rules_export = QPushButton(objectName="pref_rules_export")
        self.rules_export.clicked.connect(self._export_rules)
        row = QHBoxLayout()
        row.addWidget(self.rules_defaults)
        row.addStretch(1)
        row.addWidget(self.rules_import)
        row.addWidget(self.rules_export)
        layout = QVBoxLayout(page)
        layout.addWidget(self.rules_note)
        layout.addWidget(self.rules, 1)
        layout.addLayout(row)
        return page

    def _export_tab(self) -> QWidget:
        page = QWidget()
        self.schema = QLineEdit(self.settings.get("export/schema_path"), objectName="pref_schema")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.schema, 1)
        row.addWidget(self.browse)
        form = QFormLayout(page)
        form.addRow(self.labels["schema"], row)
        self.schema_note = QLabel(objectName="pref_schema_note")
        self.schema_note.setWordWrap(True)
        form.addRow(self.schema_note)
        return page

    # --- text -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Rules"))
        self.tabs.setTabText(2, self.tr("Export"))
        self.language.setItemText(0, self.tr("Follow the system"))
        self.default_font.setText(self.tr("Built-in Chinese fonts"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.autosave.setSuffix(self.tr(" s"))
        for name, text in (("language", self.tr("Language:")), ("font", self.tr("Font:")),
                           ("font_size", self.tr("Font size:")),
                           ("autosave", self.tr("Autosave every:")),
                           ("schema", self.tr("Export schema:"))):
            self.labels[name].setText(text)
        self.theme_note.setText(self.tr("Light and dark colours follow the system's colour scheme."))
        self.rules_note.setText(self.tr(
            "Which rules run and how serious their flags are. The command line reads the same "
            "settings from a file: jiaodui check --settings FILE (Export… writes one)."))
        self.rules_defaults.setText(self.tr("Restore Defaults"))
        self.rules_import.setText(self.tr("Import…"))
        self.rules_export.setText(self.tr("Export…"))
        self.rules.retranslate()
        self.schema.setPlaceholderText(self.tr("NewsML-G2_2.35-spec-All-Power.xsd (optional)"))
        self.browse.setText(self.tr("Browse…"))
        self.schema_note.setText(self.tr(
            "The NewsML-G2 schema (by the IPTC, CC BY 4.0) is not bundled. When it is set, "
            "every export is validated against it."))

    def changeEvent(self, event) -> None:
        if i18n.language_changed(event, self.tabs):
            self.retranslate()
        super().changeEvent(event)

    # --- live choices ---------------------------------------------------------------
    def chosen_font(self) -> tuple[str, int]:
        family = "" if self.default_font.isChecked() else self.font_family.currentFont().family()
        return family, self.font_size.value()

    def _font_changed(self, *_args) -> None:
        self.font_chosen.emit(*self.chosen_font())

    # --- rules files (the CLI's --settings) ----------------------------------------
    def _import_rules(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import Rule Settings"), "",
                                               self.tr("Rule settings (*.json)"))
        if not path:
            return
        try:
            self.rules.set_rule_settings(RuleSettings.from_file(path))
        except InputError as exc:
            QMessageBox.warning(self, self.tr("Cannot import the rule settings"), str(exc))

    def _export_rules(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export Rule Settings"), "rules.json",
                                               self.tr("Rule settings (*.json)"))
        if not path:
            return
        try:
            self.rules.rule_settings().save(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot export the rule settings"), f"{path}\n\n{exc}")

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("NewsML-G2 schema"), self.schema.text(),
                                               self.tr("XML Schema (*.xsd)"))
        if path:
            self.schema.setText(path)

    # --- the end --------------------------------------------------------------------
    def accept(self) -> None:
        s = self.settings
        s.set("ui/language", self.language.currentData())
        family, size = self.chosen_font()
        s.set("view/font_family", family)
        s.set("view/font_size", size)
        s.set("export/schema_path", self.schema.text().strip())
        s.set("files/autosave_seconds", self.autosave.value())
        s.set_rule_settings(self.rules.rule_settings())
        super().accept()

    def reject(self) -> None:
        """Put back the language and font that were being tried out."""
        if self.language.currentData() != self._initial_language:
            self.language_chosen.emit(self._initial_language)
        if self.chosen_font() != self._initial_font:
            self.font_chosen.emit(*self._initial_font)
        super().reject()
