"""A read-only hash table on disk, looked up one key at a time through ``mmap``: opening it
costs a check of the file, not the loading of every entry (jieba's dictionary as a Python
dict is 0.65 s of every process; a page asks for a few thousand of its 500,000 keys).

The file: a header, then ``slots`` slots of 16 bytes (key offset, key length, value), then
the keys in UTF-8. A key's slot is found by open addressing (linear probing) from the
CRC-32 of its UTF-8 bytes; an empty slot (key length 0) ends the search. Values are 64-bit
integers (``kind`` ``q``), doubles (``d``) or byte strings (``b``: the value is the offset
and length of bytes stored after the keys). The file is written whole and renamed into
place; :func:`open_table` refuses one of the wrong size or whose SHA-256 is not the one
given (a damaged or truncated file), so that the caller builds it again.
"""
from __future__ import annotations

import mmap
import os
import struct
from typing import Callable, Iterable
from zlib import crc32

MAGIC = b"jdtable1"
#: magic, kind, slots (a power of two), keys, where the keys start, where the bytes values start, extra
HEADER = struct.Struct("<8s8sQQQQq")
_SLOT = {"q": struct.Struct("<IIq"), "d": struct.Struct("<IId"), "b": struct.Struct("<IIII")}


class Memo(dict):
    """A dict that fills itself: ``memo[key]`` is ``decode(lookup(key))``, looked up (in a
    :class:`Table`, say) the first time it is asked for and kept; a hit costs a dict's. It
    is emptied when it reaches ``limit`` keys (the substrings of a huge page of new text
    would otherwise pile up: no more are kept than jieba's own dict holds)."""

    __slots__ = ("_lookup", "_decode", "_limit")

    def __init__(self, lookup: Callable[[str], object], decode: Callable[[object], object] | None = None,
                 limit: int = 500_000):
        super().__init__()
        self._lookup, self._decode, self._limit = lookup, decode, limit

    def __missing__(self, key: str):
        value = self._lookup(key)
        if self._decode is not None:
            value = self._decode(value)
        if len(self) >= self._limit:
            self.clear()
        self[key] = value
        return value


class Table:
    """``get(key)``: the number stored for ``key``, or None; ``get_bytes`` for a table of
    byte strings."""

    def __init__(self, mm: mmap.mmap, kind: str, slots: int, size: int, keys_at: int, blobs_at: int,
                 extra: int):
        self._mm, self.kind, self._mask, self.size, self.extra = mm, kind, slots - 1, size, extra
        self._unpack = _SLOT[kind].unpack_from
        self._keys_at, self._blobs_at = keys_at, blobs_at

    def __len__(self) -> int:
        return self.size

    def get(self, key: str):
        data = key.encode("utf-8", "surrogatepass")
        n, mm, unpack, mask, at = len(data), self._mm, self._unpack, self._mask, self._keys_at
        i = crc32(data) & mask
        while True:
            off, length, value = unpack(mm, HEADER.size + 16 * i)
            if not length:
                return None
            if length == n and mm[at + off:at + off + n] == data:
                return value
            i = (i + 1) & mask

    def get_bytes(self, key: str) -> bytes | None:
        data = key.encode("utf-8", "surrogatepass")
        n, mm, unpack, mask, at = len(data), self._mm, self._unpack, self._mask, self._keys_at
        i = crc32(data) & mask
        while True:
            off, length, start, size = unpack(mm, HEADER.size + 16 * i)
            if not length:
                return None
            if length == n and mm[at + off:at + off + n] == data:
                start += self._blobs_at
                return mm[start:start + size]
            i = (i + 1) & mask

    def close(self) -> None:
        self._mm.close()


def table_bytes(items: Iterable[tuple[str, object]], kind: str, extra: int = 0) -> bytes:
    """The file of a table of ``items`` (distinct, non-empty keys), the same bytes for the
    same items in the same order."""
    pack = _SLOT[kind].pack_into
    pairs = [(key.encode("utf-8", "surrogatepass"), value) for key, value in items]
    slots = 1 << max(4, (2 * len(pairs) - 1).bit_length())  # at most half full
    mask = slots - 1
    table = bytearray(16 * slots)
    used = bytearray(slots)
    keys, blobs = bytearray(), bytearray()
    for data, value in pairs:
        if not data:
            raise ValueError("an empty key")
        i = crc32(data) & mask
        while used[i]:
            i = (i + 1) & mask
        used[i] = 1
        if kind == "b":
            pack(table, 16 * i, len(keys), len(data), len(blobs), len(value))
            blobs += value
        else:
            pack(table, 16 * i, len(keys), len(data), value)
        keys += data
    keys_at = HEADER.size + len(table)
    head = HEADER.pack(MAGIC, kind.encode("ascii").ljust(8, b"\0"), slots, len(pairs), keys_at,
                       keys_at + len(keys), extra)
    return b"".join((head, table, keys, blobs))


def checksum(data) -> str:
    """What a table's seal keeps of it: its CRC-32 and size (CRC-32 rather than SHA-256 for
    the tables: a damaged file is what it must find, and a check reads 35 MB of them at
    2.5 times the speed; who may write the folder is what keeps others' tables out)."""
    return f"crc32-{crc32(data):08x}-{len(data)}"


def open_table(path: str | os.PathLike, sealed: str) -> Table | None:
    """The table in ``path``, or None where there is none, or it is not whole (its size is
    not what its header says) or not the one sealed (its :func:`checksum` is not ``sealed``)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        size = os.fstat(fd).st_size
        if size < HEADER.size:
            return None
        mm = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)
    try:
        magic, kind, slots, count, keys_at, blobs_at, extra = HEADER.unpack_from(mm, 0)
        kind = kind.rstrip(b"\0").decode("ascii", "replace")
        whole = (magic == MAGIC and kind in _SLOT and slots and not slots & (slots - 1)
                 and keys_at == HEADER.size + 16 * slots and keys_at <= blobs_at <= size)
        if whole and checksum(mm) == sealed:
            return Table(mm, kind, slots, count, keys_at, blobs_at, extra)
    except (ValueError, struct.error):
        pass
    mm.close()
    return None
