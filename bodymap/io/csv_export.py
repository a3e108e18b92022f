"""The research table: one CSV row per diary entry (``bodymap export-csv``).

Qt-free. The file is UTF-8 (no byte-order mark) with a header row, RFC 4180 quoting (a field
holding a comma, a quote or a line break is quoted, quotes doubled; lines end in CRLF) and an
empty field for a missing value, so ``pandas.read_csv`` and R's ``read.csv`` read it without
options. The columns are the same for every file made with one ``regions.yaml``
(:func:`columns`): the entry's fields, then three per muscle side, muscles sorted by id,
left before right. Definitions in the README ("bodymap export-csv").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path

from bodymap.core.anatomy import Anatomy
from bodymap.core.choir import code_string
from bodymap.core.entry_facts import EntryFacts
from bodymap.io.errors import ExportError

ENTRY_COLUMNS = (
    "entry", "date", "nrs_now", "nrs_usual", "nrs_worst", "extent_pct", "extent_pct_back",
    "extent_pct_front", "regions_touched", "choir", "regions", "qualities", "unexplained",
    "top_muscle", "top_side", "note",
)  # fmt: skip
SIDE_FIELDS = ("score", "strength", "explained")
SIDES = ("left", "right")


def columns(anatomy: Anatomy) -> list[str]:
    """The header: :data:`ENTRY_COLUMNS`, then ``<muscle>_<side>_<field>`` for every muscle
    of ``anatomy`` (sorted by id), side (left, right) and field (:data:`SIDE_FIELDS`)."""
    sides = [
        f"{muscle}_{side}_{name}"
        for muscle in sorted(anatomy.muscles)
        for side in SIDES
        for name in SIDE_FIELDS
    ]
    return [*ENTRY_COLUMNS, *sides]


def _num(value: float, digits: int) -> str:
    return f"{round(value, digits):g}" if abs(value) >= 1e-4 else "0"


def _nrs(value: int | None) -> str:
    return "" if value is None else str(value)


def row(anatomy: Anatomy, entry: str, facts: EntryFacts) -> dict[str, str]:
    """The fields of one entry (every value a string; empty when missing).

    Per muscle side: with pain, ``score`` (matching score, 0-1) and ``explained`` (share of
    the pain inside its pattern, 0-1) for every side, 0 for one out of contact;
    ``strength`` (strong, moderate or weak) only for a listed side. Without pain the three
    are empty (nothing was measured)."""
    extent = facts.extent
    top = facts.result.matches[0] if facts.result.matches else None
    fields = {
        "entry": entry,
        "date": facts.date.isoformat(timespec="seconds"),
        "nrs_now": _nrs(facts.score.now),
        "nrs_usual": _nrs(facts.score.usual),
        "nrs_worst": _nrs(facts.score.worst),
        "extent_pct": _num(extent.total, 3),
        "extent_pct_back": _num(extent.per_view.get("back", 0.0), 3),
        "extent_pct_front": _num(extent.per_view.get("front", 0.0), 3),
        "regions_touched": str(len(facts.regions)),
        "choir": code_string(facts.choir),
        "regions": " ".join(r.id for r in facts.regions),
        "qualities": " ".join(facts.qualities),
        "unexplained": _num(facts.result.unexplained, 4) if facts.result.pain_area else "",
        "top_muscle": top.muscle if top else "",
        "top_side": top.side if top else "",
        "note": facts.note,
    }
    painted = facts.result.pain_area > 0
    found = facts.side_matches()
    for muscle in sorted(anatomy.muscles):
        for side in SIDES:
            key = f"{muscle}_{side}_"
            match = found.get((muscle, side))
            if not painted:
                values = ("", "", "")
            elif match is None:
                values = ("0", "", "0")
            else:
                m, listed = match
                strength = m.strength if listed else ""
                values = (_num(m.score, 4), strength, _num(m.pain_explained, 4))
            for name, value in zip(SIDE_FIELDS, values, strict=True):
                fields[key + name] = value
    return fields


def table_bytes(header: list[str], rows: Iterable[Mapping[str, str]]) -> bytes:
    """The CSV file: ``header`` then ``rows`` (fields missing from a row are empty)."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, header, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_table(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; ExportError (one line, the previous file
    untouched) when it cannot be written."""
    from bodymap.io.atomic import describe_os_error, write_atomic

    try:
        return write_atomic(path, data)
    except OSError as exc:
        raise ExportError(str(path), f"could not write it: {describe_os_error(exc)}") from None


def check_writable(path: str | Path) -> None:
    """ExportError (one line) when ``path`` cannot be written: a folder, or a missing or
    read-only folder. Checked before long work, so that the work is not lost at the end."""
    import errno
    import os

    from bodymap.io.atomic import describe_os_error, target_of

    target = target_of(path)
    if target.is_dir():
        raise ExportError(str(path), "that name is a folder; choose a file name")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(str(path), "could not write it: the folder does not exist; "
                          "choose another folder")  # fmt: skip
    if not os.access(folder, os.W_OK):
        denied = OSError(errno.EACCES, "Permission denied")
        raise ExportError(str(path), f"could not write it: {describe_os_error(denied)}")
