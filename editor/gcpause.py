"""Python's cyclic garbage collector held off while one page's structures are built.

Parsing, checking and exporting a page make millions of small objects that live on (lines,
units, blocks, flags, XML elements) and almost no reference cycles. The collector, counting
allocations, runs again and again over the growing heap: measured in one run, parsing 1000
copies of the sample cost 1.23x per copy what 10 copies did with it on, 1.05x with it
off. Held off for the call, then on again (and nothing is lost: the collector finds any
cycle later). Nested or concurrent calls leave it as the outermost found it.
"""
from __future__ import annotations

import gc
from functools import wraps


def without_gc(fn):
    """``fn`` with the cyclic collector off while it runs."""

    @wraps(fn)
    def run(*args, **kwargs):
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return run
