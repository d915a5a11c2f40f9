"""The raw page's lines without a string each: the page text and where each line starts.

A page's lines were a list of strings, ``raw_text.split("\\n")``: for a CJK page some two
bytes a character for the text and some 75 more for each line's string object, over two
bytes per input byte on a newspaper page — as much as the page's blocks. Here a line is
cut from the page text when asked for (a few thousand times in a check of a page of
thousands of lines), and only the starts are kept: 8 bytes a line.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Iterator


class RawLines(Sequence):
    """``text.split("\\n")`` as a read-only sequence: ``lines[k]``, slices, ``len``,
    iteration, and ``==`` with a list of strings."""

    __slots__ = ("text", "_starts")

    def __init__(self, text: str):
        self.text = text
        starts = array("q", [0])
        find, at = text.find, text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        starts.append(len(text) + 1)  # one past the last line's end, as if a "\n" followed
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        starts = self._starts
        if k < 0:
            k += len(starts) - 1
        if not 0 <= k < len(starts) - 1:
            raise IndexError("raw line index out of range")
        return self.text[starts[k]:starts[k + 1] - 1]

    def start(self, k: int) -> int:
        """Where line ``k`` starts in the page text."""
        return self._starts[k]

    def stop(self, k: int) -> int:
        """Where line ``k`` ends in the page text (its "\\n", or the text's end)."""
        return self._starts[k + 1] - 1

    def __iter__(self) -> Iterator[str]:
        text, starts = self.text, self._starts
        for k in range(len(starts) - 1):
            yield text[starts[k]:starts[k + 1] - 1]

    def __eq__(self, other) -> bool:
        if isinstance(other, RawLines):
            return self.text == other.text
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  (like a list)

    def __repr__(self) -> str:
        return f"RawLines({len(self)} lines)"
