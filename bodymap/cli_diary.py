"""The diary's commands: ``bodymap diary``, ``bodymap compare`` and ``bodymap heatmap``.

Every user error raises ``UsageError`` or a ``BodyMapError`` (one line; the CLI exits 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bodymap.io.errors import UsageError

if TYPE_CHECKING:
    from bodymap.core.anatomy import Anatomy
    from bodymap.core.diary import EntrySummary
    from bodymap.core.session import Session

COMMANDS = ("diary", "compare", "heatmap")


def add_parsers(sub: Any) -> None:
    """Add the diary's subcommands to the CLI's subparsers."""
    diary = sub.add_parser("diary", help="list a diary's entries (a folder of sessions)")
    diary.add_argument("folder", metavar="DIR")
    diary.add_argument("--json", action="store_true", help="print JSON")
    compare = sub.add_parser("compare", help="compare two sessions (earlier A, later B)")
    compare.add_argument("a", metavar="A")
    compare.add_argument("b", metavar="B")
    compare.add_argument("--json", action="store_true", help="print JSON")
    heat = sub.add_parser("heatmap", help="PNG of how often each spot was painful in a diary")
    heat.add_argument("folder", metavar="DIR")
    heat.add_argument("out", metavar="OUT.png")
    heat.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    heat.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")


def run(anatomy: Anatomy, ns: argparse.Namespace) -> int:
    if ns.command == "diary":
        return _diary(anatomy, ns.folder, ns.json)
    if ns.command == "compare":
        return _compare(anatomy, ns.a, ns.b, ns.json)
    return _heatmap(anatomy, ns.folder, ns.out, ns.start, ns.end)


def _round(value: float) -> float:
    return round(value, 3)


def entry_json(folder: Path, entry: EntrySummary) -> dict[str, Any]:
    """One entry of ``bodymap diary --json``; ``top.strength`` is the matching score in
    [0, 1] until the ranking gives strength words."""
    path = str(folder / entry.name)
    if entry.error is not None:
        return {"path": path, "error": entry.error}
    top = entry.top
    return {
        "path": path,
        "date": entry.date.isoformat() if entry.date else None,
        "nrs": entry.score.as_dict(),
        "extent_pct": _round(entry.extent_pct),
        "regions_touched": entry.regions_touched,
        "top": {"muscle": top.muscle, "side": top.side, "strength": round(top.score, 4)}
        if top
        else None,
    }


def _diary(anatomy: Anatomy, folder: str, as_json: bool) -> int:
    from bodymap.io.diary_files import read_diary

    entries = read_diary(folder, anatomy)
    if as_json:
        print(json.dumps({"entries": [entry_json(Path(folder), e) for e in entries]}, indent=2))
        return 0
    if not entries:
        print(f"{folder}: no entries yet.")
        return 0
    print(f"{'date':25} {'now':>3} {'usual':>5} {'worst':>5} {'extent':>7} {'regions':>7}  top")
    for e in entries:
        if e.error is not None:
            print(f"{e.name}: cannot be read: {e.error}")
            continue
        s = e.score
        top = "-"
        if e.top:
            muscle = anatomy.muscles.get(e.top.muscle)
            top = f"{muscle.name if muscle else e.top.muscle} ({e.top.side}) {e.top.score:.2f}"
        print(
            f"{e.date.isoformat() if e.date else '':25} {_nrs(s.now):>3} {_nrs(s.usual):>5} "
            f"{_nrs(s.worst):>5} {e.extent_pct:>6.1f}% {e.regions_touched:>7}  {top}"
        )
    return 0


def _nrs(value: int | None) -> str:
    return "-" if value is None else str(value)


def _load(anatomy: Anatomy, path: str) -> Session:
    from bodymap.io.session_file import load_session, regions_warning

    session = load_session(path, anatomy)
    warning = regions_warning(session, anatomy, path)
    if warning:
        print(f"bodymap: warning: {warning}", file=sys.stderr)
    return session


def _compare(anatomy: Anatomy, path_a: str, path_b: str, as_json: bool) -> int:
    from bodymap.core.compare import compare_sessions

    result = compare_sessions(anatomy, _load(anatomy, path_a), _load(anatomy, path_b))
    change = result.change
    doc = {
        "jaccard": round(change.jaccard, 4),
        "extent_pct_a": _round(change.extent_a),
        "extent_pct_b": _round(change.extent_b),
        "new_pct": _round(change.new),
        "resolved_pct": _round(change.resolved),
        "unchanged_pct": _round(change.unchanged),
        "nrs_change": result.nrs_change,
        "matches_a": [m.as_dict() for m in result.matches_a.matches],
        "matches_b": [m.as_dict() for m in result.matches_b.matches],
    }
    if as_json:
        print(json.dumps(doc, indent=2))
        return 0
    print(f"Pain extent: {change.extent_a:.1f}% -> {change.extent_b:.1f}% of the body")
    print(
        f"New pain {change.new:.1f}%, resolved {change.resolved:.1f}%, "
        f"unchanged {change.unchanged:.1f}% of the body"
    )
    print(f"Same place (Jaccard index): {change.jaccard:.2f}")
    for key, delta in result.nrs_change.items():
        if delta is not None:
            print(f"NRS {key}: {delta:+d}")
    for label, res in (("A", result.matches_a), ("B", result.matches_b)):
        best = ", ".join(f"{m.name} ({m.side}) {m.score:.2f}" for m in res.matches[:3])
        print(f"Best patterns in {label}: {best or 'none'}")
    return 0


def parse_day(text: str, option: str, end: bool) -> datetime:
    """``YYYY-MM-DD`` (this computer's zone; the whole day) or an ISO 8601 time with a zone."""
    try:
        if len(text) == 10:
            day = datetime.fromisoformat(text).date()
            stamp = datetime.combine(day, time.max if end else time.min).astimezone()
        else:
            stamp = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text}: not a date; give YYYY-MM-DD") from None
    if stamp.tzinfo is None:
        raise UsageError(f"{option} {text}: give a time zone, or only the day (YYYY-MM-DD)")
    return stamp


def _heatmap(
    anatomy: Anatomy, folder: str, out: str, start_text: str | None, end_text: str | None
) -> int:
    from bodymap.core.diary import in_range
    from bodymap.io.diary_files import read_diary

    start = parse_day(start_text, "--from", end=False) if start_text else None
    end = parse_day(end_text, "--to", end=True) if end_text else None
    if start and end and end < start:
        raise UsageError(f"--to {end_text} is before --from {start_text}; swap them")
    entries = in_range(read_diary(folder, anatomy), start, end)
    if not entries:
        raise UsageError(f"{folder}: no readable entries in that range; widen --from/--to")
    from bodymap.io.heatmap import count_of_entries, heatmap_of_entries

    heatmap_of_entries(anatomy, Path(folder), entries, Path(out))
    first, last = entries[0].date, entries[-1].date
    assert first is not None and last is not None
    span = f"{first.date()}" if first.date() == last.date() else f"{first.date()} to {last.date()}"
    print(f"{out}: {count_of_entries(len(entries))}, {span}")
    return 0
