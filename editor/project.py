"""The project file: the page's model, ignored flags and rules, review state, page identity.

JSON, written atomically. A file from a newer version of the tool, a truncated file or a
hand edit that breaks the structure is refused with a clear message (InputError).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, read_page_bytes
from .i18n import _
from .fileio import atomic_write_text
from .model import Page

FORMAT = "jiaodui-project"
VERSION = 1


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Project:
    page: Page
    ignored_flags: set[str] = field(default_factory=set)  # Flag.key values
    ignored_rules: set[str] = field(default_factory=set)  # rule ids
    raw_path: str = ""  # the raw page this project was made from, if any
    # What the file it was opened from was: "page", "project" or "xml" (not saved).
    opened_as: str = field(default="", compare=False)

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "raw_page": {"path": self.raw_path or self.page.source,
                         "sha256": fingerprint(self.page.raw_text)},
            "ignored_flags": sorted(self.ignored_flags),
            "ignored_rules": sorted(self.ignored_rules),
            "page": self.page.to_json(),
        }

    @classmethod
    def from_json(cls, data) -> "Project":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(_("not a jiaodui project file"))
        version = data.get("version")
        if not isinstance(version, int):
            raise InputError(_("project file has no version"))
        if version > VERSION:
            raise InputError(_("project file is from a newer jiaodui (format {version}, this one reads "
                               "{known}): please upgrade", version=version, known=VERSION))
        try:
            page = Page.from_json(data["page"])
            raw = data.get("raw_page") or {}
            project = cls(page, set(map(str, data.get("ignored_flags", []))),
                          set(map(str, data.get("ignored_rules", []))), str(raw.get("path", "")))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a hand edit's shapes
            raise InputError(_("project file is damaged: {reason}", reason=repr(exc))) from None
        _check_spans(page)
        return project

    def raw_page_changed(self) -> bool | None:
        """Has the raw page on disk changed since? None when it cannot be found."""
        path = self.raw_path or self.page.source
        if not path or not Path(path).is_file():
            return None
        from .decoding import decode

        try:
            text = decode(read_page_bytes(path)).text
        except InputError:
            return True
        return fingerprint(text) != fingerprint(self.page.raw_text)


def _check_spans(page: Page) -> None:
    lines = page.raw_lines
    for _article, block in page.blocks():
        for span in block.spans:
            if not (0 <= span.line < len(lines) and 0 <= span.start <= span.end <= len(lines[span.line])):
                raise InputError(_("project file is damaged: block {block} points outside the raw page",
                                   block=block.id))


def save_project(project: Project, path: str | Path) -> None:
    atomic_write_text(path, json.dumps(project.to_json(), ensure_ascii=False, indent=1))


def load_project_bytes(data: bytes) -> Project:
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # cut inside a character: the file ends early
            raise InputError(_("project file is truncated")) from None
        raise InputError(_("project file is not UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise InputError(_("project file is truncated or not valid JSON (line {line}: {reason})",
                           line=exc.lineno, reason=exc.msg)) from None
    return Project.from_json(parsed)


def load_project(path: str | Path) -> Project:
    return load_project_bytes(read_page_bytes(path))
