"""Crash recovery: the autosaves that instances which died left behind ("orphans").

Every orphan in every autosave folder is found and read. A readable one is offered with its
date, what it holds and the file it came from; what becomes of it is the user's choice
(restore, keep for later, discard). One that cannot be read (a newer format, a regions file
that lost one of its regions, damage, a link or anything but a regular file) is never
deleted: it is moved to the ``unreadable`` folder beside it with a ``.reason.txt`` saying why.

One exception, which loses nothing: an autosave its own window had discarded (the work was
saved, undone to the saved state or replaced) but could not remove because its folder was out
of reach then, is removed, not offered; the window left a tombstone saying so
(``bodymap.ui.autosave``), and the orphan is no newer than that tombstone.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from bodymap.core.anatomy import Anatomy
from bodymap.core.session import Session
from bodymap.io.errors import BodyMapError, one_line
from bodymap.io.session_file import SUFFIX, load_session
from bodymap.ui.autosave import (
    PREFIX,
    TOMBSTONE,
    Autosaver,
    autosave_dirs,
    lock_path,
    read_source,
    source_path,
    token_of,
)

UNREADABLE = "unreadable"  # the folder, beside the autosaves, for what could not be read
NOTE_START = 40  # characters of the note a summary shows


@dataclass
class Orphan:
    """A readable autosave of an instance that died."""

    path: Path
    saved: datetime  # when it was written (local time)
    session: Session
    source: Path | None  # the session file the work came from, when it had one

    def summary(self) -> str:
        """``12 marks · note "Started after…" · from diary.bodymap.json``"""
        count = len(self.session.marks)
        translate = QCoreApplication.translate
        parts = [
            translate("Recovery", "1 mark")
            if count == 1
            else translate("Recovery", "{count} marks").format(count=count)
        ]
        note = " ".join(self.session.note.split())
        if note:
            cut = note[:NOTE_START] + ("…" if len(note) > NOTE_START else "")
            parts.append(translate("Recovery", "note “{text}”").format(text=cut))
        parts.append(
            translate("Recovery", "from {name}").format(name=self.source.name)
            if self.source
            else translate("Recovery", "never saved")
        )
        return one_line(" · ".join(parts))


@dataclass
class SetAside:
    """An orphan that could not be read, and where it went."""

    name: str
    reason: str
    moved_to: Path | None  # None: it could not be moved either (left where it was)

    def line(self) -> str:
        translate = QCoreApplication.translate
        where = (
            translate("Recovery", "moved to {folder}").format(folder=self.moved_to.parent)
            if self.moved_to
            else translate("Recovery", "left in place")
        )
        return one_line(f"{self.name}: {self.reason} ({where})")


def find(anatomy: Anatomy) -> tuple[list[Orphan], list[SetAside]]:
    """Every readable orphan in every autosave folder, newest first, and what could not be
    read (moved aside). Never raises for what it finds on disk."""
    orphans: list[Orphan] = []
    aside: list[SetAside] = []
    discarded = _tombstones()
    used: set[Path] = set()
    for folder in autosave_dirs():
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if not (entry.name.startswith(PREFIX) and entry.name.endswith(SUFFIX)):
                continue
            path = Path(entry.path)
            try:
                info = os.lstat(path)
            except OSError:
                continue  # gone meanwhile
            if not stat.S_ISREG(info.st_mode):
                what = "a link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
                aside.append(_move_aside(path, f"{what}, not an autosave"))
                continue
            if not _owner_gone(path):
                continue  # a running instance's work
            tomb = discarded.get(token_of(path))
            if tomb is not None and info.st_mtime <= tomb[1]:
                Autosaver.remove(path)  # its window had nothing unsaved after writing it
                used.add(tomb[0])
                continue
            try:
                session = load_session(path, anatomy)
            except BodyMapError as exc:
                aside.append(_move_aside(path, exc.reason))
                continue
            except MemoryError:
                aside.append(_move_aside(path, "too large to read here"))
                continue
            saved = datetime.fromtimestamp(info.st_mtime)
            orphans.append(Orphan(path, saved, session, read_source(path)))
    for tomb_path in used:
        with contextlib.suppress(OSError):
            tomb_path.unlink()
    orphans.sort(key=lambda o: o.saved, reverse=True)
    return orphans, aside


def _tombstones() -> dict[str, tuple[Path, float]]:
    """The newest tombstone of each instance token in every autosave folder, and its time."""
    found: dict[str, tuple[Path, float]] = {}
    for folder in autosave_dirs():
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(PREFIX) and entry.name.endswith(TOMBSTONE):
                with contextlib.suppress(OSError):
                    when = entry.stat(follow_symlinks=False).st_mtime
                    token = token_of(Path(entry.path))
                    if token not in found or when > found[token][1]:
                        found[token] = (Path(entry.path), when)
    return found


def _owner_gone(path: Path) -> bool:
    lock = QtCore.QLockFile(str(lock_path(path)))
    if lock.tryLock(0):  # nobody holds it (a dead owner's lock counts as stale)
        lock.unlock()
        return True
    return False


def _move_aside(path: Path, reason: str) -> SetAside:
    """Move ``path`` (and its source note) to ``UNREADABLE`` with a note of ``reason``."""
    folder = path.parent / UNREADABLE
    try:
        folder.mkdir(exist_ok=True)
        target = folder / path.name
        stem, n = path.name.removesuffix(SUFFIX), 1
        while os.path.lexists(target):
            n += 1
            target = folder / f"{stem}-{n}{SUFFIX}"
        os.rename(path, target)  # a link is moved as a link
    except OSError:
        return SetAside(path.name, reason, None)
    with contextlib.suppress(OSError):
        sidecar = source_path(path)
        if sidecar.exists():
            os.rename(sidecar, source_path(target))
    with contextlib.suppress(OSError):
        lock_path(path).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        Path(str(target) + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
    return SetAside(path.name, reason, target)
