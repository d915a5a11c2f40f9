"""jieba behind one small interface: "is this a word?", "does a word cross this break?",
"how probable is this stretch of text?", "which characters complete this word?".

The dictionary is loaded once per process, lazily, from jieba's cache file, which we keep
in the user's own cache folder (:func:`private_cache`); nothing is loaded at import time. ``load()`` may be called from a worker thread to warm it up.
The completion index (for the misread-character rule) is built from the same dictionary
the first time it is asked for (about 0.4 s), also once per process.
"""
from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import stat
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Callable

_lock = threading.Lock()
_tokenizer = None

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def load():
    """The process-wide jieba tokenizer, its dictionary loaded (once)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba = _import_jieba()
                jieba.setLogLevel(logging.CRITICAL + 1)  # not even "Dump cache file failed"
                seal = private_cache(jieba.dt)
                jieba.dt.initialize()
                seal()
                _tokenizer = jieba.dt
    return _tokenizer


def _import_jieba():
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


def warm() -> None:
    """Everything this module loads lazily, loaded now: the dictionary, the completion
    index, the IDF table (before a process forks its workers, or from a thread)."""
    load()
    _build_completions()
    _idf()


# --- jieba's dictionary cache -------------------------------------------------------------

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
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _owned(folder):
            os.chmod(folder, 0o700)
        if cache.exists() and not trusted():
            cache.unlink()
    except OSError:
        pass  # a folder we cannot use: jieba builds the dictionary without a cache
    before = _stamp(cache)
    tok.tmp_dir, tok.cache_file = str(folder), str(cache)
    return seal


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


def is_han(ch: str) -> bool:
    return bool(ch) and bool(_HAN.match(ch))


@lru_cache(maxsize=65536)
def is_word(text: str) -> bool:
    """Is ``text`` (two or more characters) a word in jieba's dictionary?"""
    if len(text) < 2:
        return False
    return load().FREQ.get(text, 0) > 0


def cut(text: str) -> list[str]:
    return list(load().cut(text, HMM=False))


def bounds(text: str) -> frozenset[int]:
    """The offsets in ``text`` where jieba's segmentation (with its new-word guesses, so
    that 林长制 is one word and 村级林长 two) puts a word boundary, 0 and len included."""
    out, at = {0}, 0
    for token in load().cut(text, HMM=True):
        at += len(token)
        out.add(at)
    return frozenset(out)


def word_across(left: str, right: str, window: int = 4) -> str | None:
    """The dictionary word that the segmenter puts across the boundary ``left|right``.

    Looks at up to ``window`` characters each side. Returns the word or None: evidence
    that the two pieces belong together (a line break or a space inside a word).
    """
    left, right = left[-window:], right[:window]
    if not left or not right:
        return None
    pos = 0
    boundary = len(left)
    for token in cut(left + right):
        end = pos + len(token)
        if pos < boundary < end and is_word(token):
            return token
        pos = end
    return None


_NUMBERISH = re.compile(r"^[\d.%，,、]+$")


def keywords(text: str, top: int = 8) -> list[str]:
    """Keywords of a text: TF-IDF with jieba's IDF table over a dictionary-only cut.

    Same weighting as ``jieba.analyse.extract_tags`` but without its HMM pass, which costs
    five times as much and only adds guesses at unknown words, and without importing
    ``jieba.analyse`` (which loads the part-of-speech tables too: 1.1 s an export process).
    Its stop words are English, and only words that begin with a Chinese character count
    here. Deterministic: ties go by first appearance.
    """
    idf, median = _idf()
    freq: dict[str, int] = {}
    for word in cut(text):
        if len(word) < 2 or not is_han(word[0]) or _NUMBERISH.match(word):
            continue
        freq[word] = freq.get(word, 0) + 1
    order = {w: i for i, w in enumerate(freq)}
    ranked = sorted(freq, key=lambda w: (-freq[w] * idf.get(w, median), order[w]))
    return ranked[:top]


@lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (``jieba/analyse/idf.txt``) and its median, read as jieba reads it."""
    import jieba

    path = Path(jieba.__file__).with_name("analyse") / "idf.txt"

    def make():
        table = {}
        for line in path.read_bytes().decode("utf-8").splitlines():
            word, value = line.strip().split(" ")
            table[word] = float(value)
        return table, sorted(table.values())[len(table) // 2]

    return tuple(sealed_cache("idf", [f"idf-{path.stat().st_size}"], make))


# --- evidence for the misread-character rule ------------------------------------------

#: Words rarer than this (jieba's counts: 国家 79,520, 砖窑 83) are no evidence of anything.
MIN_FREQ = 5


def freq(word: str) -> int:
    """jieba's count for ``word`` (0 when it is no word)."""
    return load().FREQ.get(word) or 0


def covered(text: str, min_freq: int = MIN_FREQ) -> bytearray:
    """1 for each character of ``text`` that some dictionary word of two or more characters
    (count >= ``min_freq``) spans, 0 for the characters no word takes in: where text that
    should read as words falls apart into single characters."""
    table = load().FREQ
    n = len(text)
    out = bytearray(n)
    for start in range(n - 1):
        end = start + 2
        while end <= n:
            f = table.get(text[start:end])
            if f is None:  # not even the prefix of a word
                break
            if f >= min_freq:
                out[start:end] = b"\x01" * (end - start)
            end += 1
    return out


def log_prob(text: str) -> float:
    """Log-probability of ``text`` under jieba's unigram model, best segmentation (the
    score jieba's own cut maximises; a character no word explains counts once)."""
    tok = load()
    table, log_total = tok.FREQ, _log_total()
    n = len(text)
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        score = math.log(table.get(text[i]) or 1) - log_total + best[i + 1]
        end = i + 2
        while end <= n:
            f = table.get(text[i:end])
            if f is None:
                break
            if f:
                score = max(score, math.log(f) - log_total + best[end])
            end += 1
        best[i] = score
    return best[0]


@lru_cache(maxsize=1)
def _log_total() -> float:
    return math.log(load().total)


_completions: dict | None = None
_completions_lock = threading.Lock()


_NONE: dict[str, int] = {}


def completions(left: str, right: str) -> dict[str, int]:
    """The characters ``x`` that make ``left + x + right`` (2–4 characters) a dictionary word,
    with the word's count, most frequent first (at most 16; do not change the dict).
    Personal names (jieba's tags nr, nrfg, nrt) are left out: a name in the dictionary says
    nothing about a name on the page."""
    index = _completions
    if index is None:
        index = _build_completions()
    return index.get(left + "\x00" + right, _NONE)


_NAME_ENDS = (" nr", " nrfg", " nrt")  # how dict.txt lines of personal names end
_VERB_ENDS = (" v", " vd", " vg", " vn")
_verbs: frozenset[str] = frozenset()


def is_verb(word: str) -> bool:
    """Is ``word`` a verb in jieba's dictionary (tag v, vd, vg, vn)?"""
    if _completions is None:
        _build_completions()
    return word in _verbs


def _build_completions() -> dict:
    global _completions, _verbs
    with _completions_lock:
        if _completions is None:
            index, verbs = _cached_index()
            _verbs = frozenset(verbs)
            _completions = index
    return _completions


#: The form of the cached tables; a new one when what :func:`sealed_cache` keeps changes.
INDEX_FORM = "1"


def _cached_index() -> tuple[dict, list]:
    """(completions, verbs): made from the dictionary (about 1.4 s), kept sealed (0.1 s)."""
    def make():
        index, verbs = _make_index(load())
        return index, sorted(verbs)

    index, verbs = sealed_cache("completions", [f"min-{MIN_FREQ}"], make)
    return index, verbs


def sealed_cache(name: str, form: list[str], make: Callable[[], object]):
    """What ``make`` returns, kept as ``NAME.marshal`` in the cache folder: read back where
    it is the user's own and sealed for this jieba, its dictionary and ``form`` (as jieba's
    cache is: see :func:`private_cache`); else made again and stored for the next process.
    A cache that cannot be written costs time only."""
    import marshal

    tok = load()
    folder = cache_folder()
    path, sealed = folder / f"{name}.marshal", folder / f"{name}.marshal.sha256"
    try:
        with tok.get_dict_file() as fh:  # jieba's own dict.txt, or the one set
            size = os.fstat(fh.fileno()).st_size
    except (OSError, AttributeError):
        size = 0
    identity = [f"{name}-{INDEX_FORM}", f"jieba-{_jieba_version()}", f"dict-{size}", *form]
    try:
        if _owned(path) and _owned(sealed):
            data = path.read_bytes()
            if sealed.read_text(encoding="ascii").split() == [*identity, hashlib.sha256(data).hexdigest()]:
                return marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # made again below
    made = make()
    try:
        from .fileio import atomic_write_bytes, atomic_write_text

        data = marshal.dumps(made)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
        os.chmod(path, 0o600)
        atomic_write_text(sealed, " ".join([*identity, hashlib.sha256(data).hexdigest()]) + "\n")
        os.chmod(sealed, 0o600)
    except (OSError, ValueError):
        pass
    return made


def _jieba_version() -> str:
    import jieba

    return jieba.__version__


def _make_index(tok) -> tuple[dict, set]:
    """From the dictionary file: the completion index (see :func:`completions`) and the verbs."""
    table = tok.FREQ
    with tok.get_dict_file() as fh:
        lines = fh.read().decode("utf-8").splitlines()
    lists: dict[str, list] = {}
    verbs = set()
    for line in lines:
        word, _sp, rest = line.partition(" ")
        if rest.endswith(_VERB_ENDS):
            verbs.add(word)
        n = len(word)
        if n < 2 or n > 4 or rest.endswith(_NAME_ENDS) or not _HAN.match(word):
            continue
        f = table.get(word) or 0
        if f < MIN_FREQ:
            continue
        for k in range(n):
            key = word[:k] + "\x00" + word[k + 1:]
            held = lists.get(key)
            if held is None:
                lists[key] = [(word[k], f)]
            else:
                held.append((word[k], f))
    return {key: dict(sorted(set(v), key=_by_count)[:16]) for key, v in lists.items()}, verbs


def _by_count(item):
    return -item[1]


# --- for the frequency / variants report ----------------------------------------------

def tagged(text: str) -> list[tuple[str, str]]:
    """``text`` cut into words with jieba's part-of-speech tags (``nr`` personal name,
    ``ns`` place, ``v`` verb…), new words (names) found by its HMM."""
    load()
    import jieba.posseg

    return [(p.word, p.flag) for p in jieba.posseg.dt.cut(text)]
