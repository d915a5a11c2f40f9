"""Autosave and crash recovery: unsaved work is written to a recovery folder now and then;
after a crash the next start finds it there and offers to restore it.

The folder is given by the caller (the window uses the platform's app-data folder), so
the core stays free of Qt and tests use a temporary folder.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from . import safe_json
from .errors import MAX_PROJECT_BYTES, InputError, read_page_bytes
from .fileio import atomic_write_text, remove_stale_temps
from .project import Project


@dataclass(frozen=True)
class Recovery:
    path: Path
    source: str      # what the user had open (raw page, project or export path)
    saved_at: float  # seconds since the epoch

    def load(self) -> Project:
        return self.load_all()[0]

    def load_all(self) -> list[Project]:
        """Every page of the autosave (several for a folder or a multi-page PDF)."""
        from .workset import load_projects_bytes

        return load_projects_bytes(read_page_bytes(self.path, MAX_PROJECT_BYTES))[0]


class RecoveryStore:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _path_for(self, source: str) -> Path:
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
        return self.folder / f"recovery-{digest}.json"

    def save(self, project: Project | list[Project], source: str) -> Path:
        """Write (atomically) the unsaved state of the document opened from ``source``
        (a project, or the pages of one)."""
        from .workset import projects_to_json

        self.folder.mkdir(parents=True, exist_ok=True)
        data = projects_to_json(project if isinstance(project, list) else [project])
        data["recovery"] = {"source": source, "saved_at": time.time()}
        path = self._path_for(source)
        atomic_write_text(path, json.dumps(data, ensure_ascii=False))
        return path

    def discard(self, source: str) -> None:
        """Forget the autosave of ``source`` (after a save, or when the user declines it)."""
        try:
            self._path_for(source).unlink()
        except FileNotFoundError:
            pass

    def pending(self) -> list[Recovery]:
        """Autosaves left behind (newest first); unreadable ones are skipped, not fatal."""
        out = []
        if not self.folder.is_dir():
            return out
        remove_stale_temps(self.folder)  # of autosaves killed midway, by a crash say
        for path in self.folder.glob("recovery-*.json"):
            try:
                data = safe_json.loads(read_page_bytes(path, MAX_PROJECT_BYTES).decode("utf-8"))
                meta = data.get("recovery", {})
                out.append(Recovery(path, str(meta.get("source", "")), float(meta.get("saved_at", 0))))
            except (OSError, ValueError, AttributeError, TypeError, InputError):
                continue
        return sorted(out, key=lambda r: r.saved_at, reverse=True)
