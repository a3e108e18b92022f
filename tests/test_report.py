"""The PDF report: read back with pypdf, page by page, and ``bodymap report`` run as a user
runs it (one entry, a diary with a damaged entry, bad input)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from bodymap.core.diary import new_entry
from bodymap.core.marks import RegionMark
from bodymap.core.score import PainScore
from bodymap.core.session import Session
from bodymap.io.diary_files import add_entry
from bodymap.io.report_model import load_report, session_report
from bodymap.io.report_pdf import render_pdf, report_pdf_bytes
from bodymap.io.session_file import load_session, save_session

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "field-cases"
DISCLAIMER = "Self-reported; educational, not a diagnosis"
PARIS = timezone(timedelta(hours=1))


@pytest.fixture(autouse=True)
def _widgets_app(qapp):  # type: ignore[no-untyped-def]
    return qapp


def _pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF")
    # pypdf writes the spaces between words as tabs
    return [page.extract_text().replace("\t", " ") for page in PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def bodymap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bodymap", *args], capture_output=True, text=True, cwd=ROOT,
        timeout=180,
    )  # fmt: skip


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    folder = tmp_path / "diary"
    days = [
        (1, [RegionMark("back.left.outer_hip", 6, "aching")], PainScore(6, 4, 8)),
        (2, [RegionMark("back.left.outer_hip", 5), RegionMark("back.tailbone")], PainScore(4)),
        (5, [RegionMark("front.left.groin", 3, "stabbing")], PainScore(1, 2, 3)),
    ]
    for day, marks, score in days:
        entry = new_entry(date=datetime(2026, 11, day, 8, 30, tzinfo=PARIS))
        entry.marks, entry.score = marks, score
        entry.note = f"day {day}"
        add_entry(folder, entry)
    (folder / "zz-broken.bodymap.json").write_text("{", "utf-8")
    return folder


def test_every_page_has_the_words_and_its_number_and_the_whole_long_note(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = load_session(CASES / "export-long-note.bodymap.json", anatomy)
    data, layout = render_pdf(session_report(anatomy, session))
    pages = _pages(data)
    assert len(pages) == len(layout) >= 2
    for number, text in enumerate(pages, 1):
        assert DISCLAIMER in text, number
        assert f"Page {number} of {len(pages)}" in text
    notes = [b.text for p in layout for b in p.boxes if b.role == "note"]
    assert re.sub(r"\s", "", "".join(notes)) == re.sub(r"\s", "", session.note)
    for page, text in zip(layout, pages, strict=True):  # each laid-out line is in the PDF
        for box in (b for b in page.boxes if b.role == "note"):
            assert box.text.strip() in text
    assert "LAST LINE: new numbness in the left foot - tell the GP." in pages[-1]


def test_a_long_word_is_broken_and_kept_whole_in_the_pdf(anatomy) -> None:  # type: ignore[no-untyped-def]
    word = "b07,b18,b19,b23,b24,b28,b33,f01,f03,f08,f17,f27,f29" * 6
    session = Session(marks=[RegionMark("back.left.outer_hip", 6)], note=f"Areas: {word} END")
    data, layout = render_pdf(session_report(anatomy, session))
    lines = [b for p in layout for b in p.boxes if b.role == "note"]
    assert len(lines) >= 3
    assert re.sub(r"\s", "", "".join(b.text for b in lines)) == re.sub(r"\s", "", session.note)
    for page, text in zip(layout, _pages(data), strict=True):  # each page's part, unbroken
        part = "".join(b.text for b in page.boxes if b.role == "note")
        assert re.sub(r"\s", "", part) in re.sub(r"\s", "", text)


def test_no_text_overprints_other_text_on_any_page(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.report_text import overlap

    session = load_session(CASES / "export-long-note.bodymap.json", anatomy)
    session.answers = {"night_pain": True, "walking": True}
    _, layout = render_pdf(session_report(anatomy, session), "Letter")
    for page in layout:
        for i, a in enumerate(page.boxes):
            assert a.x >= 0 and a.x + a.w <= page.width and a.y + a.h <= page.height, a
            for b in page.boxes[i + 1 :]:
                assert not overlap(a.rect(), b.rect()), (a, b)


def test_letter_and_a4_pages(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = Session(marks=[RegionMark("back.left.outer_hip", 6)])
    for size, (w, h) in (("A4", (595, 842)), ("Letter", (612, 792))):
        data = report_pdf_bytes(anatomy, session, page_size=size)
        box = PdfReader(io.BytesIO(data)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (w, h), size
    with pytest.raises(ValueError):
        report_pdf_bytes(anatomy, session, page_size="A5")


def test_page_one_puts_danger_signs_and_warnings_first(anatomy) -> None:  # type: ignore[no-untyped-def]
    session = Session(
        marks=[RegionMark("front.left.groin", 6, "burning"), RegionMark("back.left.outer_hip", 5)],
        note="short note",
        score=PainScore(6, 4, 8),
        answers={"night_pain": True, "walking": True, "fever": False},
    )
    report = session_report(anatomy, session)
    first = _flat(_pages(render_pdf(report)[0])[0])
    result = report.entry.drawing.result
    assert result.warnings
    alert = first.index("Look at these first")
    assert first.index("Danger sign answered yes: Night pain") > alert
    assert "Fever" not in first  # answered no
    ranked = first.index("Muscle patterns that match")
    assert alert < ranked
    for cue in result.warnings:
        assert alert < first.index(cue.label) < ranked
    best = result.matches[0]
    assert f"1 {best.name} {best.side} {best.strength} {best.score:.2f}" in first  # a table row
    assert "Pain score (NRS 0-10): now 6, usual 4, worst 8" in first
    assert "Pain extent:" in first and "Regions touched: 2" in first
    assert "Burning" in first  # the quality's legend
    assert "Said yes to: Walking brings the pain on." in first
    for cue in result.other_causes:
        assert cue.label in " ".join(_pages(render_pdf(report)[0]))


def test_diary_report_has_timeline_comparison_and_the_damaged_entry(anatomy, diary: Path) -> None:  # type: ignore[no-untyped-def]
    report = load_report(anatomy, diary)
    assert report.damaged and report.damaged[0][0] == "zz-broken.bodymap.json"
    assert report.diary is not None and len(report.diary.entries) == 3
    data, _ = render_pdf(report)
    pages = _pages(data)
    everything = _flat(" ".join(pages))
    assert "Diary of 3 entries" in _flat(pages[0])
    assert "Timeline of the entries in range" in everything
    assert "The first entry against the last" in everything
    change = report.diary.comparison
    assert change is not None
    assert f"same place (Jaccard index) {change.change.jaccard:.2f}" in everything
    assert "zz-broken.bodymap.json: damaged, left out" in everything
    assert "day 5" in everything  # the newest entry's note
    for number, text in enumerate(pages, 1):
        assert DISCLAIMER in text and f"Page {number} of {len(pages)}" in text


def test_cli_report_of_an_entry(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = load_session(CASES / "export-note-long-word.bodymap.json", anatomy)
    path = tmp_path / "entry.bodymap.json"
    save_session(session, path)
    out = tmp_path / "report.pdf"
    proc = bodymap("report", str(path), str(out), "--page-size", "letter")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    pages = _pages(out.read_bytes())
    assert (
        proc.stdout.strip()
        == f"{out}: {len(pages)} page{'s' if len(pages) > 1 else ''} (Letter), 1 entry"
    )
    assert "b07,b18" in " ".join(pages)


def test_cli_report_of_a_diary_with_a_damaged_entry_exits_2_at_the_end(
    diary: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "diary.pdf"
    proc = bodymap("report", str(diary), str(out), "--from", "2026-11-02", "--to", "2026-11-30")
    assert proc.returncode == 2
    assert out.exists()  # the others were used
    assert "2 entries" in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "zz-broken.bodymap.json: damaged, left out" in lines[0]
    assert "Traceback" not in proc.stderr
    assert "Diary of 2 entries" in _flat(_pages(out.read_bytes())[0])


@pytest.mark.parametrize(
    ("case", "needle"),
    [
        ("missing-folder", "could not write it: the folder does not exist"),
        ("empty-diary", "no entries"),
        ("no-such-source", "no such session file or diary folder"),
        ("page-size", "--page-size A3: use A4 or Letter"),
        ("range-on-a-file", "--from/--to choose a diary's entries"),
        ("bad-date", "--from 2026-13-01: not a date"),
        ("out-is-a-folder", "is a folder; give the PDF's file name"),
        ("empty-range", "no readable entries in that range"),
    ],
)
def test_cli_report_bad_input_is_one_line_and_exit_2(
    diary: Path, tmp_path: Path, case: str, needle: str
) -> None:
    entry = next(diary.glob("2026-*.bodymap.json"))
    out = str(tmp_path / "r.pdf")
    empty = tmp_path / "empty"
    empty.mkdir()
    args = {
        "missing-folder": [str(entry), str(tmp_path / "nope" / "r.pdf")],
        "empty-diary": [str(empty), out],
        "no-such-source": [str(tmp_path / "nothing.bodymap.json"), out],
        "page-size": [str(entry), out, "--page-size", "A3"],
        "range-on-a-file": [str(entry), out, "--from", "2026-11-01"],
        "bad-date": [str(diary), out, "--from", "2026-13-01"],
        "out-is-a-folder": [str(entry), str(tmp_path)],
        "empty-range": [str(diary), out, "--from", "2027-01-01"],
    }[case]
    proc = bodymap("report", *args)
    assert proc.returncode == 2, proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert needle in proc.stderr
    assert not Path(out).exists()


def test_export_fhir_attaches_the_report(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import base64
    import json

    session = Session(marks=[RegionMark("back.left.outer_hip", 6)], note="for the clinic")
    entry = tmp_path / "entry.bodymap.json"
    save_session(session, entry)
    out = tmp_path / "bundle.json"
    proc = bodymap("export-fhir", str(entry), str(out))
    assert proc.returncode == 0, proc.stderr
    bundle = json.loads(out.read_text("utf-8"))
    (document,) = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "DocumentReference"
    ]
    pdf = base64.b64decode(document["content"][0]["attachment"]["data"])
    pages = _pages(pdf)
    assert all(DISCLAIMER in text for text in pages) and "for the clinic" in pages[-1]
