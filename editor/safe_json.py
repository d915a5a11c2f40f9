"""JSON from a file someone else may have written (project files, autosaves, rule
settings): the shapes that make Python's :mod:`json` raise something other than a
``JSONDecodeError``, or that break later when the data is used, are refused here with a
message for people.

* nesting deeper than :data:`MAX_DEPTH` (``[[[[…`` 100,000 deep is a RecursionError in
  the decoder; a few hundred deep breaks ``str()`` and ``repr()`` later);
* integers of more than 4,300 digits (Python refuses to convert them), ``1e400`` (a
  float that is infinite), ``NaN`` and ``Infinity`` (what each number may be is the
  reader's to check: :func:`count`);
* lone surrogates (``"\\ud800"``): JSON can spell them, UTF-8 cannot hold them, so text
  holding one could be read but never printed, saved or exported;
* more than one list or object per :data:`MIN_CHARS_PER_CONTAINER` characters, which
  would hold the decoder's memory to 20–50 times the file (ours have one per 75–110).

Everything else is what :func:`json.loads` gives.
"""
from __future__ import annotations

import json
import math
import re
import sys

from .i18n import Message, _

#: Deeper than any file of ours (a project is 9 levels deep), far below the decoder's limit.
MAX_DEPTH = 32

#: Fewer characters per list or object than this is no file of ours (they have 75–110).
MIN_CHARS_PER_CONTAINER = 16
#: So many cost little however close they stand (a settings file is all brackets).
FEW_CONTAINERS = 4096
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')

# Only an escape can make a surrogate: strict UTF-8 never decodes to one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONProblem(ValueError):
    """JSON that parses, or would, but that we do not take; ``message`` is for people."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def loads(text: str, max_depth: int = MAX_DEPTH):
    """``json.loads(text)`` for untrusted text: JSONDecodeError for what is not JSON,
    :class:`JSONProblem` for the shapes above."""
    _check_density(text, max_depth)
    try:
        data = json.loads(text, parse_float=_float, parse_constant=_constant)
    except RecursionError:
        raise JSONProblem(_("nested more than {depth} levels deep", depth=max_depth)) from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:
        if isinstance(exc, JSONProblem):
            raise
        # Python's own limit on the digits of an integer (4,300)
        raise JSONProblem(_("a number too long to read (more than {limit:,} digits)",
                            limit=sys.get_int_max_str_digits())) from None
    _check(data, max_depth, bool(_SURROGATE_ESCAPE.search(text)))
    return data


def _check_density(text: str, max_depth: int) -> None:
    """Refuse a text of tiny lists and objects: Python holds each in 56 bytes or more, so
    ``[[],[],…`` would take 20–50 times its size. Ours hold one per 75–110 characters."""
    rough = text.count("[") + text.count("{")
    if rough <= FEW_CONTAINERS or rough * MIN_CHARS_PER_CONTAINER <= len(text):
        return
    containers = _STRING.sub("", text)  # brackets inside strings are text, not structure
    n = containers.count("[") + containers.count("{")
    if n > FEW_CONTAINERS and n * MIN_CHARS_PER_CONTAINER > len(text):
        depth = deepest = 0
        for ch in re.sub(r"[^][{}]", "", containers):
            depth += 1 if ch in "[{" else -1
            deepest = max(deepest, depth)
        if deepest > max_depth:  # the clearer reason, when it is that
            raise JSONProblem(_("nested more than {depth} levels deep", depth=max_depth))
        raise JSONProblem(_("{n:,} lists and objects in {size:,} characters: more than one per {limit}",
                            n=n, size=len(text), limit=MIN_CHARS_PER_CONTAINER))


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONProblem(_("a number too large to hold: {number}", number=text[:40]))
    return value


def _constant(name: str):
    raise JSONProblem(_("{name} is not a number JSON allows", name=name))


def _check(data, max_depth: int, strings: bool) -> None:
    """Depth, and (when the text has surrogate escapes) lone surrogates: level by level,
    without recursion."""
    level, depth = [data], 0
    while level:
        depth += 1
        containers = [v for v in level if isinstance(v, (dict, list))]
        if containers and depth > max_depth:
            raise JSONProblem(_("nested more than {depth} levels deep", depth=max_depth))
        if strings:
            for value in level:
                if isinstance(value, str) and _SURROGATE.search(value):
                    code = ord(_SURROGATE.search(value).group())
                    raise JSONProblem(_("text holds a lone surrogate (U+{code:04X}), which is no "
                                        "character", code=code))
        level = []
        for value in containers:
            if isinstance(value, dict):
                level.extend(value.values())
                if strings:
                    level.extend(value)
            else:
                level.extend(value)
