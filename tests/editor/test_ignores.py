"""Ignoring flags and rules is undoable like any edit."""
from editor.ignores import ignore_flag, ignore_rule
from editor.model import Page
from editor.project import Project


def test_ignore_and_undo():
    project = Project(Page("x"), ignored_flags={"old"})
    undo = ignore_flag("k").apply(project)
    assert project.ignored_flags == {"old", "k"}
    redo = undo.apply(project)
    assert project.ignored_flags == {"old"}
    redo.apply(project)
    assert project.ignored_flags == {"old", "k"}
    undo_rule = ignore_rule("tab").apply(project)
    assert project.ignored_rules == {"tab"}
    undo_rule.apply(project)
    assert project.ignored_rules == set()


def test_ignoring_twice_undoes_to_ignored():
    project = Project(Page("x"), ignored_flags={"k"})
    undo = ignore_flag("k").apply(project)
    undo.apply(project)
    assert project.ignored_flags == {"k"}  # it was ignored before: undo keeps it so
