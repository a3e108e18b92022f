"""Read and write session files (``*.bodymap.json``): the public entry points.

Format ``bodymap-session`` (``docs/session-format.md``). The fields every version shares
(format, version, note, times, regions) are read here; each version's marks (and kept pain)
by its own module, listed in ``READERS``. Files are written in ``VERSION``, by ``WRITER``.
Loading validates everything, never modifies the file, refuses newer versions and anything
over the documented limits; a stale or damaged pain cache is ignored (the pain is then
computed from the marks). Saving is atomic.

Adding a format version: write ``bodymap/io/session_vN.py`` with ``VERSION``, ``read`` and
``write`` (see ``session_v2``), add its ``read`` to ``READERS`` and make it the ``WRITER``.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bodymap import __version__
from bodymap.core.anatomy import Anatomy
from bodymap.core.layers import PainLayers
from bodymap.core.marks import MAX_MARKS, Mark
from bodymap.core.session import Session
from bodymap.io import session_v1, session_v2, session_v3
from bodymap.io.bounded import FileProblem, read_regular
from bodymap.io.errors import SessionError
from bodymap.io.session_marks import Fail, aware_time

Reader = Callable[[dict[str, Any], Anatomy, Fail], tuple[list[Mark], PainLayers | None]]
"""Reads one version's marks and kept pain from the document: ``read(doc, anatomy, fail)``."""

READERS: dict[int, Reader] = {
    session_v1.VERSION: session_v1.read,
    session_v2.VERSION: session_v2.read,
    session_v3.VERSION: session_v3.read,
}
WRITER = session_v3  # the version written: ``write(session) -> {"marks": ..., ["pain": ...]}``

FORMAT = "bodymap-session"
VERSION = WRITER.VERSION
SUFFIX = ".bodymap.json"
MAX_BYTES = 64 * 1024 * 1024  # refused before parsing: about 3 million points
MAX_NOTE = 100_000  # characters: pages of text; a longer note is refused, not truncated
_SURROGATE = re.compile("[\ud800-\udfff]")


# --- writing ------------------------------------------------------------------------------


def session_to_dict(session: Session) -> dict[str, Any]:
    """The JSON document of ``session`` (current format version)."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": session.app_version,
        "regions": {"version": session.regions_version, "sha256": session.regions_sha256},
        "created": session.created.isoformat(),
        "modified": session.modified.isoformat(),
        "note": session.note,
    }
    doc.update(WRITER.write(session))
    return doc


def dumps(session: Session) -> bytes:
    """The file's bytes: one mark per line, the pain cache last, one level per line.

    Raises ValueError for a note over ``MAX_NOTE`` characters or a point out of range."""
    if len(session.note) > MAX_NOTE:
        raise ValueError(_note_too_long(len(session.note)))
    doc = session_to_dict(session)
    marks, cache = doc.pop("marks"), doc.pop("pain", None)
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in doc.items()]
    body = ",\n".join(f"  {json.dumps(m, ensure_ascii=False)}" for m in marks)
    lines.append(f' "marks": [\n{body}\n ]' if marks else ' "marks": []')
    if cache is not None:
        lines[-1] += ","
        lines.append(' "pain": ' + json.dumps(cache, indent=1).replace("\n", "\n "))
    text = "{\n" + "\n".join(lines) + "\n}"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone UTF-16 surrogate (legal in JSON, e.g. "\ud800" in a note) is no UTF-8: it
        # can only be inside a string, where its JSON escape stands for it exactly.
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")


def _note_too_long(length: int) -> str:
    return f"the note has {length:,} characters, more than the {MAX_NOTE:,} a session keeps"


def save_session(session: Session, path: str | Path) -> Path:
    """Write ``session`` to ``path`` atomically; raise SessionError (file untouched) on failure.
    Return the path written: a symbolic link is saved through to the file it points to.

    ``session.pain``, when given, is kept in the file (see :class:`Session`)."""
    from bodymap.io.atomic import describe_os_error, write_atomic  # not needed to read

    try:
        data = dumps(session)
    except ValueError as exc:
        raise SessionError(str(path), f"could not save: {exc}") from None
    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise SessionError(str(path), f"could not save: {describe_os_error(exc)}") from None


# --- reading ------------------------------------------------------------------------------


def load_session(path: str | Path, anatomy: Anatomy) -> Session:
    """Read and validate a session file against ``anatomy``; raise SessionError if unusable."""
    name = str(path)
    try:
        raw = read_regular(path, MAX_BYTES, "a session file")
    except FileProblem as exc:
        raise SessionError(name, str(exc)) from None
    return parse_session(raw, name, anatomy)


def parse_session(raw: bytes, name: str, anatomy: Anatomy) -> Session:
    """Validate the bytes of a session file called ``name``."""
    # Reading makes hundreds of thousands of small objects that all live on: the cyclic
    # garbage collector, triggered over and over by them, would find nothing to free and
    # take half the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(raw, name, anatomy)
    finally:
        if collecting:
            gc.enable()


def _parse(raw: bytes, name: str, anatomy: Anatomy) -> Session:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError(
            name, f"not a text file (bad byte at offset {exc.start}); the file is damaged"
        ) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise SessionError(
            name, f"damaged or incomplete ({exc.msg}); restore a backup or the autosave",
            exc.lineno, exc.colno,
        ) from None  # fmt: skip
    except (ValueError, RecursionError) as exc:
        raise SessionError(name, f"damaged ({exc}); restore a backup") from None
    return _from_dict(doc, name, anatomy)


def _reject_constant(token: str) -> float:
    raise ValueError(f"{token} is not a number a session may hold")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key comes twice (JSON would keep the last silently)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} comes twice in one object; keep only one")
            seen.add(key)
    return obj


def _from_dict(doc: Any, name: str, anatomy: Anatomy) -> Session:
    def fail(where: str, reason: str) -> SessionError:
        return SessionError(name, f"{where}: {reason}; the file is damaged or not a session")

    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError(name, f'not a session file (no "format": "{FORMAT}")')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail("version", "must be a whole number from 1")
    if version > VERSION:
        raise SessionError(
            name, f"written in session format version {version}, newer than this app reads "
            f"(version {VERSION}); update the app to open it",
        )  # fmt: skip
    note = doc.get("note", "")
    if not isinstance(note, str):
        raise fail("note", "must be text")
    if len(note) > MAX_NOTE:
        raise SessionError(name, f"note: {_note_too_long(len(note))}; shorten it in a text editor")
    app_version = doc.get("app_version", __version__)
    if not isinstance(app_version, str):
        raise fail("app_version", "must be text")
    regions = doc.get("regions", {})
    if not isinstance(regions, dict):
        raise fail("regions", "must be an object")
    regions_version = regions.get("version")
    regions_sha = regions.get("sha256")
    if regions_version is not None and (
        isinstance(regions_version, bool) or not isinstance(regions_version, int)
    ):
        raise fail("regions.version", "must be a whole number")
    if regions_sha is not None and not isinstance(regions_sha, str):
        raise fail("regions.sha256", "must be text")
    times = []
    for key in ("created", "modified"):
        stamp = aware_time(doc.get(key))
        if stamp is None:
            raise fail(key, "must be an ISO 8601 time with a time zone")
        times.append(stamp)
    raw_marks = doc.get("marks")
    if not isinstance(raw_marks, list):
        raise fail("marks", "must be a list")
    if len(raw_marks) > MAX_MARKS:
        raise fail("marks", f"more than {MAX_MARKS} marks")
    marks, layers = READERS[version](doc, anatomy, fail)
    session = Session(marks, note, times[0], times[1], regions_version, regions_sha, app_version)
    session.pain = layers
    if version >= session_v3.VERSION:  # a diary entry's score, answers and date
        session.score, session.answers, session.date = session_v3.read_entry(doc, fail)
    return session


def regions_warning(session: Session, anatomy: Anatomy, name: str) -> str | None:
    """A one-line warning when ``session`` was drawn against another regions file."""
    if session.regions_sha256 in (None, anatomy.sha256):
        return None
    return (
        f"{name}: drawn against another version of regions.yaml; marks load as drawn, "
        "but the matches may differ from when it was saved"
    )
