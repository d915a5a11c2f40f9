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

from editor.rules.base import category_label, rank
from editor.session import rule_title

from . import i18n
from .highlights import severity_color

FLAG_ROLE = Qt.ItemDataRole.UserRole + 1
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


class FlagsModel(QAbstractTableModel):
    """The flags, in the order the table shows them (the model sorts, in Python: a page of
    6,000 flags is sorted in a few milliseconds, where a proxy asking for every row's sort
    key through Qt takes most of a second)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._flags: list = []
        self.rules: dict = {}  # rule id → info (title_zh, title_en, category…)
        self._sort = (LINE, Qt.SortOrder.AscendingOrder)

    def set_flags(self, flags) -> bool:
        """Show these flags; True when the table starts over. After an edit most of them are the same objects as before: only
        the rows that differ are removed and inserted, so the table keeps its place and its
        current row, and nothing else is asked for again."""
        new = self._sorted(flags)
        old = self._flags
        head = 0
        while head < min(len(old), len(new)) and old[head] is new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] is new[-1 - tail]:
            tail += 1
        if head + tail < min(len(old), len(new)) // 2:  # a new page, a new check: start over
            self.beginResetModel()
            self._flags = new
            self.endResetModel()
            return True
        if len(old) - tail > head:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            self._flags = old[:head] + old[len(old) - tail:]
            self.endRemoveRows()
        if len(new) - tail > head:
            self.beginInsertRows(QModelIndex(), head, len(new) - tail - 1)
            self._flags = new
            self.endInsertRows()
        self._flags = new
        return False

    def _sorted(self, flags) -> list:
        column, order = self._sort
        place = lambda f: (f.line, f.column, f.rule)  # noqa: E731
        key = {SEVERITY: lambda f: (rank(f.severity), place(f)),
               RULE: lambda f: (rule_title(f.rule, self.rules), place(f)),
               MESSAGE: lambda f: (str(f.message), place(f)),
               FIX: lambda f: (fix_label(f.fix), place(f)),
               CONFIDENCE: lambda f: (f.confidence, place(f))}.get(column, place)
        return sorted(flags, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        flags = self._sorted(self._flags)
        rows = {id(f): r for r, f in enumerate(flags)}
        moved = [self.index(rows[id(self._flags[i.row()])], i.column()) for i in before]
        self._flags = flags
        self.changePersistentIndexList(before, moved)
        self.layoutChanged.emit()

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
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY:
                return severity_label(flag.severity)
            if col == RULE:
                return rule_title(flag.rule, self.rules)
            if col == LINE:
                return str(flag.line)
            if col == MESSAGE:
                return str(flag.message)
            if col == FIX:
                return fix_label(flag.fix)
            return f"{flag.confidence:.0%}"
        if role == Qt.ItemDataRole.ForegroundRole and col == SEVERITY:
            return QBrush(severity_color(flag.severity))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{rule_title(flag.rule, self.rules)} ({flag.rule})\n{flag.message}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (LINE, CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FlagsFilter(QSortFilterProxyModel):
    """Keeps the flags of one category or rule; optionally errors only. Sorting is the
    source model's (:meth:`FlagsModel.sort`): this proxy keeps its order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = ""
        self.rule = ""
        self.errors_only = False

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def accepts(self, flag) -> bool:
        if self.errors_only and str(flag.severity) != "error":
            return False
        if self.category and str(flag.category) != self.category:
            return False
        return not self.rule or flag.rule == self.rule

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
        return self.accepts(self.sourceModel()._flags[row])


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
        # columns fitted to the first rows when a new set of flags comes, not on every change
        # (fitting reads every cell it considers: 6,000 rows of a big page, each time)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(200)
        self.table.verticalHeader().setResizeContentsPrecision(200)
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
        if self.model.set_flags(flags):
            for column in (SEVERITY, RULE, LINE, FIX, CONFIDENCE):
                self.table.resizeColumnToContents(column)
        self._fill_filter()
        self._update_counts()

    def flags(self) -> list:
        return self.model.flag_list()

    def visible_flags(self) -> list:
        """The flags the table shows, in its order (the proxy filters but does not sort)."""
        return [f for f in self.model._flags if self.proxy.accepts(f)]

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
        """Show one category's or one rule's flags ("", "": all)."""
        wanted = (category, rule)
        at = next((i for i in range(self.filter_box.count())
                   if tuple(self.filter_box.itemData(i) or ("", "")) == wanted), -1)
        if at >= 0:
            self.filter_box.setCurrentIndex(at)

    def _on_filter(self, *_args) -> None:
        category, rule = self.filter_box.currentData() or ("", "")
        if (category, rule) != (self.proxy.category, self.proxy.rule):  # else nothing to redo
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
