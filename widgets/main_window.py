"""The window: raw page left, article tree and block editor right, flags below.

It assembles the views and connects them to the :class:`Document`; what a view shows
is the view's business, what the page is is the document's. Editing lives in
:mod:`widgets.editing` (every change one command on :attr:`MainWindow.undo_stack`),
saving, autosave, recovery and export in :mod:`widgets.files`, the Help menu's sheets in
:mod:`widgets.help`, Preferences in :mod:`widgets.preferences`.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (QApplication, QDockWidget, QMainWindow, QMenu,
                               QSplitter, QUndoView, QVBoxLayout, QWidget)

from . import i18n, menus, report_panel
from .actions import Actions
from .article_tree import ArticleTreeView
from editor.session import Checks

from .block_editor import BlockEditor
from .document import Document
from .editing import Editing
from .files import Files
from .find_replace import FindBar
from .flags_panel import FlagsPanel
from .loop import Loop
from .raw_view import RawView
from .settings import MAX_FONT, MIN_FONT, Settings, restore_window, save_window
from .status_bar import StatusBar


class MainWindow(QMainWindow):
    undo_stack = property(lambda self: self.undo_group.activeStack(), doc="the shown page's undo stack")

    def __init__(self, settings: Settings, translations: i18n.Translations | None = None,
                 check=None, recovery_dir=None):
        """``check``: None for the rules engine, or a function page → (flags, rules)."""
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings
        self.translations = translations
        self.rule_settings = settings.rule_settings()  # read by the checks on the worker thread
        from .files import default_recovery_dir

        self.document = Document(self, Checks(check, lambda: self.rule_settings),
                                 recovery_dir or default_recovery_dir())
        self._dialogs: dict[str, object] = {}
        self.undo_group = QUndoGroup(self)  # a stack a page; the shown page's is active
        self.undo_group.setActiveStack(QUndoStack(self.undo_group))
        self._block_id = ""
        self._build()
        self.loop = Loop(self)
        self.editing = Editing(self)
        self.files = Files(self, recovery_dir)
        self._build_menus()
        self._connect()
        self._restore()
        self.retranslate()
        self.editing.update_enabled()  # nothing open yet: nothing to act on

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
                                    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                                    | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.flags_dock)
        self.status = StatusBar()
        self.setStatusBar(self.status)

        self.undo_view = QUndoView(self.undo_group, objectName="undo_view")
        self.undo_dock = QDockWidget(objectName="undo_dock")
        self.undo_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        report_panel.install(self)
        self.actions = Actions(self)
        from .pages import Pages

        self.pages = Pages(self)
        self.setAcceptDrops(True)

    def _build_menus(self) -> None:
        menus.build(self)

    def tree_menu(self) -> QMenu:
        """The tree's context menu (for the row that is current)."""
        return menus.tree_menu(self)

    def _connect(self) -> None:
        a, d = self.actions, self.document
        a.open.triggered.connect(self.ask_open)
        a.save_project.triggered.connect(self.files.save)
        a.save_as.triggered.connect(self.files.save_as)
        a.export_newsml.triggered.connect(self.files.export)
        a.changes.triggered.connect(self.files.show_changes)
        a.preferences.triggered.connect(self.ask_preferences)
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.open_find)
        a.replace.triggered.connect(lambda: self.open_find(replace=True))
        a.next_flag.triggered.connect(lambda: self.loop.go_to_flag(1))
        a.previous_flag.triggered.connect(lambda: self.loop.go_to_flag(-1))
        a.zoom_in.triggered.connect(lambda: self.zoom(+1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.zoom(0))
        a.languages.triggered.connect(lambda action: self.set_language(action.data()))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.about_qt.triggered.connect(QApplication.aboutQt)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme)
        d.opened.connect(self._on_opened)
        d.open_failed.connect(self._on_open_failed)
        d.flags_changed.connect(self._on_flags)
        d.busy_changed.connect(self._on_busy)
        d.page_changed.connect(self._on_page_changed)
        d.check_failed.connect(lambda msg: self.status.showMessage(self.tr("Check failed: %1").replace("%1", msg), 10000))
        self.tree.block_selected.connect(self._on_tree_block)
        self.raw_view.line_activated.connect(self._on_raw_line)
        self.flags_panel.flag_activated.connect(self.jump_to_flag)
        self.block_editor.edit_requested.connect(self.editing.commit_text)
        self.find_bar.replace_all_requested.connect(self.editing.replace_all)
        self.find_bar.replace_requested.connect(self.editing.replace_chosen)
        self.find_bar.match_chosen.connect(self.loop.show_match)
        d.page_changed.connect(lambda *_: self.find_bar.page_changed())
        model = self.tree.tree_model()
        model.block_drop_requested.connect(self.editing.move_block_to)
        model.article_drop_requested.connect(self.editing.move_article_to)
        self.tree.customContextMenuRequested.connect(lambda pos: menus.show_tree_menu(self, pos))
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.editing.update_enabled())
        self.flags_panel.table.selectionModel().currentChanged.connect(
            lambda *_: self.editing.update_enabled())
        s = self.undo_group
        s.indexChanged.connect(self._on_stack_changed)
        s.cleanChanged.connect(self.update_modified)
        s.canUndoChanged.connect(a.undo.setEnabled)
        s.canRedoChanged.connect(a.redo.setEnabled)
        s.undoTextChanged.connect(lambda t: a.undo.setToolTip(self.tr("Undo %1").replace("%1", t)))
        s.redoTextChanged.connect(lambda t: a.redo.setToolTip(self.tr("Redo %1").replace("%1", t)))
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)

    # --- opening --------------------------------------------------------------------
    def open_path(self, path: str | Path) -> None:
        """Open a file (asking first about unsaved work on the current page); a relative
        path is taken from where the program was started, once, here."""
        if self.files.confirm_leave():
            self.document.open(os.path.abspath(path))

    def ask_open(self) -> None:
        if self.files.confirm_leave():
            self.pages.ask_open()  # the readers table's file types: choosing one reads the files as that

    def _on_opened(self, page) -> None:
        self.files.restored = False
        self.pages.opened()
        self.show_page_views(page)
        opened = self.document.opened_path  # the file the user chose, never a path read from inside it
        if opened and Path(opened).exists():
            self.settings.add_recent(str(Path(opened).resolve()))
            self.settings.set("files/last_dir", str(Path(opened).resolve().parent))
        if self.document.raw_changed:
            self.files.warn_raw_changed()
        if self.document.notice:
            self.files.show_problem("open_notice", self.tr("Some files were not opened"), "",
                                    str(self.document.notice))

    def show_page_views(self, page) -> None:
        """The views on a page just opened, or shown from the page list."""
        self._block_id = ""
        self.raw_view.set_text(page.raw_text)
        self.tree.set_page(page)
        self.tree.scrollToTop()  # a new page starts at its top, not where the last one was
        self.block_editor.show_block(None)
        self.flags_panel.set_flags([])
        self.report_panel.set_page(page)
        self.find_bar.set_session(self.document.session)
        self._update_status()
        self.setWindowFilePath(self.document.path)
        self.update_modified()
        self.editing.update_enabled()

    def _on_open_failed(self, path: str, message: str) -> None:
        # not a modal exec(): the window keeps running; the current page stays open
        box = self.files.show_problem("open_error", self.tr("Cannot open the file"),
                                      self.tr("Cannot open %1").replace("%1", Path(path).name), message)
        self.pages.offer_open_as(box, path)
        if message and not Path(path).exists():
            self.settings.remove_recent(path)

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files and self.files.confirm_leave():
            event.acceptProposedAction()
            self.document.open_files(files)

    def ask_preferences(self):
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_chosen.connect(self.set_language)
        dialog.font_chosen.connect(self.apply_font)
        dialog.accepted.connect(self.apply_preferences)
        dialog.open()
        return dialog

    def apply_preferences(self) -> None:
        """After Preferences → OK: autosave, fonts, and the rules (the page checked again)."""
        self.files.apply_settings()
        self.apply_font()
        rules = self.settings.rule_settings()
        if rules != self.rule_settings:
            self.rule_settings = rules
            self.document.check()

    # --- help -----------------------------------------------------------------------
    def show_shortcuts(self):
        from .help import ShortcutsDialog, show_once

        return show_once(self, "shortcuts", ShortcutsDialog)

    def show_about(self):
        from .help import AboutDialog, show_once

        return show_once(self, "about", AboutDialog)

    def update_modified(self, *_args) -> None:
        self.setWindowModified(self.files.is_modified())
        self.retranslate_title()

    def _on_stack_changed(self, _index: int) -> None:
        """A command was pushed, undone or redone: check the blocks it touched, then go
        where the step (or its undo) says."""
        self.document.recheck_now()
        self.loop.settle()
        self.editing.update_enabled()

    # --- selection: flag ↔ raw view ↔ tree ↔ block editor ---------------------------
    def go_to_flag(self, step: int):
        return self.loop.go_to_flag(step)

    def jump_to_flag(self, flag) -> None:
        if flag.block_id:
            self.show_block(flag.block_id, select_in_tree=True)
            self.block_editor.select_flag(flag)
        self.raw_view.select_flag(flag)
        self.pages.view.show_flag(flag)

    def show_block(self, block_id: str, select_in_tree: bool = False) -> None:
        page = self.document.page
        try:
            block = page.block(block_id)
        except (KeyError, AttributeError):
            return
        self._block_id = block_id
        if select_in_tree:
            self.tree.select_block(block_id)
        self.block_editor.show_block(block, self.document.session.flag_book.by_block())
        self.raw_view.show_lines(block.lines)
        self.pages.view.show_block(block)

    def _on_raw_line(self, line: int) -> None:
        block_id = self.document.session.block_at_line(line)
        if block_id and block_id != self._block_id:
            self.show_block(block_id, select_in_tree=True)
            self.flags_panel.follow_block(block_id)

    def _on_tree_block(self, block_id: str) -> None:
        self.show_block(block_id)
        self.flags_panel.follow_block(block_id)

    # --- edits ----------------------------------------------------------------------
    def undo(self) -> None:
        self.block_editor.flush()  # typing not handed over yet is undone first
        self.undo_stack.undo()

    def redo(self) -> None:
        self.block_editor.flush()
        self.undo_stack.redo()

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
                    self.block_editor.show_block(block)
                    self.raw_view.show_lines(block.lines)
        self._update_status()

    # --- flags and status -----------------------------------------------------------
    def _on_flags(self, flags) -> None:
        book = self.document.session.flag_book
        self.flags_panel.set_rules(self.document.rules)
        self.flags_panel.set_flags(flags, self.document.session.ignored_flags())
        self.raw_view.set_flags(flags, book.worst_by_line())
        self.tree.tree_model().set_flags(book.worst_by_block(), book.by_block())
        self.block_editor.set_flags(book.by_block())
        self.editing.update_enabled()
        self._update_status()

    def _on_busy(self, _busy: bool) -> None:
        d = self.document
        self.status.set_busy("dictionary" if not d.dictionary_loaded else
                             "check" if d.is_busy() else "")

    def _update_status(self) -> None:
        session = self.document.session
        articles, paragraphs = session.counts()
        page = session.page
        self.status.set_page(page.source if page else "", page.encoding if page else "",
                             articles, paragraphs)
        self.status.set_flags(session.flag_counts() if session.flags_ready else None)
        self.status.set_reviewed(session.reviewed_count(), len(page.articles) if page else 0)

    # --- view -----------------------------------------------------------------------
    def open_find(self, replace: bool = False) -> None:
        """Ctrl+F / Ctrl+H: in the block shown when typing there, else in the page."""
        in_block = self.block_editor.text.hasFocus() and bool(self.block_editor.block_id())
        if in_block:
            self.block_editor.flush()
        self.find_bar.open_for(self.raw_view, self.block_editor if in_block else None, replace)

    def zoom(self, step: int) -> None:
        size = self.settings.get("view/font_size")
        size = self.settings.default("view/font_size") if step == 0 else size + step
        self.apply_font_size(max(MIN_FONT, min(MAX_FONT, size)))

    def apply_font_size(self, size: int) -> None:
        self.apply_font(size=size)

    def apply_font(self, family: str | None = None, size: int | None = None) -> None:
        """The raw view's and block editor's font (None: as in the settings), remembered."""
        family = self.settings.get("view/font_family") if family is None else family
        size = self.settings.get("view/font_size") if size is None else size
        self.settings.set("view/font_family", family)
        self.settings.set("view/font_size", size)
        self.raw_view.set_font_size(size, family)
        self.block_editor.set_font_size(size, family)

    # --- light and dark -------------------------------------------------------------
    def _on_color_scheme(self, _scheme) -> None:
        QTimer.singleShot(0, self.apply_theme)  # the palette follows the scheme: after it

    def apply_theme(self) -> None:
        """Redraw our own colours (flags, highlights, tree kinds) for the current palette."""
        if self.document.page is not None:
            book = self.document.session.flag_book
            self.raw_view.set_flags(self.document.flags, book.worst_by_line())
            self.block_editor.set_flags(book.by_block())
            if self._block_id:
                self.show_block(self._block_id)
            self.raw_view._mark_current_line()
            self._update_status()
        for view in (self.tree, self.flags_panel.table):
            view.viewport().update()  # their colours are read as they paint

    def set_language(self, code: str) -> None:
        self.settings.set("ui/language", code)
        if self.translations is not None:
            self.translations.switch(code)
        self.actions.set_language(i18n.resolve(code))

    def changeEvent(self, event) -> None:
        if i18n.language_changed(event, self.file_menu):
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange and hasattr(self, "editing"):
            self.apply_theme()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.actions.retranslate()
        self.editing.retranslate()
        self.loop.retranslate()
        menus.retranslate(self)
        self.pages.retranslate()
        self.tree.tree_model().retranslate()
        for n in range(self.undo_stack.count()):  # the core's names of the steps
            command = self.undo_stack.command(n)
            if hasattr(command, "retranslate"):
                command.retranslate()
        self.retranslate_title()

    def retranslate_title(self) -> None:
        doc = self.document
        shown = doc.project_path or doc.path
        # Qt adds the application's display name ("jiaodui 校对") to what is set here
        self.setWindowTitle(f"{Path(shown).name}[*]" if shown else "")

    # --- settings -------------------------------------------------------------------
    def _restore(self) -> None:
        restore_window(self, self.settings)
        self.apply_font()
        self.actions.set_language(i18n.resolve(self.settings.get("ui/language")))

    def save_settings(self) -> None:
        save_window(self, self.settings)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.document.start()  # the window is up: now load the dictionary

    def closeEvent(self, event) -> None:
        self.block_editor.flush()
        if not self.files.confirm_leave():
            event.ignore()
            return
        self.files.autosave_timer.stop()
        self.save_settings()
        self.document.shutdown()
        super().closeEvent(event)
