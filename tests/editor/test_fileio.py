"""Saves are atomic: killing the writer midway leaves the previous file whole."""
import os
import signal
import subprocess
import sys
import time

from editor.fileio import atomic_write_bytes
from tests.conftest import ROOT

WRITER = r"""
import os, sys, time
import editor.fileio as fileio
target, marker = sys.argv[1], sys.argv[2]
real_fsync = os.fsync
def slow_fsync(fd):
    open(marker, "w").close()   # the new content is written, not yet renamed
    time.sleep(60)
os.fsync = slow_fsync
fileio.atomic_write_bytes(target, b"NEW" * 1_000_000)
"""


def kill_midway(target, marker):
    """Start a writer of ``target`` and SIGKILL it between writing and renaming."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(marker)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "writer ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()


def test_killed_writer_leaves_previous_file_intact(tmp_path):
    target = tmp_path / "project.json"
    target.write_bytes(b"OLD CONTENT")
    kill_midway(target, tmp_path / "marker")
    assert target.read_bytes() == b"OLD CONTENT"


def temps(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_temp_files_of_killed_saves_do_not_pile_up(tmp_path):
    """400 killed saves once left 135 temp files (714 MB): each save (in a process started
    after them) removes those of the saves killed before it."""
    target = tmp_path / "project.json"
    target.write_bytes(b"OLD CONTENT")
    for n in range(3):
        kill_midway(target, tmp_path / f"marker{n}")
        assert len(temps(tmp_path)) == 1  # the one just killed; its predecessors are gone
    assert target.read_bytes() == b"OLD CONTENT"
    subprocess.run([sys.executable, "-c", "import sys, editor.fileio as f; f.atomic_write_bytes(sys.argv[1], b'NEW')",
                    str(target)], cwd=ROOT, check=True)
    assert temps(tmp_path) == [] and target.read_bytes() == b"NEW"


def test_only_our_own_stale_temp_files_go(tmp_path):
    from editor import fileio

    old = fileio.STARTED - 3600
    names = {".page.json.a1b2c3d4.tmp": old,      # ours, of a killed save: goes
             ".page.json.e5f6g7h8.tmp": None,     # ours, but newer than this process: stays
             ".page.json.notours.tmp": old,       # not our naming: stays
             ".other.json.a1b2c3d4.tmp": old,     # another file's: stays (until it is saved)
             "page.json.a1b2c3d4.tmp": old}       # not hidden: not ours
    for name, mtime in names.items():
        (tmp_path / name).write_bytes(b"x")
        if mtime:
            os.utime(tmp_path / name, (mtime, mtime))
    atomic_write_bytes(tmp_path / "page.json", b"{}")
    assert temps(tmp_path) == sorted(set(names) - {".page.json.a1b2c3d4.tmp"})
    assert fileio.remove_stale_temps(tmp_path) == 1  # of every name: .other.json's goes too
    assert temps(tmp_path) == sorted([".page.json.e5f6g7h8.tmp", ".page.json.notours.tmp",
                                      "page.json.a1b2c3d4.tmp"])


def test_text_utf8_cannot_hold_is_an_os_error_and_nothing_is_written(tmp_path):
    import errno

    import pytest

    from editor.fileio import atomic_write_text

    target = tmp_path / "page.json"
    target.write_text("OLD", encoding="utf-8")
    with pytest.raises(OSError) as info:
        atomic_write_text(target, "正文\ud800")
    assert info.value.errno == errno.EILSEQ and "U+D800" in str(info.value)
    assert target.read_text(encoding="utf-8") == "OLD" and temps(tmp_path) == []


def test_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "out.xml"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert (target.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]  # no temp file left behind


def test_failed_write_leaves_no_temp_file(tmp_path):
    target = tmp_path / "missing-folder" / "out.xml"
    try:
        atomic_write_bytes(target, b"x")
    except FileNotFoundError:
        pass
    assert not target.exists()
