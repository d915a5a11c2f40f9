"""jiaodui's core: no Qt here (tests/editor/test_purity.py makes sure)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def tool_version() -> str:
    """The installed package's version; in a checkout that is not installed, pyproject's."""
    from importlib import metadata

    try:
        return metadata.version("jiaodui")
    except metadata.PackageNotFoundError:
        pass
    try:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return "?"
