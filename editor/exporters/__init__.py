"""Export formats: a small registry, and the one way a file is exported.

Each format is an :class:`~editor.exporters.base.Exporter` (id, title, suffix,
``write(page) → bytes``, ``validate``) in a module of its own; :data:`EXPORTERS` lists
them. The CLI (``export --format``), batch export and the window all go through
:func:`export`: write, validate, then write the file atomically — there is no other
writer, validator or atomic write for exports.

Adding a format: a module with its ``EXPORTER`` and one line in :data:`EXPORTERS`.
"""
from __future__ import annotations

from pathlib import Path

from ..fileio import atomic_write_bytes
from ..model import Page
from . import newsml, plain, tree
from .base import Exporter, Problem, export_check, export_problems

__all__ = ["EXPORTERS", "Exporter", "Problem", "export", "export_check", "export_problems", "get", "DEFAULT"]

#: id → Exporter, in the order the window offers them.
EXPORTERS: dict[str, Exporter] = {e.id: e for e in (
    newsml.EXPORTER,
    plain.EXPORTER,
    tree.EXPORTER,
)}
DEFAULT = "newsml"


def get(format_id: str) -> Exporter:
    """The exporter of ``format_id``; KeyError for an unknown one."""
    return EXPORTERS[format_id]


def export(page: Page, path: str | Path, format_id: str = DEFAULT, *, flags=(), sent=None,
           schema: str | Path | None = None, write=atomic_write_bytes) -> list[str]:
    """Write ``page`` to ``path`` in ``format_id``: the bytes are made and validated first
    (against ``schema`` where the format has one), and only valid bytes are written,
    atomically (``write(path, data)``: a local file by default; the cluster's batch passes
    its fsspec writer; ``data`` is bytes, or an iterable of bytes when the format streams).
    Returns the validation errors (nothing written) or []; OSError when the file cannot be
    written."""
    exporter = get(format_id)
    if exporter.stream is not None and not schema:  # nothing to validate: write as made
        write(path, exporter.stream(page, flags=flags, sent=sent))
        return []
    data = exporter.write(page, flags=flags, sent=sent)
    errors = exporter.validate(data, str(schema) if schema else None)
    if errors:
        return errors
    write(path, data)
    return []
