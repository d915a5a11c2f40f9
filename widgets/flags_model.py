"""The flags table's model: every flag of the page (and, when asked, the ignored ones),
sorted in Python, filtered by a thin proxy; the labels its cells show."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from editor.rules.base import rank
from editor.session import rule_title

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
        self.ignored: dict[str, str] = {}  # key → why, for the ignored flags shown

    def set_flags(self, flags, ignored: dict[str, str] | None = None) -> bool:
        """Show these flags; True when the table starts over. After an edit most of them are the same objects as before: only
        the rows that differ are removed and inserted, so the table keeps its place and its
        current row, and nothing else is asked for again."""
        self.ignored = dict(ignored or {})
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
                why = self.ignored.get(flag.key)
                return ignored_label(why) if why else fix_label(flag.fix)
            return f"{flag.confidence:.0%}"
        if flag.key in self.ignored and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            return _IGNORED_STYLE[role]()
        if role == Qt.ItemDataRole.ForegroundRole and col == SEVERITY:
            return QBrush(severity_color(flag.severity))
        if role == Qt.ItemDataRole.ToolTipRole:
            why = self.ignored.get(flag.key)
            return (f"{rule_title(flag.rule, self.rules)} ({flag.rule})\n{flag.message}"
                    + (f"\n{ignored_label(why)}" if why else ""))
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


def ignored_label(why: str) -> str:
    """Why a flag is not open: ignored itself, its rule ignored, on a kept break."""
    return {"flag": QCoreApplication.translate("FlagsModel", "ignored"),
            "rule": QCoreApplication.translate("FlagsModel", "rule ignored on this page"),
            "break": QCoreApplication.translate("FlagsModel", "break kept")}.get(why, why)


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


_IGNORED_STYLE = {
    Qt.ItemDataRole.ForegroundRole: lambda: QBrush(QGuiApplication.palette().color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)),
    Qt.ItemDataRole.FontRole: _italic,
}
