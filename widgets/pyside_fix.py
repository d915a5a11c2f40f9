"""A guard against a reference-counting bug in some PySide6 builds.

pyproject.toml pins PySide6 6.9, which does not have it; this stays as a guard for an
environment that brings another build. With PySide6 6.12 on Python 3.11 every call of a
Qt method that returns nothing (``setEnabled``, ``setText``…) and every empty ``QModelIndex.data()`` gives back None
without taking a reference to it. None is not immortal before Python 3.12, so after some
tens of thousands of such calls — minutes of real use, or one test session — Python frees
None and aborts ("none_dealloc: deallocating None"). :func:`keep_none_alive` detects the
bug and gives None enough references never to reach zero (None is never freed anyway).
"""
from __future__ import annotations

import ctypes
import sys

_BUMP = 1 << 40


def leaks_none() -> bool:
    """Does a Qt call returning nothing lose a reference to None here?"""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 50


def keep_none_alive() -> bool:
    """Apply the workaround if this PySide needs it; True if it was applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not leaks_none():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _BUMP:
        refcount.value += _BUMP
    return True
