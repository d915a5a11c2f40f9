"""The dictionary's caches in the user's own cache folder, each sealed for this jieba and its
dictionary: jieba's own cache (:func:`private_cache`), tables kept with ``marshal``
(:func:`sealed_cache`) and tables looked up on disk (:func:`sealed_table`, :mod:`editor.wordtable`).

A cache is read back only where it is the user's own (not a link, writable by nobody else)
and its seal beside it — what it was made for and its checksum — matches;
else it is made again. A cache that cannot be written costs time, never an error.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from functools import lru_cache
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


def import_jieba():
    """``import jieba``, without the ``pkg_resources`` it takes up when it can (0.14 s of
    importing, deprecated) only to open its own data files: without it, jieba opens them
    beside its modules, the same files."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # an ImportError for jieba._compat
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def jieba_home() -> tuple[str, Path]:
    """jieba's version and its folder, found without importing it (its import loads its HMM's
    tables, 15 ms of a process that has no use for them)."""
    if "jieba" not in sys.modules:
        from importlib.util import find_spec

        spec = find_spec("jieba")
        if spec is not None and spec.origin:
            folder = Path(spec.origin).parent
            try:
                head = (folder / "__init__.py").read_text(encoding="utf-8")[:4000]
            except (OSError, UnicodeDecodeError):
                head = ""
            found = re.search(r"^__version__ = ['\"]([^'\"]+)['\"]", head, re.M)
            if found:
                return found.group(1), folder
    jieba = import_jieba()
    return jieba.__version__, Path(jieba.__file__).parent


def identity(name: str, form: list[str]) -> list[str]:
    """What a cache NAME is made for: its form, this jieba, the size of its dictionary file."""
    version, folder = jieba_home()
    jieba = sys.modules.get("jieba")
    own = getattr(getattr(jieba, "dt", None), "dictionary", None)  # one set with jieba.set_dictionary
    try:
        size = os.stat(own or folder / "dict.txt").st_size
    except OSError:
        size = 0
    return [f"{name}-{INDEX_FORM}", f"jieba-{version}", f"dict-{size}", *form]


def _seal_of(path: Path) -> Path:
    """The seal beside a cache: ``NAME.table.seal`` (a CRC-32) or ``NAME.marshal.sha256``."""
    return path.with_name(path.name + (".seal" if path.suffix == ".table" else ".sha256"))


def _sealed_digest(path: Path, made_for: list[str]) -> str | None:
    """The SHA-256 that ``path``'s seal gives it, where the two are the user's own and the
    seal is for ``made_for``; else None."""
    sealed = _seal_of(path)
    try:
        if _owned(path) and _owned(sealed):
            words = sealed.read_text(encoding="ascii").split()
            if words[:-1] == made_for and words[-1]:
                return words[-1]
    except (OSError, ValueError, IndexError):
        pass
    return None


def _store(path: Path, made_for: list[str], data: bytes, digest: Callable[[bytes], str] | None = None) -> None:
    """``data`` in ``path`` and its seal beside it, both written whole (atomically) and
    user-only; nothing where the folder cannot be written."""
    from .fileio import atomic_write_bytes, atomic_write_text

    try:
        _make_folder(path.parent)
        atomic_write_bytes(path, data)
        os.chmod(path, 0o600)
        sealed = _seal_of(path)
        sum_ = digest(data) if digest else hashlib.sha256(data).hexdigest()
        atomic_write_text(sealed, " ".join([*made_for, sum_]) + "\n")
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
    from .wordtable import checksum

    _store(cache_folder() / f"{name}.table", identity(name, form), data, checksum)
