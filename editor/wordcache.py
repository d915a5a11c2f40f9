"""The dictionary's caches in the user's own cache folder, each sealed for this jieba and its
dictionary: jieba's own cache (:func:`private_cache`), tables kept with ``marshal``
(:func:`sealed_cache`) and tables looked up on disk (:func:`sealed_table`, :mod:`editor.wordtable`).

A cache is read back only where it is the user's own (not a link, writable by nobody else)
and its seal — ``NAME.sha256`` beside it: what it was made for and its SHA-256 — matches;
else it is made again. A cache that cannot be written costs time, never an error.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import Callable

#: The form of the cached tables; a new one when what they keep changes.
INDEX_FORM = "1"


def cache_folder() -> Path:
    """Where the dictionary cache lives: ``$JIAODUI_CACHE_DIR``, else the user's cache
    folder (``$XDG_CACHE_HOME``, ``~/.cache``; ``%LOCALAPPDATA%``; ``~/Library/Caches``)."""
    if os.environ.get("JIAODUI_CACHE_DIR"):
        return Path(os.environ["JIAODUI_CACHE_DIR"])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jiaodui"


def private_cache(tok) -> Callable[[], None]:
    """Point jieba's dictionary cache (which it loads with ``marshal``) at our folder in the
    user's cache, made user-only (0700; jieba writes the file 0600), not the shared temp
    folder where any local user could plant one. A cache there that is not the user's own
    or not the one sealed after the last load is removed first, so that jieba rebuilds it.
    Returns ``seal``, to call once jieba has loaded: it records the cache's checksum."""
    import jieba

    folder = cache_folder()
    cache, sealed = folder / "jieba.cache", folder / "jieba.cache.sha256"
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    identity = [f"jieba-{jieba.__version__}", f"dict-{dictionary.stat().st_size if dictionary.is_file() else 0}"]

    def trusted() -> bool:
        try:
            return (_owned(cache) and _owned(sealed)
                    and sealed.read_text(encoding="ascii").split() == [*identity, _sha256(cache)])
        except (OSError, ValueError):
            return False

    def seal() -> None:
        try:
            if before == _stamp(cache):
                return  # read from the sealed cache, or no cache at all: nothing to seal
            if cache.is_file() and _owned(cache):
                from .fileio import atomic_write_text

                atomic_write_text(sealed, " ".join([*identity, _sha256(cache)]) + "\n")
                os.chmod(sealed, 0o600)
        except OSError:
            pass  # unsealed: the next load rebuilds the cache, which is slower, not wrong

    try:
        _make_folder(folder)
        if cache.exists() and not trusted():
            cache.unlink()
    except OSError:
        pass  # a folder we cannot use: jieba builds the dictionary without a cache
    before = _stamp(cache)
    tok.tmp_dir, tok.cache_file = str(folder), str(cache)
    return seal


def _make_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if _owned(folder):
        os.chmod(folder, 0o700)


def _owned(path: Path) -> bool:
    """The user's own, not a link, and writable by nobody else."""
    st = path.lstat()
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return mine and not stat.S_ISLNK(st.st_mode) and not st.st_mode & 0o022


def _stamp(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def _sha256(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def identity(name: str, form: list[str]) -> list[str]:
    """What a cache NAME is made for: its form, this jieba, the size of its dictionary file."""
    import jieba

    try:
        with jieba.dt.get_dict_file() as fh:  # jieba's own dict.txt, or the one set
            size = os.fstat(fh.fileno()).st_size
    except (OSError, AttributeError):
        size = 0
    return [f"{name}-{INDEX_FORM}", f"jieba-{jieba.__version__}", f"dict-{size}", *form]


def _sealed_digest(path: Path, made_for: list[str]) -> str | None:
    """The SHA-256 that ``path``'s seal gives it, where the two are the user's own and the
    seal is for ``made_for``; else None."""
    sealed = path.with_name(path.name + ".sha256")
    try:
        if _owned(path) and _owned(sealed):
            words = sealed.read_text(encoding="ascii").split()
            if words[:-1] == made_for and len(words[-1]) == 64:
                return words[-1]
    except (OSError, ValueError, IndexError):
        pass
    return None


def _store(path: Path, made_for: list[str], data: bytes) -> None:
    """``data`` in ``path`` and its seal beside it, both written whole (atomically) and
    user-only; nothing where the folder cannot be written."""
    from .fileio import atomic_write_bytes, atomic_write_text

    try:
        _make_folder(path.parent)
        atomic_write_bytes(path, data)
        os.chmod(path, 0o600)
        sealed = path.with_name(path.name + ".sha256")
        atomic_write_text(sealed, " ".join([*made_for, hashlib.sha256(data).hexdigest()]) + "\n")
        os.chmod(sealed, 0o600)
    except (OSError, ValueError):
        pass


def sealed_cache(name: str, form: list[str], make: Callable[[], object]):
    """What ``make`` returns, kept as ``NAME.marshal`` in the cache folder: read back where
    it is the user's own and sealed for this jieba, its dictionary and ``form``; else made
    again and stored for the next process."""
    import marshal

    path = cache_folder() / f"{name}.marshal"
    made_for = identity(name, form)
    digest = _sealed_digest(path, made_for)
    if digest is not None:
        try:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() == digest:
                return marshal.loads(data)
        except (OSError, ValueError, EOFError, TypeError):
            pass  # made again below
    made = make()
    try:
        data = marshal.dumps(made)
    except ValueError:
        return made
    _store(path, made_for, data)
    return made


def sealed_table(name: str, form: list[str]):
    """The on-disk table ``NAME.table`` (:class:`editor.wordtable.Table`) where it is the
    user's own, sealed for this jieba, its dictionary and ``form``, and whole; else None
    (the caller makes it and keeps it with :func:`store_table`)."""
    from .wordtable import open_table

    path = cache_folder() / f"{name}.table"
    digest = _sealed_digest(path, identity(name, form))
    return None if digest is None else open_table(path, digest)


def store_table(name: str, form: list[str], data: bytes) -> None:
    """Keep ``data`` (:func:`editor.wordtable.table_bytes`) as the table ``NAME``."""
    _store(cache_folder() / f"{name}.table", identity(name, form), data)
