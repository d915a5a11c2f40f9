"""The flags panel: every flag of the page in a table, filtered, counted, navigable.

Moving to a row, double-clicking it — or F8 / Shift+F8 from anywhere, through the
window's actions calling :meth:`FlagsPanel.next_flag` — emits
:attr:`FlagsPanel.flag_activated`; the window then selects the span in the raw view and
the block in the tree. The window's flag actions (Enter applies the fix, J / K join or
keep the break, A fixes all of the rule, I / R ignore the flag or the rule) work on the
current row and then go on to the next flag (:meth:`FlagsPanel.select_flag_after`).
"""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLabel, QSizePolicy, QTableView, QVBoxLayout, QWidget)

from . import i18n
from .highlights import severity_color

FLAG_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY, RULE, LINE, MESSAGE, FIX, CONFIDENCE = range(6)


def severity_label(severity: str) -> str:
    return {"error": QCoreApplication.translate("Severity", "Error"), "warning": QCoreApplication.translate("Severity", "Warning"),
            "info": QCoreApplication.translate("Severity", "Info")}.get(str(severity), str(severity))


def fix_label(fix) -> str:
    if fix is None or fix.action == "none":
        return ""
    if fix.action == "replace":
        shown = fix.replacement.replace("\n", "⏎") if fix.replacement else QCoreApplication.translate("Fix", "(delete)")
        return QCoreApplication.translate("Fix", "→ %1").replace("%1", shown)
    label = {"join": QCoreApplication.translate("Fix", "join lines"), "keep_break": QCoreApplication.translate("Fix", "keep the break")}.get(fix.action, fix.action)
    if fix.alternative:
        alt = {"join": QCoreApplication.translate("Fix", "join lines"), "keep_break": QCoreApplication.translate("Fix", "keep the break")}.get(
            fix.alternative, fix.alternative)
        label = QCoreApplication.translate("Fix", "%1 (or %2)").replace("%1", label).replace("%2", alt)
    return label


def rule_title(rule: str, rules: dict) -> str:
    info = rules.get(rule)
    if info is None:
        return rule
    title = getattr(info, "title_zh" if i18n.is_chinese() else "title_en", None)
    if title is None and isinstance(info, dict):
        title = info.get("title_zh" if i18n.is_chinese() else "title_en")
    return title or rule


class FlagsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._flags: list = []
        self.rules: dict = {}  # rule id → info (title_zh, title_en, category…)

    def set_flags(self, flags) -> None:
        self.beginResetModel()
        self._flags = sorted(flags, key=lambda f: (f.line, f.column, f.rule))
        self.endResetModel()

    def flag_list(self) -> list:
        return list(self._flags)

    def retranslate(self) -> None:
        if self._flags:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._flags) - 1, FIX))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, CONFIDENCE)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._flags)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [QCoreApplication.translate("FlagsModel", "Severity"), QCoreApplication.translate("FlagsModel", "Rule"), QCoreApplication.translate("FlagsModel", "Line"),
                QCoreApplication.translate("FlagsModel", "Message"), QCoreApplication.translate("FlagsModel", "Fix"),
                QCoreApplication.translate("FlagsModel", "Confidence")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        flag = self._flags[index.row()]
        col = index.column()
        if role == FLAG_ROLE:
            return flag
        if role == SORT_ROLE:
            return [("error", "warning", "info").index(str(flag.severity))
                    if str(flag.severity) in ("error", "warning", "info") else 3,
                    flag.rule, flag.line * 100000 + flag.column, flag.message(),
                    fix_label(flag.fix), flag.confidence][col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY:
                return severity_label(flag.severity)
            if col == RULE:
                return rule_title(flag.rule, self.rules)
            if col == LINE:
                return str(flag.line)
            if col == MESSAGE:
                return flag.message("zh" if i18n.is_chinese() else "en")
            if col == FIX:
                return fix_label(flag.fix)
            return f"{flag.confidence:.0%}"
        if role == Qt.ItemDataRole.ForegroundRole and col == SEVERITY:
            return QBrush(severity_color(flag.severity))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{flag.rule}\n{flag.message_zh}\n{flag.message_en}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (LINE, CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FlagsFilter(QSortFilterProxyModel):
    """Keeps the flags of one category or rule; optionally errors only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = ""
        self.rule = ""
        self.errors_only = False
        self.setSortRole(SORT_ROLE)

    def set_filter(self, category: str = "", rule: str = "", errors_only: bool | None = None) -> None:
        modern = hasattr(self, "endFilterChange")  # Qt 6.10+
        if modern:
            self.beginFilterChange()
        self.category, self.rule = category, rule
        if errors_only is not None:
            self.errors_only = errors_only
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        flag = self.sourceModel().index(row, 0, parent).data(FLAG_ROLE)
        if self.errors_only and str(flag.severity) != "error":
            return False
        if self.category and str(flag.category) != self.category:
            return False
        return not self.rule or flag.rule == self.rule


class FlagsPanel(QWidget):
    flag_activated = Signal(object)  # a Flag

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("flags_panel")
        self.model = FlagsModel(self)
        self.proxy = FlagsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QComboBox(objectName="flag_filter")
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.errors_only = QCheckBox(objectName="errors_only")
        self.counts = QLabel(objectName="flag_counts")
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long list of rules must not widen the window: the label is cut, the tooltip has all
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = QTableView(objectName="flags_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LINE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activate_index)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        top = QHBoxLayout()
        top.addWidget(self.filter_box)
        top.addWidget(self.errors_only)
        top.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)

        self.filter_box.currentIndexChanged.connect(self._on_filter)
        self.errors_only.toggled.connect(lambda on: self.proxy.set_filter(
            self.proxy.category, self.proxy.rule, on))
        self.retranslate()

    # --- content --------------------------------------------------------------------
    def set_rules(self, rules: dict) -> None:
        self.model.rules = dict(rules)

    def set_flags(self, flags) -> None:
        self.model.set_flags(flags)
        self._fill_filter()
        self._update_counts()

    def flags(self) -> list:
        return self.model.flag_list()

    def visible_flags(self) -> list:
        return [self.proxy.index(r, 0).data(FLAG_ROLE) for r in range(self.proxy.rowCount())]

    def current_flag(self):
        """The flag of the current row, or None.

        Read from our model in Python, not with ``index.data()``: PySide 6.12 gives back
        an empty QVariant as None without taking a reference, and calls made often enough
        (this one runs on every selection change) free None itself, a fatal error.
        """
        index = self.proxy.mapToSource(self.table.currentIndex())
        return self.model.data(index, FLAG_ROLE) if index.isValid() else None

    def rule_title(self, rule: str) -> str:
        return rule_title(rule, self.model.rules)

    def select_flag_after(self, flag) -> object:
        """Make the first visible flag after ``flag``'s place current (wrapping round), and
        go there; the flag itself is skipped (it has just been fixed or ignored)."""
        flags = self.visible_flags()
        if not flags:
            return None
        where = (flag.line, flag.column)
        row = next((r for r, f in enumerate(flags) if (f.line, f.column) >= where and f.key != flag.key),
                   None)
        if row is None:
            row = next((r for r, f in enumerate(flags) if f.key != flag.key), None)
        if row is None:
            return None
        index = self.proxy.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return self._activate_index(index)

    # --- navigation -----------------------------------------------------------------
    def next_flag(self, step: int = 1):
        """Go to the next (``step`` 1) or previous (-1) visible flag; wraps around."""
        rows = self.proxy.rowCount()
        if not rows:
            return None
        current = self.table.currentIndex()
        if current.isValid():
            row = (current.row() + step) % rows
        else:
            row = 0 if step > 0 else rows - 1
        index = self.proxy.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return self._activate_index(index)

    def _activate_index(self, index: QModelIndex):
        flag = index.data(FLAG_ROLE) if index.isValid() else None
        if flag is not None:
            self.flag_activated.emit(flag)
        return flag

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Moving through the list with the arrow keys shows each flag in place."""
        if current.isValid() and self.table.hasFocus():
            self._activate_index(current)

    # --- filter and counts ----------------------------------------------------------
    def _fill_filter(self) -> None:
        keep = self.filter_box.currentData()
        flags = self.model.flag_list()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(self.tr("All flags"), ("", ""))
        for category in sorted({str(f.category) for f in flags}):
            self.filter_box.addItem(self.tr("Category: %1").replace("%1", category_label(category)),
                                    (category, ""))
        for rule in sorted({f.rule for f in flags}):
            self.filter_box.addItem(self.tr("Rule: %1").replace("%1", rule_title(rule, self.model.rules)),
                                    ("", rule))
        at = self.filter_box.findData(keep) if keep else 0
        self.filter_box.setCurrentIndex(max(0, at))
        self.filter_box.blockSignals(False)
        self._on_filter()

    def select_filter(self, category: str = "", rule: str = "") -> None:
        at = self.filter_box.findData((category, rule))
        if at >= 0:
            self.filter_box.setCurrentIndex(at)

    def _on_filter(self, *_args) -> None:
        category, rule = self.filter_box.currentData() or ("", "")
        self.proxy.set_filter(category, rule)
        self._update_counts()

    def _update_counts(self) -> None:
        per_rule = Counter(f.rule for f in self.model.flag_list())
        parts = [f"{rule_title(rule, self.model.rules)} {n}" for rule, n in per_rule.most_common()]
        total = self.tr("%n flag(s)", "", len(self.model.flag_list()))
        text = total + ("：" if i18n.is_chinese() else ": ") + " · ".join(parts) if parts else total
        self.counts.setText(text)
        self.counts.setToolTip("\n".join(parts))

    def retranslate(self) -> None:
        self.errors_only.setText(self.tr("Errors only"))
        self.model.retranslate()
        self._fill_filter()

    def changeEvent(self, event) -> None:
        if i18n.language_changed(event, self.errors_only):
            self.retranslate()
        super().changeEvent(event)


def category_label(category: str) -> str:
    return {"join": QCoreApplication.translate("Category", "line joins"), "space": QCoreApplication.translate("Category", "spaces"),
            "punctuation": QCoreApplication.translate("Category", "punctuation"), "structure": QCoreApplication.translate("Category", "structure"),
            "encoding": QCoreApplication.translate("Category", "encoding")}.get(category, category)
