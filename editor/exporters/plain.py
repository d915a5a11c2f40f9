"""Plain corrected text: one article after another, a paragraph a line.

Each article opens with its headline group (kicker, headline, subtitle) and its byline,
each on a line of its own; the dateline opens the paragraph it belongs to, as printed
(``本报聊城讯　近年来……``); a blank line separates articles. The page's furniture
(masthead, date, editors' line) is no article's text and is left out. UTF-8, ``\\n``.
"""
from __future__ import annotations

from ..i18n import _
from ..kinds import BlockKind
from ..model import Page
from .base import Exporter

#: Between a dateline and the text it opens (a full-width space, as newspapers set it).
DATELINE_GAP = "\u3000"


def write_text(page: Page, *, flags=(), sent=None) -> bytes:
    articles = []
    for article in page.stories:
        lines: list[str] = []
        pending = ""  # a dateline waiting for its paragraph
        for block in article.blocks:
            text = " ".join(part.strip() for part in block.text.split("\n") if part.strip())
            if not text:
                continue
            if block.kind == BlockKind.DATELINE:
                pending = f"{pending}{DATELINE_GAP}{text}" if pending else text
                continue
            if pending and block.kind == BlockKind.PARAGRAPH:
                text, pending = f"{pending}{DATELINE_GAP}{text}", ""
            elif pending:
                lines.append(pending)
                pending = ""
            lines.append(text)
        if pending:
            lines.append(pending)
        if lines:
            articles.append("\n".join(lines))
    return ("\n\n".join(articles) + "\n" if articles else "").encode("utf-8")


def _validate(data: bytes, schema: str | None) -> list[str]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [str(exc)]
    return []


EXPORTER = Exporter("text", _("Plain text"), ".txt", write_text, _validate)
