"""Issue 11's remaining field cases kept as tests: the 5,000-point scribble of F05 (bounded
work whatever the path scribbles) and F16 (the window uses the pain a saved session keeps
instead of refolding its strokes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from bodymap.core.layers import IntensityBands
from bodymap.core.marks import Stroke
from bodymap.core.pain import PainMap
from tests.test_cli import bodymap

FIELD = Path(__file__).parent / "fixtures" / "field-cases"
SCRIBBLE_5000 = FIELD / "scribble-5000pts-w0.5.bodymap.json"


def test_f05_a_5000_point_scribble_is_bounded_by_what_it_covers(anatomy) -> None:  # type: ignore[no-untyped-def]
    from bodymap.io.session_file import load_session

    session = load_session(SCRIBBLE_5000, anatomy)
    stroke = session.marks[-1]
    assert isinstance(stroke, Stroke) and stroke.point_count == 5000
    assert stroke.is_rasterised()  # not buffered point by point (250 s in the first version)
    area = stroke.geometry
    assert area.is_valid and not area.is_empty
    # Its outline is bounded by the cells of the box it covers, not by the 5,000 points.
    assert shapely.get_num_coordinates(area) < 40_000
    assert shapely.contains_xy(area.buffer(1e-6), *zip(*stroke.points, strict=True)).all()


def test_f05_the_command_line_analyzes_the_5000_point_scribble() -> None:
    done = bodymap("analyze", str(SCRIBBLE_5000), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["extent_pct"] > 0 and "matches" in result


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_f16_the_window_opens_a_saved_session_without_refolding(  # type: ignore[no-untyped-def]
    qtbot, anatomy, matcher, errors, tmp_path: Path, monkeypatch
) -> None:
    from bodymap.ui.app import application
    from bodymap.ui.body_view import Tool
    from bodymap.ui.main_window import MainWindow
    from tests.ui_helpers import drag

    application()
    first = MainWindow(anatomy, matcher)
    qtbot.addWidget(first)
    first.resize(1400, 900)
    first.show()
    first.set_tool(Tool.BRUSH)
    for dy in range(0, 120, 12):  # ten strokes on the back, saved as the app saves them
        drag(first, "back", [(140 + x, 330 + dy + (x % 7)) for x in range(0, 90, 3)])
    path = tmp_path / "saved-by-the-app.bodymap.json"
    assert first.files.save_to(path)
    shown = [(m.muscle, m.side, round(m.score, 6)) for m in first.result.matches]
    first.undo_stack.setClean()
    first.close()

    fold, fold_all = PainMap._fold, IntensityBands._fold_all

    def refuse_fold(pain: PainMap, view: str) -> object:
        if any(pain.view_of(m) == view for m in pain.marks):
            raise AssertionError("the window refolded strokes although the file keeps the pain")
        return fold(pain, view)  # a view without marks: nothing to fold

    def refuse_fold_all(bands: IntensityBands, marks: list) -> object:  # type: ignore[type-arg]
        if marks:
            raise AssertionError("the window refolded strokes although the file keeps the pain")
        return fold_all(bands, marks)

    monkeypatch.setattr(PainMap, "_fold", refuse_fold)
    monkeypatch.setattr(IntensityBands, "_fold_all", refuse_fold_all)
    second = MainWindow(anatomy, matcher)
    qtbot.addWidget(second)
    second.resize(1400, 900)
    second.show()
    assert second.files.open_path(path, ask=False)
    assert len(second.document.marks) == 10 and not errors
    assert [(m.muscle, m.side, round(m.score, 6)) for m in second.result.matches] == shown
    second.undo_stack.setClean()
    second.close()
