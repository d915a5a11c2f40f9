"""The word a flag is about, for "add to dictionary".

A misread flag names one character (冢 of 国冢), a garbled-text flag a stretch, a name a
byline's few characters. What the proofreader adds is the word as the paper prints it:
the flagged text with the Chinese characters next to it that no dictionary word takes in
(they are what fell apart with it), at most :data:`MAX_LENGTH` characters. The window
shows the guess in a field the proofreader can change before adding it.
"""
from __future__ import annotations

import re

from . import words
from .text import HAN

#: A character this common as a word by itself (由, 在, 的) ends the guess.
COMMON = 20000
#: The longest word guessed (a place or organisation name: 聊城市东昌府区 is 7).
MAX_LENGTH = 8
_HAN_RUN = re.compile(f"[{HAN}]+")


def word_at(text: str, offset: int, length: int) -> str:
    """The guessed word around ``text[offset:offset + length]`` ("" when it is no text)."""
    if offset < 0 or offset >= len(text):
        return ""
    end = min(len(text), offset + max(length, 1))
    for m in _HAN_RUN.finditer(text):
        if m.start() <= offset < m.end():
            run, base = m.group(), m.start()
            cov = words.covered(run)
            lo, hi = offset - base, min(end, m.end()) - base
            def loose(k: int) -> bool:
                return not cov[k] and words.freq(run[k]) < COMMON

            while lo > 0 and loose(lo - 1) and hi - lo < MAX_LENGTH:
                lo -= 1
            while hi < len(run) and loose(hi) and hi - lo < MAX_LENGTH:
                hi += 1
            if hi - lo == 1 and len(run) > 1:  # one character is no word: take its neighbour's
                lo, hi = (lo - 1, hi) if lo > 0 else (lo, hi + 1)
            return run[lo:hi]
    return "".join(text[offset:end].split())
