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


def test_killed_writer_leaves_previous_file_intact(tmp_path):
    target = tmp_path / "project.json"
    target.write_bytes(b"OLD CONTENT")
    marker = tmp_path / "marker"
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
    assert target.read_bytes() == b"OLD CONTENT"


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
