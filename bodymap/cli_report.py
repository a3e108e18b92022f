"""``bodymap report ENTRY_OR_DIARY OUT.pdf``: the PDF report of one entry or of a diary.

Every user error raises ``UsageError`` or a ``BodyMapError`` (one line; the CLI exits 2). A
damaged diary entry does not stop the report: it is listed in it and named on stderr, and
the command exits 2 at the end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bodymap.io.errors import UsageError, one_line

if TYPE_CHECKING:
    from bodymap.core.anatomy import Anatomy

COMMANDS = ("report",)


def add_parsers(sub: Any) -> None:
    """Add ``report`` to the CLI's subparsers."""
    report = sub.add_parser(
        "report", help="PDF report of a session or a diary folder, for a clinician"
    )
    report.add_argument("source", metavar="ENTRY_OR_DIARY")
    report.add_argument("out", metavar="OUT.pdf")
    report.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    report.add_argument(
        "--page-size", default="A4", metavar="A4|Letter", help="paper size (default A4)"
    )


def run(anatomy: Anatomy, ns: argparse.Namespace) -> int:
    from bodymap.cli_diary import parse_day
    from bodymap.io.report_pdf import PAGE_SIZES

    size = next((s for s in PAGE_SIZES if s.lower() == ns.page_size.lower()), None)
    if size is None:
        raise UsageError(f"--page-size {ns.page_size}: use A4 or Letter")
    source = Path(ns.source)
    if not source.exists():
        raise UsageError(f"{source}: no such session file or diary folder; check the path")
    is_diary = source.is_dir()
    if (ns.start or ns.end) and not is_diary:
        raise UsageError("--from/--to choose a diary's entries; give a diary folder")
    start = parse_day(ns.start, "--from", end=False) if ns.start else None
    end = parse_day(ns.end, "--to", end=True) if ns.end else None
    if start and end and end < start:
        raise UsageError(f"--to {ns.end} is before --from {ns.start}; swap them")
    out = Path(ns.out)
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give the PDF's file name")
    from bodymap.io.report_model import load_report
    from bodymap.io.report_pdf import write_report_pdf

    report = load_report(anatomy, source, start, end)
    pages = write_report_pdf(report, out, size)
    what = f"{len(report.diary.entries)} entries" if report.diary else "1 entry"
    print(f"{out}: {pages} page{'s' if pages != 1 else ''} ({size}), {what}")
    for name, reason in report.damaged:
        print(one_line(f"bodymap: {source / name}: damaged, left out: {reason}"), file=sys.stderr)
    return 2 if report.damaged else 0
