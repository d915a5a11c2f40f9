"""The pages of the open project in the window: the page list and the page view (docks,
toggled from View), one undo stack per page (a :class:`QUndoGroup`: the stack of the page
shown is the active one), Ctrl+PgDown / Ctrl+PgUp, opening several files or a folder,
and exporting every page with progress.

Everything a page *is* is the session's (:meth:`editor.session.Session.show_page`,
``page_states``, ``export_pages``); this module switches the views and the undo stack.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMessageBox, QProgressDialog

from editor.session import readers

from .page_list import PageList
from .page_view import PageView


class Pages(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.list = PageList()
        self.list_dock = self._dock("pages_dock", self.list, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.view = PageView()
        self.view_dock = self._dock("page_view_dock", self.view, Qt.DockWidgetArea.RightDockWidgetArea)
        self.view_dock.hide()
        self.list_dock.hide()
        self.stacks: list[QUndoStack] = [window.undo_group.activeStack()]
        self.actions: dict[str, QAction] = {}
        for name, keys in (("next_page", "Ctrl+PgDown"), ("previous_page", "Ctrl+PgUp"),
                           ("open_folder", "Ctrl+Shift+O"), ("export_all", "Ctrl+Shift+E")):
            action = QAction(window, objectName=f"action_{name}")
            action.setShortcut(QKeySequence(keys))
            window.addAction(action)
            self.actions[name] = action
        a = self.actions
        a["next_page"].triggered.connect(lambda: self.go(1))
        a["previous_page"].triggered.connect(lambda: self.go(-1))
        a["open_folder"].triggered.connect(self.ask_open_folder)
        a["export_all"].triggered.connect(self.export_all)
        self.list.page_chosen.connect(self.choose)
        self.view.line_clicked.connect(self._on_image_line)
        d = window.document
        d.page_shown.connect(self._on_shown)
        for signal in (d.pages_changed, d.flags_changed, d.page_changed, window.undo_group.cleanChanged):
            signal.connect(lambda *_: self.refresh())
        self._image_stale = False
        self.view_dock.visibilityChanged.connect(lambda visible: visible and self._image_stale and self._show_image())
        self.retranslate()

    def _dock(self, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(objectName=name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    @property
    def session(self):
        return self.window.document.session

    # --- opening ---------------------------------------------------------------------
    def opened(self) -> None:
        """A project was opened: one undo stack a page (the first kept: it is the one
        a single page has always had), the page list shown when there are several."""
        group, pages = self.window.undo_group, self.session.pages
        first = self.stacks[0]
        for stack in self.stacks[1:]:
            group.removeStack(stack)
            stack.deleteLater()
        first.clear()
        self.stacks = [first] + [QUndoStack(group) for _p in pages[1:]]
        group.setActiveStack(self.stacks[self.session.index])
        if len(pages) > 1:
            self.list_dock.show()
        if self.session.page is not None and self.session.page.source_page is not None \
                and not self.view_dock.isVisible():
            self.view_dock.show()  # a third of the window: the page readable beside the text
            self.window.resizeDocks([self.view_dock], [self.window.width() // 3], Qt.Orientation.Horizontal)
        self.refresh()
        self._show_image()

    def _on_shown(self, index: int) -> None:
        self.window.undo_group.setActiveStack(self.stacks[index])
        self.window.show_page_views(self.session.page)
        self.refresh()
        self._show_image()

    def _show_image(self) -> None:
        """The page image of the page shown (drawn only while the view is visible)."""
        self._image_stale = not self.view_dock.isVisible()
        if not self._image_stale:
            self.view.set_page(self.session.project)

    def choose(self, index: int) -> None:
        if index != self.session.index:
            self.window.block_editor.flush()
            self.window.document.show_page(index)

    def go(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next / previous page."""
        index = self.session.index + step
        if 0 <= index < len(self.session.pages):
            self.choose(index)
        else:
            self.window.status.showMessage(self.tr("No more pages"), 3000)

    def refresh(self) -> None:
        session = self.session
        if not session.pages:
            return
        clean = [stack.isClean() and not self.window.files.restored for stack in self.stacks]
        self.list.set_pages(session.page_states(), clean, session.index)

    def is_modified(self) -> bool:
        return any(not stack.isClean() for stack in self.stacks)

    def set_clean(self) -> None:
        for stack in self.stacks:
            stack.setClean()

    def _on_image_line(self, line: int) -> None:
        """A click on the page image: its line in the raw view, its block everywhere."""
        raw = self.window.raw_view
        raw.select_range(raw.position(line, 0), raw.position(line, 0))
        block_id = self.session.block_at_line(line)
        if block_id:
            self.window.show_block(block_id, select_in_tree=True)

    # --- dialogs ---------------------------------------------------------------------
    def file_filters(self) -> tuple[list[str], dict[str, str]]:
        """The open dialog's filters, and for each reader's filter its reader id."""
        table = readers()
        patterns = sorted({p for r in table.values() for p in r.patterns})
        filters = [self.tr("Pages, PDFs, OCR files and projects (%1)").replace("%1", " ".join(patterns))]
        chosen: dict[str, str] = {}
        for reader in table.values():
            text = f"{reader.title} ({' '.join(reader.patterns)})"
            filters.append(text)
            chosen[text] = reader.id
        filters.append(self.tr("All files (*)"))
        return filters, chosen

    def ask_open(self) -> None:
        filters, chosen = self.file_filters()
        paths, picked = QFileDialog.getOpenFileNames(self.window, self.tr("Open Pages"),
                                                     self.window.settings.get("files/last_dir"), ";;".join(filters))
        if paths:
            self.window.document.open_files(paths, chosen.get(picked))

    def ask_open_folder(self) -> None:
        if not self.window.files.confirm_leave():
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a Folder of Pages"),
                                                  self.window.settings.get("files/last_dir"))
        if folder:
            self.window.document.open(folder)

    def offer_open_as(self, box, path: str) -> None:
        """On a file that could not be opened: a button to read it as a text page."""
        if box is None or not Path(path).is_file():
            return
        button = box.addButton(self.tr("Open as Text Page"), QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName("open_as_page")
        button.clicked.connect(lambda: self.window.document.open(path, "page"))

    def export_all(self) -> int:
        """Export every page into a folder, with progress; the number of pages written."""
        if self.session.page is None:
            return 0
        self.window.block_editor.flush()
        self.window.document.recheck_now()
        folder = self.ask_export_folder()
        if not folder:
            return 0
        pages = len(self.session.pages)
        progress = QProgressDialog(self.tr("Exporting the pages…"), self.tr("Cancel"), 0, pages, self.window)
        progress.setObjectName("export_progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        problems, done = [], 0
        schema = self.window.settings.get("export/schema_path") or None
        for done, total, target, errors in self.session.export_pages(folder, schema=schema):
            progress.setValue(done)
            progress.setLabelText(self.tr("Exported %1 of %2").replace("%1", str(done)).replace("%2", str(total)))
            problems += [f"{Path(target).name}: {e}" for e in errors]
            QApplication.processEvents()
            if progress.wasCanceled():
                break
        progress.close()
        self.refresh()
        message = self.tr("Exported %1 of %2 pages to %3").replace("%1", str(done)).replace(
            "%2", str(pages)).replace("%3", folder)
        self.window.status.showMessage(message, 8000)
        if problems:
            self.window.files.show_problem("export_all_problems", self.tr("Export"), message, "\n".join(problems))
        return done

    def ask_export_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, self.tr("Export All Pages To"),
                                                self.window.settings.get("files/last_dir"))

    # --- language ----------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"next_page": self.tr("Ne&xt Page"), "previous_page": self.tr("Pre&vious Page"),
                 "open_folder": self.tr("Open &Folder…"), "export_all": self.tr("Export &All Pages…")}
        for name, text in texts.items():
            self.actions[name].setText(text)
            self.actions[name].setToolTip(text.replace("&", "").rstrip("…"))
        self.list_dock.setWindowTitle(self.tr("Pages"))
        self.view_dock.setWindowTitle(self.tr("Page Image"))
        self.list_dock.toggleViewAction().setText(self.tr("&Pages"))
        self.view_dock.toggleViewAction().setText(self.tr("Page &Image"))


def menu_actions(window) -> dict[str, list]:
    """Where the pages' actions go in the menus (see widgets/menus.py)."""
    pages = window.pages
    a = pages.actions
    return {"file_open": [a["open_folder"]], "file_export": [a["export_all"]],
            "view": [pages.list_dock.toggleViewAction(), pages.view_dock.toggleViewAction(),
                     a["previous_page"], a["next_page"]]}

