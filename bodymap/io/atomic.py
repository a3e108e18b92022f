"""Write a file atomically: a failed write leaves the previous file byte-identical."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed and fsynced, checked to hold every byte, then moved over
    ``path`` with ``os.replace``. Raises ``OSError`` on any failure, after removing the
    temporary file; ``path`` is then untouched.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode_for(target))  # mkstemp makes 0600; keep what the file would have
        view = memoryview(data)
        written = 0
        while written < len(data):
            n = os.write(fd, view[written:])
            if n <= 0:
                raise OSError(28, "No space left on device (short write)")
            written += n
        os.fsync(fd)
        os.close(fd)
        fd = -1
        if os.path.getsize(tmp) != len(data):
            raise OSError(28, "No space left on device (file shorter than written)")
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename durable; not all systems allow it
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mode_for(target: Path) -> int:
    """The permission bits of ``target`` if it exists, else the ones a new file gets."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def describe_os_error(exc: OSError) -> str:
    """A short, user-facing reason with what to do, for a failed write."""
    import errno

    advice = {
        errno.ENOENT: "the folder does not exist; choose another folder",
        errno.EACCES: "permission denied; choose a folder you can write to",
        errno.EPERM: "permission denied; choose a folder you can write to",
        errno.EROFS: "the disk is read-only; choose another folder",
        errno.ENOSPC: "the disk is full; free some space or choose another disk",
        errno.ENOTDIR: "part of the path is not a folder; choose another folder",
        errno.EISDIR: "that name is a folder; choose a file name",
    }
    return advice.get(exc.errno or 0, f"{exc.strerror or exc}; choose another location")
