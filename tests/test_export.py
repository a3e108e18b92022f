"""PNG export: size, the pain colour at the painted spot, highlighted zones, failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtGui

from bodymap.core.marks import RegionMark, Stroke
from bodymap.core.session import Session
from bodymap.io import export as export_module
from bodymap.io import palette
from bodymap.io.errors import ExportError
from bodymap.io.export import export_png, page_layout

ROOT = Path(__file__).resolve().parent.parent


def _analysed(anatomy, session):  # type: ignore[no-untyped-def]
    """A session and its drawing, as the command line analyses it for an export."""
    from bodymap.core.drawing import Drawing

    return Drawing.of_session(session, anatomy), session


@pytest.fixture(autouse=True)
def _widgets_app(qapp):  # type: ignore[no-untyped-def]
    """Create the QApplication first: a bare QGuiApplication would block the window tests."""
    return qapp


def _session(anatomy) -> Session:  # type: ignore[no-untyped-def]
    thigh = anatomy.regions["front.left.upper_front_thigh"].polygon.representative_point()
    stroke = Stroke("front", ((thigh.x - 6, thigh.y), (thigh.x + 6, thigh.y)), 16.0, 10)
    return Session(marks=[RegionMark("back.left.outer_hip", 7), stroke], note="worse when sitting")


def _is_pain_colour(colour: QtGui.QColor) -> bool:
    """The colour of the stroke's intensity (10) on the palette's scale."""
    return colour == QtGui.QColor(palette.pain_colour(10))


@pytest.mark.parametrize("scale", [1.0, 2.0, 3.5])
def test_export_size_and_pain_colour_at_the_painted_spot(
    anatomy, tmp_path: Path, scale: float
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "map.png"
    size = export_png(*_analysed(anatomy, _session(anatomy)), out, scale)
    page = page_layout(anatomy)
    assert size == page.size(scale)
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == size
    thigh = anatomy.regions["front.left.upper_front_thigh"].polygon.representative_point()
    x, y = page.point("front", thigh.x, thigh.y, scale)
    assert _is_pain_colour(image.pixelColor(round(x), round(y)))
    # Paper at the top-left corner, unpainted skin far from any pain.
    assert image.pixelColor(2, 2) == QtGui.QColor(palette.PAPER)


def test_export_is_an_opaque_page(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The page is opaque paper, drawn on RGB32: its PNG has no alpha channel (a quarter
    faster to encode than ARGB32, and pixel for pixel the same page)."""
    out = tmp_path / "map.png"
    export_png(*_analysed(anatomy, _session(anatomy)), out, 1.0)
    assert not QtGui.QImage(str(out)).hasAlphaChannel()
    image = export_module.render_page(*_analysed(anatomy, _session(anatomy)), 1.0)
    assert image.format() == QtGui.QImage.Format.Format_RGB32


def test_export_draws_the_matching_zone_outline(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "map.png"
    export_png(*_analysed(anatomy, Session(marks=[RegionMark("back.left.outer_hip", 5)])), out, 1.0)
    image = QtGui.QImage(str(out))
    page = page_layout(anatomy)
    ql = QtGui.QColor(anatomy.muscles["quadratus_lumborum"].colour)
    x0 = round(page.view_x["back"])
    found = 0
    for yy in range(int(page.height)):
        for xx in range(x0, x0 + 400, 2):
            c = image.pixelColor(xx, yy)
            if (
                abs(c.red() - ql.red()) < 30
                and abs(c.green() - ql.green()) < 30
                and abs(c.blue() - ql.blue()) < 30
            ):
                found += 1
    assert found > 50  # the QL outline is drawn on the back view


def test_export_to_a_missing_folder_raises_a_one_line_error(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError) as info:
        export_png(*_analysed(anatomy, _session(anatomy)), tmp_path / "nope" / "map.png", 1.0)
    assert "\n" not in str(info.value)
    assert "folder does not exist" in str(info.value)


def test_export_to_a_read_only_folder_keeps_the_old_file(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    old = folder / "map.png"
    old.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError):
            export_png(*_analysed(anatomy, _session(anatomy)), old, 1.0)
    finally:
        folder.chmod(0o700)
    assert old.read_bytes() == b"old"


def test_cli_export_runs_headless(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.session_file import save_session

    session_path = tmp_path / "s.bodymap.json"
    save_session(_session(anatomy), session_path)
    out = tmp_path / "cli.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "bodymap", "export", str(session_path), str(out), "--scale", "1"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    w, h = page_layout(anatomy).size(1.0)
    assert proc.stdout.strip() == f"{out}: {w} x {h} pixels"
    assert QtGui.QImage(str(out)).size().width() == w


def test_window_export_uses_the_same_renderer(
    anatomy, matcher, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from bodymap.ui import dialogs
    from bodymap.ui.app import application
    from bodymap.ui.main_window import MainWindow

    application()
    window = MainWindow(anatomy, matcher)
    qtbot.addWidget(window)
    window.toggle_region("back.left.outer_hip")
    out = tmp_path / "from-window.png"
    monkeypatch.setattr(dialogs, "ask_export", lambda parent, suggested, size=None: (out, 2.0))
    window.action_set.export.trigger()
    assert QtGui.QImage(str(out)).size().toTuple() == page_layout(anatomy).size(2.0)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda p, t, m: errors.append(m))
    assert not window.files.export_to(tmp_path / "missing" / "x.png", 1.0)
    assert len(errors) == 1 and "\n" not in errors[0]
    window.undo_stack.setClean()
    window.close()


def test_export_legend_shows_every_intensity_colour(anatomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.export import layout_pages

    drawing, session = _analysed(anatomy, _session(anatomy))
    image = export_module.render_page(drawing, session, 2.0)
    x, y, _row = next(p for p in layout_pages(drawing, session)[0].rows if p[2].role == "legend")
    width = min(export_module.SIDE_WIDTH, 13 * 22)  # the scale's width (report_side)
    gap = width * 0.012
    swatch = (width - 9 * gap) / 10
    for level, colour in enumerate(palette.PAIN_SCALE, 1):
        cx, cy = x + (level - 1) * (swatch + gap) + swatch / 2, y + 5
        assert image.pixelColor(round(cx * 2), round(cy * 2)) == QtGui.QColor(colour), level
