"""Block kinds: the one table of what each kind is, and everything derived from it.

A row says what a kind is called (a gettext message: Chinese from the catalog), where it
goes in NewsML-G2 / NITF, which rule categories read blocks of it, and its shortcut
number in the window (Ctrl+N). The exporters, the rules, the tree's labels and the
window's Change Kind menu all read this table; only the colours a kind is drawn in live
in the widgets (``widgets/theme.py``), keyed by kind.

Adding a kind: a member of :class:`BlockKind` and a row of :data:`KINDS` (see
docs/architecture.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .i18n import Message, _


class BlockKind(StrEnum):
    KICKER = "kicker"          # 引题
    HEADLINE = "headline"      # 主题
    SUBTITLE = "subtitle"      # 副题
    BYLINE = "byline"
    DATELINE = "dateline"
    PARAGRAPH = "paragraph"
    INTERTITLE = "intertitle"  # 小标题: a section heading inside an article's text
    CAPTION = "caption"        # 图片说明
    FURNITURE = "furniture"    # 版面信息: masthead, date, section, page number, editors' line
    UNASSIGNED = "unassigned"  # text the parser could not place; never dropped

    @property
    def info(self) -> "KindInfo":
        return _BY_KIND[self]

    @property
    def is_heading(self) -> bool:
        return _BY_KIND[self].heading

    @property
    def label(self) -> Message:
        return _BY_KIND[self].name


#: Rule categories (``editor.rules.base.Category`` values).
ALL_RULES = frozenset({"join", "space", "punctuation", "structure", "encoding", "character"})
_TEXT = ALL_RULES                     # running text and display type: every rule
_CREDIT = ALL_RULES - {"join", "punctuation"}   # bylines and datelines: set as credits


@dataclass(frozen=True)
class KindInfo:
    kind: BlockKind
    name: Message
    #: Where the kind goes in NITF (``body.head`` / ``body.content``): "hl1", "hl2" (with
    #: ``nitf_class``), "byline", "dateline", "p" (with or without a class); "" for
    #: furniture, which goes in the packageItem (``description role="jdpart:<kind>"``).
    nitf: str
    nitf_class: str = ""
    #: The rule categories that read blocks of this kind. A block of the page's
    #: furniture is read as FURNITURE, whatever its own kind.
    read_by: frozenset[str] = _TEXT
    heading: bool = False  # part of the headline group (kicker, headline, subtitle)
    shortcut: int | None = None  # Ctrl+<n> in the window's Change Kind menu
    in_menu: bool = True   # offered in Change Kind (unassigned text is the parser's verdict only)


KINDS: tuple[KindInfo, ...] = (
    KindInfo(BlockKind.HEADLINE, _("Headline"), "hl1", heading=True, shortcut=1),
    KindInfo(BlockKind.KICKER, _("Kicker"), "hl2", "kicker", heading=True, shortcut=2),
    KindInfo(BlockKind.SUBTITLE, _("Subtitle"), "hl2", "subtitle", heading=True, shortcut=3),
    KindInfo(BlockKind.BYLINE, _("Byline"), "byline", read_by=_CREDIT, shortcut=4),
    KindInfo(BlockKind.DATELINE, _("Dateline"), "dateline", read_by=_CREDIT, shortcut=5),
    KindInfo(BlockKind.PARAGRAPH, _("Paragraph"), "p", shortcut=6),
    KindInfo(BlockKind.CAPTION, _("Caption"), "p", "caption", shortcut=7),
    KindInfo(BlockKind.INTERTITLE, _("Intertitle"), "p", "intertitle", shortcut=8),
    KindInfo(BlockKind.FURNITURE, _("Furniture"), "", read_by=frozenset({"encoding"}), shortcut=9),
    KindInfo(BlockKind.UNASSIGNED, _("Unassigned"), "p", "unassigned", read_by=ALL_RULES - {"join"},
             in_menu=False),
)

_BY_KIND = {info.kind: info for info in KINDS}
assert set(_BY_KIND) == set(BlockKind), "every BlockKind needs a row in KINDS"


def kinds_read_by(category: str) -> frozenset[BlockKind]:
    """The kinds whose blocks rules of ``category`` look at."""
    return frozenset(info.kind for info in KINDS if category in info.read_by)


def kind_of_class(element: str, cls: str | None) -> BlockKind | None:
    """The kind an NITF element (``p``, ``hl2``…) with this ``class`` stands for."""
    for info in KINDS:
        if info.nitf == element and info.nitf_class == (cls or ""):
            return info.kind
    return None


def shortcut_kinds() -> list[tuple[BlockKind, int]]:
    """(kind, n) for each kind with a Ctrl+n shortcut, by n."""
    return sorted(((i.kind, i.shortcut) for i in KINDS if i.shortcut is not None), key=lambda p: p[1])


def menu_kinds() -> list[tuple[BlockKind, int | None]]:
    """(kind, shortcut number or None) for the Change Kind menu: those with a shortcut
    first, by number, then the others in table order."""
    offered = [i for i in KINDS if i.in_menu]
    keyed = sorted((i for i in offered if i.shortcut is not None), key=lambda i: i.shortcut)
    return [(i.kind, i.shortcut) for i in keyed + [i for i in offered if i.shortcut is None]]
