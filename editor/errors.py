"""Input that cannot be read: the one error type for people, and reading a file for it.

Every reader (raw pages, project files, NewsML, rule settings) raises :class:`InputError`
with a message for people; the CLI prints it on one line and exits 2, the window shows it
in a box and keeps the work it has.
"""
from __future__ import annotations

import os
import stat

from .i18n import Message, _

#: Pages larger than this are refused. A newspaper page is some 20 KB; what is measured to
#: work on a 2-core machine (README, Reliability): 10.6 MB checks in 32 s and exports in
#: 41 s within 0.7 GB, 21 MB takes 96 s and 121 s and 0.9–1.2 GB, and time grows faster
#: than size (50 MB: 245 s to check, 13 minutes to export). 64 MB was the limit before.
MAX_BYTES = 16 * 1024 * 1024
#: Why, for the message that refuses a larger file.
LIMIT_REASON = _("a newspaper page is some 20 KB; one of 20 MB takes two minutes and over 1 GB to "
                 "check or export on a two-core machine")
#: A project file holds the page, its blocks' texts and their spans: several times the page.
MAX_PROJECT_BYTES = 8 * MAX_BYTES


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


def read_page_bytes(path, limit: int | None = None) -> bytes:
    """Read a regular file for decoding (at most ``limit`` bytes, default :data:`MAX_BYTES`),
    with clear errors for the usual ways that fails.

    A device, pipe or socket is refused before it is read (``/dev/zero`` never ends, a
    FIFO without a writer never answers): it is looked at with ``stat`` first, opened
    without blocking, and looked at again on the open file. At most ``limit + 1`` bytes
    are read, so a file that grows meanwhile cannot make us read more; and no more memory
    than the file's size is set aside for it."""
    limit = MAX_BYTES if limit is None else limit
    try:
        _regular(path, os.stat(path), limit)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            _regular(path, st, limit)  # the file we opened, not its name
            os.set_blocking(fh.fileno(), True)
            want = st.st_size + 1  # read(n) sets n bytes aside at once: ask for what is there
            data = fh.read(want)
            if len(data) == want:  # it grew since: on to the limit + 1, no further
                data += fh.read(limit + 1 - len(data))
    except FileNotFoundError:
        raise InputError(_("no such file: {path}", path=str(path))) from None
    except IsADirectoryError:
        raise InputError(_("is a folder, not a file: {path}", path=str(path))) from None
    except PermissionError:
        raise InputError(_("permission denied: {path}", path=str(path))) from None
    except OSError as exc:
        raise InputError(_("cannot read {path}: {reason}", path=str(path),
                           reason=exc.strerror or str(exc))) from None
    except ValueError:  # a NUL in the name
        raise InputError(_("no such file: {path}", path=str(path))) from None
    if len(data) > limit:
        raise _too_large(path, len(data), limit)
    return data


def _regular(path, st: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(_("not a regular file (a device, pipe or socket): {path}", path=str(path)))
    if st.st_size > limit:
        raise _too_large(path, st.st_size, limit)


def _too_large(path, size: int, limit: int) -> InputError:
    return InputError(_("file too large: {path} is {size:,} bytes (the limit is {limit:,}: {reason})",
                        path=str(path), size=size, limit=limit, reason=LIMIT_REASON))


def too_large(size: int, limit: int) -> InputError:
    """The refusal of ``size`` bytes of a page (already read) over ``limit``."""
    return InputError(_("file too large ({size:,} bytes; the limit is {limit:,}: {reason})",
                        size=size, limit=limit, reason=LIMIT_REASON))
