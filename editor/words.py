"""jieba behind one small interface: "is this a word?", "does a word cross this break?".

The dictionary is loaded once per process, lazily, from jieba's own cache file; nothing
is loaded at import time. ``load()`` may be called from a worker thread to warm it up.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

_lock = threading.Lock()
_tokenizer = None

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def load():
    """The process-wide jieba tokenizer, its dictionary loaded (once)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.dt.initialize()
                _tokenizer = jieba.dt
    return _tokenizer


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
    five times as much and only adds guesses at unknown words. Deterministic: ties go by
    first appearance.
    """
    load()
    import jieba.analyse

    tfidf = jieba.analyse.default_tfidf
    idf, median, stop = tfidf.idf_freq, tfidf.median_idf, tfidf.stop_words
    freq: dict[str, int] = {}
    for word in cut(text):
        if len(word) < 2 or not is_han(word[0]) or word in stop or _NUMBERISH.match(word):
            continue
        freq[word] = freq.get(word, 0) + 1
    order = {w: i for i, w in enumerate(freq)}
    ranked = sorted(freq, key=lambda w: (-freq[w] * idf.get(w, median), order[w]))
    return ranked[:top]
