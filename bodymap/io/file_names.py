"""Telling files apart: the stamp of one version of a file, and a file name as text that
any settings store can keep (names need not be UTF-8 on POSIX). Qt-free."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes


def disk_stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of the file at ``path`` from the next: its inode (an atomic
    save makes a new one), modification time in nanoseconds and size in bytes; ``None`` when
    it cannot be read (e.g. it is gone)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


_BYTES = "fs:"  # a recent file whose name is not text: its bytes, percent-encoded


def name_to_text(name: str) -> str:
    """``name`` as QSettings can keep it: a name holding bytes that are not UTF-8 (Python's
    surrogate escapes, which a QString cannot carry) is kept as its percent-encoded bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return _BYTES + quote(os.fsencode(name), safe="/")
    return name


def name_from_text(text: str) -> str:
    """The name :func:`name_to_text` kept (an absolute path never starts with ``fs:``)."""
    return os.fsdecode(unquote_to_bytes(text[len(_BYTES) :])) if text.startswith(_BYTES) else text
