"""jieba behind one small interface: "is this a word?", "does a word cross this break?",
"how probable is this stretch of text?", "which characters complete this word?".

The dictionary is jieba's, looked up one substring at a time in a table on disk that is
opened by ``mmap`` (:mod:`editor.wordtable`), built once from jieba's own dictionary and
kept sealed in the user's cache folder (:mod:`editor.wordcache`): a process pays for the
words of its pages, not for loading 500,000 entries (0.65 s). The cut is jieba's algorithm
over it (:mod:`editor.wordcut`): the same words. Where the table cannot be kept, jieba's
dictionary is loaded whole, as jieba loads it. Nothing is opened at import time; ``load()``
may be called from a worker thread to warm it up. The completion index (for the
misread-character rule) and jieba's IDF table are tables on disk too.
"""
from __future__ import annotations

import logging
import math
import re
import threading
from functools import lru_cache
from typing import Callable

from .wordcache import (cache_folder, import_jieba, jieba_home, private_cache, sealed_cache,  # noqa: F401
                        sealed_table, store_table)
from .wordtable import Memo

_lock = threading.Lock()
_dictionary = None

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

#: The form of the dictionary table; a new one when what it keeps changes.
TABLE_FORM = ["counts-1"]


def load():
    """The process-wide dictionary (:class:`editor.wordcut.Dictionary`): its ``FREQ`` (a
    word's count, 0 for a prefix of words, None for neither), ``total`` and ``cut``."""
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                _dictionary = _open_dictionary()
    return _dictionary


def _open_dictionary():
    from .wordcut import Dictionary, Freq

    table = sealed_table("dictionary", TABLE_FORM)
    if table is not None:
        return Dictionary(Freq(table.get), table.extra, "table")
    tok = jieba_tokenizer()  # made from jieba's own dictionary, once, and kept for the next process
    from .wordtable import table_bytes

    store_table("dictionary", TABLE_FORM, table_bytes(sorted(tok.FREQ.items()), "q", tok.total))
    return Dictionary(Freq(tok.FREQ.get), tok.total, "jieba")


_jieba_lock = threading.Lock()


def jieba_tokenizer():
    """jieba's own tokenizer, its dictionary loaded whole (from its cache in our folder):
    for its part-of-speech tagger, and to build the table from."""
    jieba = import_jieba()
    with _jieba_lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.CRITICAL + 1)  # not even "Dump cache file failed"
            seal = private_cache(jieba.dt)
            jieba.dt.initialize()
            seal()
    return jieba.dt


def warm() -> None:
    """Everything this module loads lazily, loaded now: the dictionary, the completion
    index, the IDF table (before a process forks its workers, or from a thread)."""
    load()
    _build_completions()
    _idf()


def is_han(ch: str) -> bool:
    return bool(ch) and bool(_HAN.match(ch))


@lru_cache(maxsize=65536)
def is_word(text: str) -> bool:
    """Is ``text`` (two or more characters) a word in jieba's dictionary?"""
    if len(text) < 2:
        return False
    return bool(load().FREQ[text])


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
    weight = {w: n * (median if (v := idf(w)) is None else v) for w, n in freq.items()}
    order = {w: i for i, w in enumerate(freq)}
    ranked = sorted(freq, key=lambda w: (-weight[w], order[w]))
    return ranked[:top]


@lru_cache(maxsize=1)
def _idf() -> tuple[Callable[[str], float | None], float]:
    """jieba's IDF table (``jieba/analyse/idf.txt``, read as jieba reads it) as a lookup,
    and its median: a table on disk, made from the file once."""
    import struct

    path = jieba_home()[1] / "analyse" / "idf.txt"
    form = [f"idf-{path.stat().st_size}"]
    table = sealed_table("idf", form)
    if table is not None:
        return table.get, struct.unpack("<d", struct.pack("<q", table.extra))[0]
    idf = {}
    for line in path.read_bytes().decode("utf-8").splitlines():
        word, value = line.strip().split(" ")
        idf[word] = float(value)
    median = sorted(idf.values())[len(idf) // 2]
    from .wordtable import table_bytes

    bits = struct.unpack("<q", struct.pack("<d", median))[0]
    store_table("idf", form, table_bytes(idf.items(), "d", bits))
    return idf.get, median


# --- evidence for the misread-character rule ------------------------------------------

#: Words rarer than this (jieba's counts: 国家 79,520, 砖窑 83) are no evidence of anything.
MIN_FREQ = 5


def freq(word: str) -> int:
    """jieba's count for ``word`` (0 when it is no word)."""
    return load().FREQ[word] or 0


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
            f = table[text[start:end]]
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
    table, log_total = tok.FREQ, tok.log_total
    n = len(text)
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        score = math.log(table[text[i]] or 1) - log_total + best[i + 1]
        end = i + 2
        while end <= n:
            f = table[text[i:end]]
            if f is None:
                break
            if f:
                score = max(score, math.log(f) - log_total + best[end])
            end += 1
        best[i] = score
    return best[0]


def reads_on(left: str, right: str, window: int = 4) -> float:
    """How much better the end of ``left`` and the start of ``right`` read as one text
    than as two (the gain in log-probability, :func:`log_prob`, over ``window`` characters
    each side: ``造福两|国人民`` 5.3, ``造福两|对近5000`` 0.8)."""
    left, right = left[-window:], right[:window]
    return log_prob(left + right) - log_prob(left) - log_prob(right)


_completions: Memo | None = None
_verbs: Memo | None = None
_completions_lock = threading.Lock()
_NONE: dict[str, int] = {}


def completions(left: str, right: str) -> dict[str, int]:
    """The characters ``x`` that make ``left + x + right`` (2–4 characters) a dictionary word,
    with the word's count, most frequent first (at most 16; do not change the dict).
    Personal names (jieba's tags nr, nrfg, nrt) are left out: a name in the dictionary says
    nothing about a name on the page."""
    index = _completions if _completions is not None else _build_completions()
    return index[left + "\x00" + right]


_NAME_ENDS = (" nr", " nrfg", " nrt")  # how dict.txt lines of personal names end
_VERB_ENDS = (" v", " vd", " vg", " vn")


def is_verb(word: str) -> bool:
    """Is ``word`` a verb in jieba's dictionary (tag v, vd, vg, vn)?"""
    if _verbs is None:
        _build_completions()
    return _verbs["\x01" + word]


def _build_completions() -> Memo:
    """The completion index and the verbs: one table on disk (keys ``left\\0right``, and
    ``\\1word`` for a verb), made from the dictionary file once (about 1.4 s)."""
    global _completions, _verbs
    with _completions_lock:
        if _completions is None:
            import marshal

            lookup = _index_lookup()
            _verbs = Memo(lookup, _is_some)
            _completions = Memo(lookup, lambda data: _NONE if data is None else marshal.loads(data))
    return _completions


def _is_some(data) -> bool:
    return data is not None


def _index_lookup() -> Callable[[str], bytes | None]:
    form = [f"min-{MIN_FREQ}"]
    table = sealed_table("completions", form)
    if table is not None:
        return table.get_bytes
    import marshal

    from .wordtable import table_bytes

    index, verbs = _make_index(jieba_tokenizer())
    items = [(key, marshal.dumps(index[key])) for key in sorted(index)]
    items += [("\x01" + word, b"") for word in sorted(verbs)]
    store_table("completions", form, table_bytes(items, "b"))
    return dict(items).get


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
    jieba_tokenizer()  # the tagger needs jieba's own dictionary, loaded whole: --report only
    import jieba.posseg

    return [(p.word, p.flag) for p in jieba.posseg.dt.cut(text)]
