"""The project file: the page's model, ignored flags and rules, review state, page identity,
and the user dictionary (names, places, terms of the paper the misread rule never flags).

JSON, written atomically. A file from a newer version of the tool, a truncated file or a
hand edit that breaks the structure is refused with a clear message (InputError).

The user dictionary is kept per project (``Project.user_words``) and optionally globally, in
a plain-text file of the caller's choosing (the window passes one in the user's config
folder): one word a line, ``#`` starts a comment. :func:`read_word_list` and
:func:`write_word_list` read and write that form, for the global file and for export/import.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import safe_json
from .errors import MAX_PROJECT_BYTES, InputError, read_page_bytes
from .i18n import _
from .fileio import atomic_write_text
from .model import Page
from .source import source_from_json, source_to_json

FORMAT = "jiaodui-project"
VERSION = 1


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes ("" when it cannot be read), read in chunks."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


@dataclass
class Project:
    page: Page
    ignored_flags: set[str] = field(default_factory=set)  # Flag.key values
    ignored_rules: set[str] = field(default_factory=set)  # rule ids
    raw_path: str = ""  # the raw page this project was made from, if any
    # What the file it was opened from was: "page", "project" or "xml" (not saved).
    opened_as: str = field(default="", compare=False)
    user_words: set[str] = field(default_factory=set)  # never flagged as misread
    # How the page is named: its file, or ``file#N`` for page N of several (not saved).
    ref: str = field(default="", compare=False)
    shown: bool = field(default=False, compare=False)  # the page shown when its project was saved
    # Why the page's geometry (boxes, image) could not be kept or read back, if so.
    source_problem: object = field(default="", compare=False)  # a Message, or ""
    # Paragraph breaks the proofreader decided to keep ("K"): raw line pairs "22>24"
    # (1-based), where no flag is raised again (editor/ignores.py).
    kept_breaks: set[str] = field(default_factory=set)
    # The page as it was read, for the change report (editor/changes.py): each block's
    # first raw character and kind, in reading order. None until the session fills it in.
    origin: list | None = field(default=None, compare=False)

    def add_word(self, word: str) -> bool:
        """Add a word to the project's dictionary ("add to dictionary"); False if it was
        there already. ValueError for something that is no word (empty, spaces, a line break)."""
        word = clean_word(word)
        if word in self.user_words:
            return False
        self.user_words.add(word)
        return True

    def remove_word(self, word: str) -> bool:
        """Take a word out of the project's dictionary; False if it was not in it."""
        if word in self.user_words:
            self.user_words.discard(word)
            return True
        return False

    def dictionary(self, global_words: Iterable[str] = ()) -> frozenset[str]:
        """The words the check must leave alone: the project's and the global ones."""
        return frozenset(self.user_words).union(global_words)

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "raw_page": {"path": self.raw_path or self.page.source,
                         "sha256": fingerprint(self.page.raw_text)},
            "ignored_flags": sorted(self.ignored_flags),
            "ignored_rules": sorted(self.ignored_rules),
            **({"user_words": sorted(self.user_words)} if self.user_words else {}),
            **({"kept_breaks": sorted(self.kept_breaks)} if self.kept_breaks else {}),
            **({"origin": self.origin} if self.origin else {}),
            "page": self.page.to_json(),
            **({"source": source_to_json(self.page.source_page)} if self.page.source_page else {}),
        }

    @classmethod
    def from_json(cls, data) -> "Project":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(_("not a jiaodui project file"))
        version = data.get("version")
        if type(version) is not int or version < 1:
            raise InputError(_("project file has no version"))
        if version > VERSION:
            raise InputError(_("project file is from a newer jiaodui (format {version}, this one reads "
                               "{known}): please upgrade", version=version, known=VERSION))
        try:
            page = Page.from_json(data["page"])
            raw = data.get("raw_page") or {}
            project = cls(page, set(map(str, data.get("ignored_flags", []))),
                          set(map(str, data.get("ignored_rules", []))), str(raw.get("path", "")),
                          user_words=_words_of(data.get("user_words", [])),
                          kept_breaks=set(map(str, data.get("kept_breaks", []))),
                          origin=_origin_of(data.get("origin")))
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:  # a hand edit's shapes
            raise InputError(_("project file is damaged: {reason}", reason=repr(exc)[:200])) from None
        _check_spans(page)
        _check_ids(page)
        if data.get("source") is not None:
            try:
                page.source_page = source_from_json(data["source"], page.raw_lines)
            except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:  # the text still opens
                project.source_problem = _("the page geometry in the project file is damaged and "
                                           "was left out: {reason}", reason=repr(exc)[:200])
        return project

    def raw_page_changed(self) -> bool | None:
        """Has the raw page on disk changed since? None when it cannot be found."""
        source = self.page.source_page
        if source is not None and source.sha256:  # a PDF or OCR file: by its hash
            return None if not Path(source.path).is_file() else file_sha256(source.path) != source.sha256
        path = self.raw_path or self.page.source
        if not path or not Path(path).is_file():
            return None
        from .decoding import decode

        try:
            text = decode(read_page_bytes(path)).text
        except InputError:
            return True
        return fingerprint(text) != fingerprint(self.page.raw_text)


def clean_word(word: str) -> str:
    """A dictionary word as stored: stripped; ValueError if it is empty or holds whitespace."""
    if not isinstance(word, str):
        raise ValueError("a word must be text")
    word = word.strip()
    if not word or any(ch.isspace() for ch in word) or word.startswith("#"):
        raise ValueError(f"不是一个词 / not a word: {word!r}")
    return word


def _words_of(value) -> set[str]:
    if not isinstance(value, list):
        raise ValueError("'user_words' must be a list of words")
    return {clean_word(w) for w in value}


def _origin_of(value) -> list | None:
    if value is None:
        return None
    return [[int(line), int(col), str(kind)] for line, col, kind in value]


def read_word_list(path: str | Path) -> list[str]:
    """Words from a plain-text list: one a line, blank lines and ``#`` comments skipped,
    duplicates dropped, order kept. UTF-8 (with or without BOM) or GB18030. A missing or
    unreadable file, or one that is not text, is an InputError with a clear message."""
    try:
        data = read_page_bytes(path)  # a regular file, of bounded size
    except InputError as exc:
        raise InputError(f"无法读取词表 / cannot read word list {path}: {exc}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"词表不是 UTF-8 或 GB18030 文本 / word list {path} is not UTF-8 or GB18030 text")
    return parse_word_list(text, str(path))


def parse_word_list(text: str, name: str = "") -> list[str]:
    """The words of a word list's text (see :func:`read_word_list`); ``name`` names it in
    the errors."""
    where = f" {name}" if name else ""
    if "\x00" in text:
        raise InputError(f"词表不是文本文件 / word list{where} is not a text file")
    out: dict[str, None] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if any(ch.isspace() for ch in line):
            raise InputError(f"词表第 {n} 行不是一个词 / word list{where}, line {n}: one word a line, "
                             f"not {line!r}")
        out[line] = None
    return list(out)


def write_word_list(path: str | Path, words: Iterable[str]) -> None:
    """Write words one a line (sorted, UTF-8), atomically."""
    body = "".join(f"{w}\n" for w in sorted({clean_word(w) for w in words}))
    atomic_write_text(path, body)


def _check_spans(page: Page) -> None:
    """Every position a block holds lies in the raw page (its spans, the lines its joins
    join) or in its text (the joins' offsets): the counts are bounded by what they count."""
    lines = page.raw_lines
    for _article, block in page.blocks():
        inside = all(0 <= s.line < len(lines) and 0 <= s.start <= s.end <= len(lines[s.line])
                     for s in block.spans)
        # (a join's blank lines are only named in a message: the parser's may lie past the end)
        inside = inside and all(0 <= j.offset <= len(block.origin_text or block.text)
                                and 0 <= j.prev_line < len(lines) and 0 <= j.next_line < len(lines)
                                for j in block.joins)
        if not inside:
            raise InputError(_("project file is damaged: block {block} points outside the raw page",
                               block=block.id))


def _check_ids(page: Page) -> None:
    """No id is used twice (an ignore, a note or an edit would land in two places)."""
    for ids in ([a.id for a in page.articles], [b.id for _a, b in page.blocks()]):
        seen: set[str] = set()
        for id_ in ids:
            if id_ in seen:
                raise InputError(_("project file is damaged: the id {id} is used twice", id=id_[:40]))
            seen.add(id_)


def save_project(project: Project, path: str | Path) -> None:
    atomic_write_text(path, json.dumps(project.to_json(), ensure_ascii=False, indent=1))


def load_project_bytes(data: bytes) -> Project:
    return Project.from_json(parse_project_json(data))


def parse_project_json(data: bytes):
    """The JSON of a project file; InputError when it is cut short or not JSON."""
    try:
        parsed = safe_json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # cut inside a character: the file ends early
            raise InputError(_("project file is truncated")) from None
        raise InputError(_("project file is not UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise InputError(_("project file is truncated or not valid JSON (line {line}: {reason})",
                           line=exc.lineno, reason=exc.msg)) from None
    except safe_json.JSONProblem as exc:
        raise InputError(_("project file is damaged: {reason}", reason=exc.message)) from None
    return parsed


def load_project(path: str | Path) -> Project:
    return load_project_bytes(read_page_bytes(path, MAX_PROJECT_BYTES))
