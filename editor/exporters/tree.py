"""JSON for scripts: the article tree with each block's role, text and raw lines.

``{"format": "jiaodui-tree", "version": 1, "source", "encoding", "articles": [...]}``;
an article has ``id``, ``title``, ``furniture`` (the page's furniture, not a story),
``reviewed`` and ``blocks``; a block has ``role`` (its kind: headline, kicker, subtitle,
byline, dateline, paragraph, intertitle, caption, furniture, unassigned), ``text``, and
``lines`` (first and last raw line, 1-based; absent for text typed by hand); a byline
also has ``reporters`` and ``correspondents``. ``open_errors``: the error-level flags
still open, as ``check --format json`` gives them.
"""
from __future__ import annotations

import json

from ..bylines import parse_byline
from ..i18n import _
from ..kinds import BlockKind
from ..model import Block, Page
from .base import Exporter

FORMAT = "jiaodui-tree"
VERSION = 1


def _block(block: Block) -> dict:
    data: dict = {"role": str(block.kind), "text": block.text}
    if block.lines is not None:
        data["lines"] = [block.lines[0] + 1, block.lines[1] + 1]
    if block.kind == BlockKind.BYLINE:
        byline = parse_byline(block.text.replace("\n", " "))
        if byline is not None:
            data["reporters"], data["correspondents"] = list(byline.reporters), list(byline.correspondents)
    return data


def tree(page: Page, flags=()) -> dict:
    return {
        "format": FORMAT, "version": VERSION, "source": page.source, "encoding": page.encoding,
        "articles": [{"id": a.id, "title": a.title, "furniture": a.furniture, "reviewed": a.reviewed,
                      "blocks": [_block(b) for b in a.blocks]} for a in page.articles],
        "open_errors": [f.to_json() for f in flags or () if str(f.severity) == "error"],
    }


def write_json(page: Page, *, flags=(), sent=None) -> bytes:
    return (json.dumps(tree(page, flags), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _validate(data: bytes, schema: str | None) -> list[str]:
    try:
        parsed = json.loads(data.decode("utf-8"))
    except ValueError as exc:
        return [str(exc)]
    return [] if isinstance(parsed, dict) and parsed.get("format") == FORMAT else ["not a jiaodui tree"]


EXPORTER = Exporter("json", _("JSON (article tree)"), ".json", write_json, _validate)
