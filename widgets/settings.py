"""Typed settings with defaults over QSettings.

Each option is declared once with its type and default (Picard's ``options.py``). Only
values that differ from the default are stored (ReText). A :class:`Settings` is made at
startup and passed in; nothing here touches QSettings at import time.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from editor.rules.registry import RuleSettings

#: Bumped when a stored setting changes meaning; :meth:`Settings.upgrade` migrates.
VERSION = 1
MAX_RECENT = 10
MIN_FONT, MAX_FONT = 8, 40


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any


OPTIONS = {o.key: o for o in (
    Option("window/geometry", QByteArray, QByteArray()),
    Option("window/state", QByteArray, QByteArray()),
    Option("window/splitter", list, [600, 800]),
    Option("window/tree_splitter", list, [480, 200]),
    Option("files/recent", list, []),
    Option("files/last_dir", str, ""),
    Option("files/autosave_seconds", int, 60),
    Option("export/schema_path", str, ""),  # NewsML-G2 XSD to validate exports against
    Option("view/font_size", int, 13),
    Option("view/font_family", str, ""),  # "" is the built-in list of CJK fonts (widgets/fonts.py)
    Option("rules/settings", str, ""),  # RuleSettings as JSON, the form of ``check --settings FILE``
    Option("ui/language", str, ""),  # "" follows the system locale; "zh_CN" or "en"
)}


class Settings:
    """``settings.get("view/font_size")`` → an int, the default when unset or unreadable."""

    def __init__(self, store: QSettings):
        self._store = store
        self.upgrade()

    def folder(self) -> Path | None:
        """The folder of the settings file, where it is a file (an INI file; on Windows the
        native store is the registry: None)."""
        if self._store.format() != QSettings.Format.IniFormat and sys.platform == "win32":
            return None
        name = self._store.fileName()
        return Path(name).parent if name else None

    def get(self, key: str):
        option = OPTIONS[key]
        raw = self._store.value(key)
        if raw is None:
            return _copy(option.default)
        try:
            return _coerce(raw, option)
        except (TypeError, ValueError):
            return _copy(option.default)

    def default(self, key: str):
        return _copy(OPTIONS[key].default)

    def set(self, key: str, value) -> None:
        option = OPTIONS[key]
        value = _coerce(value, option)
        if value == option.default:
            self._store.remove(key)
        else:
            self._store.setValue(key, value)

    def sync(self) -> None:
        self._store.sync()

    # --- recent files ---------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return self.get("files/recent")

    def add_recent(self, path: str) -> None:
        recent = [p for p in self.recent_files() if p != path]
        self.set("files/recent", [path, *recent][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.set("files/recent", [p for p in self.recent_files() if p != path])

    # --- rules ----------------------------------------------------------------------
    def rule_settings(self) -> RuleSettings:
        """Which rules run at what severity (the defaults when unset or unreadable)."""
        text = self.get("rules/settings")
        if not text:
            return RuleSettings()
        try:
            return RuleSettings.from_json(json.loads(text))
        except ValueError:  # a rule renamed or a file edited by hand: the defaults, not a crash
            return RuleSettings()

    def set_rule_settings(self, rules: RuleSettings) -> None:
        data = rules.to_json()
        self.set("rules/settings", json.dumps(data, ensure_ascii=False, sort_keys=True) if data else "")

    def upgrade(self) -> None:
        """Migrate settings written by older versions (none yet) and stamp the version."""
        stored = self._store.value("settings/version")
        if stored is None or int(stored) < VERSION:
            self._store.setValue("settings/version", VERSION)


def _copy(value):
    return list(value) if isinstance(value, list) else value


def _coerce(raw, option: Option):
    if option.type is list:
        if raw in ("", None):
            return []
        items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
        kind = type(option.default[0]) if option.default else str
        return [kind(x) for x in items]
    if option.type is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    if option.type is bool and isinstance(raw, str):
        return raw.lower() in ("1", "true", "yes")
    return option.type(raw)


def restore_window(window, settings: Settings) -> None:
    """The window's geometry, docks and splitters as they were last time."""
    from PySide6.QtCore import Qt

    if not settings.get("window/geometry").isEmpty():
        window.restoreGeometry(settings.get("window/geometry"))
    else:
        window.resize(1400, 900)
    if not settings.get("window/state").isEmpty():
        window.restoreState(settings.get("window/state"))
    else:
        window.resizeDocks([window.flags_dock], [230], Qt.Orientation.Vertical)
    window.splitter.setSizes(settings.get("window/splitter"))
    window.right.setSizes(settings.get("window/tree_splitter"))


def save_window(window, settings: Settings) -> None:
    settings.set("window/geometry", window.saveGeometry())
    settings.set("window/state", window.saveState())
    settings.set("window/splitter", window.splitter.sizes())
    settings.set("window/tree_splitter", window.right.sizes())
    settings.sync()
