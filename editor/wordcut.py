"""jieba's cut, over a dictionary that is looked up one substring at a time.

The algorithm is jieba's own (``jieba.Tokenizer.cut``, 0.42, MIT): the text split by
jieba's patterns; in each block of Chinese, Latin and digits, the DAG of dictionary words
from each position over jieba's prefix dictionary, the route of the highest sum of log
frequencies, and, with ``HMM``, jieba's HMM (``jieba.finalseg``) over each run of single
characters that is no word. The same counts, the same total, the same arithmetic in the
same order, so the same words: tests/editor/test_wordcut.py compares them with jieba's.

The counts come from :class:`Freq`, a dict that fills itself from a lookup on first asking
(the mmap'd table of :mod:`editor.wordtable`, or jieba's own FREQ where there is none):
a page pays for the substrings it holds, not for the dictionary's 500,000 entries.
"""
from __future__ import annotations

import re
from math import log
from typing import Callable, Iterator

from .wordtable import Memo

# jieba's own patterns (jieba/__init__.py), copied so that a process that never needs its HMM
# does not import jieba (whose import loads the HMM's tables); a test holds them equal.
re_eng = re.compile("[a-zA-Z0-9]", re.U)
re_han_default = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
re_skip_default = re.compile("(\r\n|\\s)", re.U)


def Freq(lookup: Callable[[str], int | None]) -> Memo:  # noqa: N802 — jieba's name for it
    """jieba's FREQ as a memo: ``freq[s]`` is the count of the word ``s``, 0 for a prefix of
    a word that is no word itself, None for neither (where jieba's dict has no key)."""
    return Memo(lookup)


class Dictionary:
    """A prefix dictionary and its total, and jieba's cut over them."""

    def __init__(self, freq: Memo, total: int, source: str):
        self.FREQ, self.total, self.source = freq, total, source
        self.log_total = log(total)

    def cut(self, sentence: str, HMM: bool = True) -> Iterator[str]:  # noqa: N803 — jieba's name
        """The words of ``sentence``, as ``jieba.cut(sentence, HMM=HMM)`` gives them."""
        cut_block = self._cut_hmm if HMM else self._cut_plain
        for blk in re_han_default.split(sentence):
            if not blk:
                continue
            if re_han_default.match(blk):
                yield from cut_block(blk)
            else:
                for x in re_skip_default.split(blk):
                    if re_skip_default.match(x):
                        yield x
                    else:
                        yield from x

    def lcut(self, sentence: str, HMM: bool = True) -> list[str]:  # noqa: N803
        return list(self.cut(sentence, HMM))

    def route(self, sentence: str) -> list[int]:
        """For each position, where the best route's word from there ends (exclusive)."""
        freq, n, log_total = self.FREQ, len(sentence), self.log_total
        dag = []
        for k in range(n):  # jieba's get_DAG, keeping each word's count
            ends = []
            i, count = k, freq[sentence[k]]
            while count is not None:
                if count:
                    ends.append((i, count))
                i += 1
                if i >= n:
                    break
                count = freq[sentence[k:i + 1]]
            dag.append(ends or [(k, None)])
        best = [0.0] * (n + 1)  # jieba's calc: route[x][0]
        ends = [0] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best[idx], end = max((log(count or 1) - log_total + best[x + 1], x) for x, count in dag[idx])
            ends[idx] = end + 1
        return ends

    def _pieces(self, sentence: str, joins: Callable[[str], object]) -> Iterator[tuple[bool, str]]:
        """The route's words, runs of one-character words for which ``joins`` holds gathered:
        ``(True, run)`` or ``(False, word)``."""
        ends = self.route(sentence)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = ends[x]
            if y - x == 1 and joins(sentence[x]):
                buf += sentence[x]
            else:
                if buf:
                    yield True, buf
                    buf = ""
                yield False, sentence[x:y]
            x = y
        if buf:
            yield True, buf

    def _cut_plain(self, sentence: str) -> Iterator[str]:
        """jieba's ``__cut_DAG_NO_HMM``: single Latin letters and digits run together."""
        for _run, text in self._pieces(sentence, re_eng.match):
            yield text

    def _cut_hmm(self, sentence: str) -> Iterator[str]:
        """jieba's ``__cut_DAG``: runs of single characters that are no word go to the HMM."""
        for run, text in self._pieces(sentence, _every):
            if run:
                yield from self._unknown(text)
            else:
                yield text

    def _unknown(self, buf: str) -> Iterator[str]:
        if len(buf) == 1:
            yield buf
        elif not self.FREQ[buf]:
            from .wordcache import import_jieba  # its HMM: only for runs of characters that are no words

            yield from import_jieba().finalseg.cut(buf)
        else:
            yield from buf


def _every(_ch: str) -> bool:
    return True
