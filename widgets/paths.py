"""Where the app's own files are: the source tree's resources/, or the installed copy."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def resource_dir() -> Path:
    """``resources/`` beside the packages in a checkout; ``jiaodui_resources`` when installed."""
    here = Path(__file__).resolve().parent.parent / "resources"
    if here.is_dir():
        return here
    spec = importlib.util.find_spec("jiaodui_resources")
    if spec and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return here


def sample_page() -> Path:
    return resource_dir() / "samples" / "liaocheng-page.txt"


def translations_dir() -> Path:
    return resource_dir() / "translations"
