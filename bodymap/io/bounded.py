"""Reading a file the user named, in bounded time and memory.

Only regular files are read: a FIFO would block forever, ``/dev/zero`` would be read until
memory runs out (its size reads as 0). The file is opened without blocking, checked with
``fstat`` on the open descriptor (no race with a rename), and read to at most ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileProblem(Exception):
    """The file cannot be read; ``str()`` is a short reason with what to do."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a folder", "a named pipe (FIFO)", ...)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``what`` names the expected content ("a session file") for the messages. Raises
    :class:`FileProblem` for a missing, special, unreadable or too large file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileProblem("a link to a file that does not exist; check the path") from None
        raise FileProblem("no such file; check the path") from None
    except IsADirectoryError:
        raise FileProblem(f"is a folder, not {what}") from None
    except OSError as exc:
        raise FileProblem(f"cannot read it ({exc.strerror}); check its permissions") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise FileProblem(f"is a folder, not {what}")
            raise FileProblem(f"is {kind_of(info.st_mode)}, not {what}; give a file")
        if info.st_size > limit:
            raise FileProblem(_too_large(info.st_size, limit, what))
        chunks: list[bytes] = []
        total = 0
        while True:  # the size may change while reading: never read past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileProblem(_too_large(total, limit, what))
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(f"cannot read it ({exc.strerror}); check the file") from None
    finally:
        os.close(fd)


def _too_large(size: int, limit: int, what: str) -> str:
    return f"too large ({size / 2**20:.0f} MB; the limit is {limit // 2**20} MB); is it {what}?"


def is_special(path: Path) -> str | None:
    """What ``path`` is when it exists and is neither a regular file nor a link to one
    (an output must never replace it), else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) else kind_of(mode)
