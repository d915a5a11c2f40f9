"""The window's actions: one place for their texts, shortcuts and icons."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

# name → (standard shortcut or key string, standard icon)
_SPEC = {
    "open": (QKeySequence.StandardKey.Open, QStyle.StandardPixmap.SP_DialogOpenButton),
    "save_project": (QKeySequence.StandardKey.Save, QStyle.StandardPixmap.SP_DialogSaveButton),
    "save_as": (QKeySequence.StandardKey.SaveAs, None),
    "preferences": (QKeySequence.StandardKey.Preferences, None),
    "undo": ("Ctrl+Z", QStyle.StandardPixmap.SP_ArrowBack),
    "redo": ("Ctrl+Shift+Z", QStyle.StandardPixmap.SP_ArrowForward),
    "replace": (QKeySequence.StandardKey.Replace, None),
    "export_newsml": ("Ctrl+E", QStyle.StandardPixmap.SP_FileDialogDetailedView),
    "quit": (QKeySequence.StandardKey.Quit, None),
    "find": (QKeySequence.StandardKey.Find, None),
    "next_flag": ("F8", QStyle.StandardPixmap.SP_ArrowDown),
    "previous_flag": ("Shift+F8", QStyle.StandardPixmap.SP_ArrowUp),
    "zoom_in": (QKeySequence.StandardKey.ZoomIn, None),
    "zoom_out": (QKeySequence.StandardKey.ZoomOut, None),
    "zoom_reset": ("Ctrl+0", None),
    "changes": ("Ctrl+D", None),
    "shortcuts": ("F1", None),
    "about": (None, None),
    "about_qt": (None, None),
    "lang_zh": (None, None),
    "lang_en": (None, None),
}


class Actions(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        style = window.style()
        self.all: dict[str, QAction] = {}
        for name, (keys, icon) in _SPEC.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            window.addAction(action)  # shortcuts work wherever the focus is in the window
            self.all[name] = action
            setattr(self, name, action)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        for name, fallback in (("replace", "Ctrl+H"), ("quit", "Ctrl+Q"), ("preferences", "Ctrl+,")):
            if self.all[name].shortcut().isEmpty():  # no standard key on this platform
                self.all[name].setShortcut(QKeySequence(fallback))
        self.languages = QActionGroup(self)
        for action, code in ((self.lang_zh, "zh_CN"), (self.lang_en, "en")):
            action.setCheckable(True)
            action.setData(code)
            self.languages.addAction(action)
        self.lang_zh.setText("中文")       # each language is named in itself
        self.lang_en.setText("English")
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "open": (self.tr("&Open…"), self.tr("Open a raw page, a project or a NewsML-G2 file")),
            "save_project": (self.tr("&Save Project"), self.tr("Save the page, your edits and review state")),
            "save_as": (self.tr("Save Project &As…"), self.tr("Save the project to a new file")),
            "preferences": (self.tr("&Preferences…"),
                            self.tr("Language, fonts, rules, export schema, autosave interval")),
            "undo": (self.tr("&Undo"), ""),
            "redo": (self.tr("&Redo"), ""),
            "replace": (self.tr("&Replace…"), self.tr("Replace in all blocks of the page")),
            "export_newsml": (self.tr("&Export NewsML-G2…"), self.tr("Write the articles as NewsML-G2")),
            "quit": (self.tr("&Quit"), ""),
            "find": (self.tr("&Find…"), self.tr("Find in the raw page or the block editor")),
            "next_flag": (self.tr("&Next Flag"), self.tr("Go to the next flag (F8)")),
            "previous_flag": (self.tr("&Previous Flag"), self.tr("Go to the previous flag (Shift+F8)")),
            "zoom_in": (self.tr("Zoom &In"), ""),
            "zoom_out": (self.tr("Zoom &Out"), ""),
            "zoom_reset": (self.tr("&Reset Zoom"), ""),
            "changes": (self.tr("What &Changed…"),
                        self.tr("Every edit of the page with its line, and the raw text against the corrected text")),
            "shortcuts": (self.tr("&Keyboard Shortcuts"), self.tr("Every key the window knows")),
            "about": (self.tr("&About jiaodui"), self.tr("Version and licences")),
            "about_qt": (self.tr("About &Qt"), ""),
        }
        for name, (text, tip) in texts.items():
            self.all[name].setText(text)
            self.all[name].setStatusTip(tip)
            self.all[name].setToolTip(tip or text.replace("&", "").rstrip("…"))

    def set_language(self, code: str) -> None:
        for action in self.languages.actions():
            action.setChecked(action.data() == code)
