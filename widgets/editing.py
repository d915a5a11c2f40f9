"""Editing from the window: flags' fixes, block and article structure, review state.

Every action here ends in :meth:`Editing.push`, which applies an ``editor`` operation and
puts it on the window's undo stack (or refuses it with a message when it no longer fits
the page). Which block or article an action means is read from the views: the block
shown in the block editor, the article of the tree's current row, the flag of the flags
panel's current row.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from editor.edits import (DeleteArticle, DeleteBlock, EditError, MergeArticles, MergeWithNext,
                          MoveArticle, NewArticle, SetKind, SetReviewed, SetText, SplitArticle,
                          SplitBlock)
from editor.kinds import BlockKind, menu_kinds

from .commands import EditCommand, TextCommand
from .preview_dialog import PreviewDialog

#: The kinds a block can be given, with their shortcuts (from the kinds table).
KINDS = [(kind, f"Ctrl+{n}" if n is not None else "") for kind, n in menu_kinds()]

# name → (shortcut, where it works: "window" or "tree"). The loop's keys (widgets/loop.py)
# work in the whole window; typing in the block editor or a field takes letters and Enter.
_SPEC = {
    "apply_fix": ("Return", "window"),
    "join": ("J", "window"),
    "keep_break": ("K", "window"),
    "fix_all": ("A", "window"),
    "ignore_flag": ("I", "window"),
    "ignore_rule": ("R", "window"),
    "move_up": ("Alt+Up", "window"),
    "move_down": ("Alt+Down", "window"),
    "split_block": ("Alt+Return", "window"),
    "merge_next": ("Ctrl+J", "window"),
    "split_article": ("Ctrl+Shift+Return", "window"),
    "merge_articles": ("Ctrl+Shift+J", "window"),
    "new_article": ("Ctrl+Shift+N", "window"),
    "delete_block": ("Delete", "tree"),
    "delete_article": ("Shift+Delete", "tree"),
    "mark_reviewed": ("Ctrl+R", "window"),
}


class Editing(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.all: dict[str, QAction] = {}
        scopes = {"window": window, "tree": window.tree}
        for name, (keys, scope) in _SPEC.items():
            action = QAction(window, objectName=f"action_{name}")
            action.setShortcut(QKeySequence(keys))
            if scope != "window":
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            scopes[scope].addAction(action)
            self.all[name] = action
            setattr(self, name, action)
        # Enter is a newline in the block editor: there Ctrl+Enter applies the fix
        self.apply_fix.setShortcuts([QKeySequence("Return"), QKeySequence("Enter"),
                                     QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.kind_group = QActionGroup(self)
        self.kind_actions: dict[BlockKind, QAction] = {}
        for kind, keys in KINDS:
            action = QAction(window, objectName=f"action_kind_{kind}", checkable=True)
            action.setShortcut(QKeySequence(keys))
            action.setData(str(kind))
            window.addAction(action)
            self.kind_group.addAction(action)
            self.kind_actions[kind] = action
        self.move_menu = QMenu(window, objectName="move_menu")
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self._connect()
        self.retranslate()

    def _connect(self) -> None:
        loop = self.window.loop
        self.apply_fix.triggered.connect(lambda: loop.fix_current())
        self.join.triggered.connect(lambda: loop.fix_current(action="join"))
        self.keep_break.triggered.connect(lambda: loop.fix_current(action="keep_break"))
        self.fix_all.triggered.connect(loop.fix_all_of_rule)
        self.ignore_flag.triggered.connect(loop.ignore_current_flag)
        self.ignore_rule.triggered.connect(loop.ignore_current_rule)
        self.move_up.triggered.connect(lambda: self.move_step(-1))
        self.move_down.triggered.connect(lambda: self.move_step(+1))
        self.split_block.triggered.connect(self.split_at_cursor)
        self.merge_next.triggered.connect(lambda: self._on_block(MergeWithNext))
        self.split_article.triggered.connect(lambda: self._on_block(SplitArticle))
        self.delete_block.triggered.connect(lambda: self._on_block(DeleteBlock))
        self.merge_articles.triggered.connect(lambda: self._on_article(MergeArticles))
        self.delete_article.triggered.connect(lambda: self._on_article(DeleteArticle))
        self.new_article.triggered.connect(self.add_article)
        self.mark_reviewed.triggered.connect(self.toggle_reviewed)
        self.kind_group.triggered.connect(lambda a: self.set_kind(BlockKind(a.data())))

    # --- what the actions act on ----------------------------------------------------
    @property
    def page(self):
        return self.window.document.page

    @property
    def session(self):
        return self.window.document.session

    def current_block_id(self) -> str:
        return self.window.block_editor.block_id() or self.window.tree.selected_block_id()

    def current_article_id(self) -> str:
        tree = self.window.tree
        article = tree.tree_model().article_at(tree.currentIndex())
        if article is not None:
            return article.id
        block_id = self.current_block_id()
        return self.session.article_of(block_id) if block_id else ""

    # --- the one way in -------------------------------------------------------------
    def push(self, edit, text: str = "", places=None) -> bool:
        """Apply ``edit`` and put it on the undo stack; a refused edit is reported. The
        selection then goes to the block the edit is about (``places``: elsewhere)."""
        if self.page is None or edit is None:
            return False
        self.window.block_editor.flush()  # pending typing goes first, as its own step
        try:
            inverse = edit.apply(self.page)
        except (EditError, KeyError) as exc:
            self._refuse(exc)
            return False
        command = EditCommand(self.page, edit, applied=inverse, text=text)
        self.window.undo_stack.push(command)
        if places is None:
            done, undone = edit.focus()
            places = (("block", done) if done else None, ("block", undone) if undone else None)
        self.window.loop.remember(command, places)
        if places[0] is not None:
            self.window.loop.go(places[0])
        return True

    def commit_text(self, block_id: str, text: str) -> None:
        """Typing from the block editor (merged with the previous commit if close)."""
        if self.page is None:
            return
        try:
            inverse = SetText(block_id, text).apply(self.page)
        except KeyError as exc:
            self._refuse(exc)
            return
        command = TextCommand(self.page, block_id, text, applied=inverse)
        self.window.undo_stack.push(command)
        self.window.loop.remember(command, (None, ("block", block_id)))

    def _refuse(self, exc: Exception) -> None:
        message = str(exc) if isinstance(exc, EditError) else self.tr("That block is gone.")
        self.window.status.showMessage(self.tr("Cannot do that: %1").replace("%1", message), 8000)

    # --- find and replace -------------------------------------------------------------
    def replace_all(self, pattern: str, replacement: str, regex: bool, case: bool,
                    whole_word: bool = False) -> None:
        """Replace across the page's blocks: a preview of each match (untick some), then
        one undo step."""
        from editor.session import FindError

        if self.page is None:
            return
        self.window.block_editor.flush()
        try:
            rows = self.session.replacements(pattern, replacement, regex, case, whole_word)
        except FindError as exc:
            self.window.status.showMessage(str(exc), 8000)
            return
        if not rows:
            self.window.status.showMessage(self.tr("Nothing to replace."), 5000)
            return
        summary = self.tr("Replace %n match(es): untick those to keep.", "", len(rows))
        preview = [(r.match.block_id, r.before, r.after, r.new, self._line_of(r.match)) for r in rows]
        dialog = PreviewDialog(self.tr("Replace All"), summary, preview, self.window, "replace_dialog",
                               checkable=True)
        dialog.go_to.connect(lambda row: self.window.loop.show_match(rows[row].match))
        dialog.accepted.connect(lambda: self.replace_chosen([rows[r] for r in dialog.chosen()]))
        dialog.open()

    @staticmethod
    def _line_of(match) -> str:
        return str(match.raw[0][0] + 1) if match.raw else ""

    def replace_chosen(self, chosen) -> bool:
        return bool(chosen) and self.push(self.session.replace_operation(chosen))

    # --- structure ------------------------------------------------------------------
    def _on_block(self, make) -> None:
        block_id = self.current_block_id()
        if block_id:
            self.push(make(block_id))

    def _on_article(self, make) -> None:
        article_id = self.current_article_id()
        if article_id:
            self.push(make(article_id))

    def split_at_cursor(self) -> None:
        editor = self.window.block_editor
        block_id = editor.block_id()
        if not block_id:
            return
        editor.flush()
        self.push(SplitBlock(block_id, editor.cursor_position()))

    def set_kind(self, kind: BlockKind) -> None:
        block_id = self.current_block_id()
        if block_id and self.page.block(block_id).kind != kind:
            self.push(SetKind(block_id, kind))

    def add_article(self) -> None:
        if self.page is None:
            return
        article_id = self.current_article_id()
        index = self.page.article_index(article_id) + 1 if article_id else len(self.page.articles)
        self.push(NewArticle(index))

    def toggle_reviewed(self) -> None:
        article_id = self.current_article_id()
        if article_id:
            article = self.page.articles[self.page.article_index(article_id)]
            self.push(SetReviewed(article_id, not article.reviewed))

    def move_block_to(self, block_id: str, article_id: str, index: int | None = None) -> bool:
        """Move a block into an article: at ``index``, or where its kind belongs. A
        headline going into an article that has one asks first (:meth:`ask_headline`)."""
        move = self.session.move_block(block_id, article_id, index)
        if self.session.move_needs_choice(block_id, article_id):
            self.ask_headline(move)
            return False
        return self.push(move)

    def move_step(self, direction: int) -> None:
        """Alt+Up / Alt+Down: the current block one place up or down in the tree."""
        block_id = self.current_block_id()
        if not block_id or self.page is None:
            return
        step = self.session.move_step(block_id, direction)
        if step.refusal is not None:
            self.window.status.showMessage(str(step.refusal), 5000)
        elif self.session.move_needs_choice(block_id, step.article_id):
            self.ask_headline(step.move)
        else:
            self.push(step.move)

    def ask_headline(self, move):
        """The article has a headline already: replace it, make this one the subtitle,
        or keep both (flagged). A box that does not block; the answer pushes the move."""
        from .headline_question import HeadlineQuestion

        box = HeadlineQuestion(self.window)
        box.chosen.connect(lambda choice: self.push(self.session.headline_move(move, choice)))
        box.open()
        return box

    def move_article_to(self, article_id: str, index: int) -> bool:
        return self.push(MoveArticle(article_id, index))

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        block_id = self.current_block_id()
        if not block_id or self.page is None:
            self.move_menu.addAction(self.tr("(select a block first)")).setEnabled(False)
            return
        here = self.page.find_block(block_id)[0]
        for ai, article in enumerate(self.page.articles):
            title = article.title or self.tr("(untitled)")
            action = self.move_menu.addAction(f"{ai + 1}. {title}")
            action.setEnabled(ai != here)
            action.triggered.connect(lambda _c=False, a=article.id: self.move_block_to(block_id, a))

    # --- state ----------------------------------------------------------------------
    def update_enabled(self) -> None:
        """Enable what fits the current block, article and flag."""
        has_page = self.page is not None
        block_id = self.current_block_id() if has_page else ""
        flag = self.window.loop.current_flag() if has_page else None
        for name in ("apply_fix", "join", "keep_break", "fix_all", "ignore_flag", "ignore_rule"):
            self.all[name].setEnabled(flag is not None)
        self.apply_fix.setEnabled(has_page)  # also Ctrl+Enter: hand over the block editor's typing
        for name in ("split_block", "merge_next", "split_article", "delete_block", "move_up", "move_down"):
            self.all[name].setEnabled(bool(block_id))
        for name in ("merge_articles", "delete_article", "mark_reviewed"):
            self.all[name].setEnabled(bool(self.current_article_id()) if has_page else False)
        self.new_article.setEnabled(has_page)
        self.move_menu.setEnabled(bool(block_id))
        kind = None
        if block_id:
            try:
                kind = self.page.block(block_id).kind
            except KeyError:
                kind = None
        for k, action in self.kind_actions.items():
            action.setEnabled(kind is not None)
            action.setChecked(k == kind)

    def edit_actions(self) -> list[QAction]:
        """Every action that changes the page or its ignores (for menus and tests)."""
        return [*self.all.values(), *self.kind_actions.values()]

    def retranslate(self) -> None:
        texts = {
            "apply_fix": self.tr("&Apply Fix"),
            "join": self.tr("&Join Lines"),
            "keep_break": self.tr("&Keep Paragraph Break"),
            "fix_all": self.tr("Fix &All of This Rule…"),
            "ignore_flag": self.tr("&Ignore This Flag"),
            "ignore_rule": self.tr("Ignore This &Rule on This Page"),
            "move_up": self.tr("Move Block &Up"),
            "move_down": self.tr("Move Block Do&wn"),
            "split_block": self.tr("&Split Paragraph at Cursor"),
            "merge_next": self.tr("&Merge with Next Block"),
            "split_article": self.tr("Split Article &Here"),
            "merge_articles": self.tr("Merge Article with &Next"),
            "new_article": self.tr("&New Article"),
            "delete_block": self.tr("&Delete Block"),
            "delete_article": self.tr("Delete A&rticle"),
            "mark_reviewed": self.tr("Mark Article &Reviewed"),
        }
        for name, text in texts.items():
            self.all[name].setText(text)
        for kind, action in self.kind_actions.items():
            action.setText(str(kind.label))
        self.move_menu.setTitle(self.tr("Mo&ve Block to Article"))
