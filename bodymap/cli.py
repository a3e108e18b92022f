"""The command line: ``bodymap [SESSION]`` opens the window; subcommands work without it.

Every user error prints one line on stderr and exits with code 2.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bodymap import __version__
from bodymap.io.errors import BodyMapError, UsageError

if TYPE_CHECKING:
    from bodymap.core.anatomy import Anatomy, Region

ABOUT = "Patterns that resemble this drawing; self-reported, educational, not a diagnosis"
COMMANDS: tuple[str, ...] = ("analyze", "regions", "validate", "export", "diary", "compare")
COMMANDS += ("heatmap", "export-csv", "export-fhir", "import-choir", "cohort", "report")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bodymap",
        description="Pain body map: mark where it hurts and see which muscle referral "
        "patterns explain it. Without a command, opens the window.",
        epilog="Commands: analyze, regions, validate, export, diary, compare, heatmap, "
        "export-csv, export-fhir, import-choir, cohort, report (bodymap COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"bodymap {__version__}")
    parser.add_argument("--regions", metavar="FILE", help="use this regions.yaml")
    parser.add_argument("session", nargs="?", metavar="SESSION", help="session file to open")
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="open the window, load everything, close it again (exit 0 when all went well)",
    )  # fmt: skip
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bodymap")
    parser.add_argument("--regions", metavar="FILE", help="use this regions.yaml")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="rank the muscles that explain the pain")
    analyze.add_argument("session", nargs="?", metavar="SESSION")
    analyze.add_argument(
        "--mark", action="extend", nargs="+", default=[], metavar="REGION_ID",
        help="mark regions as painful (one or more ids, --mark repeatable; adds to the "
        "session, which goes before --mark)",
    )  # fmt: skip
    analyze.add_argument("--json", action="store_true", help="print JSON")
    analyze.add_argument(
        "--symptom", action="append", default=[], metavar="ID",
        help="answer yes to a checklist item or danger sign (repeatable; see --list-symptoms)",
    )  # fmt: skip
    analyze.add_argument(
        "--list-symptoms", action="store_true", help="list the symptom checklist and exit"
    )
    regions = sub.add_parser("regions", help="list the anatomical regions")
    regions.add_argument("--json", action="store_true", help="print JSON")
    regions.add_argument(
        "--at", nargs="*", metavar="VIEW X Y",
        help="print the id of the region at this point of a view (SVG units)",
    )  # fmt: skip
    validate = sub.add_parser("validate", help="check a regions file")
    validate.add_argument("regions_file", nargs="?", metavar="REGIONS_FILE")
    export = sub.add_parser("export", help="export a session as a PNG image")
    export.add_argument("session", metavar="SESSION")
    export.add_argument("out", metavar="OUT.png")
    export.add_argument("--scale", type=float, default=2.0, help="1 to 4 (default 2)")
    export.add_argument(
        "--force", action="store_true",
        help="replace existing continuation images (OUT-2.png...) of a long note",
    )  # fmt: skip
    from bodymap import cli_diary

    cli_diary.add_parsers(sub)
    from bodymap import cli_data

    cli_data.add_parsers(sub)
    from bodymap import cli_report

    cli_report.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a packaged app: its copies are `bodymap cohort`'s workers
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if _command_word(args) in COMMANDS:
            # A command is short-lived and makes few reference cycles: the cyclic garbage
            # collector, run again and again by the many objects that imports and a large
            # session create, would free next to nothing.
            collecting = gc.isenabled()
            gc.disable()
            try:
                return _run_command(_command_parser().parse_args(args))
            finally:
                if collecting:
                    gc.enable()
        ns = _parser().parse_args(args)
        from bodymap.launch import platform_problem  # before Qt can abort the process

        problem = platform_problem()
        if problem:
            raise UsageError(problem)
        try:
            from bodymap.ui.app import run_app  # Qt only when the window is wanted
        except ImportError as exc:  # a library the check above could not foresee
            raise UsageError(f"cannot open the window: {exc}") from None

        return int(run_app(ns.session, ns.regions, ns.smoke_test))
    except (BodyMapError, UsageError) as exc:
        print(f"bodymap: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`bodymap analyze | head`): nothing to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # out of memory (Python's or GEOS's) is a one-line error too
        if not _out_of_memory(exc):
            raise
        print("bodymap: out of memory; close other programs or use a smaller file", file=sys.stderr)
        return 2


def _out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc`` reports memory running out (MemoryError, GEOS's std::bad_alloc)."""
    import errno

    return (
        isinstance(exc, MemoryError)
        or (type(exc).__name__ == "GEOSException" and "bad_alloc" in str(exc))
        or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM)
        or (isinstance(exc, ImportError) and "failed to map segment" in str(exc))
    )


def _command_word(args: list[str]) -> str | None:
    """The first positional word, skipping the value of ``--regions``."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--regions":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _anatomy(path: str | None) -> Anatomy:
    from bodymap.io.regions_file import load_regions
    from bodymap.io.resources import default_regions_path

    return load_regions(path or default_regions_path())


def _run_command(ns: argparse.Namespace) -> int:
    if ns.command == "validate":
        anatomy = _anatomy(ns.regions_file or ns.regions)
        zones = sum(len(m.zones) for m in anatomy.muscles.values())
        print(
            f"{anatomy.source}: OK (format version {anatomy.version}, {len(anatomy.views)} views, "
            f"{len(anatomy.regions)} regions, {len(anatomy.muscles)} muscles, {zones} zones)"
        )
        return 0
    anatomy = _anatomy(ns.regions)
    if ns.command == "regions":
        if ns.at is not None:
            return _region_at(anatomy, ns.at)
        return _regions(anatomy, ns.json)
    if ns.command == "analyze":
        if ns.list_symptoms:
            for symptom in anatomy.symptoms:
                print(f"{symptom.id:18} {symptom.label}")
            if anatomy.danger_signs:
                print("Danger signs (a yes puts 'see a clinician' above the list):")
                for sign in anatomy.danger_signs:
                    print(f"{sign.id:18} {sign.question}")
            return 0
        return _analyze(anatomy, ns.session, ns.mark, ns.json, ns.symptom)
    if ns.command in ("diary", "compare", "heatmap"):
        from bodymap import cli_diary

        return cli_diary.run(anatomy, ns)
    if ns.command == "report":
        from bodymap import cli_report

        return cli_report.run(anatomy, ns)
    from bodymap import cli_data

    if ns.command in cli_data.COMMANDS:
        return cli_data.run(anatomy, ns)
    return _export(anatomy, ns.session, ns.out, ns.scale, ns.force)


def _regions(anatomy: Anatomy, as_json: bool) -> int:
    rows = []
    for region in anatomy.regions.values():
        point = region.polygon.representative_point()
        rows.append(
            {
                "id": region.id,
                "label": region.label,
                "view": region.view,
                "side": region.side,
                "area": round(region.polygon.area, 1),
                "point": [round(point.x, 2), round(point.y, 2)],
                "body_area": region.area or None,
                "snomed": _snomed_row(region),
                "choir": list(region.choir),
            }
        )
    if as_json:
        import json

        print(json.dumps({"regions": rows}, indent=2))
        return 0
    print(f"{'id':32} {'label':28} {'area':>8}  point")
    for row in rows:
        x, y = row["point"]
        print(f"{row['id']:32} {row['label']:28} {row['area']:>8}  {x}, {y}")
    return 0


def _snomed_row(region: Region) -> dict[str, object] | None:
    s = region.snomed
    if s is None:
        return None
    if s.code is None:
        return {"code": None, "reason": s.reason}
    laterality = {"code": s.laterality[0], "term": s.laterality[1]} if s.laterality else None
    return {"code": s.code, "term": s.term, "laterality": laterality, "source": s.source}


def _region_at(anatomy: Anatomy, args: list[str]) -> int:
    if len(args) != 3:
        raise UsageError("--at needs a view and two numbers, e.g. --at back 200 300")
    view, *numbers = args
    if view not in anatomy.views:
        raise UsageError(f"--at {view}: unknown view; use one of {', '.join(anatomy.views)}")
    try:
        x, y = (float(n) for n in numbers)
    except ValueError:
        raise UsageError(f"--at {' '.join(args)}: X and Y must be numbers (SVG units)") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise UsageError(f"--at {' '.join(args)}: X and Y must be finite numbers")
    region = anatomy.region_at(view, x, y)
    print(region.id if region else f"no region at {view} {x:g}, {y:g}")
    return 0


def _analyze(
    anatomy: Anatomy, session_path: str | None, marks: list[str], as_json: bool, answers: list[str]
) -> int:
    from bodymap.core.drawing import Drawing
    from bodymap.core.marks import RegionMark
    from bodymap.core.symptoms import assess, unknown_symptoms

    unknown = unknown_symptoms(anatomy, answers)
    if unknown:
        raise UsageError(f"--symptom {unknown[0]}: unknown item; `--list-symptoms` lists them")
    if session_path:
        from bodymap.io.session_file import load_session, regions_warning

        session = load_session(session_path, anatomy)
        warning = regions_warning(session, anatomy, session_path)
        if warning:
            print(f"bodymap: warning: {warning}", file=sys.stderr)
        drawing = Drawing.of_session(session, anatomy)
        answers = [a for a, yes in session.answers.items() if yes] + answers
    else:
        drawing = Drawing(anatomy)
    for region_id in marks:
        if region_id not in anatomy.regions:
            if region_id.endswith(".json") or Path(region_id).is_file():
                raise UsageError(
                    f"--mark {region_id}: a file, not a region id; give the session before "
                    "--mark: bodymap analyze SESSION --mark REGION_ID ..."
                )
            raise UsageError(f"--mark {region_id}: unknown region id; `bodymap regions` lists them")
        if not drawing.region_marked(region_id):
            drawing.add(RegionMark(region_id))
    known = {s.id for s in anatomy.symptoms} | {d.id for d in anatomy.danger_signs}
    answered = assess(
        anatomy,
        drawing.result,
        [a for a in answers if a in known],
        [m.quality for m in drawing.marks],
    )
    result, moves = answered.result, answered.moves
    if as_json:
        import json

        from bodymap.core.metrics import pain_extent, regions_touched

        pain = drawing.pain.geometries()
        extent = pain_extent(anatomy, pain)
        doc = {"about": ABOUT, **result.as_dict()}
        doc["symptom_moves"] = [m.as_dict() for m in moves]
        doc["danger_signs"] = [
            {"id": d.id, "warning": d.warning, "urgent": d.urgent} for d in answered.dangers
        ]
        doc["extent_pct"] = round(extent.total, 3)
        doc["extent_pct_by_view"] = {v: round(p, 3) for v, p in extent.per_view.items()}
        doc["regions_touched"] = len(regions_touched(anatomy, pain))
        print(json.dumps(doc, indent=2))
        return 0
    for sign in answered.dangers:
        print(f"See a clinician {'now' if sign.urgent else 'soon'}: {sign.warning}")
    if result.pain_area == 0:
        print("No pain marked. Use --mark REGION_ID or give a session file.")
        return 0
    for cue in result.warnings:
        print(f"Warning: {cue.label}. {cue.text}")
    print(f"{ABOUT}, best first:")
    print(
        f"{'#':>2}  {'muscle':28} {'side':6} {'score':>5}  {'strength':8}  "
        f"{'pain explained':>14}  zone covered"
    )
    for rank, m in enumerate(result.matches, 1):
        print(
            f"{rank:>2}  {m.name:28} {m.side:6} {m.score:5.2f}  {m.strength:8}  "
            f"{m.pain_explained:>14.0%}  {m.zone_covered:>12.0%}"
        )
    if not result.matches:
        print("No referral pattern explains at least a tenth of this pain.")
    print(f"Pain no listed pattern explains: {result.unexplained:.0%}")
    for move in moves:
        print(f"{anatomy.muscles[move.muscle].name} ({move.side}) {move.reason}")
    if result.also_touches:
        touched = ", ".join(
            f"{m.name} ({m.side}, {m.pain_explained:.0%})" for m in result.also_touches
        )
        print(f"Also touches: {touched}")
    if result.other_causes:
        print("Other causes to consider (not ranked):")
        for cue in result.other_causes:
            print(f"  - {cue.label}: {cue.text}")
    return 0


def _export(anatomy: Anatomy, session_path: str, out: str, scale: float, force: bool) -> int:
    if not 1.0 <= scale <= 4.0:
        raise UsageError(f"--scale {scale}: must be from 1 to 4")
    from bodymap.io.session_file import load_session

    session = load_session(session_path, anatomy)
    from bodymap.core.drawing import Drawing
    from bodymap.io.export import existing_continuations, export_pages, layout_pages  # Qt

    drawing = Drawing.of_session(session, anatomy)
    pages = len(layout_pages(drawing, session))
    found = existing_continuations(Path(out), pages)
    if found and not force:  # OUT was named; its continuations were not: never replace them
        raise UsageError(
            f"{found[0]}: exists, and the note continues there ({pages} images in all); "
            "choose another OUT name, move the file, or add --force to replace it"
        )
    size, files = export_pages(drawing, session, Path(out), scale)
    more = f"; continued in {', '.join(str(f) for f in files[1:])}" if len(files) > 1 else ""
    print(f"{out}: {size[0]} x {size[1]} pixels{more}")
    return 0
