"""The review window: raw page left, article tree and block editor right, flags below.

It assembles the views and connects them to the :class:`Document`; what a view shows
is the view's business, what the page is is the document's.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QMainWindow, QMessageBox, QSplitter,
                               QVBoxLayout, QWidget)

from editor.edits import SetText

from . import i18n
from .actions import Actions
from .article_tree import ArticleTreeView
from .block_editor import BlockEditor
from .commands import EditCommand
from .document import Document
from .find_replace import FindBar
from .flags_panel import FlagsPanel
from .raw_view import RawView
from .settings import Settings
from .status_bar import StatusBar
from .workers import default_check

MIN_FONT, MAX_FONT = 8, 40


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, translations: i18n.Translations | None = None,
                 check=default_check):
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.translations = translations
        self.document = Document(self, check=check)
        self.undo_stack = QUndoStack(self)
        self._block_id = ""
        self._build()
        self._connect()
        self._restore()
        self.retranslate()

    # --- assembly -------------------------------------------------------------------
    def _build(self) -> None:
        self.raw_view = RawView()
        self.find_bar = FindBar()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.raw_view)
        left_layout.addWidget(self.find_bar)
        self.tree = ArticleTreeView()
        self.block_editor = BlockEditor()
        self.block_editor.editable = True
        self.right = QSplitter(Qt.Orientation.Vertical, objectName="tree_splitter")
        self.right.addWidget(self.tree)
        self.right.addWidget(self.block_editor)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self.flags_panel = FlagsPanel()
        self.flags_dock = QDockWidget(objectName="flags_dock")
        self.flags_dock.setWidget(self.flags_panel)
        self.flags_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                    | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.flags_dock)
        self.status = StatusBar()
        self.setStatusBar(self.status)

        self.actions = Actions(self)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.undo_action.setShortcut("Ctrl+Z")
        self.redo_action.setShortcut("Ctrl+Shift+Z")
        a = self.actions
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(a.open)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addActions([a.save_project, a.export_newsml])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a.find)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.flags_dock.toggleViewAction())
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(a.languages.actions())
        self.navigate_menu = bar.addMenu("")
        self.navigate_menu.addActions([a.next_flag, a.previous_flag])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.addActions([a.open, a.save_project, a.export_newsml])
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.previous_flag, a.next_flag])
        self.setAcceptDrops(True)

    def _connect(self) -> None:
        a, d = self.actions, self.document
        a.open.triggered.connect(self.ask_open)
        a.save_project.triggered.connect(self.ask_save_project)
        a.export_newsml.triggered.connect(self.ask_export)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.open_find)
        a.next_flag.triggered.connect(lambda: self.go_to_flag(1))
        a.previous_flag.triggered.connect(lambda: self.go_to_flag(-1))
        a.zoom_in.triggered.connect(lambda: self.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.zoom(0))
        a.languages.triggered.connect(lambda action: self.set_language(action.data()))
        d.opened.connect(self._on_opened)
        d.open_failed.connect(self._on_open_failed)
        d.flags_changed.connect(self._on_flags)
        d.busy_changed.connect(self._on_busy)
        d.page_changed.connect(self._on_page_changed)
        d.check_failed.connect(lambda msg: self.status.showMessage(self.tr("Check failed: %1").replace("%1", msg), 10000))
        self.tree.block_selected.connect(self.show_block)
        self.raw_view.line_activated.connect(self._on_raw_line)
        self.flags_panel.flag_activated.connect(self.jump_to_flag)
        self.block_editor.edit_requested.connect(self._on_edit_requested)

    # --- opening --------------------------------------------------------------------
    def open_path(self, path: str | Path) -> None:
        self.document.open(path)

    def ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open Page"), self.settings.get("files/last_dir"),
            self.tr("Pages and projects (*.txt *.json *.xml);;All files (*)"))
        if path:
            self.open_path(path)

    def _on_opened(self, page) -> None:
        self.undo_stack.clear()
        self._block_id = ""
        self.raw_view.set_text(page.raw_text)
        self.tree.set_page(page)
        self.block_editor.show_block(None)
        self.flags_panel.set_flags([])
        if page.source and Path(page.source).exists():
            self.settings.add_recent(str(Path(page.source).resolve()))
            self.settings.set("files/last_dir", str(Path(page.source).resolve().parent))
        self._update_status()
        self.setWindowFilePath(page.source)
        self.retranslate_title()

    def _on_open_failed(self, path: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot open the file"),
                          self.tr("Cannot open %1").replace("%1", Path(path).name), parent=self)
        box.setObjectName("open_error")
        box.setInformativeText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running; the current page stays open
        if message and not Path(path).exists():
            self.settings.remove_recent(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(True)
        if not self.settings.recent_files():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # --- saving ---------------------------------------------------------------------
    def ask_save_project(self) -> None:
        if self.document.page is None:
            return
        suggested = str(Path(self.document.path or "page").with_suffix(".jiaodui.json"))
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save Project"), suggested,
                                               self.tr("jiaodui projects (*.json)"))
        if path:
            self._write(self.document.save_project, path)

    def ask_export(self) -> None:
        if self.document.page is None:
            return
        suggested = str(Path(self.document.path or "page").with_suffix(".newsml.xml"))
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export NewsML-G2"), suggested,
                                               self.tr("NewsML-G2 (*.xml)"))
        if path:
            self._write(self.document.export_newsml, path)

    def _write(self, how, path: str) -> None:
        try:
            how(path)
        except Exception as exc:  # show it; never lose the window over a failed save
            QMessageBox.warning(self, self.tr("Cannot save"), f"{path}\n\n{exc}")
        else:
            self.status.showMessage(self.tr("Saved %1").replace("%1", path), 5000)

    # --- selection: flag ↔ raw view ↔ tree ↔ block editor ---------------------------
    def go_to_flag(self, step: int) -> None:
        if self.flags_panel.next_flag(step) is None:
            self.status.showMessage(self.tr("No flags to go to"), 3000)

    def jump_to_flag(self, flag) -> None:
        if flag.block_id:
            self.show_block(flag.block_id, select_in_tree=True)
            self.block_editor.select_flag(flag)
        self.raw_view.select_flag(flag)

    def show_block(self, block_id: str, select_in_tree: bool = False) -> None:
        page = self.document.page
        try:
            block = page.block(block_id)
        except (KeyError, AttributeError):
            return
        self._block_id = block_id
        if select_in_tree:
            self.tree.select_block(block_id)
        self.block_editor.show_block(block, self.document.flags)
        self.raw_view.show_lines(block.lines)

    def _on_raw_line(self, line: int) -> None:
        page = self.document.page
        where = page.block_at_line(line) if page else None
        if where is None:
            return
        block = page.articles[where[0]].blocks[where[1]]
        if block.id != self._block_id:
            self.show_block(block.id, select_in_tree=True)

    # --- edits ----------------------------------------------------------------------
    def _on_edit_requested(self, block_id: str, text: str) -> None:
        if self.document.page is not None:
            self.undo_stack.push(EditCommand(self.document.page, SetText(block_id, text)))
            self.block_editor.refresh()

    def _on_page_changed(self, event: str, info: dict) -> None:
        """Keep the block editor on its block through edits and undos."""
        page = self.document.page
        shown = self.block_editor.block_id()
        if shown:
            try:
                block = page.block(shown)
            except KeyError:
                self._block_id = ""
                self.block_editor.show_block(None)
            else:
                if event == "block_changed" and info.get("block_id") == shown:
                    self.block_editor.show_block(block, self.document.flags)
                    self.raw_view.show_lines(block.lines)
        self._update_status()

    # --- flags and status -----------------------------------------------------------
    def _on_flags(self, flags) -> None:
        self.flags_panel.set_rules(self.document.rules)
        self.flags_panel.set_flags(flags)
        self.raw_view.set_flags(flags)
        self.tree.tree_model().set_flags(flags)
        self.block_editor.set_flags(flags)
        self._update_status()

    def _on_busy(self, _busy: bool) -> None:
        d = self.document
        self.status.set_busy("dictionary" if not d.dictionary_loaded else
                             "check" if d.is_busy() else "")

    def _update_status(self) -> None:
        d = self.document
        articles, paragraphs = d.counts()
        page = d.page
        self.status.set_page(page.source if page else "", page.encoding if page else "",
                             articles, paragraphs)
        self.status.set_flags(d.flag_counts() if d.flags_ready else None)

    # --- view -----------------------------------------------------------------------
    def open_find(self) -> None:
        if self.block_editor.text.hasFocus():
            self.find_bar.open_for(self.block_editor.text, self.block_editor.highlighter)
        else:
            self.find_bar.open_for(self.raw_view, self.raw_view.highlighter)

    def zoom(self, step: int) -> None:
        size = self.settings.get("view/font_size")
        size = self.settings.default("view/font_size") if step == 0 else size + step
        self.apply_font_size(max(MIN_FONT, min(MAX_FONT, size)))

    def apply_font_size(self, size: int) -> None:
        self.settings.set("view/font_size", size)
        self.raw_view.set_font_size(size)
        self.block_editor.set_font_size(size)

    def set_language(self, code: str) -> None:
        self.settings.set("ui/language", code)
        if self.translations is not None:
            self.translations.switch(code)
        self.actions.set_language(i18n.resolve(code))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.actions.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.navigate_menu.setTitle(self.tr("&Navigate"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.flags_dock.setWindowTitle(self.tr("Flags"))
        self.tree.tree_model().retranslate()
        self.retranslate_title()

    def retranslate_title(self) -> None:
        name = Path(self.document.path).name if self.document.path else ""
        app = self.tr("jiaodui — proofreading")
        self.setWindowTitle(f"{name} — {app}" if name else app)

    # --- settings -------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        if not s.get("window/geometry").isEmpty():
            self.restoreGeometry(s.get("window/geometry"))
        else:
            self.resize(1400, 900)
        if not s.get("window/state").isEmpty():
            self.restoreState(s.get("window/state"))
        else:
            self.resizeDocks([self.flags_dock], [230], Qt.Orientation.Vertical)
        self.splitter.setSizes(s.get("window/splitter"))
        self.right.setSizes(s.get("window/tree_splitter"))
        self.apply_font_size(s.get("view/font_size"))
        self.actions.set_language(i18n.resolve(s.get("ui/language")))

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/state", self.saveState())
        s.set("window/splitter", self.splitter.sizes())
        s.set("window/tree_splitter", self.right.sizes())
        s.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.document.start()  # the window is up: now load the dictionary

    def closeEvent(self, event) -> None:
        self.save_settings()
        self.document.shutdown()
        super().closeEvent(event)
