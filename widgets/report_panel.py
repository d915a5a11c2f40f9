"""The report panel: the page's names, look-alike variants and words by count
(:mod:`editor.rules.report`, what ``check --report`` prints), each a row that jumps to
its uses.

Activating a row (double-click, Enter) shows its next use on the page — the block in
the tree and the characters in the raw view, as a find result does — and says which use
of how many it is; again goes on to the next. A variant row has both spellings under it
(``张佰山`` ×3 / ``张伯山`` ×1: one is probably misread). The report is made when the
panel is shown and again a moment after the page changes while it is shown; the 的/地/得
hints are off until asked for, as in the CLI. On a long page the report is made only when
asked (Refresh): it cuts the whole page in the window's thread.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QDockWidget, QHBoxLayout, QLabel, QPushButton,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

#: Rows shown a tab (the report is by count: the tail is words used once).
MAX_ROWS = 500
#: Over this many characters the report (a part-of-speech cut of the whole page, in the
#: window's thread) is made only when asked (Refresh), not after every edit.
AUTO_LIMIT = 300_000
_TEXT = Qt.ItemDataRole.UserRole


class ReportPanel(QWidget):
    match_chosen = Signal(object)  # an editor.find.Match: a use to show

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("report_panel")
        self._page = None
        self._session = None
        self._stale = True
        self._uses: dict[str, int] = {}   # text → the use shown last
        self._later = QTimer(self, singleShot=True, interval=600)  # the page changed: again, soon
        self._later.timeout.connect(self.refresh_if_shown)
        self.tabs = QTabWidget(objectName="report_tabs")
        self.names = self._tree("report_names")
        self.variants = self._tree("report_variants")
        self.words = self._tree("report_words")
        self.hints = self._tree("report_hints")
        for tree in (self.names, self.variants, self.words, self.hints):
            self.tabs.addTab(tree, "")
        self.de_hints = QCheckBox(objectName="report_de_hints")
        self.de_hints.toggled.connect(lambda _on: self.refresh())
        self.refresh_button = QPushButton(objectName="report_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(objectName="report_status")
        row = QHBoxLayout()
        row.addWidget(self.de_hints)
        row.addStretch(1)
        row.addWidget(self.status)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.tabs)
        self.retranslate()

    def _tree(self, name: str) -> QTreeWidget:
        tree = QTreeWidget(objectName=name)
        tree.setColumnCount(2)
        tree.setRootIsDecorated(name == "report_variants")
        tree.itemActivated.connect(lambda item, _col: self.show_use(item.data(0, _TEXT)))
        return tree

    # --- the page ----------------------------------------------------------------------
    def set_session(self, session) -> None:
        self._session = session

    def set_page(self, page) -> None:
        self._page = page
        self._stale = True
        self._uses.clear()
        self.refresh_if_shown()

    def page_changed(self) -> None:
        self._stale = True
        self._later.start()

    def refresh_if_shown(self) -> None:
        if not (self._stale and self.isVisible()):
            return
        if self._page is not None and len(self._page.raw_text) > AUTO_LIMIT:
            self.status.setText(self.tr("A long page: Refresh makes the report"))
            return
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_if_shown()

    def refresh(self) -> None:
        """Make the report of the page again and show it."""
        for tree in (self.names, self.variants, self.words, self.hints):
            tree.clear()
        self._stale = False
        report = self._session.report(self.de_hints.isChecked()) if self._page and self._session else None
        if report is None:
            self.status.setText("")
            return
        self._fill(self.names, [(e.text, e.count) for e in report.names])
        self._fill(self.words, [(e.text, e.count) for e in report.words])
        self._fill(self.hints, [(h.text, h.suggest + "?") for h in report.hints])
        for variant in report.variants[:MAX_ROWS]:
            top = QTreeWidgetItem([f"{variant.a.text} / {variant.b.text}", variant.differ])
            top.setData(0, _TEXT, variant.a.text)
            for entry in (variant.a, variant.b):
                child = QTreeWidgetItem(top, [entry.text, f"×{entry.count}"])
                child.setData(0, _TEXT, entry.text)
            self.variants.addTopLevelItem(top)
            top.setExpanded(True)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.hints), self.de_hints.isChecked())
        self._count_tabs(len(report.names), len(report.variants), len(report.words), len(report.hints))

    def _fill(self, tree: QTreeWidget, rows) -> None:
        items = []
        for text, count in rows[:MAX_ROWS]:
            item = QTreeWidgetItem([text, f"×{count}" if isinstance(count, int) else count])
            item.setData(0, _TEXT, text)
            items.append(item)
        tree.addTopLevelItems(items)
        tree.resizeColumnToContents(0)

    # --- jumping to the uses ----------------------------------------------------------------
    def show_use(self, text: str | None) -> None:
        """Show the next use of ``text`` on the page (the first after the last shown)."""
        if not text or self._page is None or self._session is None:
            return
        uses = self._session.find(text)
        if not uses:
            self.status.setText(self.tr("“%1” is no longer on the page").replace("%1", text))
            return
        at = (self._uses.get(text, -1) + 1) % len(uses)
        self._uses[text] = at
        self.status.setText(self.tr("“%1”: use %2 of %3").replace("%1", text)
                            .replace("%2", str(at + 1)).replace("%3", str(len(uses))))
        self.match_chosen.emit(uses[at])

    # --- language ---------------------------------------------------------------------------
    def _count_tabs(self, names: int, variants: int, words: int, hints: int) -> None:
        titles = (self.tr("Names (%1)"), self.tr("Variants (%1)"), self.tr("Words (%1)"),
                  self.tr("的/地/得 (%1)"))
        for k, (title, n) in enumerate(zip(titles, (names, variants, words, hints))):
            self.tabs.setTabText(k, title.replace("%1", str(n)))

    def retranslate(self) -> None:
        self._count_tabs(*(t.topLevelItemCount() for t in (self.names, self.variants, self.words, self.hints)))
        for tree in (self.names, self.words):
            tree.setHeaderLabels([self.tr("Text"), self.tr("Count")])
        self.variants.setHeaderLabels([self.tr("Variants"), self.tr("Differ")])
        self.hints.setHeaderLabels([self.tr("Text"), self.tr("Instead")])
        self.de_hints.setText(self.tr("的/地/得 hints"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.tabs.setToolTip(self.tr("Double-click a row (or press Enter) to go to its next use on the page"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def install(window) -> None:
    """The panel in a dock of the window (hidden until View → Report), following the page
    (the window hands it each page it shows)."""
    window.report_panel = ReportPanel()
    window.report_panel.set_session(window.document.session)
    window.report_dock = QDockWidget(objectName="report_dock")
    window.report_dock.setWidget(window.report_panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.report_dock)
    window.report_dock.hide()
    window.document.page_changed.connect(lambda *_: window.report_panel.page_changed())
    window.report_panel.match_chosen.connect(lambda match: window.loop.show_match(match))
