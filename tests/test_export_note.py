"""The PNG export loses nothing: every character of a long note reaches the images (wrapped,
a word longer than a line broken, continued on NAME-2.png...), and no line of text
overprints another, the views or the footer, at every scale (field cases
export-long-note and export-note-long-word)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from PySide6 import QtGui

from bodymap.core.drawing import Drawing
from bodymap.core.marks import RegionMark
from bodymap.core.score import QUALITIES
from bodymap.core.session import Session
from bodymap.io import export
from bodymap.io.export import MARGIN, SIDE_GAP, export_pages, layout_pages, page_layout
from bodymap.io.report_text import font, metrics, overlap, wrap
from bodymap.io.session_file import load_session

CASES = Path(__file__).resolve().parent / "fixtures" / "field-cases"
FIELD_CASES = ["export-long-note.bodymap.json", "export-note-long-word.bodymap.json"]


@pytest.fixture(autouse=True)
def _widgets_app(qapp):  # type: ignore[no-untyped-def]
    return qapp


def _bare(text: str) -> str:
    return re.sub(r"\s", "", text)


def _check_layout(anatomy, session: Session) -> list[export.PageText]:  # type: ignore[no-untyped-def]
    drawing = Drawing.of_session(session, anatomy)
    pages = layout_pages(drawing, session)
    page = page_layout(anatomy)
    notes = [b.text for p in pages for b in p.boxes if b.role == "note"]
    # every character of the note, in order; only whitespace at line breaks is not drawn
    assert _bare("".join(notes)) == _bare(session.note)
    assert "".join(notes).replace(" ", "") in session.note.replace("\n", "").replace(" ", "")
    views = (MARGIN, export.VIEWS_TOP - 30, page.side_x - SIDE_GAP + 4, page.height - MARGIN)
    for number, p in enumerate(pages):
        boxes = p.boxes
        footer = [b for b in boxes if b.role == "footer"]
        assert len(footer) == 1
        for i, a in enumerate(boxes):
            x0, y0, x1, y1 = a.rect()
            assert x0 >= 0 and x1 <= page.width and y0 >= 0 and y1 <= p.height, a
            for b in boxes[i + 1 :]:
                assert not overlap(a.rect(), b.rect()), (a, b)
            if number == 0:
                assert not overlap(a.rect(), views), a
        # the rows (text and pictures) stack without overlapping, above the footer
        for column in {x for x, _, _ in p.rows}:
            rows = sorted((y, r.height) for x, y, r in p.rows if x == column)
            for (y0, h0), (y1, _) in itertools.pairwise(rows):
                assert y0 + h0 <= y1 + 1e-6
            assert rows[-1][0] + rows[-1][1] <= footer[0].y + 1e-6
    return pages


@pytest.mark.parametrize("name", FIELD_CASES)
def test_field_case_note_reaches_the_images_whole(anatomy, name: str) -> None:  # type: ignore[no-untyped-def]
    session = load_session(CASES / name, anatomy)
    pages = _check_layout(anatomy, session)
    if "long-note" in name:  # the page grew or continued: not cut
        assert len(pages) == 2 or pages[0].height > page_layout(anatomy).height
        last = " ".join(b.text for b in pages[-1].boxes if b.role == "note")
        assert last.endswith("LAST LINE: new numbness in the left foot - tell the GP.")


def test_a_word_longer_than_a_line_is_broken_not_run_off(anatomy) -> None:  # type: ignore[no-untyped-def]
    word = "b07,b18,b19,b23,b24,b28,b33,f01,f03,f08,f17,f27,f29" * 4
    session = Session(marks=[RegionMark("back.left.outer_hip", 6)], note=f"Areas: {word} END")
    pages = _check_layout(anatomy, session)
    lines = [b for p in pages for b in p.boxes if b.role == "note"]
    assert len(lines) >= 4
    assert all(b.w <= export.SIDE_WIDTH + 1e-6 for b in lines)


@pytest.mark.parametrize("scale", [1.0, 2.0, 3.0, 4.0])
def test_every_scale_draws_the_same_lines_and_each_fits(
    anatomy, tmp_path: Path, scale: float
) -> None:  # type: ignore[no-untyped-def]
    session = load_session(CASES / FIELD_CASES[0], anatomy)
    session.note = "\n\n".join([session.note] * 3)  # long enough to continue on an image
    drawing = Drawing.of_session(session, anatomy)
    layouts = layout_pages(drawing, session)
    _, files = export_pages(drawing, session, tmp_path / "map.png", scale)
    assert [f.name for f in files] == ["map.png"] + [
        f"map-{n}.png" for n in range(2, len(layouts) + 1)
    ]
    assert len(files) >= 2
    for f, layout in zip(files, layouts, strict=True):
        image = QtGui.QImage(str(f))
        assert image.size().toTuple() == (round(layout.width * scale), round(layout.height * scale))
    for page in layouts:
        for box in page.boxes:  # the text drawn at this scale stays in its box
            f = font(box.size, box.bold)  # what the page draws, under a scaled painter
            f.setPixelSize(round(f.pixelSize() * scale))
            scaled = QtGui.QFontMetricsF(f)
            assert scaled.horizontalAdvance(box.text) <= box.w * scale + 2 * scale, box


def test_many_lines_and_a_huge_note_continue_on_more_images(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    note = "\n".join(
        f"Day {i}: " + "stiff after sitting, better walking " * (i % 5) for i in range(400)
    )
    session = Session(marks=[RegionMark("back.left.outer_hip", 6, "aching")], note=note)
    pages = _check_layout(anatomy, session)
    assert len(pages) > 3
    footers = [next(b.text for b in p.boxes if b.role == "footer") for p in pages]
    assert footers[-1].endswith(f"Image {len(pages)} of {len(pages)}")


def test_the_page_shows_strength_words_causes_and_quality_legend(anatomy) -> None:  # type: ignore[no-untyped-def]
    marks = [
        RegionMark("back.left.outer_hip", 7, "burning"),
        RegionMark("front.left.groin", 5, "tingling"),
    ]
    session = Session(marks=marks, note="short")
    drawing = Drawing.of_session(session, anatomy)
    text = " ".join(b.text for b in layout_pages(drawing, session)[0].boxes)  # lines joined
    best = drawing.result.matches[0]
    assert f"1. {best.name} ({best.side}): {best.strength}" in text
    assert "Other causes to consider (not muscles, not ranked): " in text
    for cause in drawing.result.other_causes:
        assert cause.label in text
    for quality in ("burning", "tingling"):
        assert QUALITIES[quality].label in text
    assert "Self-reported; educational, not a diagnosis." in text


def test_wrap_keeps_every_character_and_breaks_only_at_spaces_or_long_words(qapp) -> None:  # type: ignore[no-untyped-def]
    fm = metrics(13)
    text = "  indented start\n\nword " + "x" * 300 + " tail\r\nend\twith tab"
    lines = wrap(text, fm, 120)
    assert _bare("".join(lines)) == _bare(text)
    assert all(fm.horizontalAdvance(line) <= 120 for line in lines)
    assert "" in lines  # the empty paragraph keeps its place
    assert lines[0].startswith("  indented")


def test_a_note_a_little_too_long_lengthens_the_page_instead(anatomy) -> None:  # type: ignore[no-untyped-def]
    page = page_layout(anatomy)
    grown = continued = 0
    for lines in range(10, 70, 6):
        note = "\n".join(f"Line {i} of the note." for i in range(lines))
        session = Session(marks=[RegionMark("back.left.outer_hip", 6)], note=note)
        pages = _check_layout(anatomy, session)
        if len(pages) == 1 and pages[0].height > page.height:
            assert pages[0].height <= page.height * (1 + export.GROW) + 1e-6
            grown += 1
        elif len(pages) > 1:
            assert all(p.height == page.height for p in pages)
            continued += 1
    assert grown and continued


def test_the_exports_hatch_each_quality_in_the_directions_of_the_window_pattern() -> None:
    from PySide6 import QtCore

    from bodymap.io.report_hatch import QUALITY_HATCH
    from bodymap.ui.quality import PATTERNS

    style = QtCore.Qt.BrushStyle
    as_hatch = {
        style.HorPattern: ((0.0,), False),
        style.VerPattern: ((90.0,), False),
        style.CrossPattern: ((0.0, 90.0), False),
        style.BDiagPattern: ((45.0,), False),
        style.FDiagPattern: ((-45.0,), False),
        style.DiagCrossPattern: ((45.0, -45.0), False),
        style.Dense6Pattern: ((), True),
    }
    assert set(QUALITY_HATCH) == set(QUALITIES) == set(PATTERNS)
    for quality, pattern in PATTERNS.items():
        assert QUALITY_HATCH[quality] == as_hatch[pattern], quality


def test_hatching_is_vector_lines_in_the_pdf(anatomy) -> None:  # type: ignore[no-untyped-def]
    """A printer's resolution does not shrink the patterns: the PDF holds no raster image."""
    import io

    from pypdf import PdfReader

    from bodymap.io.report_model import session_report
    from bodymap.io.report_pdf import render_pdf

    marks = [RegionMark("back.left.outer_hip", 7, q) for q in ("aching", "burning")]
    data, _ = render_pdf(session_report(anatomy, Session(marks=marks)))
    for page in PdfReader(io.BytesIO(data)).pages:
        assert not list(page.images)


def test_the_command_never_replaces_a_continuation_it_was_not_named(tmp_path: Path) -> None:
    """Attack finding 2: `bodymap export S report.png` with a long note replaced an unrelated
    report-2.png. Now it refuses in one line, writes nothing, and --force replaces."""
    from bodymap import cli
    from bodymap.io.session_file import save_session

    note = "\n".join(f"Day {i}: stiff after sitting, better walking" for i in range(400))
    session_path = tmp_path / "s.bodymap.json"
    save_session(Session([RegionMark("back.left.outer_hip", 6)], note=note), session_path)
    precious = tmp_path / "report-2.png"
    precious.write_bytes(b"precious")
    out = tmp_path / "report.png"
    assert cli.main(["export", str(session_path), str(out)]) == 2
    assert precious.read_bytes() == b"precious" and not out.exists()
    assert cli.main(["export", str(session_path), str(out), "--force"]) == 0
    assert precious.read_bytes().startswith(b"\x89PNG") and out.exists()
