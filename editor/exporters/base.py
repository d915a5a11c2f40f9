"""What an exporter is, and the content check every export shows first."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..i18n import Message, _, n_
from ..kinds import BlockKind
from ..model import Page
from ..newsml import xml_text


@dataclass(frozen=True)
class Exporter:
    """One export format.

    ``write(page, *, flags=(), sent=None) -> bytes`` makes the file's bytes (``flags``:
    the open flags, for formats that note errors; ``sent``: the timestamp to stamp, for
    formats that carry one). ``validate(data, schema) -> errors`` checks the bytes before
    they are written (``schema``: a schema file for formats that have one, else None);
    an empty list means fine. ``stream(page, *, flags=(), sent=None) -> iterable of bytes``
    (optional): the same bytes in pieces, for a format that can make them a piece at a
    time; :func:`editor.exporters.export` then writes them as they come when there is
    nothing to validate them against, so the file is never whole in memory.
    """

    id: str
    title: Message
    suffix: str
    write: Callable[..., bytes]
    validate: Callable[[bytes, str | None], list[str]]
    uses_schema: bool = False
    stream: Callable[..., Iterable[bytes]] | None = None


@dataclass(frozen=True)
class Problem:
    """A content problem and where it is: the block to go to, or the flag."""

    message: Message
    block_id: str = ""
    flag: object = None


def export_check(page: Page, flags=None) -> list[Message]:
    """What is still wrong with the content, one message per problem: articles without
    headline or text, unplaced text, characters XML cannot hold (left out of NewsML-G2,
    so an edit of them does not come back from the file), error-level flags still open."""
    return [p.message for p in export_problems(page, flags)]


def export_problems(page: Page, flags=None) -> list[Problem]:
    """:func:`export_check` with where each problem is (to go there from a list)."""
    from ..rules.registry import RULES

    problems: list[Problem] = []
    if not page.stories:
        problems.append(Problem(_("the page has no articles")))
    for n, article in enumerate(page.stories, 1):
        first = article.blocks[0].id if article.blocks else ""
        if not article.headline.strip():
            problems.append(Problem(_("article {n} has no headline", n=n), first))
        if not any(b.text.strip() for b in article.all(BlockKind.PARAGRAPH)):
            problems.append(Problem(_("article {n} ({title}) has no text", n=n,
                                      title=article.title or _("untitled")), first))
        unplaced = next((b for b in article.all(BlockKind.UNASSIGNED) if b.text.strip()), None)
        if unplaced is not None:
            problems.append(Problem(_("article {n} has unassigned text", n=n), unplaced.id))
        lossy = [b for b in article.blocks if len(b.text) != len(xml_text(b.text))]
        if lossy:
            lost = sum(len(b.text) - len(xml_text(b.text)) for b in lossy)
            problems.append(Problem(n_("article {article}: {n} control character XML cannot hold is left out of "
                                       "NewsML-G2", "article {article}: {n} control characters XML cannot hold "
                                       "are left out of NewsML-G2", lost, article=n), lossy[0].id))
    for flag in flags or ():
        if str(flag.severity) == "error":
            info = RULES.get(flag.rule)
            rule = info.title if info is not None else flag.rule
            problems.append(Problem(_("line {line} [{rule}]: {message}", line=flag.line, rule=rule,
                                      message=flag.message), flag.block_id, flag))
    return problems
