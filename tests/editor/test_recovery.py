"""Autosave files survive a crash and restore the unsaved work."""
import subprocess
import sys

from editor import edits
from editor.parser import parse_bytes
from editor.project import Project
from editor.recovery import RecoveryStore
from tests.conftest import ROOT

CRASHER = r"""
import os, sys
from editor import edits
from editor.parser import parse_bytes
from editor.project import Project
from editor.recovery import RecoveryStore
page = parse_bytes(open(sys.argv[1], 'rb').read(), source=sys.argv[1])
block = page.articles[1].blocks[1]
edits.SetText(block.id, block.text.replace('7 . 8', '7.8')).apply(page)
RecoveryStore(sys.argv[2]).save(Project(page), sys.argv[1])
os._exit(9)   # die without any clean-up, as a crash would
"""


def test_autosave_survives_a_crash_and_restores(tmp_path, sample_path):
    folder = tmp_path / "recovery"
    result = subprocess.run([sys.executable, "-c", CRASHER, str(sample_path), str(folder)], cwd=ROOT)
    assert result.returncode == 9
    store = RecoveryStore(folder)
    [entry] = store.pending()
    assert entry.source == str(sample_path)
    restored = entry.load().page
    assert any("7.8亿元" in b.text for _a, b in restored.blocks())
    store.discard(entry.source)
    assert store.pending() == []


def test_damaged_autosave_is_skipped(tmp_path, sample_bytes):
    store = RecoveryStore(tmp_path)
    page = parse_bytes(sample_bytes)
    edits.SetReviewed(page.articles[0].id, True).apply(page)
    store.save(Project(page), "a.txt")
    (tmp_path / "recovery-broken.json").write_text("{not json", encoding="utf-8")
    assert [r.source for r in store.pending()] == ["a.txt"]
