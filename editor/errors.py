"""Input that cannot be read: the one error type for people, and reading a file for it.

Every reader (raw pages, project files, NewsML, rule settings) raises :class:`InputError`
with a message for people; the CLI prints it on one line and exits 2, the window shows it
in a box and keeps the work it has.
"""
from __future__ import annotations

import os

from .i18n import Message, _

#: Pages larger than this are refused (a newspaper page is ~20 KB; 64 MB is far past any).
MAX_BYTES = 64 * 1024 * 1024


class MessageError(Exception):
    """An error whose message is for people: a :class:`~editor.i18n.Message` (or a
    string), rendered in the current language when shown."""

    def __init__(self, message: Message | str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class InputError(MessageError):
    """A page or file that cannot be read."""


def read_page_bytes(path) -> bytes:
    """Read a file for decoding, with clear errors for the usual ways that fails."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(_("file too large: {path} is {size:,} bytes (the limit is {limit:,})",
                               path=str(path), size=size, limit=MAX_BYTES))
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(_("no such file: {path}", path=str(path))) from None
    except IsADirectoryError:
        raise InputError(_("is a folder, not a file: {path}", path=str(path))) from None
    except PermissionError:
        raise InputError(_("permission denied: {path}", path=str(path))) from None
    except OSError as exc:
        raise InputError(_("cannot read {path}: {reason}", path=str(path),
                           reason=exc.strerror or str(exc))) from None
