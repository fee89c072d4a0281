"""Reading a file a user named: only a regular file, only up to a bound, and errors they can act
on.

A FIFO (or a terminal, a socket) named as an input would block a command forever at ``open``; a
folder or an unreadable file would end in an ``OSError`` traceback; a file of gigabytes would be
read whole into memory. Every reader of user files goes through :func:`read_bytes`, which
refuses each of those with a :class:`~salesplaybook.core.errors.SalesplaybookError` naming the
path, before opening anything that is not a regular file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from salesplaybook.core.errors import SalesplaybookError

__all__ = ["MEGABYTE", "UnreadableFileError", "check_regular_file", "read_bytes"]

MEGABYTE = 1024 * 1024


class UnreadableFileError(SalesplaybookError):
    """A file that is not there, not a regular file, unreadable or too large; ``reason`` is the
    message without the path, for callers that name the file themselves (``file:line``)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def check_regular_file(path: Path, limit: int | None = None) -> int:
    """The size of ``path``, a regular file (a symbolic link to one is followed); anything else
    is refused before it is opened, as is a file over ``limit`` bytes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableFileError(path, "cannot read (no such file)") from None
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError(
            path, "is not a regular file (a pipe, socket or device); not read"
        )
    if limit is not None and info.st_size > limit:
        raise UnreadableFileError(
            path, f"is {info.st_size:,} bytes, more than the {limit:,} this file may have"
        )
    return info.st_size


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them (see the module)."""
    check_regular_file(path, limit)
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the check, open does
        # not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise UnreadableFileError(path, "is not a regular file; not read")
            data = file.read(limit + 1)
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise UnreadableFileError(path, f"is more than the {limit:,} bytes this file may have")
    return data
