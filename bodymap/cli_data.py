"""Data for other systems: ``bodymap export-csv``, ``export-fhir``, ``import-choir`` and
``cohort``.

Every user error raises ``UsageError`` or a ``BodyMapError`` (one line; the CLI exits 2). A
command given many files reads them all: one that cannot be read is named on stderr with its
reason, the others are used, and the command exits with 2 at the end.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bodymap.core.anatomy import Anatomy
from bodymap.io.errors import BodyMapError, UsageError, one_line

COMMANDS = ("export-csv", "export-fhir", "import-choir", "cohort")


def add_parsers(sub: Any) -> None:
    """Add the data commands to the CLI's subparsers."""
    csv = sub.add_parser("export-csv", help="one CSV row per entry, for R, pandas or a sheet")
    csv.add_argument("inputs", nargs="+", metavar="DIARY_OR_FILE")
    csv.add_argument("out", metavar="OUT.csv")
    fhir = sub.add_parser("export-fhir", help="an entry as a FHIR R4 Bundle (JSON)")
    fhir.add_argument("entry", metavar="ENTRY")
    fhir.add_argument("out", metavar="OUT.json")
    choir = sub.add_parser("import-choir", help="CHOIR body-map codes as a session")
    choir.add_argument(
        "codes", metavar="CODES", help='"128,117,107" or "b07,f01"; - reads one string a line'
    )
    choir.add_argument("out", nargs="?", metavar="OUT.bodymap.json")
    choir.add_argument("--out-dir", metavar="DIR", help="with -: one session per line here")
    choir.add_argument(
        "--chart", choices=("male", "female"), default="male",
        help="the CHOIR chart the codes were drawn on (default male)",
    )  # fmt: skip
    cohort = sub.add_parser("cohort", help="how often each spot, region and pattern is painful")
    cohort.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR")
    cohort.add_argument("--heatmap", required=True, metavar="OUT.png")
    cohort.add_argument("--csv", metavar="OUT.csv", help="also the counts per region and pattern")
    cohort.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes (default: all cores)"
    )


def run(anatomy: Anatomy, ns: argparse.Namespace) -> int:
    if ns.command == "export-csv":
        return _export_csv(anatomy, ns.inputs, ns.out)
    if ns.command == "export-fhir":
        return _export_fhir(anatomy, ns.entry, ns.out)
    if ns.command == "import-choir":
        return _import_choir(anatomy, ns.codes, ns.out, ns.out_dir, ns.chart)
    return _cohort(anatomy, ns.inputs, ns.heatmap, ns.csv, ns.jobs)


def _skip(text: str) -> None:
    print(f"bodymap: {one_line(text)}", file=sys.stderr)


def _entries(inputs: list[str]) -> Iterator[tuple[str, str | None]]:
    """Each entry of ``inputs`` (a diary folder: its entries by name; a file: itself), or
    ``(input, reason)`` when that input gives none."""
    from bodymap.io.diary_files import entry_files

    for text in inputs:
        path = Path(text)
        if path.is_dir():
            try:
                files = entry_files(path)
            except BodyMapError as exc:
                yield text, exc.reason
                continue
            if not files:
                yield text, "no entries in this diary folder"
            for file in files:
                yield str(file), None
        elif path.exists():
            yield text, None
        else:
            yield text, "no such file or diary folder; check the path"


def _export_csv(anatomy: Anatomy, inputs: list[str], out: str) -> int:
    from bodymap.core.entry_facts import FactFinder
    from bodymap.io.csv_export import check_writable, columns, row, table_bytes, write_table
    from bodymap.io.session_file import SUFFIX, load_session

    if out.endswith(SUFFIX) or Path(out).is_dir():
        raise UsageError(f"{out}: the last argument is the table to write; give OUT.csv")
    check_writable(out)
    finder = FactFinder(anatomy)
    rows, failed = [], 0
    for path, reason in _entries(inputs):
        if reason is not None:
            _skip(f"{path}: {reason}; skipped")
            failed += 1
            continue
        try:
            session = load_session(path, anatomy)
        except BodyMapError as exc:
            _skip(f"{exc}; skipped")
            failed += 1
            continue
        rows.append(row(anatomy, path, finder.facts(session)))
    if not rows:
        raise UsageError(f"{out}: no entry could be read; nothing written")
    header = columns(anatomy)
    write_table(out, table_bytes(header, rows))
    print(f"{out}: {len(rows)} {'entry' if len(rows) == 1 else 'entries'}, {len(header)} columns")
    if failed:
        _skip(f"{failed} input(s) could not be read (named above); the others are in {out}")
    return 2 if failed else 0


def _export_fhir(anatomy: Anatomy, entry: str, out: str) -> int:
    from bodymap.core.entry_facts import FactFinder
    from bodymap.io.csv_export import check_writable, write_table
    from bodymap.io.fhir import build_bundle, bundle_bytes
    from bodymap.io.session_file import load_session, regions_warning

    check_writable(out)
    session = load_session(entry, anatomy)
    warning = regions_warning(session, anatomy, entry)
    if warning:
        _skip(f"warning: {warning}")
    facts = FactFinder(anatomy).facts(session)
    from bodymap.io.report_pdf import report_pdf_bytes

    bundle = build_bundle(anatomy, session, facts, report_pdf=report_pdf_bytes(anatomy, session))
    write_table(out, bundle_bytes(bundle))
    print(f"{out}: FHIR R4 Bundle of {len(bundle['entry'])} resources")
    return 0


def _import_choir(
    anatomy: Anatomy, codes: str, out: str | None, out_dir: str | None, chart: str
) -> int:
    if codes == "-":
        if out_dir is None or out is not None:
            raise UsageError("import-choir -: give --out-dir DIR (one session per line), no OUT")
        return _import_lines(anatomy, out_dir, chart)
    if out is None or out_dir is not None:
        raise UsageError(
            "import-choir CODES: give OUT.bodymap.json (--out-dir goes with - for stdin)"
        )
    from bodymap.core.choir import ChoirCodeError
    from bodymap.io.choir_import import session_of_codes
    from bodymap.io.session_file import save_session

    try:
        imported = session_of_codes(anatomy, codes, chart)
    except ChoirCodeError as exc:
        raise UsageError(f"{codes}: {exc}; nothing written") from None
    save_session(imported.session, out)
    regions, read = len(imported.session.marks), len(imported.codes)
    print(f"{out}: {regions} region(s) from {read} CHOIR code(s)")
    return _report_missing(imported.missing, out)


def _report_missing(missing: tuple[int, ...], where: str) -> int:
    if not missing:
        return 0
    codes = ",".join(str(c) for c in missing)
    _skip(f"{where}: no region of this body for CHOIR {codes}; kept in the note only")
    return 2


def _import_lines(anatomy: Anatomy, out_dir: str, chart: str) -> int:
    from bodymap.core.choir import ChoirCodeError
    from bodymap.io.choir_import import session_of_codes
    from bodymap.io.errors import SessionError
    from bodymap.io.session_file import SUFFIX, save_session

    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SessionError(out_dir, f"cannot make the folder ({exc.strerror})") from None
    written, status = 0, 0
    for number, line in enumerate(sys.stdin, 1):
        text = line.strip().strip('"').strip()
        if not text:
            continue
        try:
            imported = session_of_codes(anatomy, text, chart)
        except ChoirCodeError as exc:
            _skip(f"stdin:{number}: {exc}; line skipped")
            status = 2
            continue
        target = folder / f"choir-{number:05d}{SUFFIX}"
        save_session(imported.session, target)  # a failed write stops here: one line
        written += 1
        status = max(status, _report_missing(imported.missing, f"stdin:{number}"))
    if written == 0 and status == 0:
        raise UsageError("import-choir -: no codes on stdin; give one code string a line")
    print(f"{out_dir}: {written} sessions written")
    return status


def _cohort(
    anatomy: Anatomy, inputs: list[str], heatmap: str, table: str | None, jobs: int | None
) -> int:
    from bodymap.io import cohort
    from bodymap.io.csv_export import check_writable, table_bytes, write_table

    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more worker processes")
    check_writable(heatmap)
    if table:
        check_writable(table)
    tally = cohort.run(anatomy, inputs, jobs)
    for path, reason in tally.failed:
        _skip(reason if reason.startswith(path) else f"{path}: {reason}")
    if tally.sessions == 0:
        raise UsageError(f"{' '.join(inputs)}: no session could be read; nothing written")
    from bodymap.io.cohort_report import TABLE_COLUMNS, table_rows, write_heatmap

    title = f"{tally.sessions:,} session{'' if tally.sessions == 1 else 's'}"
    write_heatmap(anatomy, tally, Path(heatmap), title)
    print(f"{heatmap}: heat map of {title}")
    if table:
        write_table(table, table_bytes(list(TABLE_COLUMNS), table_rows(anatomy, tally)))
        print(f"{table}: {len(anatomy.regions)} regions, {2 * len(anatomy.muscles)} patterns")
    if tally.failed:
        _skip(f"{len(tally.failed)} input(s) could not be read (named above)")
    return 2 if tally.failed else 0
