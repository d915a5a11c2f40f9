"""NewsML-G2 2.35, the format the newsroom's systems read (the mapping: editor/newsml.py)."""
from __future__ import annotations

from .. import newsml as mapping
from ..gcpause import without_gc
from ..i18n import _
from .base import Exporter


@without_gc
def _write(page, *, flags=(), sent=None) -> bytes:
    return mapping.write_newsml(page, sent=sent, flags=flags)


_next_piece = without_gc(lambda pieces: next(pieces, None))


def _stream(page, *, flags=(), sent=None):
    pieces = mapping.newsml_chunks(page, sent=sent, flags=flags)
    while (piece := _next_piece(pieces)) is not None:  # each piece made with the collector off
        yield piece


def _validate(data: bytes, schema: str | None) -> list[str]:
    return mapping.validate_schema(data, schema) if schema else []


EXPORTER = Exporter("newsml", _("NewsML-G2"), ".xml", _write, _validate, uses_schema=True,
                    stream=_stream)
