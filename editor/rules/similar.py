"""Characters that look alike (形近字): the table in ``data/similar_chars.tsv``.

The table is derived from glyph shapes, whole and by halves, by ``tools/build_similar_chars.py``
(GB 2312 drawn in Noto Serif CJK SC and Noto Sans CJK SC, OFL 1.1); see its header for how.
Loaded once, lazily.
"""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path

TABLE = Path(__file__).with_name("data") / "similar_chars.tsv"

_table = None  # a memo of the table: character → its neighbours
_lock = threading.Lock()
_NONE: dict[str, float] = {}


def neighbours(ch: str) -> dict[str, float]:
    """The characters that look like ``ch``, with a score (1.0 = identical; the table keeps
    those of 0.75 and above). Symmetric: ``b`` is ``a``'s neighbour if ``a`` is ``b``'s.
    Do not change the dict."""
    table = _table if _table is not None else _load()
    return table[ch]


def score(a: str, b: str) -> float:
    """How alike ``a`` and ``b`` look (0.0 when the table does not pair them)."""
    return neighbours(a).get(b, 0.0)


def _load():
    """The table, kept (0.1 s less a process) as a table on disk in the user's cache, sealed
    for this file, and looked up a character at a time."""
    global _table
    with _lock:
        if _table is None:
            import marshal

            from ..wordtable import Memo, table_bytes
            from ..words import sealed_table, store_table

            data = TABLE.read_bytes()
            form = [f"table-{hashlib.sha256(data).hexdigest()[:16]}"]
            stored = sealed_table("similar", form)
            if stored is not None:
                lookup = stored.get_bytes
            else:
                read = _read(data.decode("utf-8"))
                items = [(ch, marshal.dumps(read[ch])) for ch in sorted(read)]
                store_table("similar", form, table_bytes(items, "b"))
                lookup = dict(items).get
            _table = Memo(lookup, lambda found: _NONE if found is None else marshal.loads(found))
    return _table


def _read(text: str) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        ch, _tab, rest = line.partition("\t")
        near = table.setdefault(ch, {})
        for item in rest.split():
            other, _colon, value = item.partition(":")
            near[other] = float(value)
            table.setdefault(other, {}).setdefault(ch, float(value))
    return table
