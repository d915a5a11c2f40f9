"""The manifest of a cluster export: JSON lines in DEST, one row a page.

A row: ``source`` (the page as named: ``file``, or ``file#N`` for page N of a PDF of several),
``hash`` (``sha256:…`` of the file's bytes: a PDF changed redoes all its pages), ``output``,
``status`` (``ok``, ``failed``, ``unreadable``), ``error`` (why, one line), ``seconds`` (the
worker's time for the page), ``format``, ``sent`` and ``warnings`` (content problems). Only
the client writes it, and only after a worker has put the output in place, so a row never
names a file that is not there; a page whose worker died before its row is simply done
again. A later row of the same source wins. It is read back as untrusted text
(:mod:`editor.safe_json`; a row of another shape is skipped).

Where it lives: ``DEST/jiaodui-manifest.jsonl``, appended, on a local DEST (a line cut short
by a crash is skipped when read, and the next run starts on a fresh line); on stores without
appends (object stores) ``DEST/jiaodui-manifest/<run>-<id>-<n>.jsonl``, a part per batch of
rows, each written whole; runs are numbered one after the other, so parts read in order.
"""
from __future__ import annotations

import json
import os
import posixpath
import time
import uuid

from fsspec.core import url_to_fs
from fsspec.implementations.local import LocalFileSystem

from .. import safe_json

NAME = "jiaodui-manifest.jsonl"
PARTS = "jiaodui-manifest"
#: A part is written after this many rows or seconds (object stores).
PART_ROWS, PART_SECONDS = 1000, 30.0
#: A local manifest is fsynced at most this often (and when closed).
SYNC_SECONDS = 1.0


#: The fields a row is used for, and what they must be.
_FIELDS = {"source": str, "hash": str, "output": str, "status": str}


def file_hash(path: str) -> str:
    """``sha256:…`` of a local file's bytes; "" for what is no regular file (never opened: a
    FIFO would block) or cannot be read (opening the page will say why)."""
    from ..project import file_sha256

    digest = file_sha256(path) if os.path.isfile(path) else ""
    return f"sha256:{digest}" if digest else ""


def _rows(text: str):
    for line in text.splitlines():
        try:
            row = safe_json.loads(line)
        except ValueError:  # cut short by a crash, or damaged
            continue
        if isinstance(row, dict) and all(isinstance(row.get(k), t) for k, t in _FIELDS.items()):
            yield row


def read_manifest(dest: str) -> dict[str, dict]:
    """Source → its latest row, from every manifest file in DEST (none: {})."""
    fs, root = url_to_fs(dest)
    files = [posixpath.join(root, NAME)]
    parts = posixpath.join(root, PARTS)
    if fs.isdir(parts):
        files += sorted(p for p in fs.find(parts) if p.endswith(".jsonl"))
    latest: dict[str, dict] = {}
    for path in files:
        if fs.isfile(path):
            for row in _rows(fs.cat_file(path).decode("utf-8", "replace")):
                latest[row["source"]] = row
    return latest


def _last_run(fs, root: str) -> int:
    """The number of the latest run that wrote parts (runs are numbered, not timed: the
    clocks of two clients need not agree)."""
    parts = posixpath.join(root, PARTS)
    if not fs.isdir(parts):
        return 0
    numbers = [posixpath.basename(p).split("-")[0] for p in fs.find(parts)]
    return max((int(n) for n in numbers if n.isdigit()), default=0)


def done_hash(rows: dict[str, dict], source: str, output: str, present: bool) -> str | None:
    """The hash with which ``source`` is done (an ``ok`` row for this output, and the
    output still there), or None: the page is to be exported."""
    row = rows.get(source)
    if present and row and row.get("status") == "ok" and row.get("output") == output:
        return row.get("hash")
    return None


class ManifestWriter:
    """Appends rows to the manifest of DEST; ``close()`` makes them durable."""

    def __init__(self, dest: str):
        self.fs, self.root = url_to_fs(dest)
        self.local = isinstance(self.fs, LocalFileSystem)
        self.pending: list[str] = []
        self.last = time.monotonic()
        if self.local:
            path = os.path.join(self.root, NAME)
            self.fh = open(path, "a+b")
            if self.fh.tell():  # start on a fresh line after a row cut short
                self.fh.seek(-1, os.SEEK_END)
                if self.fh.read(1) != b"\n":
                    self.fh.write(b"\n")
        else:
            self.run = f"{_last_run(self.fs, self.root) + 1:06d}-{uuid.uuid4().hex[:6]}"
            self.part = 0

    def add(self, rows: list[dict]) -> None:
        lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
        if self.local:
            self.fh.write("".join(lines).encode("utf-8"))
            self.fh.flush()
            if time.monotonic() - self.last >= SYNC_SECONDS:
                self.flush()
        else:
            self.pending += lines
            if len(self.pending) >= PART_ROWS or time.monotonic() - self.last >= PART_SECONDS:
                self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        if self.local:
            self.fh.flush()
            os.fsync(self.fh.fileno())
        elif self.pending:
            self.part += 1
            path = posixpath.join(self.root, PARTS, f"{self.run}-{self.part:06d}.jsonl")
            self.fs.pipe_file(path, "".join(self.pending).encode("utf-8"))
            self.pending = []

    def close(self) -> None:
        self.flush()
        if self.local:
            self.fh.close()
