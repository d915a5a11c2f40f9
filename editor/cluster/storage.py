"""Where pages come from and where exports go, through fsspec.

SOURCE may be a file, a folder (its visible files), a glob (``pages/**/*.txt``) or any URL
the environment's fsspec supports (``s3://bucket/scans/``, ``gs://…``, ``memory://…``);
so may DEST, a folder. Listing, reading and writing are fsspec's; there is no storage code
here beyond choosing how a file is written so that it is whole or absent:

- a local file: :func:`editor.fileio.atomic_write_bytes` (temp file, fsync, rename);
- an object store (S3, GCS, Azure, …): one PUT, which stores the object whole or not at all;
- any other filesystem: a temp name beside the target, then a move.

A source keeps the user's spelling (``pages/p1.txt``, ``s3://b/p1.txt``): it names the page
in messages, in the manifest and in the JSON export, as on one machine.

Pages are opened through the readers table (:mod:`editor.loader`), which reads files: a
local page by its path, exactly as ``export`` opens it; a page behind a URL from a
temporary copy of the same name (:func:`local_copy`), named by its URL again after
(:func:`documents`).
"""
from __future__ import annotations

import os
import posixpath
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable

from fsspec.core import url_to_fs
from fsspec.implementations.local import LocalFileSystem

from ..errors import MAX_BYTES, MAX_PROJECT_BYTES, InputError, read_page_bytes
from ..fileio import atomic_write_bytes
from ..i18n import _

#: Protocols whose single write (PUT) is atomic.
OBJECT_STORES = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "oss", "memory"}
MAGIC = "*?["


@dataclass(frozen=True)
class Source:
    path: str   # as the user spelled it: a local path or a URL
    name: str   # below the folder or the glob's fixed part ("1950/01/p1.txt"): the output's name
    listed: bool = False  # found in a folder or by a glob (kept only if it is a page file)


def _fixed_part(pattern: str) -> str:
    """The folder of a glob before its first wildcard (``s3://b/x/*/p.txt`` → ``s3://b/x``)."""
    parts = pattern.split("/")
    fixed = next(k for k, part in enumerate(parts) if any(c in part for c in MAGIC))
    return "/".join(parts[:fixed])


def _join(folder: str, name: str) -> str:
    if not folder:
        return name
    return folder.rstrip("/") + "/" + name if "://" in folder else os.path.join(folder, name)


def _visible(name: str) -> bool:
    return not any(part.startswith(".") for part in name.split("/"))


def list_sources(specs: list[str]) -> list[Source]:
    """The pages named: files as they are (a missing one is kept, to fail as a page), the
    visible files of folders and the files a glob matches, sorted. ValueError or ImportError
    for a URL whose protocol this environment cannot open."""
    found: list[Source] = []
    for spec in specs:
        fs, root = url_to_fs(spec)
        if any(c in spec for c in MAGIC):
            entries, user_base, base = fs.glob(root, detail=True), _fixed_part(spec), _fixed_part(root)
        elif fs.isdir(root):
            entries, user_base, base = {e["name"]: e for e in fs.ls(root, detail=True)}, spec, root
        else:
            found.append(Source(spec, posixpath.basename(root.rstrip("/"))))
            continue
        for path in sorted(p for p, entry in entries.items() if entry["type"] == "file"):
            name = posixpath.relpath(path, base) if base else path
            if _visible(name):
                found.append(Source(_join(user_base, name), name, listed=True))
    return found


def is_local(path: str) -> bool:
    return isinstance(url_to_fs(path)[0], LocalFileSystem)


def read_source(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file (at most ``limit``); InputError with the same messages as a local read."""
    fs, inner = url_to_fs(path)
    if isinstance(fs, LocalFileSystem):
        return read_page_bytes(path if "://" not in path else inner, limit)
    try:
        with fs.open(inner, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError(_("no such file: {path}", path=path)) from None
    except Exception as exc:  # the store's own errors (permissions, network): one line
        raise InputError(_("cannot read {path}: {reason}", path=path, reason=str(exc) or type(exc).__name__)) from None
    if len(data) > limit:
        raise InputError(_("file too large: {path} is {size:,} bytes (the limit is {limit:,})",
                           path=path, size=fs.size(inner), limit=limit))
    return data


@contextmanager
def local_copy(path: str):
    """A local file holding the file ``path`` names: that file itself, or for a URL a
    temporary copy of the same name (at most :data:`editor.errors.MAX_PROJECT_BYTES`; the
    readers bound each kind further), deleted after. InputError when a URL cannot be read."""
    fs, inner = url_to_fs(path)
    if isinstance(fs, LocalFileSystem):
        yield path if "://" not in path else inner
        return
    data = read_source(path, MAX_PROJECT_BYTES)
    with tempfile.TemporaryDirectory(prefix="jiaodui-") as folder:
        copy = os.path.join(folder, posixpath.basename(inner.rstrip("/")) or "page")
        with open(copy, "wb") as fh:
            fh.write(data)
        yield copy


def documents(local: str, base: str, ref: str, as_=None, pages=None, encoding=None) -> list:
    """The project pages ``ref`` names (``base``, or ``base#N``), read from ``local`` (see
    :func:`local_copy`) through the readers table and named as the user named them.
    InputError as :func:`editor.loader.load_documents` raises it."""
    from ..loader import load_documents

    if local == base:
        return load_documents(ref, as_, pages, encoding)
    number = ref[len(base):]  # "" or "#N"
    try:
        projects = load_documents(local + number, as_, pages, encoding)
    except InputError as exc:
        raise InputError(str(exc).replace(local, base)) from None
    for project in projects:
        project.ref = project.ref.replace(local, base, 1)
        project.raw_path = base if project.raw_path == local else project.raw_path
        if project.page.source == local:
            project.page.source = base
    return projects


def write_output(path: str, data: bytes | Iterable[bytes]) -> None:
    """Write an export (bytes, or its pieces) so that it is whole or absent, whatever dies
    meanwhile; OSError."""
    fs, inner = url_to_fs(path)
    if isinstance(fs, LocalFileSystem):
        os.makedirs(os.path.dirname(inner), exist_ok=True)
        atomic_write_bytes(inner, data)
        return
    if not isinstance(data, (bytes, bytearray, memoryview)):
        data = b"".join(data)
    protocols = {fs.protocol} if isinstance(fs.protocol, str) else set(fs.protocol)
    if protocols & OBJECT_STORES:
        fs.pipe_file(inner, data)
        return
    folder, name = posixpath.split(inner)
    temp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
    fs.makedirs(folder, exist_ok=True)
    fs.pipe_file(temp, data)
    fs.mv(temp, inner)


def prepare_dest(dest: str) -> None:
    """Make the folder DEST; NotADirectoryError when it is a file."""
    fs, root = url_to_fs(dest)
    if fs.isfile(root):
        raise NotADirectoryError(root)
    fs.makedirs(root, exist_ok=True)


def join(dest: str, name: str) -> str:
    return _join(dest, name)


def list_outputs(dest: str) -> set[str]:
    """The names of the visible files below DEST (one listing, not a request per page)."""
    fs, root = url_to_fs(dest)
    if not fs.isdir(root):
        return set()
    names = (posixpath.relpath(p, root) for p in fs.find(root))
    return {name for name in names if _visible(name)}


def remove_temp_files(dest: str, suffix: str) -> int:
    """Delete the temp files a killed worker left in a local DEST: ``.<name><suffix>.XXXX.tmp``,
    the atomic write's (nothing else is touched)."""
    fs, root = url_to_fs(dest)
    if not isinstance(fs, LocalFileSystem):
        return 0
    removed = 0
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp") and name[1:-4].rpartition(".")[0].endswith(suffix):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except OSError:
                    pass
    return removed
