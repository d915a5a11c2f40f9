"""Files from the window: save the project, autosave and crash recovery, unsaved-work
questions, export.

The undo stack's clean state says whether there is unsaved work. Every few seconds
(``files/autosave_seconds``) unsaved work goes to a recovery file through the session
(:meth:`editor.session.Session.autosave`); a save or "discard" removes it, a crash leaves
it, and the next start offers it back (:meth:`Files.offer_recovery`, called by
``app.main``). Writing files is the session's; this module asks and tells.

The questions (:meth:`Files.ask_unsaved`, :meth:`Files.ask_restore`) are methods so that
tests can answer them, and every "this went wrong" goes through :meth:`Files.show_problem`
so that tests can read it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QSizePolicy, QSpacerItem

from editor.session import InputError

from .export_dialog import ExportDialog


#: The narrowest a message box is drawn, so that its title and a path fit (pixels).
MESSAGE_WIDTH = 480


def wide_enough(box: QMessageBox) -> None:
    """A message box at least :data:`MESSAGE_WIDTH` wide (and as wide as its title): a
    short text must not make a box so narrow that its title is cut."""
    title = box.fontMetrics().horizontalAdvance(box.windowTitle()) + 160
    layout = box.layout()
    layout.addItem(QSpacerItem(max(MESSAGE_WIDTH, title), 0, QSizePolicy.Policy.Minimum,
                               QSizePolicy.Policy.Expanding), layout.rowCount(), 0, 1, layout.columnCount())


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Files(QObject):
    def __init__(self, window, recovery_dir: str | Path | None = None):
        super().__init__(window)
        self.window = window
        self.restored = False  # the page came from an autosave: unsaved until saved
        self.autosave_timer = QTimer(self, objectName="autosave_timer")
        self.autosave_timer.timeout.connect(self.autosave)
        self.apply_settings()

    @property
    def document(self):
        return self.window.document

    @property
    def session(self):
        return self.window.document.session

    def apply_settings(self) -> None:
        seconds = max(1, self.window.settings.get("files/autosave_seconds"))
        self.autosave_timer.start(seconds * 1000)

    # --- telling ---------------------------------------------------------------------
    def show_problem(self, name: str, title: str, text: str, detail: str = "") -> QMessageBox:
        """Say what went wrong in a message box that does not block (``open()``, not
        ``exec()``): the window keeps running and the page that was open stays open.
        ``name`` is the box's object name (e.g. "open_error")."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        box.setObjectName(name)
        box.setInformativeText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wide_enough(box)
        box.open()
        return box

    def warn_raw_changed(self) -> None:
        self.show_problem(
            "raw_changed", self.tr("The raw page has changed"),
            self.tr("The raw page of this project has changed on disk since the project "
                    "was saved. The project keeps the page as it was then."),
            self.document.project.raw_path if self.document.project else "")

    # --- unsaved work ---------------------------------------------------------------
    def is_modified(self) -> bool:
        return self.document.page is not None and (self.restored or self.window.pages.is_modified())

    def autosave(self) -> Path | None:
        """Write unsaved work to the recovery folder (nothing when all is saved)."""
        if not self.is_modified() or self.document.project is None:
            return None
        try:
            return self.session.autosave()
        except OSError as exc:
            self.window.status.showMessage(self.tr("Autosave failed: %1").replace("%1", str(exc)), 10000)
            return None

    def mark_saved(self) -> None:
        self.restored = False
        self.window.pages.set_clean()
        self.session.discard_autosave(self.document.path, self.session.recovery_key())
        self.window.update_modified()

    def forget_unsaved(self) -> None:
        """The user chose to discard unsaved work: the autosave goes too."""
        if self.document.page is not None:
            self.session.discard_autosave()

    def confirm_leave(self) -> bool:
        """May the current page go (to open another or to quit)? Asks if there is unsaved work."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.forget_unsaved()
            return True
        return False

    def ask_unsaved(self) -> str:
        """"save", "discard" or "cancel"."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The page has changes that are not saved. Save them?"),
                          buttons.Save | buttons.Discard | buttons.Cancel, self.window)
        box.setObjectName("unsaved_question")
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(buttons(answer), "cancel")

    # --- recovery -------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: offer the newest autosave; True when it was restored."""
        recovery = self.session.pending_recovery()
        if recovery is None:
            return False
        if not self.ask_restore(recovery):
            self.session.discard_autosave(recovery.source)
            return False
        try:
            self.document.set_restored(recovery)
        except (OSError, InputError) as exc:
            self.window.status.showMessage(self.tr("Cannot restore: %1").replace("%1", str(exc)), 10000)
            return False
        self.restored = True
        self.window.update_modified()
        return True

    def ask_restore(self, recovery) -> bool:
        from datetime import datetime

        when = datetime.fromtimestamp(recovery.saved_at).strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self.window, self.tr("Restore unsaved work?"),
            self.tr("jiaodui did not close properly. Restore the unsaved work on %1 from %2?")
            .replace("%1", Path(recovery.source).name or "?").replace("%2", when))
        return answer == QMessageBox.StandardButton.Yes

    # --- saving ---------------------------------------------------------------------
    def save(self) -> bool:
        """Ctrl+S: to the project file this page came from, else ask where."""
        if self.document.page is None:
            return False
        if self.document.project_path:
            return self.save_to(self.document.project_path)
        return self.save_as()

    def save_as(self) -> bool:
        if self.document.page is None:
            return False
        suggested = self.suggested_project_path()
        path, _f = QFileDialog.getSaveFileName(self.window, self.tr("Save Project"), suggested,
                                               self.tr("jiaodui projects (*.json)"))
        return self.save_to(path) if path else False

    def suggested_project_path(self) -> str:
        """Beside the page (an absolute path: a file dialog would take a bare name to the
        program's folder); for the sample bundled with the program, the user's home."""
        if self.document.project_path:
            return str(Path(self.document.project_path).resolve())
        page = Path(self.document.path or "page").resolve()
        from .paths import sample_page

        folder = Path.home() if page == sample_page().resolve() else page.parent
        return str(folder / (page.stem + ".jiaodui.json"))

    def save_to(self, path: str) -> bool:
        self.window.block_editor.flush()
        try:
            self.session.save(path)
        except (OSError, InputError) as exc:  # show it; never lose the window over a failed save
            self.show_problem("save_error", self.tr("Cannot save"),
                              self.tr("Cannot save %1").replace("%1", Path(path).name),
                              f"{path}\n\n{exc}")
            return False
        self.mark_saved()
        self.window.settings.add_recent(str(Path(path).resolve()))
        self.window.status.showMessage(self.tr("Saved %1").replace("%1", path), 5000)
        self.window.retranslate_title()
        return True

    def _go_to_problem(self, dialog, problem) -> None:
        """From the export dialog to the problem: the dialog closes, the window goes there."""
        dialog.reject()
        loop = self.window.loop
        loop.go(("flag", problem.flag) if problem.flag is not None else ("block", problem.block_id))

    # --- what changed ---------------------------------------------------------------
    def show_changes(self):
        """Ctrl+D: every edit with its line, and the raw text against the corrected text."""
        from .changes_dialog import ChangesDialog

        if self.document.page is None:
            return None
        self.window.block_editor.flush()
        dialog = ChangesDialog(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.go_to.connect(lambda block_id: self.window.loop.go(("block", block_id)))
        dialog.open()
        return dialog

    # --- export ---------------------------------------------------------------------
    def export(self) -> ExportDialog | None:
        """Ctrl+E: the export dialog (content check first, then the file)."""
        if self.document.page is None:
            return None
        self.window.block_editor.flush()
        base = str(Path(self.suggested_project_path()).with_name(Path(self.document.path or "page").name))
        suggested = str(Path(base).with_suffix(".newsml.xml")) if not base.endswith(".xml") else base
        if self.session.page_stem():  # page 3 of a PDF: day-p3.newsml.xml
            suggested = str(Path(base).parent / f"{self.session.page_stem()}.newsml.xml")
        dialog = ExportDialog(self.session, self.window.settings.get("export/schema_path"),
                              suggested, self.window)
        dialog.exported.connect(lambda path: self.window.status.showMessage(
            self.tr("Exported %1").replace("%1", path), 5000))
        dialog.go_to.connect(lambda problem: self._go_to_problem(dialog, problem))
        dialog.open()
        return dialog
