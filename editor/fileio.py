"""Atomic writes: a temp file in the same folder, fsync, rename. A crash leaves the old file.

A writer killed between creating its temp file and the rename leaves the temp file
behind (``.<name>.<8 characters>.tmp``); the next write of the same name removes those
older than this process (no write of ours is in flight in them), so that killed saves do
not pile up.
"""
from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Iterable

#: When this process began writing files: temp files older than this are not ours in flight.
STARTED = time.time()


def atomic_write_bytes(path: str | os.PathLike, data: bytes | Iterable[bytes]) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(folder, target.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray, memoryview)):
                fh.write(data)
            else:  # pieces, written as they are made; a failure halfway leaves the old file
                for piece in data:
                    fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8. Text UTF-8 cannot hold (a lone surrogate) is an OSError
    (EILSEQ) before anything is written, like any other reason a file cannot be written."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        from .i18n import _

        code = ord(exc.object[exc.start])
        raise OSError(errno.EILSEQ, str(_("the text holds U+{code:04X}, which UTF-8 cannot hold", code=code)),
                      str(path)) from None
    atomic_write_bytes(path, data)


def remove_stale_temps(folder: str | os.PathLike, name: str = "") -> int:
    """Remove the temp files of killed writes of ``name`` (of every name when empty) in
    ``folder``: our naming only, and only those older than this process. Returns how many."""
    pattern = re.compile(r"\." + (re.escape(name) if name else r".+") + r"\.[A-Za-z0-9_]{8}\.tmp")
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < STARTED:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def same_file(path: str | os.PathLike, *others: str | os.PathLike) -> bool:
    """Is ``path`` one of ``others`` (the same file, through any name or link)?"""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    for other in others:
        try:
            if other and os.path.samestat(st, os.stat(other)):
                return True
        except (OSError, ValueError):
            continue
    return False


def first_clash(outputs, files) -> str | None:
    """The first output that is one of the input files (the same file through any name or
    link, or the same URL), or None: ``export`` never writes over a page it exports. One
    stat a file: 5,000 pages are 10,000 stats, not 25 million pairs."""
    names, ids = {str(f) for f in files}, set()
    for name in names:
        try:
            st = os.stat(name)
            ids.add((st.st_dev, st.st_ino))
        except (OSError, ValueError):  # a URL, or not there
            continue
    for output in map(str, outputs):
        if output in names:
            return output
        try:
            st = os.stat(output)
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) in ids:
            return output
    return None
