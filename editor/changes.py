"""What changed: the proofreader's edits, read off the page against the page as it was
read — what an editor asks ("what did you change?").

The page as read is kept as its *origin* (:func:`origin_of`: each block's first raw
character and kind, saved with the project); a block's parser text is its
``origin_text``. From these, :func:`changes` lists every change with its raw line: text
replaced, put in or taken out (one entry per stretch), a kind changed, a paragraph
break made or taken away, a block added by hand, raw text no block holds any more.
:func:`segments` marks the additions and removals of one text against another, for
the window's view; :func:`report` is the change report (``export --changes``).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .i18n import Message, _, n_
from .model import Block, Page
from .text import is_space

KINDS = ("text", "kind", "break", "join", "added", "removed")
CONTEXT = 3  # unchanged characters shown each side of a text change


@dataclass(frozen=True)
class Change:
    kind: str      # one of KINDS
    line: int      # 1-based raw line (0: none, text typed by hand in a new block)
    block_id: str  # the block it is in ("" for removed text)
    before: str = ""
    after: str = ""
    last_line: int = 0  # the last raw line, when it runs over several

    @property
    def where(self) -> str:
        if not self.line:
            return "-"
        return f"L{self.line}" + (f"–{self.last_line}" if self.last_line > self.line else "")

    def describe(self) -> Message:
        """The change in words, in the current language when read."""
        what = {
            "text": lambda: _("“{before}” → “{after}”", before=self.before, after=self.after)
            if self.before and self.after else
            _("added “{after}”", after=self.after) if self.after else
            _("removed “{before}”", before=self.before),
            "kind": lambda: _("kind {before} → {after}", before=self.before, after=self.after),
            "break": lambda: _("new paragraph from “{after}”", after=self.after),
            "join": lambda: _("paragraph break taken out before “{after}”", after=self.after),
            "added": lambda: _("block added by hand: “{after}”", after=self.after),
            "removed": lambda: _("deleted: “{before}”", before=self.before),
        }
        return what[self.kind]()


def _start(block: Block) -> tuple[int, int] | None:
    return (block.spans[0].line, block.spans[0].start) if block.spans else None


def origin_of(page: Page) -> list[list]:
    """The page's blocks as they are now, for a later :func:`changes`: [line, column,
    kind] of each block's first raw character."""
    return [[*_start(b), str(b.kind)] for _a, b in page.blocks() if b.spans]


def segments(before: str, after: str) -> list[tuple[str, str]]:
    """``after`` against ``before`` as ("=", same) / ("-", removed) / ("+", added) runs."""
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("=", before[i1:i2]))
            continue
        if i2 > i1:
            out.append(("-", before[i1:i2]))
        if j2 > j1:
            out.append(("+", after[j1:j2]))
    return out


def _line_near(cmap: list, at: int) -> int:
    """1-based raw line of the mapped character nearest ``at`` (left first), 0 if none."""
    for k in list(range(min(at, len(cmap) - 1), -1, -1)) + list(range(at + 1, len(cmap))):
        if cmap[k] is not None:
            return cmap[k][0] + 1
    return 0


def _text_changes(block: Block) -> list[Change]:
    before = block.origin_text
    if before is None:
        return [Change("added", 0, block.id, after=_short(block.text))]
    if before == block.text:
        return []
    cmap, text = block.char_map(), block.text
    out = []
    for i1, i2, j1, j2 in _stretches(before, text):
        left = _common_left(before, text, i1, j1)
        right = _common_right(before, text, i2, j2)
        out.append(Change("text", _line_near(cmap, j1 if j2 > j1 else max(0, j1 - 1)), block.id,
                          before[i1 - left:i2 + right], text[j1 - left:j2 + right]))
    return out


def _stretches(before: str, after: str):
    """The changed stretches (i1, i2, j1, j2); changes a character or two apart are one
    (``7 . 8`` → ``7.8``)."""
    ops = [op for op in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()]
    group = None
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            if group is not None and i2 - i1 > 2:
                yield tuple(group)
                group = None
            continue
        group = [i1, i2, j1, j2] if group is None else [group[0], i2, group[2], j2]
    if group is not None:
        yield tuple(group)


def _common_left(a: str, b: str, i: int, j: int) -> int:
    k = 0
    while k < CONTEXT and i - k > 0 and j - k > 0 and a[i - k - 1] == b[j - k - 1]:
        k += 1
    return k


def _common_right(a: str, b: str, i: int, j: int) -> int:
    k = 0
    while k < CONTEXT and i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
        k += 1
    return k


def _short(text: str, n: int = 16) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[:n] + "…"


def _removed(page: Page) -> list[Change]:
    """Raw text (not spaces) that no block holds: deleted blocks."""
    covered: dict[int, set[int]] = {}
    for _a, block in page.blocks():
        for span in block.spans:
            covered.setdefault(span.line, set()).update(range(span.start, span.end))
    out: list[Change] = []
    for n, line in enumerate(page.raw_lines):
        held = covered.get(n, set())
        run = "".join(ch if k not in held and not is_space(ch) else "\0" for k, ch in enumerate(line))
        for piece in filter(None, run.split("\0")):
            last = out[-1] if out else None
            if last is not None and (last.last_line or last.line) in (n, n + 1):  # one deleted block
                out[-1] = Change("removed", last.line, "", last.before + piece, last_line=n + 1)
            else:
                out.append(Change("removed", n + 1, "", before=piece))
    return [Change(c.kind, c.line, "", _short(c.before, 24), last_line=c.last_line) for c in out]


def changes(page: Page, origin: list | None) -> list[Change]:
    """Every change of ``page`` since it was read (``origin``: :func:`origin_of` then;
    None: only the changes the blocks themselves remember), by raw line."""
    out: list[Change] = []
    was = {(line, col): kind for line, col, kind in origin or ()}
    starts = set()
    for _article, block in page.blocks():
        out += _text_changes(block)
        start = _start(block)
        if start is None:
            continue
        starts.add(start)
        if origin is None:
            continue
        if start not in was:
            out.append(Change("break", start[0] + 1, block.id, after=_short(block.text)))
        elif was[start] != str(block.kind):
            out.append(Change("kind", start[0] + 1, block.id, _kind_name(was[start]), _kind_name(block.kind)))
    if origin is not None:
        holder = _holders(page)
        for start in was.keys() - starts:
            if start in holder:  # still in a block, no longer at its start: joined
                block = holder[start]
                out.append(Change("join", start[0] + 1, block.id,
                                  after=_short(page.raw_lines[start[0]][start[1]:])))
    out += _removed(page)
    return sorted(out, key=lambda c: (c.line, KINDS.index(c.kind)))


def _holders(page: Page) -> dict[tuple[int, int], Block]:
    out = {}
    for _a, block in page.blocks():
        for span in block.spans:
            out[(span.line, span.start)] = block
            out[(span.line, span.end - 1)] = block
            for col in range(span.start, span.end):
                out[(span.line, col)] = block
    return out


def _kind_name(kind) -> str:
    from .kinds import BlockKind

    try:
        return BlockKind(str(kind)).label.text()
    except ValueError:
        return str(kind)


def report(path: str, page: Page, origin: list | None) -> str:
    """The change report of one page: a line per change (``L122  “林长” → “林长制”``)."""
    found = changes(page, origin)
    head = str(n_("{path}: {n} change", "{path}: {n} changes", len(found), path=path))
    lines = [head] + [f"  {c.where:<9} {c.describe()}" for c in found]
    return "\n".join(lines) + "\n"
