"""The flags panel: every flag of the page in a table, filtered, counted, navigable.

Moving to a row, double-clicking it — or F8 / Shift+F8 from anywhere, through the
window's loop (:mod:`widgets.loop`) calling :meth:`FlagsPanel.next_flag` — emits
:attr:`FlagsPanel.flag_activated`; the window then selects the span in the raw view and
the block in the tree. The current row is the window's current flag: the loop's keys
(Enter, J, K, A, I, R) act on it wherever the focus is, and it is kept by key through
re-checks. "Show ignored" lists the flags that are not open (greyed, with why); Restore
(:attr:`FlagsPanel.restore_requested`) brings the current one back.
"""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView,
                               QLabel, QMenu, QPushButton, QSizePolicy, QTableView, QVBoxLayout,
                               QWidget)

from editor.rules.base import category_label
from editor.session import rule_title

from . import i18n
from .flags_model import (CONFIDENCE, FIX, FLAG_ROLE, LINE, MESSAGE, RULE, SEVERITY, FlagsFilter,
                          FlagsModel, fix_label, ignored_label, severity_label)

__all__ = ["FlagsPanel", "severity_label", "fix_label"]

#: Widest a fitted column gets (pixels); its tooltip has the whole text.
MAX_COLUMN = 320


class FlagsPanel(QWidget):
    flag_activated = Signal(object)            # a Flag
    restore_requested = Signal(object, str)    # an ignored Flag, why it was ignored

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("flags_panel")
        self.model = FlagsModel(self)
        self.proxy = FlagsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._open: list = []
        self._ignored: list = []      # (flag, why)
        self._current_key = ""        # the window's current flag, kept through re-checks
        self._order = None            # the visible flags and lookups over them, made when asked
        self._fix_labels: dict = {}   # Fix → its label, and label → its width (language, font)
        self._widths: dict[str, int] = {}
        self._quiet = False           # the current row is being set, not chosen by the user

        self.filter_box = QComboBox(objectName="flag_filter")
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.errors_only = QCheckBox(objectName="errors_only")
        self.show_ignored = QCheckBox(objectName="show_ignored")
        self.restore_button = QPushButton(objectName="restore_flag")
        self.restore_button.setEnabled(False)
        self.counts = QLabel(objectName="flag_counts")
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long list of rules must not widen the window: the label is cut, the tooltip has all
        self.counts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = self._make_table()
        top = QHBoxLayout()
        top.addWidget(self.filter_box)
        top.addWidget(self.errors_only)
        top.addWidget(self.show_ignored)
        top.addWidget(self.restore_button)
        top.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)

        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._forget_order)
        self.filter_box.currentIndexChanged.connect(self._on_filter)
        self.errors_only.toggled.connect(lambda on: (self.proxy.set_filter(
            self.proxy.category, self.proxy.rule, on), self._forget_order()))
        self.show_ignored.toggled.connect(lambda _on: self._show())
        self.restore_button.clicked.connect(self.restore_current)
        self.retranslate()

    def _make_table(self) -> QTableView:
        self.table = table = QTableView(objectName="flags_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LINE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        # columns measured from the labels (no cell is asked: 6,000 rows of a big page), and
        # they only grow, so that a fix does not make the table jump
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultSectionSize(6 * self.table.fontMetrics().averageCharWidth())  # then fitted
        self.table.doubleClicked.connect(self._activate_index)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.customContextMenuRequested.connect(self._context_menu)
        return table

    # --- content --------------------------------------------------------------------
    def set_rules(self, rules: dict) -> None:
        self.model.rules = dict(rules)

    def set_flags(self, flags, ignored=()) -> None:
        """The open flags, and the ignored ones with why (shown with "Show ignored")."""
        self._open, self._ignored = list(flags), list(ignored)
        self._show()

    def _show(self) -> None:
        shown = self._open + ([f for f, _why in self._ignored] if self.show_ignored.isChecked() else [])
        whys = {f.key: why for f, why in self._ignored} if self.show_ignored.isChecked() else {}
        self.model.set_flags(shown, whys)
        self._order = None
        self._fit_columns()
        self._fill_filter()
        self._update_counts()
        self._keep_current()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest label: measured once per distinct label (and
        kept: a re-check after an edit measures only what is new)."""
        flags = self.model._flags
        labels = self._fix_labels
        fixes = {f.fix for f in flags}
        for fix in fixes - labels.keys():
            labels[fix] = fix_label(fix)
        texts = {
            SEVERITY: {severity_label(s) for s in {str(f.severity) for f in flags}},
            RULE: {self.rule_title(r) for r in {f.rule for f in flags}},
            LINE: {str(max((f.line for f in flags), default=0))},
            FIX: {labels[x] for x in fixes} | {ignored_label(w) for w in set(self.model.ignored.values())},
            CONFIDENCE: {"100%"},
        }
        metrics, widths = self.table.fontMetrics(), self._widths
        pad = 4 * metrics.averageCharWidth()
        for column, shown in texts.items():
            shown.add(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            for text in shown - widths.keys():
                widths[text] = metrics.horizontalAdvance(text)
            wanted = max(widths[t] for t in shown) + pad
            if wanted > self.table.columnWidth(column):
                self.table.setColumnWidth(column, min(wanted, MAX_COLUMN))

    def flags(self) -> list:
        return self.model.flag_list()

    def _forget_order(self, *_args) -> None:
        self._order = None

    def _lookups(self) -> dict:
        """The table's flags in its order and what F8, a click in the tree and a re-check
        ask of them, made once per change of the rows (a big page has 6,000 flags)."""
        if self._order is None:
            shown = [f for f in self.model._flags if self.proxy.accepts(f)]
            ignored = self.model.ignored
            open_ = [f for f in shown if f.key not in ignored]
            first: dict[str, str] = {}
            for f in open_:
                first.setdefault(f.block_id, f.key)
            self._order = {"shown": shown, "rows": {f.key: r for r, f in enumerate(shown)},
                           "open": open_, "at": {f.key: n for n, f in enumerate(open_)},
                           "first": first}
        return self._order

    def visible_flags(self) -> list:
        """The flags the table shows, in its order (the proxy filters but does not sort)."""
        return list(self._lookups()["shown"])

    def open_flags_in_order(self) -> list:
        """The visible flags that are open (F8 and the loop's keys skip ignored ones)."""
        return list(self._lookups()["open"])

    def current_flag(self):
        """The flag of the current row, or None.

        Read from our model in Python, not with ``index.data()``: PySide 6.12 gives back
        an empty QVariant as None without taking a reference, and calls made often enough
        (this one runs on every selection change) free None itself, a fatal error.
        """
        index = self.proxy.mapToSource(self.table.currentIndex())
        return self.model.data(index, FLAG_ROLE) if index.isValid() else None

    def is_ignored(self, flag) -> bool:
        return flag is not None and flag.key in self.model.ignored

    def rule_title(self, rule: str) -> str:
        return rule_title(rule, self.model.rules)

    # --- the current flag -------------------------------------------------------------
    def _row_of(self, key: str) -> int:
        return self._lookups()["rows"].get(key, -1)

    def _keep_current(self) -> None:
        """After the flags changed: the current flag stays current (by key), quietly."""
        current = self.current_flag()
        if self._current_key and (current is None or current.key != self._current_key):
            row = self._row_of(self._current_key)
            if row >= 0:
                self._set_row(row)
            elif current is not None:
                self.clear_current()

    def _set_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self._quiet = True  # the caller says whether to go there
        try:
            self.table.setCurrentIndex(index)
        finally:
            self._quiet = False
        self.table.scrollTo(index)
        self._update_restore()

    def select_key(self, key: str, activate: bool = True):
        """Make the flag with this key current (and go there); None if it is not shown."""
        row = self._row_of(key)
        if row < 0:
            return None
        self._set_row(row)
        self._current_key = key
        flag = self._lookups()["shown"][row]
        if activate:
            self.flag_activated.emit(flag)
        return flag

    def clear_current(self) -> None:
        """No current flag (the user went to a block without one)."""
        self._current_key = ""
        self._quiet = True
        try:
            self.table.setCurrentIndex(QModelIndex())
            self.table.clearSelection()
        finally:
            self._quiet = False
        self._update_restore()

    def follow_block(self, block_id: str) -> None:
        """The block shown changed: its first flag becomes current (quietly), or none."""
        current = self.current_flag()
        if current is not None and current.block_id == block_id:
            return
        key = self._lookups()["first"].get(block_id)
        if key is None:
            self.clear_current()
        else:
            self.select_key(key, activate=False)

    def select_flag_after(self, flag) -> object:
        """Make the first open flag after ``flag``'s place current (wrapping round), and
        go there; the flag itself is skipped (it has just been fixed or ignored)."""
        return self._go_from((flag.line, flag.column), skip=flag.key)

    def _go_from(self, where: tuple[int, int], skip: str = ""):
        flags = [f for f in self._lookups()["open"] if f.key != skip]
        if not flags:
            return None
        hit = next((f for f in flags if (f.line, f.column) >= where), flags[0])
        return self.select_key(hit.key)

    # --- navigation -----------------------------------------------------------------
    def next_flag(self, step: int = 1, here: tuple[int, int] | None = None):
        """Go to the next (``step`` 1) or previous (-1) open flag; wraps around. With no
        current flag, from ``here`` (1-based line, column: where the user is)."""
        lookups = self._lookups()
        flags, at = lookups["open"], lookups["at"]
        if not flags:
            return None
        current = self.current_flag()
        if current is not None and current.key in at:
            target = flags[(at[current.key] + step) % len(flags)]
        elif here is not None and step > 0:
            target = next((f for f in flags if (f.line, f.column) >= here), flags[0])
        elif here is not None:
            target = next((f for f in reversed(flags) if (f.line, f.column) < here), flags[-1])
        else:
            target = flags[0] if step > 0 else flags[-1]
        return self.select_key(target.key)

    def _activate_index(self, index: QModelIndex):
        flag = index.data(FLAG_ROLE) if index.isValid() else None
        if flag is not None:
            self._current_key = flag.key
            self._update_restore()
            self.flag_activated.emit(flag)
        return flag

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Moving through the list (arrow keys, a click) shows each flag in place."""
        if current.isValid() and not self._quiet:
            self._activate_index(current)
        self._update_restore()

    # --- ignored flags ----------------------------------------------------------------
    def _update_restore(self) -> None:
        self.restore_button.setEnabled(self.is_ignored(self.current_flag()))

    def restore_current(self) -> None:
        flag = self.current_flag()
        if self.is_ignored(flag):
            self.restore_requested.emit(flag, self.model.ignored[flag.key])

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        flag = self.current_flag()
        if not self.is_ignored(flag):
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.restore_button.text(), self.restore_current)
        menu.popup(self.table.viewport().mapToGlobal(pos))

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
            self._order = None
        self._update_counts()

    def _update_counts(self) -> None:
        per_rule = Counter(f.rule for f in self._open)
        parts = [f"{rule_title(rule, self.model.rules)} {n}" for rule, n in per_rule.most_common()]
        total = self.tr("%n flag(s)", "", len(self._open))
        text = total + ("：" if i18n.is_chinese() else ": ") + " · ".join(parts) if parts else total
        if self._ignored:
            text += " · " + self.tr("%n ignored", "", len(self._ignored))
        self.counts.setText(text)
        self.counts.setToolTip("\n".join(parts))

    def retranslate(self) -> None:
        self._fix_labels, self._widths = {}, {}
        self.errors_only.setText(self.tr("Errors only"))
        self.show_ignored.setText(self.tr("Show ignored"))
        self.show_ignored.setToolTip(self.tr("List the flags ignored on this page, greyed, to restore them"))
        self.restore_button.setText(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Show this ignored flag again (undoable)"))
        self.model.retranslate()
        self._fill_filter()
        self._update_counts()

    def changeEvent(self, event) -> None:
        if i18n.language_changed(event, self.errors_only):
            self.retranslate()
        super().changeEvent(event)

