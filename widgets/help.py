"""The Help menu: the keyboard shortcuts sheet and About.

The sheet is read from the window's real actions (their text and shortcuts, grouped by
menu, with where a key works when it is not window-wide), so it cannot drift from the
keys the window knows; ``tools/gen_shortcuts_doc.py`` writes the same table to
``docs/shortcuts.md``.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QMenu,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from editor.session import tool_version

from . import i18n


@dataclass(frozen=True)
class Shortcut:
    name: str   # the action's objectName (the same in every language)
    group: str  # the menu it is in
    text: str   # what it does
    keys: tuple[QKeySequence, ...]
    where: str  # "" when it works anywhere in the window

    def key_text(self, fmt=QKeySequence.SequenceFormat.NativeText) -> str:
        return ", ".join(k.toString(fmt) for k in self.keys)


def _ptr(obj) -> int:
    return shiboken6.getCppPointer(obj)[0]


def _plain(text: str) -> str:
    """A menu text as read: no mnemonic ("&Open…" → "Open", "打开(&O)…" → "打开")."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcuts(window) -> list[Shortcut]:
    """Every key of the window: its actions with shortcuts, by menu, then the keys that
    are not actions (the block editor's Ctrl+Return, the find bar's)."""
    translate = QCoreApplication.translate
    where_names = {window.flags_panel: translate("Shortcuts", "Flags panel"),
                   window.tree: translate("Shortcuts", "Article tree")}
    out: list[Shortcut] = []
    seen: set[int] = set()

    def add(action: QAction, group: str) -> None:
        if id(action) in seen or action.isSeparator() or not action.shortcuts():
            return
        seen.add(id(action))
        where = ""
        if action.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
            owners = [o for o in action.associatedObjects() if o in where_names]
            where = where_names[owners[0]] if owners else ""
        out.append(Shortcut(action.objectName(), group, _plain(action.text()),
                            tuple(action.shortcuts()), where))

    # QAction.menu() hands back a dead wrapper in PySide6 6.9: find submenus by their action
    submenus = {_ptr(m.menuAction()): m for m in window.findChildren(QMenu)}

    def walk(menu, group: str) -> None:
        for action in menu.actions():
            sub = submenus.get(_ptr(action))
            if sub is not None:
                walk(sub, group)
            else:
                add(action, group)

    for top in window.menuBar().actions():
        menu = submenus.get(_ptr(top))
        if menu is not None:
            walk(menu, _plain(menu.title()))
    other = translate("Shortcuts", "Other")
    for action in window.findChildren(QAction):  # any action with keys outside the menus
        add(action, other)
    editor, find = translate("Shortcuts", "Block editor"), translate("Shortcuts", "Find bar")
    out += [  # keys that are not actions
        Shortcut("block_apply", other, translate("Shortcuts", "Apply the edited text"),
                 (QKeySequence("Ctrl+Return"),), editor),
        Shortcut("find_next", other, translate("Shortcuts", "Find next"), (QKeySequence("Return"),), find),
        Shortcut("find_previous", other, translate("Shortcuts", "Find previous"),
                 (QKeySequence("Shift+Return"),), find),
        Shortcut("find_close", other, translate("Shortcuts", "Close the find bar"),
                 (QKeySequence("Esc"),), find),
    ]
    return out


class ShortcutsDialog(QDialog):
    """F1: every key, grouped by menu, with a filter."""

    def __init__(self, window):
        super().__init__(window, objectName="shortcuts_dialog")
        self._window = window
        self.filter = QLineEdit(objectName="shortcuts_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget(objectName="shortcuts_tree")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.retranslate()
        fm = self.fontMetrics()  # a size in text units, so it fits at any scale and language
        self.resize(fm.height() * 46, fm.height() * 40)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.filter.setPlaceholderText(self.tr("Filter by action or key"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        bold = self.font()
        bold.setBold(True)
        for s in shortcuts(self._window):
            parent = groups.get(s.group)
            if parent is None:
                parent = groups[s.group] = QTreeWidgetItem(self.tree, [s.group])
                parent.setFont(0, bold)
                parent.setFirstColumnSpanned(True)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(parent, [s.text, s.key_text(), s.where])
            item.setData(0, Qt.ItemDataRole.UserRole, s.name)
        self.tree.expandAll()
        self._apply_filter(self.filter.text())

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(group, action, keys, where) of the rows shown."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount()):
                item = group.child(i)
                if not item.isHidden():
                    out.append((group.text(0), item.text(0), item.text(1), item.text(2)))
        return out

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            shown = 0
            for i in range(group.childCount()):
                item = group.child(i)
                hit = not needle or any(needle in item.text(c).casefold() for c in range(3))
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def changeEvent(self, event) -> None:
        if i18n.language_changed(event, self.tree):
            self.retranslate()
        super().changeEvent(event)


# --- About ---------------------------------------------------------------------------
def app_version() -> str:
    """The installed package's version; in a checkout that is not installed, pyproject's."""
    return tool_version()


def _version(*distributions: str) -> str:
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent, objectName="about_dialog")
        self.label = QLabel(objectName="about_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setOpenExternalLinks(True)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.retranslate()

    def retranslate(self) -> None:
        import PySide6

        self.setWindowTitle(self.tr("About jiaodui"))
        libraries = [
            (f"Qt {qVersion()} · PySide6 {PySide6.__version__}", "LGPLv3",
             "https://www.qt.io/licensing/open-source-lgpl-obligations"),
            (f"jieba {_version('jieba')}", "MIT", "https://github.com/fxsjy/jieba"),
            (f"lxml {_version('lxml')}", "BSD", "https://lxml.de/"),
            (f"Python {sys.version.split()[0]}", "PSF", "https://docs.python.org/3/license.html"),
        ]
        rows = "".join(f'<li>{name} — <a href="{url}">{licence}</a></li>'
                       for name, licence, url in libraries)
        tagline = self.tr("Proofread OCR’d Chinese newspaper pages and export NewsML-G2.")
        licence = self.tr("Licensed under the MIT licence.")
        built = self.tr("Built with")
        iptc = self.tr("NewsML-G2 is a standard of the IPTC (International Press Telecommunications "
                       "Council). Its schema is published under CC BY 4.0 and is not bundled; "
                       "choose it in Preferences to validate exports.")
        self.label.setText(
            f"<h2>jiaodui 校对 {app_version()}</h2><p>{tagline}</p><p>{licence}</p>"
            f"<h3>{built}</h3><ul>{rows}</ul><p>{iptc}</p>"
            '<p><a href="https://iptc.org/standards/newsml-g2/">iptc.org/standards/newsml-g2</a></p>')

    def text(self) -> str:
        """The dialog's text as the user reads it."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.label.text())
        return doc.toPlainText()

    def changeEvent(self, event) -> None:
        if i18n.language_changed(event, self.label):
            self.retranslate()
        super().changeEvent(event)


def show_once(window, name: str, make):
    """One non-modal copy of a help dialog of the window, raised when asked for again."""
    import shiboken6

    dialog = window._dialogs.get(name)
    if dialog is None or not shiboken6.isValid(dialog):
        dialog = window._dialogs[name] = make(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
