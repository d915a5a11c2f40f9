"""A project of several pages (a folder of pages, a multi-page PDF): one file holding each
page's project as a single-page project file holds it.

A project of one page is written exactly as before (``version`` 1); several pages make
``version`` 2: ``{"format": "jiaodui-project", "version": 2, "pages": [...], "current": i}``,
each entry a version-1 project without its ``format``/``version``. An older jiaodui refuses
a version-2 file as one from a newer version, rather than reading one page of it.
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .fileio import atomic_write_text
from .i18n import _
from .project import FORMAT, VERSION, Project, parse_project_json

PAGES_VERSION = 2
#: A project file of more pages than this is refused (a day's paper is a few dozen).
MAX_PAGES = 2000


def projects_to_json(projects: list[Project], current: int = 0) -> dict:
    if len(projects) == 1:
        return projects[0].to_json()
    pages = []
    for project in projects:
        data = project.to_json()
        del data["format"], data["version"]
        pages.append(data)
    return {"format": FORMAT, "version": PAGES_VERSION, "current": current, "pages": pages}


def save_projects(projects: list[Project], path: str | Path, current: int = 0) -> None:
    """Write the pages (atomically): as a one-page project file when there is one."""
    atomic_write_text(path, json.dumps(projects_to_json(projects, current), ensure_ascii=False, indent=1))


def projects_from_json(data) -> tuple[list[Project], int]:
    """(the pages, the one that was shown) of a project file of either version."""
    if not (isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") == PAGES_VERSION):
        return [Project.from_json(data)], 0
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages:
        raise InputError(_("project file is damaged: {reason}", reason="'pages' must be a list of pages"))
    if len(pages) > MAX_PAGES:
        raise InputError(_("project file has {n:,} pages; the limit is {limit:,}", n=len(pages), limit=MAX_PAGES))
    projects = []
    for entry in pages:
        if not isinstance(entry, dict):
            raise InputError(_("project file is damaged: {reason}", reason="a page is not an object"))
        projects.append(Project.from_json({**entry, "format": FORMAT, "version": VERSION}))
    current = data.get("current", 0)
    current = current if isinstance(current, int) and 0 <= current < len(projects) else 0
    projects[current].shown = True
    return projects, current


def load_projects_bytes(data: bytes) -> tuple[list[Project], int]:
    return projects_from_json(parse_project_json(data))
