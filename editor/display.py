"""Can the window start here? Asked before Qt is, so that a machine without a display
(or without the libraries Qt's X11 plugin needs) gets one clear line instead of Qt's
abort (SIGABRT). No Qt is imported: the plugin is only looked for and, to see whether
its libraries are there, loaded the way Qt would load it.
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from pathlib import Path

from .i18n import Message, _

#: Platforms that need a display server.
_NEEDS_DISPLAY = ("", "xcb", "wayland")


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, or None when it cannot be found."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(list(spec.submodule_search_locations)[0]) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def display_problem(env: dict | None = None) -> Message | None:
    """Why the window cannot start on this machine, or None when it can (or when only
    Qt can tell: not Linux, or a platform chosen with ``QT_QPA_PLATFORM``)."""
    env = os.environ if env is None else env
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if not sys.platform.startswith("linux") or platform not in _NEEDS_DISPLAY:
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _("no display: use {export} or {check} here; for the window, run it on a desktop "
                 "({readme} lists the {debian} packages it needs)", export="`python main.py export PAGE -o OUT`",
                 check="`python main.py check PAGE`", readme="README.md", debian="Debian")
    if platform == "wayland" or (not platform and not env.get("DISPLAY")):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as exc:
        missing = str(exc).split(":")[0].strip() or str(exc)
        return _("the window cannot start: {missing} is missing ({debian}: {readme} lists the packages, "
                 "e.g. {example})", missing=missing, readme="README.md", debian="Debian",
                 example="apt-get install libxcb-cursor0")
    return None
