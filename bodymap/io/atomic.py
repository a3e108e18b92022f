"""Write a file atomically: a failed write leaves the previous file byte-identical."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path

from bodymap.io.bounded import is_special

STALE_TEMP_S = 600  # a temporary file this old is what a killed save left behind


def target_of(path: str | os.PathLike[str]) -> Path:
    """Where writing ``path`` lands: the file a symbolic link (or a chain of them) points to,
    as editors do, so the link stays a link; ``path`` itself otherwise."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder; return the
    path written (``target_of(path)``: a symbolic link is saved through to its target).

    The temporary file is flushed and fsynced, checked to hold every byte, then moved over
    the target with ``os.replace``. Raises ``OSError`` on any failure, after removing the
    temporary file; the target is then untouched. A folder, FIFO, device or socket is
    refused (``EINVAL``), never replaced. Temporary files an earlier, killed save of the
    same name left (older than ``STALE_TEMP_S``) are removed.
    """
    target = target_of(path)
    special = is_special(target)
    if special is not None:
        raise OSError(errno.EINVAL, f"it is {special}, not a file")
    remove_stale_temps(target.parent, f".{target.name}.")
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
    return target


def remove_stale_temps(folder: Path, prefix: str) -> int:
    """Remove the temporary files ``prefix*.tmp`` in ``folder`` older than ``STALE_TEMP_S``
    (a save in progress is younger); return how many. Never raises."""
    removed = 0
    cutoff = time.time() - STALE_TEMP_S
    pattern = re.compile(re.escape(prefix) + r"(?:.*\.)?[a-z0-9_]{8}\.tmp")  # mkstemp's names
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
    return removed


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
    advice = {
        errno.ENOENT: "the folder does not exist; choose another folder",
        errno.EACCES: "permission denied; choose a folder you can write to",
        errno.EPERM: "permission denied; choose a folder you can write to",
        errno.EROFS: "the disk is read-only; choose another folder",
        errno.ENOSPC: "the disk is full; free some space or choose another disk",
        errno.ENOTDIR: "part of the path is not a folder; choose another folder",
        errno.EISDIR: "that name is a folder; choose a file name",
        errno.EINVAL: f"{exc.strerror}; choose a file name",
    }
    if exc.errno == errno.ENOENT and exc.filename and _folder_exists(exc.filename):
        # e.g. /proc or /sys: the folder is there but refuses a new file with ENOENT
        return "that folder does not take new files; choose another folder"
    return advice.get(exc.errno or 0, f"{exc.strerror or exc}; choose another location")


def _folder_exists(filename: str | bytes | int) -> bool:
    """Whether the folder of the file an OSError names exists (False when unknown)."""
    if isinstance(filename, int):
        return False
    try:
        return Path(os.fsdecode(filename)).parent.is_dir()
    except (OSError, ValueError):
        return False
