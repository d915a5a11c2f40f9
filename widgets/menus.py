"""The window's menu bar, toolbar and the tree's context menu, from its actions."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu

from . import my_dictionary
from .pages import menu_actions


def build(window) -> None:
    a, e = window.actions, window.editing
    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    pages = menu_actions(window)
    window.file_menu.addActions([a.open, *pages["file_open"]])
    window.recent_menu = window.file_menu.addMenu("")
    window.recent_menu.setObjectName("recent_menu")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent(window))
    window.file_menu.addSeparator()
    window.file_menu.addActions([a.save_project, a.save_as, a.export_newsml, *pages["file_export"]])
    window.file_menu.addSeparator()
    window.file_menu.addActions([a.preferences, a.quit])
    window.edit_menu = bar.addMenu("")
    window.edit_menu.addActions([a.undo, a.redo, window.undo_dock.toggleViewAction()])
    window.edit_menu.addSeparator()
    window.edit_menu.addActions([a.find, a.replace])
    window.flags_menu = bar.addMenu("")
    window.flags_menu.addActions([a.next_flag, a.previous_flag])
    window.flags_menu.addSeparator()
    window.flags_menu.addActions([e.apply_fix, e.join, e.keep_break, e.fix_all])
    window.flags_menu.addSeparator()
    window.flags_menu.addActions([e.ignore_flag, e.ignore_rule, e.add_to_dictionary])
    my_dictionary.install(window)
    window.flags_menu.addSeparator()
    window.flags_menu.addAction(window.loop.keys_note)
    window.structure_menu = bar.addMenu("")
    window.kind_menu = QMenu(window, objectName="kind_menu")
    window.kind_menu.addActions(list(e.kind_actions.values()))
    window.structure_menu.addActions([e.split_block, e.merge_next])
    window.structure_menu.addMenu(window.kind_menu)
    window.structure_menu.addMenu(e.move_menu)
    window.structure_menu.addActions([e.move_up, e.move_down])
    window.structure_menu.addAction(e.delete_block)
    window.structure_menu.addSeparator()
    window.structure_menu.addActions([e.split_article, e.merge_articles, e.new_article,
                                    e.delete_article])
    window.structure_menu.addSeparator()
    window.structure_menu.addAction(e.mark_reviewed)
    window.view_menu = bar.addMenu("")
    window.view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
    window.view_menu.addSeparator()
    window.view_menu.addAction(a.changes)
    window.view_menu.addAction(window.flags_dock.toggleViewAction())
    window.view_menu.addAction(window.report_dock.toggleViewAction())
    window.view_menu.addActions(pages["view"])
    window.language_menu = window.view_menu.addMenu("")
    window.language_menu.addActions(a.languages.actions())
    window.help_menu = bar.addMenu("")
    window.help_menu.addAction(a.shortcuts)
    window.help_menu.addSeparator()
    window.help_menu.addActions([a.about, a.about_qt])
    window.toolbar = window.addToolBar("")
    window.toolbar.setObjectName("main_toolbar")
    window.toolbar.addActions([a.open, a.save_project, a.export_newsml])
    window.toolbar.addSeparator()
    window.toolbar.addActions([a.undo, a.redo])
    window.toolbar.addSeparator()
    window.toolbar.addActions([a.previous_flag, a.next_flag, e.apply_fix])


def show_tree_menu(window, pos) -> None:
    """The tree's context menu at ``pos``, for the row there."""
    index = window.tree.indexAt(pos)
    if index.isValid():
        window.tree.setCurrentIndex(index)
    menu = window.tree_menu()
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(window.tree.viewport().mapToGlobal(pos))


def tree_menu(window) -> QMenu:
    e = window.editing
    e.update_enabled()
    menu = QMenu(window)
    menu.addActions([e.split_block, e.merge_next])
    menu.addMenu(window.kind_menu)
    menu.addMenu(e.move_menu)
    menu.addActions([e.move_up, e.move_down])
    menu.addAction(e.delete_block)
    menu.addSeparator()
    menu.addActions([e.split_article, e.merge_articles, e.new_article, e.delete_article])
    menu.addSeparator()
    menu.addAction(e.mark_reviewed)
    return menu


def fill_recent(window) -> None:
    menu = window.recent_menu
    menu.clear()
    for path in window.settings.recent_files():
        action = menu.addAction(path)
        action.triggered.connect(lambda _checked=False, p=path: window.open_path(p))
    menu.setEnabled(True)
    if not window.settings.recent_files():
        menu.addAction(QCoreApplication.translate("MainWindow", "(none)")).setEnabled(False)


def retranslate(window) -> None:
    """The menus', docks' and toolbar's titles (the window's own texts, context MainWindow)."""
    window.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&File"))
    window.recent_menu.setTitle(QCoreApplication.translate("MainWindow", "Open &Recent"))
    window.edit_menu.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
    window.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&View"))
    window.language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
    window.flags_menu.setTitle(QCoreApplication.translate("MainWindow", "F&lags"))
    window.structure_menu.setTitle(QCoreApplication.translate("MainWindow", "&Structure"))
    window.help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
    window.kind_menu.setTitle(QCoreApplication.translate("MainWindow", "Change &Kind"))
    window.undo_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Undo History"))
    window.undo_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "Undo &History"))
    window.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Toolbar"))
    window.flags_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Flags"))
    window.report_dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Report: names, variants, words"))
    window.my_dictionary_action.setText(QCoreApplication.translate("MainWindow", "&My Dictionary…"))
    window.report_dock.toggleViewAction().setText(QCoreApplication.translate("MainWindow", "&Report"))
